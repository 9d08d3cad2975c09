"""Builtin types, ranges, choice, lists, dicts, links and ``with`` clauses."""

from __future__ import annotations

import pytest
from pantype_builders import Scenario, choice, dict_of, full, link_of, list_of, ref, rng

from panc.diagnostics import EvaluationError
from panc.types import TypeRegistry, compile_type, is_valid


@pytest.mark.parametrize(
    ("type_name", "good", "bad"),
    [
        ("boolean", True, 1),
        ("long", 1, True),
        ("long", -5, 1.0),
        ("double", 1.5, 1),
        ("string", "x", 1),
        ("number", 2.5, "2"),
        ("number", 2, False),
        ("property", "p", [1]),
        ("resource", {"a": 1}, "a"),
        ("resource", [1], 1),
        ("element", [1], None),
        ("list", [], {}),
        ("dict", {}, []),
        ("nlist", {}, []),
    ],
)
def test_builtin_types(type_name, good, bad) -> None:
    Scenario().bind("/x", ref(type_name)).build({"x": good})
    if bad is not None:
        message = Scenario().bind("/x", ref(type_name)).failure({"x": bad})
        assert message.startswith(f"validation requires type of '{type_name}' but element is of type")


def test_mismatch_names_both_types() -> None:
    message = Scenario().bind("/x", ref("long")).failure({"x": [1]})
    assert message.splitlines()[0] == "validation requires type of 'long' but element is of type 'list'"
    assert "element value: [ 1 ]" in message


@pytest.mark.parametrize(
    ("spec", "value", "ok"),
    [
        (ref("long", 0, 10), 0, True),
        (ref("long", 0, 10), 10, True),
        (ref("long", 0, 10), 11, False),
        (ref("long", 0, 10), -1, False),
        (ref("long", 5, None), 5, True),
        (ref("long", 5, None), 4, False),
        (ref("long", None, 3), 0, True),
        (ref("long", None, 3), -2, False),  # panc's open start is 0
        (ref("double", 0, 1), 0.5, True),
        (ref("double", 0, 1), 1.5, False),
        (ref("string", 3, None), "abc", True),
        (ref("string", 3, None), "ab", False),
        (ref("string", None, 3), "oops", False),
        (ref("string", 3, 3), "oops", False),
        (ref("long", ranged=True), 99, True),
        (list_of(ref("long"), rng(1, 2)), [1, 2], True),
        (list_of(ref("long"), rng(1, 2)), [], False),
        (dict_of(ref("long"), rng(None, 1)), {"a": 1, "b": 2}, False),
    ],
)
def test_ranges(spec, value, ok) -> None:
    scenario = Scenario().bind("/x", spec)
    if ok:
        scenario.build({"x": value})
    else:
        assert "is outside range" in scenario.failure({"x": value})


def test_range_messages() -> None:
    assert (
        Scenario()
        .bind("/x", ref("double", 0, 1))
        .failure({"x": 1.5})
        .startswith("value (1.5) is outside range 0..1")
    )
    assert (
        Scenario()
        .bind("/x", ref("double", 0, 1))
        .failure({"x": 123456789.125})
        .startswith("value (123,456,789.125) is outside range 0..1")
    )
    assert (
        Scenario()
        .bind("/x", ref("long", None, 1))
        .failure({"x": -4294967295})
        .startswith("value (-4,294,967,295) is outside range 0..1")
    )
    assert (
        Scenario()
        .bind("/x", ref("string", 3, None))
        .failure({"x": "ab"})
        .startswith("string size (2) is outside range 3..")
    )
    assert (
        Scenario()
        .bind("/x", list_of(ref("long"), rng(1, 2)))
        .failure({"x": []})
        .startswith("list size (0) is outside range 1..2")
    )
    assert (
        Scenario()
        .bind("/x", dict_of(ref("long"), rng(1, 2)))
        .failure({"x": {}})
        .startswith("hash size (0) is outside range 1..2")
    )
    assert (
        Scenario()
        .bind("/x", ref("boolean", 1, 2))
        .failure({"x": True})
        .startswith("range checking cannot be applied to element of type boolean")
    )


def test_string_length_counts_utf16_units_as_java() -> None:
    # an astral character is two units; a lone surrogate (substr may cut a pair) one
    Scenario().bind("/x", ref("string", 2, 2)).build({"x": "\U0001f600"})
    Scenario().bind("/x", ref("string", 1, 1)).build({"x": "\ud83d"})
    failure = Scenario().bind("/x", ref("string", 2, None)).failure({"x": "\ud83d"})
    assert failure.startswith("string size (1) is outside range 2..")


def test_inverted_range_is_rejected() -> None:
    inverted = r"^minimum range value \(5\) must be less than or equal to maximum value \(1\)$"
    with pytest.raises(EvaluationError, match=inverted):
        Scenario().bind("/x", ref("long", 5, 1))


def test_choice() -> None:
    scenario = Scenario().define("mychoice", choice("a", "b", "c")).bind("/x", ref("mychoice"))
    assert scenario.build({"x": "a"}) == {"x": "a"}
    assert scenario.failure({"x": "d"}).startswith("value (d) is not a possible choice value")
    assert scenario.failure({"x": 3}).startswith("validation requires type of 'string'")


def test_list_of_choice_reports_the_failing_child() -> None:
    scenario = Scenario().define("mychoice", full(list_of(choice("a", "b", "c")))).bind("/x", ref("mychoice"))
    scenario.build({"x": ["a", "c", "c"]})
    message = scenario.failure({"x": ["a", "c", "d"]})
    assert "element path: '/x/2'" in message
    assert Scenario().define("c", full(list_of(choice("a")))).bind("/x", ref("c")).failure({"x": "a"})


def test_dict_children_checked_in_key_order() -> None:
    message = Scenario().bind("/x", dict_of(ref("long"))).failure({"x": {"z": "s", "b": "t", "a": 1}})
    assert "element path: '/x/b'" in message


def test_nested_type_stack_innermost_first() -> None:
    scenario = Scenario().define("uint", ref("long", 0, None)).bind("/x", list_of(ref("uint")))
    lines = scenario.failure({"x": [1, -1]}).splitlines()
    assert lines[0] == "value (-1) is outside range 0.."
    assert lines[1] == "element path: '/x/1'"
    assert lines[2] == "type: 'long' [?:?]"
    assert lines[3].startswith("type: 'uint' [t.pan:")
    assert lines[4].startswith("path '/x' bound to type uint[] in [t.pan:")


def test_link_must_name_existing_valid_element() -> None:
    scenario = Scenario().bind("/link", link_of(ref("long")))
    scenario.build({"link": "/foo/baz", "foo": {"baz": 123}})
    assert scenario.failure({"link": "/foo/bar", "foo": {"baz": 123}}).startswith(
        "error evaluating path '/foo/bar': path '/foo/bar' does not have an associated value\n"
    )
    assert scenario.failure({"link": "/foo", "foo": {"baz": 123}}).splitlines()[:2] == [
        "element at linked path failed validation: '/foo'",
        "element path: '/link'",
    ]
    assert scenario.failure({"link": "/foo", "foo": {"baz": 123}}).endswith(
        "caused by: validation error [?]\n"
        "validation requires type of 'long' but element is of type 'nlist'\n"
        "element value: { baz, 123 }\n"
        "type: 'long' [?:?]"
    )
    assert scenario.failure({"link": 5}).startswith(
        "property cannot marked as both type 'link' and type 'long'"
    )


def test_link_to_choice() -> None:
    scenario = Scenario().define("mychoice", full(link_of(choice("a", "b")))).bind("/x", ref("mychoice"))
    assert scenario.build({"x": "/y", "y": "a"}) == {"x": "/y", "y": "a"}
    assert "not a possible choice" in scenario.failure({"x": "/y", "y": "z"})


def test_with_must_return_true() -> None:
    predicates = {"pos": lambda v: v > 2, "num": lambda v: 1, "boom": _raise}
    assert Scenario(predicates).bind("/x", full(ref("element"), check="pos")).build({"x": 3})
    message = Scenario(predicates).bind("/x", full(ref("element"), check="pos")).failure({"x": 1})
    assert message.splitlines()[:3] == [
        "user-defined validation failed",
        "element path: '/x'",
        "element value: 1",
    ]
    assert Scenario(predicates).bind("/x", full(ref("long"), check="num")).failure({"x": 1}).startswith(
        "user-defined validation function returned an element of type long; boolean value required\n"
        "element path: '/x'\npath"
    )
    boom = Scenario(predicates).bind("/x", full(ref("long"), check="boom")).failure({"x": 1})
    assert boom.splitlines()[:3] == [
        "validation failed because exception was thrown",
        "element path: '/x'",
        "path '/x' bound to type long in [t.pan:1.1-1.1]",
    ]
    assert "caused by: evaluation error [" in boom and "cannot modify SELF" in boom


def _raise(value):
    raise EvaluationError("cannot modify SELF")


def test_children_are_checked_before_the_with() -> None:
    scenario = Scenario({"ok": lambda v: True}).bind("/x", full(list_of(ref("long")), check="ok"))
    scenario.failure({"x": ["a"]})
    assert not scenario.vctx.calls
    scenario.build({"x": [1]})
    assert scenario.vctx.calls == [("ok", [1])]


def test_alias_runs_referenced_with_then_range() -> None:
    calls: list[object] = []
    scenario = Scenario({"even": lambda v: calls.append(v) or v % 2 == 0})
    scenario.define("even", full(ref("long"), check="even")).bind("/x", ref("even", 0, 10))
    assert scenario.failure({"x": 3}).startswith("user-defined validation failed")
    assert scenario.failure({"x": 12}).startswith("value (12) is outside range 0..10")
    assert calls == [3, 12]


def test_is_valid() -> None:
    scenario = Scenario().define("mystring", ref("string", 2, None))
    assert is_valid(scenario.registry, "mystring", "message", scenario.vctx)
    assert not is_valid(scenario.registry, "mystring", "m", scenario.vctx)
    with pytest.raises(EvaluationError, match="referenced type 'nope' is not defined"):
        is_valid(scenario.registry, "nope", 1, scenario.vctx)


def test_pan_type_validate_and_default_api() -> None:
    scenario = Scenario()
    pan_type = compile_type(full(ref("long", 0, 5), default=3), scenario.registry, "t.pan", scenario.vctx)
    assert pan_type.default == 3
    assert pan_type.name == "long(0..5)"
    pan_type.validate(4, scenario.vctx, "/p")
    with pytest.raises(Exception, match="element path: '/p'"):
        pan_type.validate(6, scenario.vctx, "/p")


def test_registry_rejects_redefinition_and_unknown_references() -> None:
    scenario = Scenario().define("port", ref("long", 0, 65535))
    with pytest.raises(EvaluationError, match="already defined"):
        scenario.define("port", ref("long"))
    with pytest.raises(EvaluationError, match="already defined"):
        scenario.define("long", ref("string"))
    with pytest.raises(EvaluationError, match="referenced type 'bar' is not defined"):
        scenario.define("foo", list_of(ref("bar")))
    with pytest.raises(EvaluationError, match="referenced type 'link' is not defined"):
        scenario.bind("/x", ref("link"))
    assert "foo" not in scenario.registry
    assert isinstance(TypeRegistry().get("nlist"), type(scenario.registry.get("port")))
