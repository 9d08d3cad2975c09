"""Spacing around operators (LC001): the old panlint's check (``panlint.compat.operators``)."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class OperatorSpacing(LineRule):
    """Operators have a space or tab on each side within the line: ``x = a + 1``.

    Except: the sign of a number (``= -1``, ``(-1``) takes no space after it, and ``+``/``-``
    in a simple index (``list[i-1]``: names, numbers and blanks between brackets) take no
    spaces at all; a here-document marker (``<<EOT``) is no operator. The message says which
    side misses its space, or what space is unwanted. The fix adds or removes the spaces.
    """

    id = "LC001"
    name = "operator-spacing"
    level, summary = OLD_RULES[id]
    fixable = True


RULES = (OperatorSpacing,)
