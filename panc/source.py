"""Positions in pan sources: the one position type shared by every tool.

Lines and columns are 1-based; columns count Unicode code points (as panc does).
Conversion to other conventions (LSP's 0-based UTF-16) lives in the faces.
"""

from __future__ import annotations

from typing import NamedTuple


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
        """The ``L.C-L.C`` form used in panc's messages."""
        return f"{self.start_line}.{self.start_column}-{self.end_line}.{self.end_column}"

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
