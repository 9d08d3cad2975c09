"""max and min: long if both arguments are longs, else double."""

# Exact type tests on purpose: bool is a subclass of int.

from __future__ import annotations

import math

from builtin_calls import call, fails


def test_longs_give_a_long() -> None:
    assert call("min", 1096, 2034) == 1096
    assert type(call("min", 1096, 2034)) is int
    assert call("max", -5, 3) == 3


def test_any_double_gives_a_double() -> None:
    result = call("min", 219, 351.5)
    assert result == 219.0
    assert type(result) is float
    assert call("min", 65.15, 15.2) == 15.2
    assert call("max", 2, 1.5) == 2.0
    assert type(call("max", 2, 1.5)) is float


def test_java_signed_zero_and_nan() -> None:
    assert math.copysign(1, call("max", -0.0, 0.0)) == 1
    assert math.copysign(1, call("min", 0.0, -0.0)) == -1
    assert math.isnan(call("max", math.nan, 1.0))


def test_non_numbers_are_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-collections: max_bad, min_bad)
    assert fails("max", 1, "2") == "all arguments to max must be longs or doubles"
    assert fails("min", True, 2) == "all arguments to min must be longs or doubles"
