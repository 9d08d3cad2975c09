"""The pan syntax layer: grammar, lexer, parser, AST, paths."""

from panc.syntax.parser import ParseResult, parse
from panc.syntax.tokens import Token

__all__ = ["ParseResult", "Token", "parse"]
