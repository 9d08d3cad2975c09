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


def meaning(node: Any, normalize: Normalize | None = None) -> Any:
    """A position-free, normalized copy of an AST node for equality comparison."""
    if type(node) is tuple:
        return tuple(meaning(element, normalize) for element in node)
    if type(node) in _NODE_TYPES:
        if normalize is not None:
            node = normalize(node)
        node = canonical_spelling(node)
        return (
            type(node).__name__,
            tuple((name, meaning(getattr(node, name), normalize)) for name in _compared_fields(type(node))),
        )
    return node


_NODE_TYPES: frozenset[type] = frozenset(
    cls for cls in vars(ast).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
)


@cache
def _compared_fields(cls: type) -> tuple[str, ...]:
    """The fields of a node class that say what it means (all but positions)."""
    names = (item.name for item in dataclasses.fields(cls))
    return tuple(name for name in names if name != "span" and not name.endswith("_span"))
