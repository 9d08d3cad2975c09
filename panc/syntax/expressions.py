"""Binary operator precedence: the grammar reads ``a op b op c ...`` as a flat chain and
``fold_chain`` turns it into ``ast.Binary`` nodes (one reduction per operand instead of one
per precedence level)."""

from __future__ import annotations

from typing import Any

from panc.source import Span
from panc.syntax.construct import nodes
from panc.syntax.tokens import new_span

# Lowest to highest; all left-associative. DML assignment (lower still) is a grammar rule.
PRECEDENCE: dict[str, int] = {
    "||": 1,
    "&&": 2,
    "|": 3,
    "^": 4,
    "&": 5,
    "==": 6,
    "!=": 6,
    "<": 7,
    "<=": 7,
    ">": 7,
    ">=": 7,
    "+": 8,
    "-": 8,
    "*": 9,
    "/": 9,
    "%": 9,
}


def fold_chain(items: list[Any]) -> Any:
    """``[operand, op_token, operand, op_token, operand, ...]`` -> a tree of ``ast.Binary``."""
    operands = [items[0]]
    operators: list[str] = []
    levels: list[int] = []
    for position in range(1, len(items), 2):
        operator = items[position].value
        level = PRECEDENCE[operator]
        while levels and levels[-1] >= level:
            _reduce(operands, operators, levels)
        operators.append(operator)
        levels.append(level)
        operands.append(items[position + 1])
    while operators:
        _reduce(operands, operators, levels)
    return operands[0]


def _reduce(operands: list[Any], operators: list[str], levels: list[int]) -> None:
    right = operands.pop()
    left = operands.pop()
    levels.pop()
    first, last = left.span, right.span
    span = new_span(Span, (first.file, first.start_line, first.start_column, last.end_line, last.end_column))
    operands.append(nodes.Binary(span, operators.pop(), left, right))
