"""Numeric builtins: ``max`` and ``min`` (added to panc in 2025, pan#91)."""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import math

from panc.builtins.registry import BuiltinError, builtin
from panc.evaluation.values import Value


def _numbers(function: str, args: list[Value]) -> tuple[int | float, int | float]:
    first, second = args[0], args[1]
    if type(first) is int and type(second) is int:
        return first, second
    if type(first) not in _NUMBER_TYPES or type(second) not in _NUMBER_TYPES:
        raise BuiltinError(f"all arguments to {function} must be longs or doubles")
    return float(first), float(second)


_NUMBER_TYPES = (int, float)


@builtin(
    "max",
    min_args=2,
    max_args=2,
    signature="max(arg1, arg2)",
    arity_message="max() requires exactly two arguments",
)
def pan_max(args: list[Value]) -> int | float:
    """Return the larger of two numbers: a long if both arguments are longs, otherwise a double."""
    first, second = _numbers("max", args)
    if type(first) is float and (math.isnan(first) or math.isnan(second)):  # Java: NaN wins
        return math.nan
    if first == second:  # Java: max(-0.0, 0.0) is 0.0
        return second if math.copysign(1, first) < 0 else first
    return first if first > second else second


@builtin(
    "min",
    min_args=2,
    max_args=2,
    signature="min(arg1, arg2)",
    arity_message="min() requires exactly two arguments",
)
def pan_min(args: list[Value]) -> int | float:
    """Return the smaller of two numbers: a long if both arguments are longs, otherwise a double."""
    first, second = _numbers("min", args)
    if type(first) is float and (math.isnan(first) or math.isnan(second)):
        return math.nan
    if first == second:  # Java: min(0.0, -0.0) is -0.0
        return first if math.copysign(1, first) < 0 else second
    return first if first < second else second
