"""What a template means, as a comparable value: the check that rewriting tools never
change what panc compiles.

``meaning(tree)`` drops positions and folds the spellings panc treats as identical: the
deprecated aliases ``nlist``/``is_nlist`` (function and type) and braces around a single
include expression. Two templates with equal meanings compile alike. Tools that know more
equivalences pass their own ``normalize`` step (applied to every node before the core's).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

from panc.syntax import ast

DEPRECATED_ALIASES = {"nlist": "dict", "is_nlist": "is_dict"}
"""Deprecated builtin name -> its replacement: each pair is one builtin under two names."""

SIMPLE_EXPRESSIONS = (ast.Literal, ast.Variable, ast.Index, ast.Call, ast.Binary, ast.Unary, ast.If)
"""Expressions that mean the same with or without a block around them."""

Normalize = Callable[[Any], Any]


def canonical_spelling(node: Any) -> Any:
    """``node`` with the language's alternative spellings folded (one level, not recursive)."""
    if isinstance(node, ast.Call) and node.name in DEPRECATED_ALIASES:
        return dataclasses.replace(node, name=DEPRECATED_ALIASES[node.name])
    if isinstance(node, ast.TypeRef) and node.name == "nlist":
        return dataclasses.replace(node, name="dict")
    if (
        isinstance(node, ast.Include)
        and isinstance(node.target, ast.Block)
        and len(node.target.body) == 1
        and isinstance(node.target.body[0], SIMPLE_EXPRESSIONS)
    ):
        return dataclasses.replace(node, target=node.target.body[0])
    return node


def meaning(node: Any, normalize: Normalize | None = None) -> tuple[Any, ...]:
    """A position-free, normalized form of an AST node for equality comparison.

    A flat tuple (the nodes in prefix order), built with a stack of its own: trees nested any
    number of levels deep (``1 + 1 + ...`` thousands of times) are compared without recursion,
    here or in ``==``.
    """
    out: list[Any] = []
    pending: list[Any] = [node]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is _FieldName:
            out.append(("field", item.name))
        elif kind is tuple:
            out.append(("tuple", len(item)))
            pending.extend(reversed(item))
        elif kind in _NODE_TYPES:
            if normalize is not None:
                item = normalize(item)
            item = canonical_spelling(item)
            out.append(("node", type(item).__name__))
            for name in reversed(_compared_fields(type(item))):
                pending.append(getattr(item, name))
                pending.append(_FieldName(name))
        else:
            out.append(("value", item))
    return tuple(out)


class _FieldName:
    """A field's name on the stack (told apart from the values, which may be strings)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_NODE_TYPES: frozenset[type] = frozenset(
    cls for cls in vars(ast).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
)


@cache
def _compared_fields(cls: type) -> tuple[str, ...]:
    """The fields of a node class that say what it means (all but positions)."""
    names = (item.name for item in dataclasses.fields(cls))
    return tuple(name for name in names if name != "span" and not name.endswith("_span"))
