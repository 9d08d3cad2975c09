"""Formatting: the canonical layout of ``panc.formatting`` as minimal edits, for the whole
document or the lines of a selection. A template with syntax errors gets no edits."""

from __future__ import annotations

import difflib

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.formatting.formatter import format_text
from panc.formatting.ranges import format_lines, split_lines
from panls.features.linting import lint_config
from panls.session import Session


def format_document(session: Session, doc: DocumentAnalysis) -> list[types.TextEdit]:
    """Edits turning the buffer into its canonical layout (none when it does not parse)."""
    line_length = lint_config(session.settings).line_length
    return text_edits(doc.text, format_text(doc.text, doc.path, line_length).text)


def format_range(session: Session, doc: DocumentAnalysis, selection: types.Range) -> list[types.TextEdit]:
    """Edits laying out the lines of ``selection`` (a range ending at a line's start excludes that line)."""
    last = selection.end.line + (1 if selection.end.character > 0 or selection.end == selection.start else 0)
    line_length = lint_config(session.settings).line_length
    result = format_lines(doc.text, doc.path, selection.start.line + 1, max(last, selection.start.line + 1),
                          line_length)
    return text_edits(doc.text, result.text)


def text_edits(old: str, new: str) -> list[types.TextEdit]:
    """Line-based edits from ``old`` to ``new`` (untouched lines keep the editor's cursor/marks)."""
    if old == new:
        return []
    old_lines = split_lines(old)
    new_lines = split_lines(new)
    edits = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(
            types.TextEdit(
                range=types.Range(types.Position(line=i1, character=0), types.Position(line=i2, character=0)),
                new_text="".join(new_lines[j1:j2]),
            )
        )
    return edits
