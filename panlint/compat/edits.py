"""The mechanical fixes of the old checks' findings, computed only when asked.

Most are edits of the finding's own columns (remove trailing blanks, add the missing space,
rename ``nlist``...), read off the line; they need no parse, so ``--format sarif`` and
``json`` carry them at little cost. Two need the parse (the language server and ``--fix``
have it): LP001 re-indents by bracket depth, LP012 unwraps ``format``.

A fix does what its finding asks. In the default mode the findings are the old tool's, which
can lie where it misread a string; ``panlint --fix`` therefore reads the text as the parser
does (``--preview``) and keeps a fix only if the re-parsed template means the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from panlint.compat.view import split_lines
from panlint.findings import Edit, Finding, Fix

if TYPE_CHECKING:
    from panlint.context import LintContext

REPLACEMENTS = {"nlist": "dict", "is_nlist": "is_dict"}
"""Deprecated name -> its replacement (LP004); each pair is the same builtin under two names."""
INDENT_WIDTH = 4
SIMPLE_INCLUDE = re.compile(r"'[^']*'|\"[^\"\\]*\"|[A-Za-z_]\w*")
"""What braces may be removed around (LP005): a string or a variable, nothing to re-parse."""
OTHER_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\r(?!\n)")
"""What ``str.splitlines`` (so the old tool) also ends lines at, and the parser does not."""
CLOSERS = ")]}"

LineFix = Callable[[str, int, int, str, int], "Fix | None"]
"""``(line, start, end, message, number) -> Fix``: columns 0-based, end exclusive."""


def _replace(number: int, start: int, end: int, text: str) -> Edit:
    return Edit(number, start + 1, number, end + 1, text)


def _tabs(line: str, start: int, end: int, _message: str, number: int) -> Fix:
    width = len(line[:start].expandtabs(INDENT_WIDTH))
    spaces = (" " * width + "\t" * (end - start)).expandtabs(INDENT_WIDTH)[width:]
    return Fix("Replace tabs with spaces", (_replace(number, start, end, spaces),))


def _remove(description: str) -> LineFix:
    def fix(_line: str, start: int, end: int, _message: str, number: int) -> Fix:
        return Fix(description, (_replace(number, start, end, ""),))

    return fix


def _nlist(line: str, start: int, end: int, _message: str, number: int) -> Fix | None:
    name = line[start:end]
    new = REPLACEMENTS.get(name)
    return Fix(f"Replace {name} with {new}", (_replace(number, start, end, new),)) if new else None


def _braces(line: str, start: int, end: int, _message: str, number: int) -> Fix | None:
    inner = line[start + 1 : end - 1].strip()
    if not SIMPLE_INCLUDE.fullmatch(inner):
        return None
    return Fix("Remove the braces", (_replace(number, start, end, inner),))


def _one_space_after(what: str, gap: int) -> LineFix:
    """LP007/LP009: the gap after the comma or semicolon becomes one space (the gap starts
    ``gap`` columns into the finding)."""

    def fix(line: str, start: int, end: int, _message: str, number: int) -> Fix | None:
        gap_start = start + gap
        if gap_start >= end:
            return None
        if line[gap_start].isspace():
            return Fix(f"One space after {what}", (_replace(number, gap_start, end, " "),))
        if line[gap_start] in CLOSERS:
            return None  # "f(a,)": a space before the bracket is no better
        return Fix(f"Add space after {what}", (_replace(number, gap_start, gap_start, " "),))

    return fix


def _before_semicolon(_line: str, start: int, end: int, _message: str, number: int) -> Fix:
    return Fix("Remove space before semicolon", (_replace(number, start, end - 1, ""),))


def _operator(line: str, start: int, end: int, message: str, number: int) -> Fix | None:
    """LC001: add the missing spaces, or remove the unwanted ones the message names."""
    if message.startswith("Missing space"):
        edits = []
        if "before" in message:
            edits.append(_replace(number, start + 1, start + 1, " "))
        if "after" in message:
            edits.append(_replace(number, end - 1, end - 1, " "))
        return Fix("Add spaces around the operator", tuple(edits))
    blank = start + 1 if message.startswith("Unwanted space after minus") else start
    stop = blank
    while stop < len(line) and line[stop] in " \t":
        stop += 1
    if stop == blank:
        return None
    return Fix("Remove the space", (_replace(number, blank, stop, ""),))


LINE_FIXES: dict[str, LineFix] = {
    "LP002": _tabs,
    "LP003": _remove("Remove trailing whitespace"),
    "LP004": _nlist,
    "LP005": _braces,
    "LP007": _one_space_after("comma", 1),
    "LP008": _before_semicolon,
    "LP009": _one_space_after("semicolon", 0),
    "LC001": _operator,
    "PP001": _remove("Remove the trailing slash"),
}
"""The fixes read off the line, by rule."""


def attach_fixes(findings: list[Finding], text: str, context: LintContext | None = None) -> list[Finding]:
    """``findings`` with their fixes; LP001 and LP012 get one only with the parse (``context``)."""
    if context is None and OTHER_LINE_BREAKS.search(text):
        return findings  # the old tool's line numbers are not the file's: no edit could be placed
    lines = context.lines if context is not None else split_lines(text)
    parsed = _ParsedFixes(context) if context is not None else None
    fixed = []
    for finding in findings:
        fix = None
        span = finding.span
        if finding.fix is None and 0 < span.start_line <= len(lines) and span.start_line == span.end_line:
            line_fix = LINE_FIXES.get(finding.rule_id)
            if line_fix is not None:
                fix = line_fix(
                    lines[span.start_line - 1],
                    span.start_column - 1,
                    span.end_column,
                    finding.message,
                    span.start_line,
                )
            elif parsed is not None:
                fix = parsed.fix(finding.rule_id, span.start_line)
        fixed.append(finding if fix is None else _with_fix(finding, fix))
    return fixed


def _with_fix(finding: Finding, fix: Fix) -> Finding:
    return Finding(
        finding.rule_id, finding.level, finding.message, finding.span, fix, finding.missing_include
    )


class _ParsedFixes:
    """The fixes that need the parse, computed once per file on first use."""

    def __init__(self, context: LintContext) -> None:
        self.context = context
        self._reindent: Callable[[int], Fix | None] | None = None
        self._unwrap: dict[int, Fix] | None = None

    def fix(self, rule_id: str, number: int) -> Fix | None:
        # Imported here: only runs with a parse, which loaded these modules' imports anyway.
        if rule_id == "LP001":
            if self._reindent is None:
                from panlint.indentation import Reindenter  # pylint: disable=import-outside-toplevel

                self._reindent = Reindenter(self.context).fix
            return self._reindent(number)
        if rule_id == "LP012" and self.context.ast is not None:
            if self._unwrap is None:
                from panlint.rules.messages import unwrap_format_fixes  # pylint: disable=import-outside-toplevel

                self._unwrap = unwrap_format_fixes(self.context)
            return self._unwrap.get(number)
        return None
