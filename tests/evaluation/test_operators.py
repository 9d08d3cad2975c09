"""DML operators follow Java: 64-bit wrapping, truncating division, remainder sign, no coercion."""

# Exact type checks on purpose: bool is a subclass of int.

from __future__ import annotations

import pytest
from pan_eval import error, value

from panc.diagnostics import EvaluationError, PanSyntaxError


def test_long_overflow_wraps() -> None:
    assert value("9223372036854775807 + 1") == -9223372036854775808
    assert value("{ x = 9223372036854775807; x * 2; }") == -2
    assert value("{ x = -9223372036854775807 - 1; -x; }") == -9223372036854775808


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("7 / 2", 3), ("-7 / 2", -3), ("7 / -2", -3), ("7 % 3", 1), ("-7 % 3", -1), ("7 % -3", 1)],
)
def test_division_truncates_and_remainder_takes_the_dividend_sign(expression: str, expected: int) -> None:
    assert value("{ a = 0; " + expression + " + a; }") == expected


def test_mixed_arithmetic_gives_doubles() -> None:
    result = value("{ a = 6; a / 4.0; }")
    assert result == 1.5 and type(result) is float
    assert type(value("{ a = 1; a + 1.0; }")) is float


def test_division_by_zero_at_run_time_is_an_evaluation_error() -> None:
    err = error("'/x' = { a = 0; 1 / a; };\n")
    assert isinstance(err, EvaluationError)
    assert "division by zero" in err.message


def test_constant_operation_that_fails_is_a_syntax_error() -> None:
    err = error("'/x' = 1/0;\n")
    assert isinstance(err, PanSyntaxError)
    assert err.span is not None and err.span.start_line == 2
    assert err.range is None  # panc prints no range: a binary operation has none
    assert err.format() == "syntax error [memory/obj.pan:?]\ndivision by zero\n"


def test_string_concatenation_and_comparisons() -> None:
    assert value("{ a = 'ab'; a + 'c'; }") == "abc"
    assert value("{ a = 'abc'; a < 'abd'; }") is True
    assert value("{ a = 2; a >= 2.0; }") is True
    assert value("{ a = true; a == true; }") is True
    assert value("{ a = 1; a != 2; }") is True


def test_strings_compare_by_utf16_units_as_java() -> None:
    # an astral character is a surrogate pair (0xd83d...), below U+FFFF; substr() can leave
    # a lone surrogate, which compares as that unit
    assert value("{ a = '\U0001F600'; a < '\uffff'; }") is True
    assert value("{ a = '\U0001F600'; a > '\u00e9'; }") is True
    assert value("substr('\U0001F600', 0, 1) < '\ue000'") is True
    assert value("substr('\U0001F600', 0, 1) == '\ud83d'") is True


def test_relational_operators_compare_numbers_as_doubles() -> None:
    # 2^53 + 1 and 2^53 are the same double: panc orders them as equal
    assert value("{ a = 9007199254740993; a > 9007199254740992; }") is False
    assert value("{ a = 9007199254740993; a >= 9007199254740992; }") is True
    assert value("{ a = 9007199254740995; a > 9007199254740992; }") is True
    assert value("{ a = -3; a < 2; }") is True


def test_no_implicit_coercion() -> None:
    err = error("variable I = 1;\n'/x' = I + 'foo';\n")
    assert isinstance(err, EvaluationError)
    assert err.span is not None and (err.span.start_line, err.span.start_column) == (3, 8)
    assert isinstance(error("variable I = 7;\n'/x' = 'foo' < I;\n"), EvaluationError)
    assert isinstance(error("'/x' = - 'foo';\n"), EvaluationError)


def test_logical_operators_short_circuit_and_require_booleans() -> None:
    assert value("{ a = false; a && error('not evaluated'); }") is False
    assert value("{ a = true; a || error('not evaluated'); }") is True
    assert isinstance(error("'/x' = { a = 1; a && true; };\n"), EvaluationError)


def test_bitwise_operators_take_longs() -> None:
    assert value("{ a = 12; (a & 10) + (a | 3) + (a ^ 5) + ~a; }") == 8 + 15 + 9 - 13
    assert isinstance(error("'/x' = { a = 1.0; a & 1; };\n"), EvaluationError)
