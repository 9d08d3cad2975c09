"""What a rule reports: a ``Finding`` with its ``Level`` and an optional mechanical ``Fix``."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

from panc.source import Span

if TYPE_CHECKING:
    from panc.diagnostics import Diagnostic, Severity


class Level(enum.IntEnum):
    """How serious a finding is; a higher number is more serious.

    ``--suppress LEVEL`` reports only findings at or above LEVEL, ``--threshold LEVEL`` makes
    findings at or above LEVEL fail the run. The old panlint called them Advice, Warning
    and Error (``old_label``); both spellings are accepted.
    """

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Level:
        """Read a level given by name (``info``/``advice``, ``warning``, ``error``) or number (1-3)."""
        key = text.strip().lower()
        aliases = {"advice": "info", "information": "info", "note": "info", "warn": "warning", "err": "error"}
        key = aliases.get(key, key)
        if key.isdigit() and int(key) in {level.value for level in cls}:
            return cls(int(key))
        for level in cls:
            if level.name.lower() == key:
                return level
        raise ValueError(f"unknown level {text!r} (use info, warning, error or 1-3)")

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def old_label(self) -> str:
        """The old panlint's name of the level (``Advice``, ``Warning``, ``Error``)."""
        return "Advice" if self is Level.INFO else self.name.capitalize()

    def to_severity(self) -> Severity:
        """The matching severity of ``panc.diagnostics`` (and LSP)."""
        from panc.diagnostics import Severity  # pylint: disable=import-outside-toplevel

        return {Level.INFO: Severity.INFORMATION, Level.WARNING: Severity.WARNING}.get(self, Severity.ERROR)


class Edit(NamedTuple):
    """Replace the text from (line, column) up to, not including, (end_line, end_column).

    Lines and columns are 1-based code points, like ``Span``; an insertion has start == end.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


class Fix(NamedTuple):
    """What a finding's fix does (``description``) and how: edits that do not overlap."""

    description: str
    edits: tuple[Edit, ...]


class Finding(NamedTuple):
    """One problem found by one rule at one place (a tuple: cheap to make by the thousand)."""

    rule_id: str
    level: Level
    message: str
    span: Span
    fix: Fix | None = None
    missing_include: str | None = None
    """The template whose include would resolve the finding (CU001), for editor quick fixes;
    not a mechanical fix: adding an include changes what the template means."""

    @property
    def path(self) -> str:
        return self.span.file

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.file, self.span.start_line, self.span.start_column, self.rule_id)

    def to_diagnostic(self) -> Diagnostic:
        """The shared diagnostic form (``code`` is the rule ID), for the language server."""
        from panc.diagnostics import Diagnostic  # pylint: disable=import-outside-toplevel

        return Diagnostic(
            category=None,
            message=self.message,
            span=self.span,
            severity=self.level.to_severity(),
            code=self.rule_id,
        )


def at_least(findings: list[Finding], level: Level) -> list[Finding]:
    """The findings at ``level`` or more serious."""
    if level is Level.INFO:
        return findings
    return [finding for finding in findings if finding.level >= level]


def finding_to_dict(finding: Finding) -> dict[str, object]:
    """A JSON-ready form of a finding (used by the JSON reporter and the cache)."""
    span = finding.span
    data: dict[str, object] = {
        "rule": finding.rule_id,
        "level": finding.level.label,
        "message": finding.message,
        "path": span.file,
        "line": span.start_line,
        "column": span.start_column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }
    if finding.fix is not None:
        data["fix"] = {
            "description": finding.fix.description,
            "edits": [
                [edit.line, edit.column, edit.end_line, edit.end_column, edit.text]
                for edit in finding.fix.edits
            ],
        }
    if finding.missing_include is not None:
        data["missing_include"] = finding.missing_include
    return data


def finding_to_row(finding: Finding) -> list[object]:
    """The compact form the result cache keeps: ``[rule, level, message, line, column,
    end_line, end_column, fix, include]``, trailing ``None`` left out."""
    span = finding.span
    fix = finding.fix
    row: list[object] = [
        finding.rule_id,
        int(finding.level),
        finding.message,
        span.start_line,
        span.start_column,
        span.end_line,
        span.end_column,
        None if fix is None else [fix.description, [list(edit) for edit in _edit_fields(fix)]],
        finding.missing_include,
    ]
    while row[-1] is None:
        row.pop()
    return row


def _edit_fields(fix: Fix) -> list[tuple[int, int, int, int, str]]:
    return [(edit.line, edit.column, edit.end_line, edit.end_column, edit.text) for edit in fix.edits]


LEVELS_BY_VALUE = {int(level): level for level in Level}


def finding_from_row(path: str, row: list) -> Finding:  # type: ignore[type-arg]
    """The inverse of ``finding_to_row``; raises ``ValueError``/``TypeError``/``KeyError`` on
    a row of another shape (the values themselves come from ``marshal``, types kept)."""
    # Hot on cached runs: tuples made directly, nothing checked beyond the row's shape.
    if len(row) == 7:
        rule, level, message, line, column, end_line, end_column = row
        fix = include = None
    else:
        rule, level, message, line, column, end_line, end_column, *extra = row
        fix = _fix_from_row(extra[0]) if extra[0] is not None else None
        include = extra[1] if len(extra) > 1 else None
    span = tuple.__new__(Span, (path, line, column, end_line, end_column))
    return tuple.__new__(Finding, (rule, LEVELS_BY_VALUE[level], message, span, fix, include))


def _fix_from_row(data: list) -> Fix:  # type: ignore[type-arg]
    description, edits = data
    return Fix(description, tuple(Edit(a, b, c, d, e) for a, b, c, d, e in edits))
