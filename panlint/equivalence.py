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
from panlint.compat.edits import REPLACEMENTS


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


def meaning(node: Any) -> Any:
    """A position-free, normalized copy of an AST node for equality comparison."""
    if isinstance(node, tuple) and not hasattr(node, "_fields"):
        return tuple(meaning(element) for element in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        node = _normalize(node)
        values = tuple(
            (item.name, meaning(getattr(node, item.name)))
            for item in dataclasses.fields(node)
            if item.name != "span" and not item.name.endswith("_span")
        )
        return (type(node).__name__, values)
    return node
