"""The blanks between two tokens that share a line: ``""`` or one space.

The layout panlint's rules want (LP007-LP009, LC001) and the usual style of the Quattor
libraries: one space around binary and assignment operators and after ``,`` and ``;``;
none inside brackets, before ``,``/``;``, between a function or type name and its ``(``,
after a unary operator, around ``..``, around ``+``/``-`` in a simple index (``x[i-1]``,
as LC001 wants), and in dict and link types (``string{}``, ``string*``); one space inside
the braces of a block or record written on one line (``{ x = 1; x }``), none in an empty
one (``{}``).
"""

from __future__ import annotations

from panc.formatting.facts import TokenFacts
from panc.syntax.tokens import Token

NONE = ""
ONE = " "

_NO_SPACE_AFTER = frozenset({"LPAR", "LSQB", "DOTDOT"})
_NO_SPACE_BEFORE = frozenset({"RPAR", "RSQB", "COMMA", "SEMICOLON", "DOTDOT"})
_CALLEES = frozenset({"NAME", "CHOICE", "RBRACE"})
"""What a ``(`` directly follows: a function or type name, ``choice``, a record (``{...}(1..)``)."""
_INDEXED = frozenset({"NAME", "RSQB", "RPAR", "RBRACE", "STAR"})
"""What a ``[`` directly follows: a variable, an index, or a type (``long(0..)[]``)."""


def space_between(left: Token, right: Token, facts: TokenFacts) -> str:
    """The blanks to write between ``left`` and ``right`` on one line."""
    before, after = left.type, right.type
    if before in _NO_SPACE_AFTER or after in _NO_SPACE_BEFORE:
        return NONE
    if left.start_pos in facts.tight or right.start_pos in facts.tight:
        return NONE
    if after == "COMMENT" or before == "ANNOTATION" or after == "ANNOTATION":
        return ONE
    if before == "SEMICOLON":
        return ONE
    if before == "COMMA":
        return NONE if after == "RBRACE" else ONE
    if left.start_pos in facts.unary:
        return NONE
    if after == "LPAR":
        return NONE if before in _CALLEES else ONE
    if after == "LSQB":
        return NONE if before in _INDEXED else ONE
    if right.start_pos in facts.link_stars:
        return NONE
    if left.start_pos in facts.type_braces and before == "LBRACE":
        return NONE
    if right.start_pos in facts.type_braces:
        return NONE
    if before == "LBRACE" and after == "RBRACE":
        return NONE
    return ONE
