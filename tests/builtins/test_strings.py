"""substr, to_lowercase, to_uppercase, join (and Java's UTF-16 counting)."""

from __future__ import annotations

import pytest
from builtin_calls import call, fails

from panc.builtins.strings import to_units
from panc.evaluation.values import NULL, java_length


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("abcdef", 2), "cdef"),
        (("abcdef", 1, 1), "b"),
        (("abcdef", 1, -1), "bcde"),
        (("abcdef", -4), "cdef"),
        (("abcdef", -4, 1), "c"),
        (("abcdef", -4, -1), "cde"),
        (("abcdef", 6), ""),
        (("abcdef", 0, 6), "abcdef"),
        (("abcdef", -6, 0), ""),
    ],
)
def test_substr_examples_from_the_reference(args: tuple, expected: str) -> None:
    assert call("substr", *args) == expected


@pytest.mark.parametrize("args", [("abc", 4), ("abc", -4), ("abc", 1, 3), ("abc", 2, -2)])
def test_substr_out_of_range(args: tuple) -> None:
    assert "substr()" in fails("substr", *args)


def test_substr_argument_types() -> None:
    # panc's texts (tests/oracle/cases/bi-strings: substr_*)
    assert fails("substr", 12, 1) == "first argument to substr() must be a string"
    assert fails("substr", "abc", "1") == "second argument to substr() must be a long"
    assert fails("substr", "abc", 1, "1") == "second and optional third arguments to substr() must be longs"
    assert fails("substr", "abc", 4) == "start index in substr() is greater than the string length"
    assert fails("substr", "abc", -4) == "start index in substr() is less than zero"
    assert fails("substr", "abc", 1, 3) == "end index in substr() is greater than the string length"
    assert fails("substr", "abc", 1, -4) == "end index in substr() is less than zero"
    assert fails("substr", "abc", 2, -2) == "start index is after ending index in substr()"
    too_big = "second argument to substr() cannot be converted to int: 2147483648"
    assert fails("substr", "abc", 2**31) == too_big


def test_substr_counts_utf16_units_like_java() -> None:
    text = "a\U0001f600b"  # the emoji is two Java chars
    assert java_length(text) == 4
    assert call("substr", text, 3) == "b"
    assert call("substr", text, 1, 2) == "\U0001f600"
    assert to_units(text) == "a\ud83d\ude00b"


def test_case_changes() -> None:
    assert call("to_lowercase", "OK") == "ok"
    assert call("to_lowercase", "ok") == "ok"
    assert call("to_uppercase", "straße") == "STRASSE"  # as Java's toUpperCase(Locale.US)
    assert call("to_lowercase", "İstanbul") == "i\u0307stanbul"
    assert fails("to_uppercase", 1) == "invalid argument to to_uppercase(); string required"  # upper_bad


def test_join_list_and_arguments() -> None:
    assert call("join", "-", ["1", "2", "3"]) == "1-2-3"
    assert call("join", "-", "a", "b", "c") == "a-b-c"
    assert call("join", ",", []) == ""
    # with two arguments the second must be a list (panc's Join)
    assert fails("join", ",", "only") == "join() only accepts strings or a list of strings as input arguments"


@pytest.mark.parametrize(
    "args",
    [
        (",", {"key1": 1, "key2": 2}),  # join10
        (",", "a", "b", 1),  # join11
        ("-", [["1"], "2", "3"]),  # join4
        (1, "a", "b", "c"),  # join9
    ],
)
def test_join_rejects_non_strings(args: tuple) -> None:
    assert "join()" in fails("join", *args)


def test_join_rejects_null() -> None:
    assert "join()" in fails("join", "-", NULL)  # join7
    assert "join()" in fails("join", NULL, "a", "b")  # join8
