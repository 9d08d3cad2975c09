"""Sort the parser's tokens into the few kinds the rules care about.

Strings (a here-document's body included), comments and annotations are recognized by
their terminal name; the rest by their text, which the parser keeps exactly as written.
"""

from __future__ import annotations

import enum
from typing import Any


class TokenKind(enum.Enum):
    COMMENT = "comment"
    ANNOTATION = "annotation"
    STRING = "string"
    """Single- or double-quoted string or heredoc."""
    NUMBER = "number"
    WORD = "word"
    """Keyword, identifier, unquoted path or template name."""
    PUNCTUATION = "punctuation"
    """``, ; : ( ) [ ] { }``."""
    OPERATOR = "operator"
    OTHER = "other"


PUNCTUATION = frozenset(",;:()[]{}")
OPERATORS = frozenset(
    {
        "=",
        "?=",
        "+",
        "-",
        "*",
        "/",
        "%",
        "<",
        "<=",
        ">",
        ">=",
        "==",
        "!=",
        "&&",
        "||",
        "!",
        "~",
        "&",
        "|",
        "^",
        "?",
        "..",
    }
)
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = frozenset(OPENERS.values())


NON_CODE_TYPES = frozenset({"COMMENT", "ANNOTATION"})
"""Terminal names of tokens the grammar never sees."""

STRING_TYPES = frozenset({"SQ_STRING", "DQ_STRING", "HEREDOC", "HEREDOC_BODY"})
"""Terminal names of ``panc.syntax`` whose text is data, whatever it looks like."""

OPAQUE_TYPES = STRING_TYPES | {"ANNOTATION"}
"""Tokens whose insides are never layout: strings, heredocs, annotations."""


_KIND_BY_TYPE: dict[str, TokenKind] = {}
"""Every token of a terminal has the same kind: the first one seen decides (the lexer is hot)."""


def kind_of(token: Any) -> TokenKind:
    """The kind of a parser token (anything with ``type`` and ``value``)."""
    kind = _KIND_BY_TYPE.get(token.type)
    if kind is None:
        kind = _classify(token)
        if token.type not in ("ERROR", "__ANON"):
            _KIND_BY_TYPE[token.type] = kind
    return kind


def _classify(token: Any) -> TokenKind:
    if token.type in STRING_TYPES:
        return TokenKind.STRING
    if token.type == "COMMENT":
        return TokenKind.COMMENT
    if token.type == "ANNOTATION":
        return TokenKind.ANNOTATION
    if token.type == "ERROR":
        return TokenKind.OTHER
    value = str(token.value)
    if not value:
        return TokenKind.OTHER
    first = value[0]
    if first == "#":
        return TokenKind.COMMENT
    if first == "@":
        return TokenKind.ANNOTATION
    if first in "'\"" or value.startswith("<<"):
        return TokenKind.STRING
    if value in PUNCTUATION:
        return TokenKind.PUNCTUATION
    if value in OPERATORS:
        return TokenKind.OPERATOR
    if first.isdigit() or (first == "." and len(value) > 1 and value[1].isdigit()):
        return TokenKind.NUMBER
    if first.isalpha() or first in "_/$-":
        return TokenKind.WORD
    return TokenKind.OTHER
