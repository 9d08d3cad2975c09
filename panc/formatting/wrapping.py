"""Breaking lines longer than the limit (panlint's LP006), where a break makes them fit.

Pan is free-form: a line may break between any two tokens. An over-long line is split by
the first of these that makes every resulting line fit (each piece may be split again):

1. a trailing comment moves to a line of its own above the code (leading annotations too);
2. the body of ``if (...)``, ``while``, ``for``, ``foreach`` or ``else`` goes to the next line;
3. after each binary operator of the lowest precedence outside brackets (``a ||`` / ``b``);
4. inside a pair of brackets (braces first): the opening bracket ends the line, each
   element (split at ``,``, or at ``;`` in blocks and ``for`` headers) gets its own line,
   the closing bracket starts a line; or, for a bracket closed on a later line, after each
   ``,``;
5. after each ``,`` (or ``;`` ending an item) outside brackets;
6. after the ``=`` of an assignment;
7. inside a pair of brackets nested in others, the last first (``f(a, g(`` / ``b`` / ``))``);
8. before the longest token (``prefix`` / ``'/a/long/path';``).

A line that no break makes fit (a long string, comment or annotation) stays as it is, so
formatting twice gives the same text. Lines holding a multi-line token or the marker of a
here-document are never split.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence

from panc.formatting.facts import CLOSERS, OPENERS, TokenFacts
from panc.formatting.lines import NOT_CODE, Indenter, Line, first_code
from panc.syntax.tokens import Token

Render = Callable[[Line], str]
Pieces = list[list[Token]]

MAX_DEPTH = 4
"""How many times the pieces of a split may be split again."""
MAX_TRIES = 200
"""Layouts tried for one line, at most (a bound on pathological lines)."""

_PRECEDENCE = (
    ("||",),
    ("&&",),
    ("|",),
    ("^",),
    ("&",),
    ("==", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "/", "%"),
)
_BINARY_TYPES = frozenset({"BINOP", "PLUS", "MINUS", "STAR"})
_HEADERS = frozenset({"IF", "WHILE", "FOR", "FOREACH"})
_ASSIGNMENTS = frozenset({"EQUAL", "COND_ASSIGN"})


def wrap(lines: Sequence[Line], facts: TokenFacts, line_length: int, render: Render) -> list[Line]:
    """``lines`` with every over-long line split where that makes it fit; levels set."""
    wrapper = _Wrapper(facts, line_length, render)
    placed: list[Line] = []
    indenter = Indenter(facts)
    queue = deque(lines)
    while queue:
        line = queue.popleft()
        line.level = indenter.level(line, _following(line, queue))
        pieces = wrapper.split(line, indenter) if wrapper.too_long(line) else None
        if pieces is not None:
            queue.extendleft(reversed(pieces))
            continue
        indenter.take(line)
        placed.append(line)
    return placed


def _following(line: Line, rest: Iterator[Line] | Sequence[Line]) -> Token | None:
    """The first code token of ``line`` or, for a line of comments, of the lines after it."""
    code = first_code(line.tokens)
    if code is not None:
        return code
    for later in rest:
        code = first_code(later.tokens)
        if code is not None:
            return code
    return None


class _Wrapper:
    def __init__(self, facts: TokenFacts, line_length: int, render: Render) -> None:
        self.facts = facts
        self.line_length = line_length
        self.render = render
        self.tries = 0

    def too_long(self, line: Line) -> bool:
        return len(self.render(line)) > self.line_length

    def split(self, line: Line, indenter: Indenter) -> list[Line] | None:
        """The pieces of the first split of ``line`` after which everything fits."""
        if line.bodies or any("\n" in tok.value for tok in line.tokens):
            return None
        self.tries = 0
        return self._fitting_split(line, indenter, MAX_DEPTH)

    def _fitting_split(self, line: Line, indenter: Indenter, depth: int) -> list[Line] | None:
        for candidate in _candidates(line.tokens, self.facts):
            self.tries += 1
            if self.tries > MAX_TRIES:
                return None
            pieces = [Line(tokens) for tokens in candidate]
            pieces[0].blank_before = line.blank_before
            if self._all_fit(pieces, indenter.copy(), depth):
                return pieces
        return None

    def _all_fit(self, pieces: list[Line], indenter: Indenter, depth: int) -> bool:
        """Can ``pieces``, placed from ``indenter``'s state on, all fit (splitting them again)?"""
        for number, piece in enumerate(pieces):
            piece.level = indenter.level(piece, _following(piece, pieces[number + 1 :]))
            if not self.too_long(piece):
                indenter.take(piece)
                continue
            parts = None if depth == 0 else self._fitting_split(piece, indenter.copy(), depth - 1)
            if parts is None:
                return False
            for index, part in enumerate(parts):
                part.level = indenter.level(part, _following(part, parts[index + 1 :]))
                indenter.take(part)
        return True


def _candidates(tokens: list[Token], facts: TokenFacts) -> Iterator[Pieces]:
    """The ways to split a line, the preferred first."""
    depths = _depths(tokens)
    yield from _detached_comments(tokens)
    yield from _body_splits(tokens, depths)
    yield from _operator_splits(tokens, depths, facts)
    yield from _bracket_splits(tokens, depths)
    yield from _separator_splits(tokens, depths)
    assignments = [index for index, tok in enumerate(tokens[:-1]) if tok.type in _ASSIGNMENTS]
    if assignments and not depths[assignments[0]]:
        yield _cut(tokens, [assignments[0] + 1])
    yield from _nested_bracket_splits(tokens, depths)
    longest = max(range(len(tokens)), key=lambda index: len(tokens[index].value))
    if longest:
        yield _cut(tokens, [longest])


def _depths(tokens: Sequence[Token]) -> list[int]:
    """How many brackets opened on the line enclose each token (a bracket counts as outside)."""
    depths = []
    depth = 0
    for tok in tokens:
        if tok.type in CLOSERS:
            depth = max(0, depth - 1)
        depths.append(depth)
        if tok.type in OPENERS:
            depth += 1
    return depths


def _cut(tokens: list[Token], starts: Sequence[int]) -> Pieces:
    """``tokens`` cut before each index of ``starts`` (empty pieces left out)."""
    bounds = [0, *starts, len(tokens)]
    return [tokens[start:end] for start, end in itertools.pairwise(bounds) if start < end]


def _detached_comments(tokens: list[Token]) -> Iterator[Pieces]:
    """A trailing comment (and leading annotations) on lines of their own."""
    leading = 0
    while leading < len(tokens) and tokens[leading].type == "ANNOTATION":
        leading += 1
    trailing = tokens[-1].type == "COMMENT"
    code = tokens[leading : len(tokens) - trailing]
    if not code or (not leading and not trailing):
        return
    pieces = [tokens[-1:]] if trailing else []
    if leading:
        pieces.append(tokens[:leading])
    pieces.append(code)
    yield pieces


def _body_splits(tokens: list[Token], depths: list[int]) -> Iterator[Pieces]:
    """After ``if (...)`` (and the like) or ``else``, before a body that is not a block."""
    for index, tok in enumerate(tokens[:-1]):
        if depths[index]:
            continue
        end = None
        if tok.type == "ELSE" and tokens[index + 1].type not in ("LBRACE", "IF"):
            end = index
        elif tok.type in _HEADERS and tokens[index + 1].type == "LPAR":
            closing = _closing(tokens, depths, index + 1)
            if closing is not None and closing + 1 < len(tokens) and tokens[closing + 1].type != "LBRACE":
                end = closing
        if end is not None:
            yield _cut(tokens, [end + 1])


def _closing(tokens: Sequence[Token], depths: Sequence[int], opening: int) -> int | None:
    """The index of the bracket closing the one at ``opening``, on this line."""
    for index in range(opening + 1, len(tokens)):
        if tokens[index].type in CLOSERS and depths[index] == depths[opening]:
            return index
    return None


def _operator_splits(tokens: list[Token], depths: list[int], facts: TokenFacts) -> Iterator[Pieces]:
    """After each binary operator of the lowest precedence outside brackets."""
    binary = [
        index
        for index, tok in enumerate(tokens[:-1])
        if depths[index] == 0 and tok.type in _BINARY_TYPES and tok.start_pos not in facts.unary
        and tok.start_pos not in facts.link_stars
    ]
    for operators in _PRECEDENCE:
        cuts = [index + 1 for index in binary if tokens[index].value in operators]
        if cuts:
            yield _cut(tokens, cuts)
            return


def _bracket_splits(tokens: list[Token], depths: list[int]) -> Iterator[Pieces]:
    """Inside each pair of brackets opened outside any other on the line: blocks first
    (``if (a) {`` / ``b`` / ``} else { c }``), then the others, left to right."""
    openers = [index for index, tok in enumerate(tokens) if not depths[index] and tok.type in OPENERS]
    openers.sort(key=lambda index: tokens[index].type != "LBRACE")
    for index in openers:
        tok = tokens[index]
        closing = _closing(tokens, depths, index)
        end = len(tokens) if closing is None else closing
        if end <= index + 1:
            continue
        inner = tokens[index + 1 : end]
        separators = ("SEMICOLON",) if tok.type == "LBRACE" or _is_for_header(tokens, index) else ("COMMA",)
        items = [
            piece for piece in _separator_cut(inner, _depths(inner), 0, separators) if piece
        ]
        pieces = [tokens[: index + 1], *items]
        if closing is not None:
            pieces.append(tokens[closing:])
        yield pieces


def _nested_bracket_splits(tokens: list[Token], depths: list[int]) -> Iterator[Pieces]:
    """Inside a pair of brackets within others, the innermost last first: ``f(a, g(`` / ``b`` / ``))``."""
    for index in range(len(tokens) - 1, -1, -1):
        if not depths[index] or tokens[index].type not in OPENERS:
            continue
        closing = _closing(tokens, depths, index)
        if closing is not None and closing > index + 1:
            yield [tokens[: index + 1], tokens[index + 1 : closing], tokens[closing:]]


def _is_for_header(tokens: Sequence[Token], opening: int) -> bool:
    return opening > 0 and tokens[opening - 1].type in ("FOR", "FOREACH")


def _separator_splits(tokens: list[Token], depths: list[int]) -> Iterator[Pieces]:
    """After each ``,`` (or each ``;``) outside brackets."""
    for separators in (("COMMA",), ("SEMICOLON",)):
        pieces = _separator_cut(tokens, depths, 0, separators)
        if len(pieces) > 1:
            yield pieces


def _separator_cut(tokens: list[Token], depths: list[int], depth: int, separators: Sequence[str]) -> Pieces:
    cuts = [
        index + 1
        for index, tok in enumerate(tokens[:-1])
        if depths[index] == depth and tok.type in separators and tokens[index + 1].type not in NOT_CODE
    ]
    return _cut(tokens, cuts)
