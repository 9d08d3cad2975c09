"""Tokens: what the lexer produces, for the parser and for tools (highlighting, linting)."""

from __future__ import annotations

from panc.source import Span


class Token:
    """One token of a pan source.

    ``type`` is the grammar's terminal name (``NAME``, ``DQ_STRING``, ``IF``, ``SEMICOLON``...),
    or ``COMMENT``, ``ANNOTATION``, ``HEREDOC_BODY`` and ``ERROR`` for tokens the parser never
    sees. ``value`` is the raw source text (a here-document's ``<<EOT`` marker; its body is
    ``payload``). ``start_pos``/``end_pos`` are string offsets, ``end_pos`` exclusive.
    """

    __slots__ = ("end_pos", "payload", "span", "start_pos", "type", "value")

    def __init__(
        self, type_: str, value: str, span: Span, start_pos: int, end_pos: int, payload: object = None
    ) -> None:
        self.type = type_
        self.value = value
        self.span = span
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.payload = payload

    # lark reads these when it reports an unexpected token
    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def column(self) -> int:
        return self.span.start_column

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_column(self) -> int:
        return self.span.end_column

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.span.range_text()})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.type, self.value, self.span, self.payload) == (
            other.type,
            other.value,
            other.span,
            other.payload,
        )

    def __hash__(self) -> int:
        return hash((self.type, self.value, self.span))

    def __getstate__(self) -> tuple[object, ...]:
        return (self.type, self.value, self.span, self.start_pos, self.end_pos, self.payload)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        (self.type, self.value, self.span, self.start_pos, self.end_pos, self.payload) = state  # type: ignore[assignment]
