"""The indentation the community's Pan-Indenter gives each line: four spaces per bracket level.

A line's level is the number of brackets (``{ ( [``) still open at its start, counting the
brackets opened on one line as one level (so ``dict(list(`` indents its contents once), and a
line that starts with closing brackets is outdented by them first.
"""

from __future__ import annotations

from panc.syntax.tokens import CLOSERS, OPENERS, TokenKind, kind_of
from panlint.context import LintContext
from panlint.findings import Edit, Fix

INDENT_WIDTH = 4


def expected_indents(context: LintContext) -> dict[int, int]:
    """For every line that starts with code or a comment, the number of spaces it should have."""
    open_lines: list[int] = []  # the line of each bracket still open, innermost last
    expected: dict[int, int] = {}
    by_line = context.tokens_by_line
    for line in range(1, len(context.lines) + 1):
        tokens = by_line.get(line, [])
        if tokens and not context.starts_opaque(line):
            leading_closers = 0
            for tok in tokens:
                if kind_of(tok) is TokenKind.PUNCTUATION and tok.value in CLOSERS:
                    leading_closers += 1
                else:
                    break
            remaining = open_lines[: max(0, len(open_lines) - leading_closers)]
            expected[line] = INDENT_WIDTH * len(set(remaining))
        for tok in tokens:
            if kind_of(tok) is not TokenKind.PUNCTUATION:
                continue
            if tok.value in OPENERS:
                open_lines.append(line)
            elif tok.value in CLOSERS and open_lines:
                open_lines.pop()
    return expected


class Reindenter:
    """The LP001 fix: indent the line the way Pan-Indenter does, four spaces per bracket level
    open at its start. Lines indented with tabs are left to the LP002 fix first."""

    def __init__(self, context: LintContext) -> None:
        self.context = context
        self.expected = expected_indents(context)

    def fix(self, number: int) -> Fix | None:
        """The edit re-indenting line ``number`` (None: nothing to do)."""
        target = self.expected.get(number)
        text = self.context.lines[number - 1] if 0 < number <= len(self.context.lines) else ""
        width = len(text) - len(text.lstrip(" "))
        if target is None or width == target or self.context.starts_opaque(number):
            return None
        if width < len(text) and text[width] == "\t":
            return None
        return Fix("Re-indent by bracket depth", (Edit(number, 1, number, width + 1, " " * target),))
