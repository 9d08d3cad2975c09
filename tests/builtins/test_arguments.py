"""The argument checks shared by the pure builtins: the value back, or the builtin's own message."""

from __future__ import annotations

import pytest

from panc.builtins import BuiltinError
from panc.builtins.arguments import (
    expect_dict,
    expect_list,
    expect_long,
    expect_number,
    expect_property,
    expect_string,
)
from panc.evaluation.values import NULL, UNDEF


def test_checks_return_the_value() -> None:
    assert expect_string("s", "m") == "s"
    assert expect_long(1, "m") == 1
    assert expect_number(2.5, "m") == 2.5
    assert expect_list([1], "m") == [1]
    assert expect_dict({"a": 1}, "m") == {"a": 1}
    assert expect_property(True, "m") is True


def test_a_refused_value_gives_the_message_with_the_java_type_name() -> None:
    messages = []
    for check, value in [(expect_long, True), (expect_string, UNDEF), (expect_dict, NULL), (expect_list, "s"),
                         (expect_property, [1]), (expect_number, {"k": 1})]:
        with pytest.raises(BuiltinError) as caught:
            check(value, "f argument is not right: {type}")
        messages.append(caught.value.message)
    assert messages == [f"f argument is not right: {name}"
                        for name in ("boolean", "undef", "null", "string", "list", "nlist")]

