"""Reading source text through ``Span`` coordinates (1-based lines, code-point columns, inclusive end)."""

from __future__ import annotations

from panc.source import Span


class LineIndex:
    """Maps between (line, column) positions and offsets of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break ("" past the end)."""
        if line < 1 or line > len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def offset(self, line: int, column: int) -> int:
        """Offset of 1-based ``(line, column)``, clamped into the text."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return min(start + max(column, 1) - 1, end)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        low, high = 0, len(self.starts) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if self.starts[mid] <= offset:
                low = mid
            else:
                high = mid - 1
        return low + 1, offset - self.starts[low] + 1

    def span_text(self, span: Span) -> str:
        """The text covered by ``span`` (end inclusive)."""
        starts = self.starts
        _, line, column, end_line, end_column = span
        if 1 <= line <= end_line < len(starts) and column >= 1 and end_column >= 1:
            # The common case, inside the text: no clamping needed (indexing runs this a lot).
            return self.text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column]
        return self.text[self.offset(line, column) : self.offset(end_line, end_column) + 1]


def span_text(text: str, span: Span) -> str:
    """The text covered by ``span`` in ``text``."""
    return LineIndex(text).span_text(span)


def string_inner_span(span: Span) -> Span:
    """The span of a one-line quoted string literal without its quotes (unchanged if multi-line)."""
    if span.start_line != span.end_line or span.end_column - span.start_column < 1:
        return span
    return Span(span.file, span.start_line, span.start_column + 1, span.end_line, span.end_column - 1)


def name_span_at_start(span: Span, name: str) -> Span:
    """The span of ``name`` written at the start of ``span`` (e.g. a type name before its range)."""
    return Span(
        span.file, span.start_line, span.start_column, span.start_line, span.start_column + len(name) - 1
    )


def name_span_at_end(span: Span, name: str) -> Span:
    """The span of ``name`` written at the end of ``span`` (e.g. ``include other`` in a record)."""
    return Span(span.file, span.end_line, span.end_column - len(name) + 1, span.end_line, span.end_column)
