"""The one way the analysis obtains a parse: the shared parser, called directly.

Not through the parse cache (``panc.syntax.cache``): the index keeps its own summary of each
file on disk, and an editor's buffer is a new text at every keystroke.
"""

from __future__ import annotations

from panc.syntax import ParseResult, parse


def parse_template(text: str, path: str) -> ParseResult:
    """Parse ``text`` (the content of ``path``); never raises for bad input."""
    return parse(text, path)
