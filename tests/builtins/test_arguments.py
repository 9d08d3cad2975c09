"""The argument checks shared by the pure builtins."""

from __future__ import annotations

import pytest

from panc.builtins import BuiltinError
from panc.builtins.arguments import (
    dict_arg,
    list_arg,
    long_arg,
    number_arg,
    ordinal,
    property_arg,
    string_arg,
)
from panc.evaluation.values import NULL, UNDEF


def test_ordinals() -> None:
    assert [ordinal(i) for i in (0, 1, 2, 8, 9, 10, 20, 21, 22, 110)] == [
        "first", "second", "third", "ninth", "10th", "11th", "21st", "22nd", "23rd", "111th"
    ]


def test_checks_return_the_value_or_explain() -> None:
    args = ["s", 1, 2.5, [1], {"a": 1}, True, UNDEF, NULL]
    assert string_arg("f", args, 0) == "s"
    assert long_arg("f", args, 1) == 1
    assert number_arg("f", args, 2) == 2.5
    assert list_arg("f", args, 3) == [1]
    assert dict_arg("f", args, 4) == {"a": 1}
    assert property_arg("f", args, 5) is True
    messages = []
    for check, index in [(long_arg, 5), (string_arg, 6), (dict_arg, 7), (list_arg, 0), (property_arg, 3),
                         (number_arg, 5)]:
        with pytest.raises(BuiltinError) as caught:
            check("f", args, index)
        messages.append(caught.value.message)
    assert messages == [
        "f() requires a long as sixth argument, not a boolean",
        "f() requires a string as seventh argument, not undef",
        "f() requires a dict as eighth argument, not null",
        "f() requires a list as first argument, not a string",
        "f() requires a property as fourth argument, not a list",
        "f() requires a number as sixth argument, not a boolean",
    ]
