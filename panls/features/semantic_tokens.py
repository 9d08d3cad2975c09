"""Semantic tokens: the parser's tokens, with names classified by what they refer to."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.builtin_table import all_builtins
from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import OccurrenceKind
from panc.syntax.tokens import NUMBER_TYPES, PUNCTUATION, STRING_TYPES
from panls.convert import Converter

TOKEN_TYPES = [
    "keyword",
    "comment",
    "string",
    "number",
    "operator",
    "function",
    "type",
    "variable",
    "parameter",
    "property",
    "namespace",
    "decorator",
]
TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary", "documentation"]
LEGEND = types.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=TOKEN_MODIFIERS)

_TYPE = {name: index for index, name in enumerate(TOKEN_TYPES)}
_MODIFIER = {name: 1 << index for index, name in enumerate(TOKEN_MODIFIERS)}
_OCCURRENCE_TYPE = {
    OccurrenceKind.FUNCTION: "function",
    OccurrenceKind.TYPE: "type",
    OccurrenceKind.VARIABLE: "variable",
    OccurrenceKind.LOCAL: "variable",
    OccurrenceKind.AUTOMATIC: "variable",
    OccurrenceKind.TEMPLATE: "namespace",
    OccurrenceKind.FIELD: "property",
    OccurrenceKind.PATH: "property",
}


def semantic_tokens(
    doc: DocumentAnalysis, converter: Converter, within: types.Range | None = None
) -> types.SemanticTokens:
    """The document's tokens (those on the lines of ``within`` only, when given), LSP-encoded:
    relative positions, one token per line piece."""
    first_line, last_line = (within.start.line, within.end.line) if within is not None else (0, 1 << 31)
    by_start = {(occ.span.start_line, occ.span.start_column): occ for occ in doc.occurrences}
    entries: list[tuple[int, int, int, int, int]] = []
    for token in getattr(doc.result, "tokens", None) or []:
        kind, modifiers = _classify(token, by_start)
        if kind is None:
            continue
        span = token.span
        if span.end_line - 1 < first_line or span.start_line - 1 > last_line:
            continue
        for line in range(max(span.start_line, first_line + 1), min(span.end_line, last_line + 1) + 1):
            text = doc.lines.line(line)
            first = span.start_column if line == span.start_line else 1
            last = span.end_column if line == span.end_line else len(text)
            if last < first:
                continue
            start = converter.position(line, first)
            end = converter.position(line, last + 1)
            length = end.character - start.character
            if length > 0:
                entries.append((start.line, start.character, length, _TYPE[kind], modifiers))
    data: list[int] = []
    previous_line = previous_start = 0
    for line, start, length, kind, modifiers in sorted(entries):
        delta_line = line - previous_line
        delta_start = start - previous_start if delta_line == 0 else start
        data.extend((delta_line, delta_start, length, kind, modifiers))
        previous_line, previous_start = line, start
    return types.SemanticTokens(data=data)


def _classify(token, by_start) -> tuple[str | None, int]:
    token_type = token.type
    value = token.value
    if token_type == "COMMENT":
        return "comment", 0
    if token_type == "ANNOTATION":
        return "comment", _MODIFIER["documentation"]
    if token_type in STRING_TYPES:
        occ = by_start.get((token.span.start_line, token.span.start_column + 1))
        if occ is not None and occ.kind is OccurrenceKind.TEMPLATE:
            return "namespace", 0
        return "string", 0
    if token_type in NUMBER_TYPES:
        return "number", 0
    if token_type == "TEMPLATE_NAME":
        return "namespace", _MODIFIER["declaration"]
    if token_type == "NAME":
        occ = by_start.get((token.span.start_line, token.span.start_column))
        if occ is None:
            return "variable", 0
        modifiers = _MODIFIER["declaration"] if occ.declaration else 0
        if occ.kind is OccurrenceKind.AUTOMATIC:
            modifiers |= _MODIFIER["readonly"]
        if occ.kind is OccurrenceKind.FUNCTION and occ.name in all_builtins() and not occ.declaration:
            modifiers |= _MODIFIER["defaultLibrary"]
        return _OCCURRENCE_TYPE.get(occ.kind, "variable"), modifiers
    if value[:1].isalpha():
        return "keyword", 0
    if token_type in ("WS", "ERROR") or not value or value in PUNCTUATION:
        return None, 0
    return "operator", 0
