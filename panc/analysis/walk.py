"""Generic traversal of the AST: every node is a frozen dataclass whose children sit in its fields."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache

from panc.source import Span
from panc.syntax import ast

_NODE_TYPES: frozenset[type] = frozenset(
    cls for cls in vars(ast).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
)


@cache
def _child_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields of ``cls`` that may hold nodes (everything but spans and scalars)."""
    return tuple(
        field.name
        for field in dataclasses.fields(cls)
        if field.name != "span" and not field.name.endswith("_span")
    )


def children(node: object) -> Iterator[object]:
    """The direct child nodes of ``node``, in source order."""
    node_types = _NODE_TYPES
    if type(node) not in node_types:
        return
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if type(value) is tuple:
            for item in value:
                if type(item) in node_types:
                    yield item
        elif type(value) in node_types:
            yield value


def walk(node: object) -> Iterator[object]:
    """``node`` and all its descendants, depth first, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(children(current))))


def node_span(node: object) -> Span | None:
    """The span of an AST node, or ``None`` for non-nodes."""
    span = getattr(node, "span", None)
    return span if isinstance(span, Span) else None
