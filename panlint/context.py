"""Everything a rule may look at for one file, computed once and shared by all rules.

The AST rules and the fixes that need the parse read it here: the nodes by class, the
tokens by line, ``code_tokens`` (the token stream without comments and annotations) and
which lines begin inside a string, heredoc or annotation. Tokens are the parser's own
(``type``, ``value``, ``span``); ``panc.syntax.tokens.kind_of`` sorts them into kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from panc.analysis.walk import walk
from panc.source import Span
from panc.syntax import ast
from panc.syntax.operator_roles import OperatorRoles, operator_roles
from panc.syntax.tokens import NON_CODE_TYPES, OPAQUE_TYPES
from panlint.options import RuleOptions

if TYPE_CHECKING:
    from panc.syntax.tokens import Token


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
    def operator_roles(self) -> OperatorRoles | None:
        """Which ``+``, ``-`` and ``*`` tokens are signs or link types (None: nothing parsed)."""
        if self.parse.ast is None:
            return None
        nodes = [*self.nodes_of(ast.Unary), *self.nodes_of(ast.LinkOf), *self.nodes_of(ast.Range)]
        return operator_roles(nodes, self.code_tokens)

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the parser, comments and annotations included, in source order."""
        raw: list[Token] = self.parse.tokens
        if any(token.type == "HEREDOC_BODY" for token in raw):
            # A here-document's body comes before its marker in the parser's list.
            raw = sorted(raw, key=lambda token: (token.span.start_line, token.span.start_column))
        return raw

    @cached_property
    def _scan(self) -> tuple[list[Token], list[Token]]:
        """One pass over the tokens: the code tokens and the opaque ones."""
        code: list[Token] = []
        opaque: list[Token] = []
        for tok in self.tokens:
            kind = tok.type
            if kind in OPAQUE_TYPES:
                opaque.append(tok)
            if kind not in NON_CODE_TYPES:
                code.append(tok)
        return code, opaque

    @property
    def code_tokens(self) -> list[Token]:
        """The tokens the grammar sees: no comments, no annotations."""
        return self._scan[0]

    def starts_opaque(self, line: int) -> bool:
        """Does the line begin inside a string, heredoc or annotation (so it is all content)?"""
        return line in self._content_lines

    @cached_property
    def _content_lines(self) -> set[int]:
        lines: set[int] = set()
        for tok in self._scan[1]:
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
