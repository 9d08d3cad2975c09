"""Lines of formatted output: which tokens share a line, how deep each line is indented.

Line breaks are the author's, with four exceptions: a top-level statement always starts a
line of its own, a ``;`` never does (it ends the code before it, LP008), runs of blank lines
shrink to one, and there are none at the start or end of the file. Indentation counts four spaces per level:

- inside brackets, one level more than the line that opened the innermost one still open
  (brackets opened on one line count once, as in Pan-Indenter: ``dict(list(`` indents its
  contents once); a line starting with closing brackets takes the level of the line that
  opened them;
- one level more for a line that continues a statement, a block item or a record field
  begun on an earlier line (``else`` excepted, which lines up with its ``if``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from panc.formatting.facts import CLOSERS, OPENERS, TokenFacts
from panc.syntax.tokens import Token

INDENT_WIDTH = 4

NOT_CODE = frozenset({"COMMENT", "ANNOTATION"})

_NOT_A_STATEMENT = NOT_CODE | {"SEMICOLON"}
"""Tokens after a top-level ``;`` that stay on its line: a comment, an empty statement."""

_NEVER_CONTINUING = CLOSERS | {"ELSE"}
"""Tokens that never continue the item before them when they start a line."""


@dataclass
class Line:
    """One output line: its tokens, and the here-document bodies that follow it."""

    tokens: list[Token]
    blank_before: bool = False
    level: int = 0
    bodies: list[str] = field(default_factory=list)


def assemble(tokens: Sequence[Token], bodies: dict[int, str], body_lines: set[int]) -> list[Line]:
    """Group the tokens (comments and annotations included, in source order) into lines.

    ``bodies`` maps each here-document marker's offset to its body (terminator line
    included); ``body_lines`` are the source lines those bodies cover.
    """
    lines: list[Line] = []
    previous: Token | None = None
    depth = 0
    for tok in tokens:
        if previous is None:
            lines.append(Line([tok]))
        elif tok.type == "SEMICOLON" and previous.type not in NOT_CODE:
            lines[-1].tokens.append(tok)
        elif tok.span.start_line > previous.span.end_line:
            blank = any(
                line not in body_lines for line in range(previous.span.end_line + 1, tok.span.start_line)
            )
            lines.append(Line([tok], blank_before=blank))
        elif depth == 0 and previous.type == "SEMICOLON" and tok.type not in _NOT_A_STATEMENT:
            lines.append(Line([tok]))
        else:
            lines[-1].tokens.append(tok)
        if tok.type == "HEREDOC":
            lines[-1].bodies.append(bodies[tok.start_pos])
        depth += (tok.type in OPENERS) - (tok.type in CLOSERS)
        previous = tok
    return lines


@dataclass
class _Frame:
    """An open bracket (or the file itself): how deep it is, and what it holds."""

    level: int
    """The level of its closing line; its contents are one level deeper (-1: the file)."""
    holds_items: bool
    """A block, a record or the file: its items are statements or fields."""
    item_open: bool = False
    """An item has begun and not yet ended (a new line would continue it)."""


class Indenter:
    """The levels of lines taken in order, with a state that can be copied to try a layout.

    A bracket's level is that of the line opening it, or less when that line first closes
    brackets opened higher up: in ``if (a ||\n    b) {`` the block's contents and its ``}``
    line up with the ``if``, not with ``b``.
    """

    def __init__(self, facts: TokenFacts) -> None:
        self.facts = facts
        self.stack = [_Frame(-1, True)]

    def copy(self) -> Indenter:
        """An independent indenter in the same state."""
        twin = Indenter(self.facts)
        twin.stack = [_Frame(frame.level, frame.holds_items, frame.item_open) for frame in self.stack]
        return twin

    def level(self, line: Line, following: Token | None) -> int:
        """The level of ``line`` coming next; ``following`` is the first code token at or
        after its start (a comment or annotation line goes with the code after it)."""
        stack = self.stack
        closers = 0
        for tok in line.tokens:
            if tok.type not in CLOSERS:
                break
            closers += 1
        if closers and len(stack) > closers:
            return stack[-closers].level
        frame = stack[-1]
        continues = (
            frame.holds_items
            and frame.item_open
            and following is not None
            and following.type not in _NEVER_CONTINUING
            and following.start_pos not in self.facts.member_starts
        )
        return frame.level + 1 + continues

    def take(self, line: Line) -> None:
        """Move past ``line`` (its ``level`` set)."""
        stack = self.stack
        anchor = line.level
        for tok in line.tokens:
            kind = tok.type
            if kind in NOT_CODE:
                continue
            frame = stack[-1]
            if tok.start_pos in self.facts.member_starts:
                frame.item_open = False
            if kind in OPENERS:
                frame.item_open = True
                holds_items = kind == "LBRACE" and tok.start_pos not in self.facts.type_braces
                stack.append(_Frame(anchor, holds_items))
            elif kind in CLOSERS:
                if len(stack) > 1:
                    anchor = min(anchor, stack.pop().level)
            elif kind == "SEMICOLON" and frame.holds_items:
                frame.item_open = False
            else:
                frame.item_open = True

    def place(self, line: Line, following: Token | None) -> None:
        """Set the level of ``line`` and move past it."""
        line.level = self.level(line, following)
        self.take(line)


def indent(lines: Sequence[Line], facts: TokenFacts) -> None:
    """Set the ``level`` of every line."""
    indenter = Indenter(facts)
    for line, following in zip(lines, following_code(lines), strict=True):
        indenter.place(line, following)


def first_code(tokens: Sequence[Token]) -> Token | None:
    """The first token of ``tokens`` that is neither a comment nor an annotation."""
    return next((tok for tok in tokens if tok.type not in NOT_CODE), None)


def following_code(lines: Sequence[Line]) -> list[Token | None]:
    """For each line, the first code token at or after its start (``None``: only comments follow)."""
    following: list[Token | None] = [None] * len(lines)
    upcoming: Token | None = None
    for number in range(len(lines) - 1, -1, -1):
        code = first_code(lines[number].tokens)
        if code is not None:
            upcoming = code
        following[number] = upcoming
    return following
