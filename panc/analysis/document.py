"""One template's analysis: its parse, occurrences and declarations, computed once per text."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from panc.analysis.declarations import Declaration, template_declarations
from panc.analysis.index import WorkspaceIndex
from panc.analysis.parsing import parse_template
from panc.analysis.references import Occurrence, OccurrenceKind, occurrence_at, template_occurrences
from panc.analysis.sourcetext import LineIndex
from panc.diagnostics import Diagnostic
from panc.syntax import ParseResult, ast


@dataclass
class DocumentAnalysis:
    """A template's text and everything derived from it without evaluation."""

    path: str
    text: str
    template_name: str
    """The name the include path gives this file."""
    result: ParseResult
    version: int | None = None
    lines: LineIndex = field(init=False)

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.text)

    @property
    def ast(self) -> ast.Template | None:
        return self.result.ast

    @property
    def syntax_diagnostics(self) -> list[Diagnostic]:
        return list(self.result.diagnostics)

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        return template_occurrences(self.ast) if self.ast is not None else []

    @cached_property
    def declarations(self) -> list[Declaration]:
        return template_declarations(self.ast, self.text, self.path) if self.ast is not None else []

    def occurrence_at(self, line: int, column: int) -> Occurrence | None:
        """The name at 1-based ``(line, column)``."""
        return occurrence_at(self.occurrences, line, column)

    def prefix_at(self, line: int) -> str:
        """The ``prefix`` in effect at ``line`` ("" when none)."""
        current = ""
        if self.ast is None:
            return current
        for statement in self.ast.statements:
            if statement.span.start_line > line:
                break
            if isinstance(statement, ast.PrefixStatement):
                current = statement.path
        return current

    def declared(self, kind: OccurrenceKind, name: str) -> list[Declaration]:
        return [d for d in self.declarations if d.kind is kind and d.name == name]


def analyse_document(
    path: str,
    text: str,
    index: WorkspaceIndex | None = None,
    version: int | None = None,
    overlay: bool = True,
) -> DocumentAnalysis:
    """Parse ``text`` (the buffer of ``path``) and, given an ``index`` and ``overlay``, make it the
    index's view of that file so that the rest of the include path sees the unsaved content."""
    path = os.path.abspath(path)
    result = parse_template(text, path)
    name = index.name_for_path(path) if index is not None else os.path.splitext(os.path.basename(path))[0]
    analysis = DocumentAnalysis(path, text, name, result, version)
    if index is not None and overlay:
        index.set_overlay(path, text, result, analysis.occurrences, analysis.declarations)
    return analysis
