"""Positions in pan sources: the one position type shared by every tool.

Lines and columns are 1-based; columns count Unicode code points. Conversion to other
conventions (LSP's 0-based UTF-16) lives in the faces; panc's own messages count UTF-16
units (a character beyond U+FFFF is two columns to Java), see ``Span.range_text``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_WIDE_LINES: dict[str, dict[int, str]] = {}
"""Per file name: its lines holding a character beyond U+FFFF (see ``note_source_text``)."""


def note_source_text(file: str, text: str) -> None:
    """Remember which lines of ``file`` hold characters beyond U+FFFF, so that the positions
    printed in panc's messages count them as Java does (two UTF-16 units each). Called by the
    parser's entry points for every text they are given."""
    if text.isascii() or _ASTRAL.search(text) is None:
        _WIDE_LINES.pop(file, None)
        return
    _WIDE_LINES[file] = {
        number: line for number, line in enumerate(text.split("\n"), 1) if _ASTRAL.search(line) is not None
    }


def java_column(file: str, line: int, column: int, last: bool = False) -> int:
    """``column`` (code points) in UTF-16 units, as panc prints it; with ``last``, the column
    of the last unit of that character (the inclusive end of a range)."""
    wide = _WIDE_LINES.get(file)
    text = wide.get(line) if wide is not None else None
    if text is None or column < 1:
        return column
    before = text[: column if last else column - 1]
    return column + len(_ASTRAL.findall(before))


class Position(NamedTuple):
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}.{self.column}"


class Span(NamedTuple):
    """A region of a source file, inclusive of its last character (panc's convention).

    ``end_column`` is the column of the last character of the region, so a one-character
    token at column 5 has ``start_column == end_column == 5``.
    """

    file: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int

    @property
    def start(self) -> Position:
        return Position(self.start_line, self.start_column)

    @property
    def end(self) -> Position:
        return Position(self.end_line, self.end_column)

    def range_text(self) -> str:
        """The ``L.C-L.C`` form used in panc's messages (columns in UTF-16 units)."""
        start_column, end_column = self.start_column, self.end_column
        if self.file in _WIDE_LINES:
            start_column = java_column(self.file, self.start_line, start_column)
            end_column = java_column(self.file, self.end_line, end_column, last=True)
        return f"{self.start_line}.{start_column}-{self.end_line}.{end_column}"

    def __str__(self) -> str:
        return f"{self.file}:{self.range_text()}"

    def to(self, other: Span) -> Span:
        """The span from the start of this one to the end of ``other``."""
        return Span(self.file, self.start_line, self.start_column, other.end_line, other.end_column)

    def contains(self, line: int, column: int) -> bool:
        if (line, column) < (self.start_line, self.start_column):
            return False
        return (line, column) <= (self.end_line, self.end_column)


UNKNOWN_SPAN = Span("?", 0, 0, 0, 0)


class SourceFile(NamedTuple):
    """A template's text and where it came from."""

    name: str
    """Template name (``a/b/c``) or, for loose files, a display name."""
    path: str
    """File system path or editor URI; what messages print."""
    text: str
