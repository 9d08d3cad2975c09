"""Profile paths (PP001): no trailing ``/``."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class TrailingSlash(LineRule):
    """A line starting with a quoted path (after ``prefix``) has no ``/`` at its end.

    ``'/system/network/' = ...`` and ``prefix '/software/';``: panc ignores the trailing
    slash; it only makes one path look like two. The fix removes it.
    """

    id = "PP001"
    name = "path-trailing-slash"
    level, summary = OLD_RULES[id]
    fixable = True


RULES = (TrailingSlash,)
