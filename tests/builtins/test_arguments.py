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


# panc 10.9's function table (PanParserAstUtils.functionConstructors), less its two internal
# names '-suppress-debug-' and '-suppress-traceback-' that no template can call.
PANC_BUILTINS = {
    "append", "prepend", "first", "next", "delete", "exists", "return", "nlist", "dict", "list",
    "is_boolean", "is_defined", "is_double", "is_long", "is_nlist", "is_dict", "is_list", "is_null",
    "is_number", "is_property", "is_resource", "is_string", "is_valid", "value", "error", "length",
    "match", "matches", "path_exists", "to_lowercase", "to_uppercase", "to_string", "to_boolean",
    "to_long", "to_double", "base64_decode", "base64_encode", "json_decode", "json_encode", "escape",
    "unescape", "key", "merge", "substr", "replace", "split", "splice", "index", "clone", "create",
    "if_exists", "format", "deprecated", "digest", "file_contents", "file_exists", "ip4_to_long",
    "long_to_ip4", "substitute", "debug", "traceback", "join", "max", "min",
}  # fmt: skip
OUR_EXTENSIONS = {"ip4_in_network", "ip6_canonical", "ip6_to_list", "ip6_in_network"}


def test_every_panc_builtin_exists_and_only_the_documented_extensions_are_added() -> None:
    import panc.builtins.context  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
    from panc.builtins import BUILTINS  # pylint: disable=import-outside-toplevel

    assert set(BUILTINS) - PANC_BUILTINS == OUR_EXTENSIONS
    assert set(BUILTINS) >= PANC_BUILTINS
