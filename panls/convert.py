"""The only place that knows LSP coordinates.

pan positions (``panc.source.Span``) are 1-based lines and code-point columns with an
inclusive end; LSP positions are 0-based lines and columns in the negotiated encoding
(UTF-16 code units unless the client agreed on another), with an exclusive end. File paths
become ``file://`` URIs here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote, urlparse

from lsprotocol import types

from panc.analysis.sourcetext import LineIndex
from panc.diagnostics import Diagnostic, Severity, editor_message
from panc.source import Span

SOURCE = "pan"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFORMATION: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def uri_to_path(uri: str) -> str:
    """The file system path of a ``file:`` URI (other schemes keep their path part)."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if parsed.scheme == "file" and parsed.netloc:
        path = f"//{parsed.netloc}{path}"
    return os.path.normpath(path) if path else uri


def path_to_uri(path: str) -> str:
    """The ``file://`` URI of an absolute path."""
    return "file://" + quote(os.path.abspath(path).replace(os.sep, "/"))


class Converter:
    """Converts between pan spans and LSP ranges for the text of one file."""

    def __init__(self, lines: LineIndex, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.lines = lines
        self.encoding = encoding

    def _units(self, text: str) -> int:
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8", errors="surrogatepass"))
        return len(text.encode("utf-16-le", errors="surrogatepass")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position *before* the character at 1-based ``(line, column)``."""
        text = self.lines.line(line)
        return types.Position(line=max(line - 1, 0), character=self._units(text[: max(column - 1, 0)]))

    def range(self, span: Span) -> types.Range:
        """The LSP range of ``span`` (its end made exclusive)."""
        if span.start_line <= 0:
            return types.Range(types.Position(0, 0), types.Position(0, 0))
        return types.Range(
            self.position(span.start_line, span.start_column),
            self.position(span.end_line, span.end_column + 1),
        )

    def to_pan(self, position: types.Position) -> tuple[int, int]:
        """1-based ``(line, column)`` of the character after an LSP position."""
        text = self.lines.line(position.line + 1)
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return position.line + 1, min(position.character, len(text)) + 1
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line + 1, index + 1
            units += self._units(char)
        return position.line + 1, len(text) + 1

    def span(self, file: str, lsp_range: types.Range) -> Span:
        """The pan span covering an LSP range (end made inclusive)."""
        start = self.to_pan(lsp_range.start)
        end = self.to_pan(lsp_range.end)
        return Span(file, start[0], start[1], end[0], end[1] - 1)

    def diagnostic(
        self, diagnostic: Diagnostic, related_converter: Callable[[str], Converter] | None = None
    ) -> types.Diagnostic:
        """An LSP diagnostic in one line (``editor_message``); ``related`` spans (e.g. a ``>>>`` trace)
        and the rest of panc's text become related information."""
        related = []
        for message, span in diagnostic.related:
            if related_converter is None or span.start_line <= 0:
                continue
            other = related_converter(span.file)
            related.append(
                types.DiagnosticRelatedInformation(
                    location=types.Location(uri=path_to_uri(span.file), range=other.range(span)),
                    message=message,
                )
            )
        line, rest = editor_message(diagnostic)
        if rest and diagnostic.span.start_line > 0:  # panc's full text (a grammar error's token list)
            related.insert(
                0,
                types.DiagnosticRelatedInformation(
                    location=types.Location(
                        uri=path_to_uri(diagnostic.span.file), range=self.range(diagnostic.span)
                    ),
                    message=rest,
                ),
            )
        code = diagnostic.code or (diagnostic.category.name.lower() if diagnostic.category else None)
        return types.Diagnostic(
            range=self.range(diagnostic.span),
            message=line,
            severity=_SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Error),
            code=code,
            source=SOURCE,
            related_information=related or None,
        )


def plain_json(value: Any) -> Any:
    """JSON-like data from what pygls makes of untyped params and results (nested named tuples)."""
    if hasattr(value, "_asdict"):
        return {key: plain_json(item) for key, item in value._asdict().items()}
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    return value


def converter_for_text(text: str, encoding: str = types.PositionEncodingKind.Utf16) -> Converter:
    return Converter(LineIndex(text), encoding)
