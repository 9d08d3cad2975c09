"""Spacing around commas and semicolons (LP007, LP008, LP009), read from the token stream."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from panc.syntax.tokens import CLOSERS, OPENERS
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import Rule
from panlint.tokenindex import touches

if TYPE_CHECKING:
    from panc.source import Span
    from panc.syntax.tokens import Token


def _neighbours(context: LintContext, value: str) -> Iterable[tuple[Token | None, Token, Token | None]]:
    """Each punctuation token ``value`` with the tokens just before and after it."""
    tokens = context.tokens
    for index in context.punctuation.get(value, ()):
        before = tokens[index - 1] if index > 0 else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        yield before, tokens[index], after


def _gap_before(before: Token | None, tok: Token) -> Edit | None:
    """The edit removing the blanks between ``before`` and ``tok`` on one line, if any."""
    if before is None or before.span.end_line != tok.span.start_line:
        return None
    if before.span.end_column + 1 >= tok.span.start_column:
        return None
    line = tok.span.start_line
    return Edit(line, before.span.end_column + 1, line, tok.span.start_column, "")


def _gap_span(context: LintContext, gap: Edit) -> Span:
    """The blanks ``gap`` removes, as a span to report."""
    return context.span(gap.line, gap.column, gap.end_column - 1)


def _space_after(tok: Token, what: str) -> Fix:
    """The fix inserting a space right after ``tok`` (a ``what``)."""
    line, column = tok.span.end_line, tok.span.end_column + 1
    return Fix(f"Add space after {what}", (Edit(line, column, line, column, " "),))


class CommaSpacing(Rule):
    """A comma is followed by a space and not preceded by one: ``f(a, b)``.

    A comma directly before a closing bracket (a trailing comma) needs no space after it.
    """

    id = "LP007"
    name = "comma-spacing"
    level = Level.INFO
    summary = "Missing space after comma"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for before, comma, after in _neighbours(context, ","):
            gap = _gap_before(before, comma)
            if gap is not None and before is not None and before.value not in OPENERS:
                fix = Fix("Remove space before comma", (gap,))
                yield self.finding(_gap_span(context, gap), "Unnecessary space before comma", fix)
            if after is not None and touches(comma, after) and after.value not in CLOSERS:
                yield self.finding(comma.span, fix=_space_after(comma, "comma"))


class SpaceBeforeSemicolon(Rule):
    """A semicolon directly follows what it ends: ``'/a' = 1;`` not ``'/a' = 1 ;``.

    Empty clauses of ``for (;;)`` are not reported.
    """

    id = "LP008"
    name = "space-before-semicolon"
    level = Level.INFO
    summary = "Unnecessary space before semicolon"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for before, semicolon, _after in _neighbours(context, ";"):
            gap = _gap_before(before, semicolon)
            if gap is None or before is None or before.value in ("(", ";"):
                continue
            yield self.finding(_gap_span(context, gap), fix=Fix("Remove space before semicolon", (gap,)))


class SpaceAfterSemicolon(Rule):
    """A semicolon followed by more code on the same line is followed by a space.

    ``'/a' = 1;'/b' = 2;`` and ``for (i = 0;i < 3;i = i + 1)`` are reported; a semicolon
    before a closing parenthesis or another semicolon (``for (;;)``) is not.
    """

    id = "LP009"
    name = "space-after-semicolon"
    level = Level.INFO
    summary = "Missing space after semicolon"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for _before, semicolon, after in _neighbours(context, ";"):
            if after is None or not touches(semicolon, after) or after.value in (")", ";"):
                continue
            yield self.finding(semicolon.span, fix=_space_after(semicolon, "semicolon"))


RULES = (CommaSpacing, SpaceBeforeSemicolon, SpaceAfterSemicolon)
