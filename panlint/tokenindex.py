"""Find tokens by position: the bridge from AST spans to the exact text of operators."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from panlint.context import LintContext

if TYPE_CHECKING:
    from panc.syntax.tokens import Token


class TokenIndex:
    """The code tokens of a file, searchable by position."""

    def __init__(self, context: LintContext) -> None:
        self.tokens = context.code_tokens
        self._starts = [(tok.span.start_line, tok.span.start_column) for tok in self.tokens]

    @classmethod
    def of(cls, context: LintContext) -> TokenIndex:
        """The file's index, built once and shared by the rules that need it."""
        index = context.shared.get(__name__)
        if index is None:
            index = context.shared[__name__] = cls(context)
        return index

    def after(self, line: int, column: int) -> int:
        """The index of the first token starting after (line, column)."""
        return bisect.bisect_right(self._starts, (line, column))

    def find_between(self, start: tuple[int, int], end: tuple[int, int], values: set[str]) -> int | None:
        """The index of the first token with one of ``values`` strictly between two positions."""
        index = self.after(*start)
        while index < len(self.tokens):
            tok = self.tokens[index]
            if (tok.span.start_line, tok.span.start_column) >= end:
                return None
            if tok.value in values:
                return index
            index += 1
        return None

    def at(self, line: int, column: int) -> Token | None:
        """The token starting exactly at (line, column)."""
        index = bisect.bisect_left(self._starts, (line, column))
        if index < len(self.tokens) and self._starts[index] == (line, column):
            return self.tokens[index]
        return None

    def get(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None


def touches(left: Token, right: Token) -> bool:
    """Does ``right`` start right after ``left`` on the same line?"""
    return left.span.end_line == right.span.start_line and left.span.end_column + 1 == right.span.start_column
