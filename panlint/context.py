"""Everything a rule may look at for one file, computed once and shared by all rules.

Rules never scan raw text for things that live inside strings, heredocs or annotations:
``opaque`` records, from the parser's token stream, which columns of each line belong to
such tokens, and ``code_tokens`` is the token stream without comments and annotations.
Tokens are the parser's own (``type``, ``value``, ``span``); ``panc.syntax.tokens.kind_of`` sorts
them into the kinds rules care about.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from panc.analysis.walk import walk
from panc.source import Span
from panc.syntax.tokens import NON_CODE_TYPES, OPAQUE_TYPES, PUNCTUATION

if TYPE_CHECKING:
    from panc.syntax.tokens import Token


@dataclass(frozen=True)
class RuleOptions:
    """The part of the configuration that changes what rules report."""

    line_length: int = 120
    ignore_components: frozenset[str] = frozenset()
    include_path: tuple[str, ...] = ()
    allow_mvn_templates: bool = False


@dataclass
class LintContext:
    """One file: its text split in lines, its parse result and the options."""

    path: str
    text: str
    parse: Any
    """The ``ParseResult`` of ``panc.syntax.parse`` for ``text``."""
    options: RuleOptions = field(default_factory=RuleOptions)
    shared: dict[str, Any] = field(default_factory=dict)
    """Values that several rules of one family compute once per file (keyed by the family)."""

    @cached_property
    def lines(self) -> list[str]:
        """The lines without their end-of-line characters (``\\n`` or ``\\r\\n``)."""
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return [line[:-1] if line.endswith("\r") else line for line in lines]

    @property
    def ast(self) -> Any:
        return self.parse.ast

    @cached_property
    def nodes(self) -> list[Any]:
        """Every AST node, parents before children (empty when nothing parsed)."""
        return [] if self.parse.ast is None else list(walk(self.parse.ast))

    @cached_property
    def _nodes_by_type(self) -> dict[type, list[Any]]:
        grouped: dict[type, list[Any]] = {}
        for node in self.nodes:
            grouped.setdefault(type(node), []).append(node)
        return grouped

    def nodes_of(self, *types: type) -> list[Any]:
        """The AST nodes of the given classes, in tree order within each class."""
        if len(types) == 1:
            return self._nodes_by_type.get(types[0], [])
        return [node for node in self.nodes if isinstance(node, types)]

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the parser, comments and annotations included, in source order."""
        raw: list[Token] = self.parse.tokens
        if any(token.type == "HEREDOC_BODY" for token in raw):
            # A here-document's body comes before its marker in the parser's list.
            raw = sorted(raw, key=lambda token: (token.span.start_line, token.span.start_column))
        return raw

    @cached_property
    def _scan(self) -> tuple[list[Token], dict[str, list[int]], list[Token]]:
        """One pass over the tokens: code tokens, punctuation positions, opaque tokens."""
        code: list[Token] = []
        punctuation: dict[str, list[int]] = {}
        opaque: list[Token] = []
        for index, tok in enumerate(self.tokens):
            kind = tok.type
            if kind in OPAQUE_TYPES:
                opaque.append(tok)
            if kind in NON_CODE_TYPES:
                continue
            code.append(tok)
            # No string, comment or heredoc token's text is a lone punctuation character.
            if tok.value in PUNCTUATION:
                punctuation.setdefault(tok.value, []).append(index)
        return code, punctuation, opaque

    @property
    def code_tokens(self) -> list[Token]:
        """The tokens the grammar sees: no comments, no annotations."""
        return self._scan[0]

    @property
    def punctuation(self) -> dict[str, list[int]]:
        """Punctuation character -> indexes in ``tokens`` where it occurs."""
        return self._scan[1]

    @cached_property
    def opaque(self) -> dict[int, list[tuple[int, int]]]:
        """Per line, the inclusive column ranges covered by strings, heredocs and annotations.

        A token running over several lines covers the rest of its first line, the whole of
        the lines in between (column 1 to "infinity") and the start of its last line.
        """
        ranges: dict[int, list[tuple[int, int]]] = {}
        for tok in self._scan[2]:
            span = tok.span
            if span.start_line == span.end_line:
                ranges.setdefault(span.start_line, []).append((span.start_column, span.end_column))
                continue
            ranges.setdefault(span.start_line, []).append((span.start_column, _ENDLESS))
            for line in range(span.start_line + 1, span.end_line):
                ranges.setdefault(line, []).append((1, _ENDLESS))
            ranges.setdefault(span.end_line, []).append((1, span.end_column))
        for spans in ranges.values():
            spans.sort()
        return ranges

    def is_opaque(self, line: int, column: int) -> bool:
        """Is (line, column) inside a string, heredoc or annotation?"""
        spans = self.opaque.get(line)
        if not spans:
            return False
        index = bisect.bisect_right(spans, (column, _ENDLESS)) - 1
        return index >= 0 and spans[index][0] <= column <= spans[index][1]

    def starts_opaque(self, line: int) -> bool:
        """Does the line begin inside a string, heredoc or annotation (so it is all content)?"""
        return line in self._content_lines

    @cached_property
    def _content_lines(self) -> set[int]:
        lines: set[int] = set()
        for tok in self._scan[2]:
            span = tok.span
            if tok.type == "HEREDOC_BODY":
                lines.update(range(span.start_line, span.end_line + 1))
            elif span.end_line > span.start_line:
                lines.update(range(span.start_line + 1, span.end_line + 1))
        return lines

    @cached_property
    def tokens_by_line(self) -> dict[int, list[Token]]:
        """Tokens grouped by the line they start on."""
        grouped: dict[int, list[Token]] = {}
        for tok in self.tokens:
            grouped.setdefault(tok.span.start_line, []).append(tok)
        return grouped

    def span(
        self, line: int, column: int, end_column: int | None = None, end_line: int | None = None
    ) -> Span:
        """A span of this file (``end_column`` inclusive, defaulting to ``column``)."""
        return Span(
            self.path,
            line,
            column,
            line if end_line is None else end_line,
            column if end_column is None else end_column,
        )


_ENDLESS = 1 << 30
