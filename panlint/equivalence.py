"""What a template means, as a comparable value: the check that fixes never change meaning.

The core's ``panc.syntax.equivalence.meaning`` (positions dropped, ``nlist``/``is_nlist``
and braces around a single include expression folded), plus the spellings panlint's fixes
rewrite: a trailing ``/`` on a statement path and ``error(format(f, x))`` for
``error(f, x)``. A fixed template must have the same meaning as the original.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from panc.syntax import ast, equivalence


def _is_wrapped_format(node: Any) -> bool:
    """``error(format(fmt, args...))``: the same as ``error(fmt, args...)``."""
    if not (isinstance(node, ast.Call) and node.name in ("error", "debug") and len(node.args) == 1):
        return False
    inner = node.args[0]
    return isinstance(inner, ast.Call) and inner.name == "format" and len(inner.args) > 1


def _normalize(node: Any) -> Any:
    if _is_wrapped_format(node):
        return dataclasses.replace(node, args=node.args[0].args)
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
    return equivalence.meaning(node, _normalize)
