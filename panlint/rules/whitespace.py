"""Layout of lines: indentation, tabs, trailing whitespace, line length (LP001-LP003, LP006).

The old panlint's checks (``panlint.compat``): each reads a line of code with its trailing
comment cut off, and comment lines are not read at all.
"""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class Indentation(LineRule):
    """Indentation should be a multiple of four spaces.

    A line of code is indented by spaces only, four per level: a tab or other blank in the
    indentation is reported too, and so is a line of blanks not a multiple of four long.

    The fix (``--fix``, editors, ``--preview`` reports) indents the line the way
    Pan-Indenter does: four spaces per bracket level open at its start.
    """

    id = "LP001"
    name = "indentation"
    level, summary = OLD_RULES[id]
    fixable = True


class Tabs(LineRule):
    """Spaces should be used instead of tabs.

    Each run of tabs in a line of code (outside its strings) is reported; the fix expands
    them to the next multiple of four columns.
    """

    id = "LP002"
    name = "tab-character"
    level, summary = OLD_RULES[id]
    fixable = True


class TrailingWhitespace(LineRule):
    """Lines of code should not end with blanks (before a trailing comment is not the end).

    The fix removes them.
    """

    id = "LP003"
    name = "trailing-whitespace"
    level, summary = OLD_RULES[id]
    fixable = True


class LineLength(LineRule):
    """Lines should be at most 120 characters long (``line-length`` in the configuration).

    A trailing comment does not count, nor does a line starting with ``bind ``; the part past
    the limit is reported (unless it lies in a string).
    """

    id = "LP006"
    name = "line-too-long"
    level = OLD_RULES[id][0]
    summary = OLD_RULES[id][1].format(120)


RULES = (Indentation, Tabs, TrailingWhitespace, LineLength)
