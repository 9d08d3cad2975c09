"""What the syntax tree tells the formatter about tokens that look alike.

A ``*`` may multiply or make a link type, a ``{`` may open a block, a record or the braces of
a dict type, a ``-`` may be unary or binary, a string may start a record field. The layout
of each depends on which it is; ``TokenFacts`` answers by token offset. It also holds the
canonical spellings the formatter writes (``dict`` for the deprecated ``nlist``, no braces
around a single include expression), the same rewrites as panlint's LP004 and LP005 fixes,
and the punctuation it leaves out: empty statements (``;;``, LP009) and a trailing comma
before a closing bracket on its line (``list(1,)``, LP007).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from panc.analysis.walk import walk
from panc.source import Position
from panc.syntax import ast
from panc.syntax.equivalence import DEPRECATED_ALIASES, SIMPLE_EXPRESSIONS
from panc.syntax.operator_roles import operator_roles
from panc.syntax.tokens import Token

OPENERS = frozenset({"LPAR", "LSQB", "LBRACE"})
CLOSERS = frozenset({"RPAR", "RSQB", "RBRACE"})

SIGNS = frozenset({"PLUS", "MINUS"})
SIMPLE_INDEX_TOKEN = re.compile(r"[\w+-]+")
"""What a "simple" index holds (``x[i-1]``): names, numbers, ``+`` and ``-``."""


@dataclass
class TokenFacts:
    """Facts by token offset (``Token.start_pos``)."""

    unary: set[int] = field(default_factory=set)
    """``+ - ! ~`` applied to one operand (written without a space after)."""
    tight: set[int] = field(default_factory=set)
    """``+`` and ``-`` in a simple index on one line (``x[i-1]``), written without spaces:
    panlint's LC001 wants none there ("Unwanted space in simple expression in square
    brackets")."""
    link_stars: set[int] = field(default_factory=set)
    """The ``*`` of a link type (``string*``), written without a space before."""
    type_braces: set[int] = field(default_factory=set)
    """``{`` and ``}`` of a dict type (``string{}``), written without spaces."""
    member_starts: set[int] = field(default_factory=set)
    """The first token of each record member (a new line there is not a continuation)."""
    renamed: dict[int, str] = field(default_factory=dict)
    """Tokens written differently: the deprecated ``nlist``/``is_nlist`` as ``dict``/``is_dict``."""
    dropped: set[int] = field(default_factory=set)
    """Tokens left out: braces around a single include expression, empty statements, a
    trailing comma before a closing bracket on its line."""


class _Tokens:
    """The code tokens of a template, found by position."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._index = {tok.span.start: index for index, tok in enumerate(tokens)}

    def index(self, position: Position) -> int | None:
        """The index of the token starting at ``position``."""
        return self._index.get(position)

    def offset(self, position: Position) -> int | None:
        """The offset of the token starting at ``position``."""
        index = self._index.get(position)
        return None if index is None else self.tokens[index].start_pos

    def match(self, index: int, step: int) -> int | None:
        """The index of the bracket matching the one at ``index`` (``step`` 1: forward)."""
        depth = 0
        while 0 <= index < len(self.tokens):
            kind = self.tokens[index].type
            depth += ((kind in OPENERS) - (kind in CLOSERS)) * step
            if depth == 0:
                return index
            index += step
        return None


def token_facts(
    template: ast.Template, code_tokens: Sequence[Token], annotations: Sequence[int] = ()
) -> TokenFacts:
    """The facts of one parsed template; ``code_tokens`` are its tokens the grammar sees,
    ``annotations`` the offsets of its annotations, in order."""
    facts = TokenFacts()
    table = _Tokens(code_tokens)
    nodes = list(walk(template))
    roles = operator_roles(nodes, code_tokens)
    for position in roles.unary:
        _add(facts.unary, table.offset(position))
    for position in roles.link_stars:
        _add(facts.link_stars, table.offset(position))
    for node in nodes:
        if isinstance(node, ast.DictOf):
            closing = table.index(node.span.end)
            opening = None if closing is None else table.match(closing, -1)
            if closing is not None and opening is not None:
                facts.type_braces.update((code_tokens[opening].start_pos, code_tokens[closing].start_pos))
        elif isinstance(node, (ast.Field, ast.RecordInclude)):
            _add(facts.member_starts, table.offset(node.span.start))
        elif isinstance(node, ast.Call) and node.name in DEPRECATED_ALIASES:
            start = table.offset(node.name_span.start)
            if start is not None:
                facts.renamed[start] = DEPRECATED_ALIASES[node.name]
        elif isinstance(node, ast.TypeRef) and node.name == "nlist":
            index = table.index(node.span.start)
            if index is not None and code_tokens[index].value == "nlist":
                facts.renamed[code_tokens[index].start_pos] = "dict"
        elif isinstance(node, ast.Include):
            facts.dropped.update(_include_braces(node, table))
    facts.dropped.update(_idle_punctuation(code_tokens, annotations))
    facts.tight.update(_simple_index_signs(table))
    return facts


def _add(offsets: set[int], offset: int | None) -> None:
    if offset is not None:
        offsets.add(offset)


def _idle_punctuation(tokens: Sequence[Token], annotations: Sequence[int]) -> list[int]:
    """The offsets of the ``;`` of empty statements (a ``;`` right after another in a block
    or at the top: ``for (;;)`` keeps its) and of a ``,`` right before a closing bracket on
    its line: the tree is the same without them. An empty statement after an annotation
    stays: it keeps the annotation from the next statement (``@{...};``)."""
    idle = []
    open_brackets: list[str] = []
    previous: Token | None = None
    for index, tok in enumerate(tokens):
        kind = tok.type
        if kind in OPENERS:
            open_brackets.append(kind)
        elif kind in CLOSERS and open_brackets:
            open_brackets.pop()
        elif kind == "SEMICOLON" and previous is not None and previous.type == "SEMICOLON":
            annotated = bisect_left(annotations, previous.start_pos) < bisect_left(annotations, tok.start_pos)
            if not annotated and (not open_brackets or open_brackets[-1] == "LBRACE"):
                idle.append(tok.start_pos)
        elif kind == "COMMA" and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.type in CLOSERS and following.span.start_line == tok.span.end_line:
                idle.append(tok.start_pos)
        previous = tok
    return idle


def _simple_index_signs(table: _Tokens) -> list[int]:
    """The offsets of the binary ``+``/``-`` of each index written on one line that holds
    only names, numbers, ``+`` and ``-`` (panlint's "simple expression in square brackets")."""
    tokens = table.tokens
    signs: list[int] = []
    for index, tok in enumerate(tokens):
        if tok.type != "LSQB":
            continue
        closing = table.match(index, 1)
        if closing is None or tokens[closing].span.start_line != tok.span.start_line:
            continue
        inner = tokens[index + 1 : closing]
        if all(SIMPLE_INDEX_TOKEN.fullmatch(item.value) for item in inner):
            signs += [item.start_pos for item in inner if item.type in SIGNS]
    return signs


def _include_braces(statement: ast.Include, table: _Tokens) -> list[int]:
    """The offsets of ``{``, ``}`` (and a ``;`` before ``}``) of ``include {EXPR};``, when
    the braces hold one simple expression on one line; else nothing."""
    target = statement.target
    if isinstance(target, ast.Block):
        if len(target.body) != 1:
            return []
        target = target.body[0]
    keyword = table.index(statement.span.start)
    if not isinstance(target, SIMPLE_EXPRESSIONS) or keyword is None:
        return []
    tokens = table.tokens
    first = keyword + 1
    last = table.match(first, 1) if first < len(tokens) and tokens[first].type == "LBRACE" else None
    if last is None or last + 1 >= len(tokens) or tokens[last + 1].type != "SEMICOLON":
        return []
    opening, closing = tokens[first], tokens[last]
    if opening.span.start_line != closing.span.end_line:
        return []
    dropped = [opening.start_pos, closing.start_pos]
    inner_end = last - 1
    if tokens[inner_end].type == "SEMICOLON":
        dropped.append(tokens[inner_end].start_pos)
        inner_end -= 1
    if tokens[first + 1].span.start != target.span.start or tokens[inner_end].span.end != (
        target.span.end
    ):
        return []
    return dropped
