"""Spacing after commas and around semicolons (LP007, LP008, LP009): old panlint checks."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class CommaSpacing(LineRule):
    """A comma is followed by exactly one space: ``f(a, b)``, not ``f(a,b)`` nor ``f(a,  b)``.

    A comma at the end of the line is fine; one followed by any other character (a closing
    bracket included) is not. The fix makes the gap one space.
    """

    id = "LP007"
    name = "comma-spacing"
    level, summary = OLD_RULES[id]
    fixable = True


class SpaceBeforeSemicolon(LineRule):
    """A semicolon directly follows what it ends: ``'/a' = 1;`` not ``'/a' = 1 ;``.

    The fix removes the blanks.
    """

    id = "LP008"
    name = "space-before-semicolon"
    level, summary = OLD_RULES[id]
    fixable = True


class SpaceAfterSemicolon(LineRule):
    """A semicolon is followed by exactly one space, or ends the line.

    ``for (i = 0;i < 3;i = i + 1)`` and ``'/a' = 1;  '/b' = 2;`` are reported. The fix makes
    the gap one space.
    """

    id = "LP009"
    name = "space-after-semicolon"
    level, summary = OLD_RULES[id]
    fixable = True


RULES = (CommaSpacing, SpaceBeforeSemicolon, SpaceAfterSemicolon)
