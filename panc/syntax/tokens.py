"""Tokens: what the lexer produces, for the parser and for tools (highlighting, linting).

Besides the ``Token`` type, the few kinds tools sort tokens into (``TokenKind``, ``kind_of``)
and the sets of terminal names they test (strings, numbers, tokens the grammar never sees):
strings (a here-document's body included), comments and annotations are recognized by
their terminal name; the rest by their text, which the lexer keeps exactly as written.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

from panc.source import Span


class Token(NamedTuple):
    """One token of a pan source.

    ``type`` is the grammar's terminal name (``NAME``, ``DQ_STRING``, ``IF``, ``SEMICOLON``...),
    or ``COMMENT``, ``ANNOTATION``, ``HEREDOC_BODY`` and ``ERROR`` for tokens the parser never
    sees. ``value`` is the raw source text (a here-document's ``<<EOT`` marker; its body is
    ``payload``). ``start_pos``/``end_pos`` are string offsets, ``end_pos`` exclusive.
    """

    type: str
    value: str
    span: Span
    start_pos: int
    end_pos: int
    payload: object = None


new_token = tuple.__new__
"""``new_token(Token, (type, value, span, start, end, payload))``: the constructor without
the Python-level ``__new__`` of a NamedTuple (the lexer makes one per token)."""

new_span = tuple.__new__
"""``new_span(Span, (file, line, column, end_line, end_column))``, likewise."""


class TokenKind(enum.Enum):
    """What a token is, as far as layout and highlighting care."""

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
DATA_TYPES = STRING_TYPES | frozenset({"ANNOTATION", "TEMPLATE_NAME"})
"""Tokens whose insides are data, not code (the ``/`` of a template name is no operator)."""

NUMBER_TYPES = frozenset({"LONG", "DOUBLE"})
"""Terminal names of number literals."""

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
