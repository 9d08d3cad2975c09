"""The one way the analysis obtains a parse: the shared parser, through its content cache."""

from __future__ import annotations

from panc.syntax import ParseResult, parse


def parse_template(text: str, path: str) -> ParseResult:
    """Parse ``text`` (the content of ``path``); never raises for bad input."""
    return parse(text, path)
