"""dict/nlist, list, length, key, merge, splice, index, clone."""

from __future__ import annotations

import pytest
from builtin_calls import call, fails

from panc.builtins import BUILTINS
from panc.evaluation.values import NULL, UNDEF


def test_dict_builds_from_pairs() -> None:
    assert call("dict", "one", 1, "two", 2) == {"one": 1, "two": 2}
    assert call("dict") == {}
    assert call("nlist", "a", "A") == {"a": "A"}
    assert BUILTINS["nlist"].deprecated


def test_dict_null_value_drops_its_key_but_undef_stays() -> None:
    assert call("dict", "a", NULL, "b", 1) == {"b": 1}
    assert call("dict", "a", UNDEF) == {"a": UNDEF}


def test_dict_braced_keys_are_escaped() -> None:
    assert call("dict", "{/etc/hosts}", 1) == {"_2fetc_2fhosts": 1}
    assert call("dict", "{1.2.3.4}", 1) == {"_31_2e2_2e3_2e4": 1}
    assert call("dict", "{}", 1) == {"_": 1}


@pytest.mark.parametrize("key", ["1abc", "_x", "a.b", "a+b", "a-b", "x9"])
def test_dict_accepts_path_keys(key: str) -> None:
    assert call("dict", key, 1) == {key: 1}


@pytest.mark.parametrize("key", ["10", "0", "a b", "", "a/b", "-a", ".a", "é"])
def test_dict_rejects_invalid_keys_with_pancs_message(key: str) -> None:
    # panc's TermFactory messages (tests/oracle/cases/dict-keys)
    if key == "":
        expected = "empty string cannot be used as a path term or nlist key"
    elif key.isdigit():
        expected = f"invalid key ({key}) for nlist() or hash()"
    else:
        expected = f"invalid path term or nlist key: '{key}'"
    assert fails("dict", key, 4) == expected


def test_dict_errors() -> None:
    # tests/oracle/cases/dict-keys
    assert fails("dict", "a", 1, "a", 2) == "duplicate key (a) in nlist function"
    assert call("dict", "a", NULL, "a", 2) == {"a": 2}  # the first only removed itself
    assert fails("dict", "a", 1, "a", NULL) == "duplicate key (a) in nlist function"
    assert fails("nlist", "{x y}", 1, "x_20y", 2) == "duplicate key (x_20y) in nlist function"
    assert fails("dict", "10", 2) == "invalid key (10) for nlist() or hash()"
    assert fails("dict", 1, 2) == "nlist keys must be string; argument is of type long"


def test_list_keeps_order_and_nulls() -> None:
    assert call("list") == []
    assert call("list", 1, "two", [3]) == [1, "two", [3]]
    assert call("list", 1, NULL, 3) == [1, NULL, 3]  # then invalid in a profile (oracle: dict-keys)


def test_length() -> None:
    assert call("length", "abc") == 3
    assert call("length", "") == 0
    assert call("length", "\U0001f600") == 2  # UTF-16 units, as Java
    assert call("length", [1, 2]) == 2
    assert call("length", {"a": 1}) == 1
    assert call("length", UNDEF) == 0
    expected = "argument to length must be undef, string, or resource; element of type {} is not valid"
    assert fails("length", 5) == expected.format("long")
    assert fails("length", NULL) == expected.format("null")


def test_key_walks_sorted_keys() -> None:
    table = {"red": 0xF00, "green": 0x0F0, "blue": 0x00F}
    assert [call("key", table, i) for i in range(3)] == ["blue", "green", "red"]
    assert call("key", {"b": 2, "a": 1}, 1) == "b"
    assert call("key", {"b": 1, "B": 2, "a": 3}, 0) == "B"  # Java compareTo: upper case first


def test_key_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-collections: key_*)
    assert fails("key", {"a": 1, "b": 2}, 2) == "index out of bounds in key(): 2"
    assert fails("key", {"a": 1}, -1) == "index out of bounds in key(): -1"
    assert fails("key", {"a": 1}, 2**31) == "index exceeds maximum value (2147483647): 2147483648"
    assert fails("key", {"a": 1}, {"a": 1}) == "second argument to key() must be a long"
    assert fails("key", [1], "x") == "first argument to key() must be a dict"


def test_merge_lists_and_dicts() -> None:
    assert call("merge", ["a", "b", "c"], ["d", "e"]) == ["a", "b", "c", "d", "e"]
    assert call("merge", [], []) == []
    assert call("merge", {"a": 1}, {"b": 2}, {"c": 3}) == {"a": 1, "b": 2, "c": 3}
    assert call("merge", {}, {}) == {}
    first = [1]
    merged = call("merge", first, [2])
    assert merged is not first and first == [1]


def test_merge_and_splice_store_list_items_as_panc_does() -> None:
    # panc puts items one by one at counted positions: a null is not stored but counted
    # (tests/oracle/cases/bi-extra: merge_nulls, splice_nulls)
    assert call("merge", [NULL, 1], [NULL]) == [UNDEF, 1]
    assert call("merge", [1], [NULL, NULL, 5]) == [1, UNDEF, UNDEF, 5]
    assert call("splice", [1, NULL, 2, NULL], 0, 1) == [UNDEF, 2]


def test_merge_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-collections: merge_*)
    assert fails("merge", [1, 2, 3], {"a": "A"}) == "merge() arguments must be all lists or dicts"
    assert fails("merge", {"a": 1}, [1]) == "merge() arguments must be all lists or dicts"
    assert fails("merge", {"a": 1}, {"a": 2}) == "two (or more) children have the same name in merge(): a"
    assert fails("merge", "a", "b") == "merge() arguments must be all lists or dicts"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("abcde", 2, 0, "12"), "ab12cde"),
        (("abcde", -2, 1), "abce"),
        (("abcde", 2, 2, "XXX"), "abXXXe"),
        (("abcde ", -1, 1), "abcde"),
        ((["a", "b", "c", "d", "e"], 2, 0, [1, 2]), ["a", "b", 1, 2, "c", "d", "e"]),
        ((["a", "b", "c", "d", "e"], -2, 1), ["a", "b", "c", "e"]),
        ((["a", "b", "c", "d", "e"], 2, 2, ["XXX"]), ["a", "b", "XXX", "e"]),
    ],
)
def test_splice_examples_from_the_reference(args: tuple, expected: object) -> None:
    original = args[0][:] if isinstance(args[0], list) else args[0]
    assert call("splice", *args) == expected
    assert args[0] == original  # never modified in place


def test_splice_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-collections: splice_*)
    assert fails("splice", "abc", 5, 1) == "start index in splice() is after end of string"
    assert fails("splice", "abc", -4, 0) == "start index in splice() is before beginning of string"
    assert fails("splice", "abc", 1, -4) == "end index in splice() is before beginning of string"
    assert fails("splice", [1, 2], 1, 2) == "end index in splice() is after end of list"
    assert fails("splice", "abc", 2, -2) == "end index is before the start index"
    same_type = "fourth argument of splice() must be of the same type as the first"
    assert fails("splice", "abc", 0, 1, [1]) == same_type
    assert fails("splice", [1], 0, 1, "x") == same_type
    assert fails("splice", {"a": 1}, 0, 1) == "first argument of splice() must be a string or list"
    assert fails("splice", "ab", "x", 0) == "second argument to splice() must be a long"
    too_big = "third argument to splice() cannot be converted to int: 4294967296"
    assert fails("splice", "ab", 0, 2**32) == too_big


def test_index_in_strings() -> None:
    assert call("index", "foo", "abcfoodefoobar") == 3
    assert call("index", "f0o", "abcfoodefoobar") == -1
    assert call("index", "foo", "abcfoodefoobar", 4) == 8
    assert call("index", "foo", "abc", 10) == -1
    assert call("index", "", "abc", 10) == 3  # Java indexOf("", 10) on "abc"


def test_index_in_lists_of_properties() -> None:
    assert call("index", "foo", ["Foo", "FOO", "foo", "bar"]) == 2
    assert call("index", "foo", ["Foo", "FOO", "foo", "bar"], 3) == -1
    assert call("index", 1, [3, 1, 4, 1, 6], 2) == 3
    assert call("index", "a", [1]) == -1
    # panc compares with Java's equals: same type and value (tests/oracle/cases/bi-collections)
    assert call("index", 1, [1.0, True, 1]) == 2
    assert call("index", 2.0, [2, 2.0]) == 1
    assert call("index", 1, [1, 2], 2**32 + 1) == -1  # Java's intValue(): 1
    assert fails("index", 1, 5) == "invalid argument(s) in call to index()"
    assert fails("index", "b", "abc", "x") == "third argument of index() must be a long"


def test_index_in_dicts_of_properties() -> None:
    table = {"red": 0xF00, "green": 0x0F0, "blue": 0x00F}
    assert call("index", 0x0F0, table) == "green"
    assert call("index", 0x0F0, table, 1) == ""


def test_index_of_dicts() -> None:
    records = [{"key": "bar", "val": 101}, {"key": "foo"}] * 3
    assert call("index", {"key": "foo"}, records[:2]) == 1
    assert call("index", {"key": "foo"}, records, 1) == 1
    assert call("index", {"key": "foo"}, records, 2) == 3
    named = {"a": {"key": "bar", "val": 101}, "b": {"key": "foo"}, "c": {"key": "bar"}, "d": {"key": "foo"}}
    assert call("index", {"key": "foo"}, named) == "b"
    assert call("index", {"key": "foo"}, named, 1) == "d"
    assert call("index", {"key": "foo"}, named, 2) == ""
    # a dict matches an equal dict only (panc's equals), not one holding more children
    assert call("index", {"key": "foo"}, [{"key": "foo", "x": 1}, {"key": 1}, "x"]) == -1


def test_clone_is_deep() -> None:
    original = {"a": [1, {"b": 2}]}
    copy = call("clone", original)
    assert copy == original
    copy["a"][1]["b"] = 3
    assert original["a"][1]["b"] == 2
    assert call("clone", "s") == "s"
