"""Tokens: what the lexer produces, for the parser and for tools (highlighting, linting)."""

from __future__ import annotations

from typing import NamedTuple

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
