"""Formatting: panlint's mechanical fixes (whitespace, tabs, indentation...) as minimal edits."""

from __future__ import annotations

import difflib

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panlint.fixes import fix_text
from panls.features.linting import lint_config
from panls.session import Session


def format_document(session: Session, doc: DocumentAnalysis) -> list[types.TextEdit]:
    """Edits turning the buffer into its fixed form (none when it does not parse)."""
    outcome = fix_text(doc.text, doc.path, lint_config(session.settings))
    return text_edits(doc.text, outcome.text)


def text_edits(old: str, new: str) -> list[types.TextEdit]:
    """Line-based edits from ``old`` to ``new`` (untouched lines keep the editor's cursor/marks)."""
    if old == new:
        return []
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
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
