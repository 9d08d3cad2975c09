"""Naming of global variables (LP010, LP011): old panlint checks."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class GlobalUppercase(LineRule):
    """Global variables (``variable NAME = ...``) are named in upper case.

    Upper case sets them apart from the local variables of functions and blocks. The old
    tool looks for a lower-case letter between the name's first and last character only;
    ``--preview`` reports any lower-case letter.
    """

    id = "LP010"
    name = "global-variable-case"
    level, summary = OLD_RULES[id]


class GlobalNameLength(LineRule):
    """Global variable names have at least five characters.

    All templates of a profile share one namespace for globals: short names like ``X`` or
    ``NAME`` collide easily.
    """

    id = "LP011"
    name = "global-variable-length"
    level, summary = OLD_RULES[id]


RULES = (GlobalUppercase, GlobalNameLength)
