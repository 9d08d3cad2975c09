"""What a template means, as a comparable value: the check that fixes never change meaning.

``meaning(tree)`` drops positions and folds the spellings that panc treats as identical
(the deprecated aliases ``nlist``/``is_nlist``, a trailing ``/`` on a statement path, braces
around a single include expression, ``error(format(f, x))`` for ``error(f, x)``), so a fixed
template must have the same meaning as the original.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from panc.syntax import ast
from panlint.rules.deprecated import REPLACEMENTS


def _is_wrapped_format(node: Any) -> bool:
    """``error(format(fmt, args...))``: the same as ``error(fmt, args...)``."""
    if not (isinstance(node, ast.Call) and node.name in ("error", "debug") and len(node.args) == 1):
        return False
    inner = node.args[0]
    return isinstance(inner, ast.Call) and inner.name == "format" and len(inner.args) > 1


def _normalize(node: Any) -> Any:
    if isinstance(node, ast.Call) and node.name in REPLACEMENTS:
        return dataclasses.replace(node, name=REPLACEMENTS[node.name])
    if _is_wrapped_format(node):
        return dataclasses.replace(node, args=node.args[0].args)
    if isinstance(node, ast.TypeRef) and node.name == "nlist":
        return dataclasses.replace(node, name="dict")
    if isinstance(node, ast.Include) and isinstance(node.target, ast.Block) and len(node.target.body) == 1:
        return dataclasses.replace(node, target=node.target.body[0])
    path = getattr(node, "path", None)
    if (
        isinstance(path, str)
        and len(path) > 1
        and path.endswith("/")
        and not isinstance(node, ast.Annotation)
    ):
        return dataclasses.replace(node, path=path.rstrip("/") or "/")
    return node


def meaning(node: Any) -> tuple[Any, ...]:
    """A position-free, normalized form of an AST node for equality comparison.

    A flat tuple (the nodes in prefix order), built with a stack of its own: expressions nested
    any number of levels deep are compared without recursion, here or in ``==``.
    """
    out: list[Any] = []
    pending: list[Any] = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, _FieldName):
            out.append(("field", item.name))
        elif isinstance(item, tuple) and not hasattr(item, "_fields"):
            out.append(("tuple", len(item)))
            pending.extend(reversed(item))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            item = _normalize(item)
            out.append(("node", type(item).__name__))
            fields = [f.name for f in dataclasses.fields(item) if not f.name.endswith("span")]
            for name in reversed(fields):
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
