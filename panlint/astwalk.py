"""Generic traversal of the pan AST (frozen dataclasses) for rules that look at every node."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
"""Per node class, the fields that may hold child nodes (everything but spans and names)."""

_SCALAR_FIELDS = frozenset({"span", "name", "op", "path", "kind", "key_name", "value_name"})

_IS_NODE: dict[type, bool] = {}
"""Per class: is it an AST node (a dataclass)? Cached: this is the linter's hottest test."""


def _child_fields(cls: type) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = tuple(
            name
            for name in getattr(cls, "__dataclass_fields__", {})
            if name not in _SCALAR_FIELDS and not name.endswith("_span")
        )
        _CHILD_FIELDS[cls] = names
    return names


def _is_node(value: Any) -> bool:
    cls = type(value)
    known = _IS_NODE.get(cls)
    if known is None:
        known = _IS_NODE[cls] = hasattr(cls, "__dataclass_fields__")
    return known


def child_list(node: Any) -> list[Any]:
    """The direct AST children of a node, in field order (spans and plain values excluded)."""
    found = []
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if type(value) is tuple:
            found.extend(element for element in value if _is_node(element))
        elif _is_node(value):
            found.append(value)
    return found


def children(node: Any) -> Iterator[Any]:
    """The direct AST children of a node, in field order."""
    return iter(child_list(node))


def walk(node: Any) -> list[Any]:
    """Every node of the tree rooted at ``node``, parents before children, in source order."""
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        below = child_list(current)
        below.reverse()
        stack.extend(below)
    return found
