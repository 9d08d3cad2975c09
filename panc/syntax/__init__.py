"""The pan syntax layer: grammar, lexer, parser, AST, paths.

``parse``, ``ParseResult`` and ``Token`` are loaded on first use, so that tools reading
results from the parse cache (``panc.syntax.cache``) do not load the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from panc.syntax.parser import parse
    from panc.syntax.result import ParseResult
    from panc.syntax.tokens import Token

__all__ = ["ParseResult", "Token", "parse"]

_LAZY = {
    "parse": "panc.syntax.parser",
    "ParseResult": "panc.syntax.result",
    "Token": "panc.syntax.tokens",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib  # pylint: disable=import-outside-toplevel

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
