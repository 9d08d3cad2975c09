"""The parser's reading of a template, for the old checks in ``--preview``.

The same questions the old tool answers with regular expressions (``view``), answered from
the lexer's tokens: which lines are code, which columns of a code line are strings (or
heredocs, or annotations), where its trailing comment starts. So the old checks keep their
rules but are no longer fooled by a ``#`` or a quote inside a string, a string continued
over lines, a here-document not written ``<<TAG;`` at the end of its line, an annotation
that is not a ``@{...}`` block, or a ``@name{`` inside a comment or a string. Lines are
those of the parser (ended by ``\\n`` only). With the syntax tree's roles of the ``+``, ``-``
and ``*`` tokens, LC001 also tells signs and link types from operators.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from panc.syntax.operator_roles import OperatorRoles
from panc.syntax.tokens import CLOSERS, DATA_TYPES, NON_CODE_TYPES, OPENERS, Token
from panlint.compat.view import CODE, COMMENT, DIRECTIVE, DIRECTIVE_LINE, EMPTY, SKIPPED, Operators, Ranges

NOT_CODE = NON_CODE_TYPES | {"HEREDOC_BODY"}
ENDLESS = 1 << 30


class TokenReading:
    """The lines of one text as the lexer's tokens show them."""

    precise = True
    """The declaration is the first line with code on it, read without its trailing comment."""

    def __init__(self, text: str, tokens: Sequence[Token], roles: OperatorRoles | None = None) -> None:
        self.text_lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
        if self.text_lines and self.text_lines[-1] == "" and text.endswith("\n"):
            self.text_lines.pop()
        self.inside: set[int] = set()
        """Lines that begin inside a token: a string or annotation continued, a heredoc body."""
        self.strings: dict[int, Ranges] = {}
        self.cuts: dict[int, int] = {}
        self.code_seen: set[int] = set()
        self.first: dict[int, str] = {}
        """Per line, the type of the first token starting on it."""
        self.code: set[int] = set()
        """Lines where a token the grammar sees starts."""
        self.statement_lines: set[int] = set()
        """Lines whose first code token starts a statement (or is the path after ``prefix``)."""
        self.roles = roles
        self._operators: dict[int, Operators] = {}
        previous: Token | None = None
        depth = 0
        for token in sorted(tokens, key=lambda token: token.start_pos):
            self._add(token)
            if token.type in NOT_CODE:
                continue
            line = token.span.start_line
            role = None if roles is None else roles.role(token)
            if role is not None:
                self._operators.setdefault(line, {})[token.span.start_column - 1] = role
            if line not in self.code_seen:
                self.code_seen.add(line)
                if (
                    previous is None
                    or previous.type == "PREFIX"
                    or (previous.type == "SEMICOLON" and depth == 0)
                ):
                    self.statement_lines.add(line)
            depth += token.value in OPENERS
            depth -= token.value in CLOSERS and depth > 0
            previous = token

    def _add(self, token: Token) -> None:
        span = token.span
        line, kind = span.start_line, token.type
        if kind == "HEREDOC_BODY":
            self.inside.update(range(line, span.end_line + 1))
            return
        if span.end_line > line:
            self.inside.update(range(line + 1, span.end_line + 1))
            # Code may follow the token's end on its last line: its start is data.
            self.strings.setdefault(span.end_line, []).append((0, span.end_column))
        self.first.setdefault(line, kind)
        if kind in DATA_TYPES:  # to the old checks what its strings were
            end = span.end_column if span.end_line == line else ENDLESS
            self.strings.setdefault(line, []).append((span.start_column - 1, end))
        elif kind == "COMMENT":
            self.cuts.setdefault(line, span.start_column - 1)
        else:
            self.code.add(line)

    def lines(self) -> Iterator[tuple[int, str, str]]:
        """``(number, kind, line)`` for every line of the text."""
        for number, line in enumerate(self.text_lines, start=1):
            first = self.first.get(number)
            if number in self.inside and number not in self.code:
                yield number, SKIPPED, line
            elif not line:
                yield number, EMPTY, line
            elif first == "COMMENT":
                yield number, DIRECTIVE if DIRECTIVE_LINE.match(line) else COMMENT, line
            elif first == "ANNOTATION" and number not in self.code:
                yield number, COMMENT, line
            else:
                yield number, CODE, line

    def layout(self, number: int, _line: str) -> tuple[Ranges, int | None]:
        """The strings of a code line and where its trailing comment starts."""
        return self.strings.get(number, []), self.cuts.get(number)

    def starts_statement(self, number: int) -> bool:
        """Does the line's code begin a statement (so a string there is a profile path)?"""
        return number in self.statement_lines

    def operators(self, number: int) -> Operators | None:
        """The roles of the line's ``+``, ``-`` and ``*`` tokens (None: no syntax tree)."""
        return None if self.roles is None else self._operators.get(number, {})
