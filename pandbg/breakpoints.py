"""Breakpoints as the session keeps them, and where a line breakpoint can stop.

The evaluator reports a statement (``EvaluationHooks.on_statement``) for each template
statement and for each statement of a DML block or loop/if body; those are the only
places a debugger can stop. ``executable_lines`` finds their first lines in a parsed
template, so that a breakpoint on a comment or inside a multi-line expression moves to
the next line where execution really stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from panc.analysis.walk import walk
from panc.syntax import ast

_HIT_CONDITION = re.compile(r"\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*\Z")


class HitCondition:
    """A DAP hit condition: ``5`` or ``== 5`` (the 5th hit), ``>= 5``, ``> 5``, ``< 5``,
    ``<= 5``, ``% 5`` (every 5th hit)."""

    __slots__ = ("count", "operator")

    def __init__(self, operator: str, count: int) -> None:
        self.operator = operator
        self.count = count

    @classmethod
    def parse(cls, text: str) -> HitCondition:
        """Parse ``text``; raises ``ValueError`` with a readable message."""
        match = _HIT_CONDITION.match(text)
        if match is None:
            raise ValueError(f"invalid hit condition '{text}': use N, == N, >= N, > N, < N, <= N or % N")
        return cls(match.group(1) or "==", int(match.group(2)))

    def matches(self, hits: int) -> bool:
        """Whether the breakpoint stops at its ``hits``-th hit."""
        operator, count = self.operator, self.count
        if operator == "==":
            return hits == count
        if operator == ">=":
            return hits >= count
        if operator == ">":
            return hits > count
        if operator == "<":
            return hits < count
        if operator == "<=":
            return hits <= count
        return count > 0 and hits % count == 0


@dataclass
class Breakpoint:
    """What line, function and data breakpoints share: an id, a condition, a hit count."""

    id: int
    condition: str | None = None
    """A pan expression; the breakpoint stops only where it is ``true``."""
    hit_condition: HitCondition | None = None
    log_message: str | None = None
    """A logpoint: print this (``{expr}`` interpolated) instead of stopping."""
    hits: int = 0
    verified: bool = True
    message: str | None = None
    """Why the breakpoint is unverified, or where it moved."""


@dataclass
class LineBreakpoint(Breakpoint):
    path: str = ""
    requested_line: int = 0
    line: int = 0
    """The executable line it was moved to (``requested_line`` when already executable)."""


@dataclass
class FunctionBreakpoint(Breakpoint):
    name: str = ""
    builtin: bool = False


@dataclass
class DataBreakpoint(Breakpoint):
    """Stop after a write to ``path``, to one of its parents or to one of its children."""

    path: str = ""
    terms: tuple[object, ...] = field(default_factory=tuple)


def executable_lines(template: ast.Template) -> set[int]:
    """The first lines of every statement the evaluator can stop at in ``template``."""
    lines: set[int] = set()
    for statement in template.statements:
        if isinstance(statement, ast.PrefixStatement):
            continue
        lines.add(statement.span.start_line)
        # the block items and branch/loop bodies nested anywhere in the statement
        for node in walk(statement):
            if isinstance(node, ast.Block):
                lines.update(item.span.start_line for item in node.body if not isinstance(item, ast.Block))
            elif isinstance(node, ast.If):
                _add_body(node.then, lines)
                if node.otherwise is not None:
                    _add_body(node.otherwise, lines)
            elif isinstance(node, ast.While | ast.For | ast.Foreach):
                _add_body(node.body, lines)
    return lines


def _add_body(body: ast.Expr, lines: set[int]) -> None:
    if not isinstance(body, ast.Block):
        lines.add(body.span.start_line)


def place_line(lines: set[int], requested: int) -> int | None:
    """The executable line a breakpoint on ``requested`` stops at: itself or the next one."""
    if requested in lines:
        return requested
    return min((line for line in lines if line > requested), default=None)
