"""to_string, to_boolean, to_long, to_double: Java's toString, Long.decode, Math.round,
Double.parseDouble (expected values checked against a JVM)."""

# Exact type tests on purpose: bool is a subclass of int.

from __future__ import annotations

import math

import pytest
from builtin_calls import call, fails

from panc.evaluation.values import NULL, UNDEF


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("abc", "abc"),
        (3, "3"),
        (-7, "-7"),
        (True, "true"),
        (1e10, "1.0E10"),
        (100.0, "100.0"),
        (0.001, "0.001"),
        (1e-5, "1.0E-5"),
        (1234567.0, "1234567.0"),
        (12345678.0, "1.2345678E7"),
        (UNDEF, "undef"),
        (NULL, "null"),
        ([1.15, 1.1], "[ 1.15, 1.1 ]"),
        (["a", "b", "c"], "[ a, b, c ]"),
        ({"entry2": 2, "entry1": 1}, "{ entry1, 1, entry2, 2 }"),
        ({"a": [1, {"b": True}]}, "{ a, [ 1, { b, true } ] }"),
    ],
)
def test_to_string(value: object, text: str) -> None:
    assert call("to_string", value) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, False), (1, True), (-3, True), (0.0, False), (-0.0, False), (0.5, True),
        ("", False), ("false", False), ("FaLsE", False), ("true", True), ("0", True), ("no", True),
        (True, True), (False, False),
    ],
)
def test_to_boolean(value: object, expected: bool) -> None:
    assert call("to_boolean", value) is expected


def test_to_boolean_rejects_resources() -> None:
    # panc's texts (tests/oracle/cases/bi-conversions: toboolean_*)
    assert fails("to_boolean", [1]) == "to_boolean argument is not a property: list"
    assert fails("to_boolean", {}) == "to_boolean argument is not a property: nlist"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0), ("010", 8), ("-010", -8), ("0x1F", 31), ("0X1f", 31), ("#ff", 255), ("+5", 5),
        ("-0", 0), ("9223372036854775807", 2**63 - 1), ("-9223372036854775808", -(2**63)),
        ("-0x8000000000000000", -(2**63)),
    ],
)
def test_to_long_decodes_like_long_decode(text: str, expected: int) -> None:
    assert call("to_long", text) == expected


@pytest.mark.parametrize(
    "text",
    ["08", "09", "", " 5", "5 ", "1_000", "+-5", "0x", "0x-5", "12a", "1e3", "0b101",
     "9223372036854775808", "0x8000000000000000"],
)
def test_to_long_rejects_what_long_decode_rejects(text: str) -> None:
    assert fails("to_long", text) == f"string cannot be converted to long: {text}"  # tolong_bad*


@pytest.mark.parametrize(
    ("text", "radix", "expected"),
    [("ff", 16, 255), ("FF", 16, 255), ("-ff", 16, -255), ("z", 36, 35), ("101", 2, 5), ("08", 10, 8),
     ("+7", 8, 7)],
)
def test_to_long_with_radix(text: str, radix: int, expected: int) -> None:
    assert call("to_long", text, radix) == expected


@pytest.mark.parametrize(("text", "radix"), [("0xff", 16), ("12", 2), ("7", 1), ("7", 37), ("", 10)])
def test_to_long_with_radix_errors(text: str, radix: int) -> None:
    if 2 <= radix <= 36:
        assert fails("to_long", text, radix) == f"string cannot be converted to long: {text}"
    else:  # tolong_radix1
        assert fails("to_long", text, radix) == f"radix value {radix} is not within valid range [2, 36]"


def test_to_long_argument_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-conversions: tolong_*)
    assert fails("to_long", [1]) == "invalid argument of type list; expecting a property"
    java_class = "org.quattor.pan.dml.data.StringProperty"
    assert fails("to_long", "ff", "16") == f"radix must be a long not class {java_class}"
    assert fails("to_long", "ff", [1]) == "invalid argument of type list; expecting a property"
    assert fails("to_long", "ff", 10000) == "radix value 10,000 is not within valid range [2, 36]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, 1), (-0.5, 0), (1.5, 2), (2.5, 3), (-2.5, -2), (4.5, 5), (-4.5, -4),
        (0.49999999999999994, 0), (1e19, 2**63 - 1), (-1e19, -(2**63)), (math.nan, 0),
        (True, 1), (False, 0), (42, 42),
    ],
)
def test_to_long_of_non_strings_rounds_like_math_round(value: object, expected: int) -> None:
    assert call("to_long", value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5", 1.5), ("  2.5  ", 2.5), ("1e5", 1e5), ("1.", 1.0), (".5", 0.5), ("-.5e-3", -0.0005),
        ("1.5d", 1.5), ("1.5f", 1.5), ("0x1p3", 8.0), ("0x1.8p1", 3.0), ("+1", 1.0), ("Infinity", math.inf),
        ("1e400", math.inf),
    ],
)
def test_to_double_parses_like_parse_double(text: str, expected: float) -> None:
    assert call("to_double", text) == expected


def test_to_double_nan() -> None:
    assert math.isnan(call("to_double", "NaN"))


@pytest.mark.parametrize("text", ["inf", "nan", "1_0", "abc", "", "1e", "0x10", "Infinityd"])
def test_to_double_rejects_what_parse_double_rejects(text: str) -> None:
    assert fails("to_double", text) == f"string cannot be converted to double: {text}"  # todouble_bad


def test_to_double_of_non_strings() -> None:
    assert call("to_double", True) == 1.0
    assert type(call("to_double", 3)) is float
    assert call("to_double", 2.5) == 2.5
