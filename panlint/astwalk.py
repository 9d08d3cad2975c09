"""Generic traversal of the pan AST (frozen dataclasses) for rules that look at every node."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
"""Per node class, the fields that may hold child nodes (everything but spans and names)."""

_SCALAR_FIELDS = frozenset({"span", "name", "op", "path", "kind", "key_name", "value_name", "body_text"})


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
    return hasattr(type(value), "__dataclass_fields__")


def children(node: Any) -> Iterator[Any]:
    """The direct AST children of a node, in field order (spans and plain values excluded)."""
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if type(value) is tuple:  # pylint: disable=unidiomatic-typecheck  # Span is a tuple subclass
            for element in value:
                if _is_node(element):
                    yield element
        elif _is_node(value):
            yield value


def walk(node: Any) -> Iterator[Any]:
    """Every node of the tree rooted at ``node``, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(children(current))))
