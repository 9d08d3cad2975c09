"""Default insertion (panc's setDefaults), mostly from the conformance suite's default/ cases."""

from __future__ import annotations

import pytest
from pantype_builders import (
    Scenario,
    choice,
    dict_of,
    fld,
    full,
    inc,
    link_of,
    list_of,
    opt,
    record,
    ref,
    span,
)

from panc.diagnostics import EvaluationError, PanSyntaxError
from panc.evaluation.values import UNDEF, Value
from panc.syntax import ast
from panc.types import Binding, TypeRegistry, compile_type, insert_defaults


def test_absent_bound_path_gets_default() -> None:  # default10, default12, default20
    scenario = Scenario({"even": lambda v: v % 2 == 0}).define(
        "xtype", full(ref("long", 0, 10), default=4, check="even")
    )
    assert scenario.bind("/result", ref("xtype")).build({}) == {"result": 4}


def test_explicit_value_is_kept() -> None:  # default11
    scenario = Scenario().define("xtype", full(ref("long", 0, 10), default=4)).bind("/result", ref("xtype"))
    assert scenario.build({"result": 2}) == {"result": 2}
    assert scenario.build({"result": UNDEF}) == {"result": 4}


def test_missing_parents_are_created() -> None:
    scenario = Scenario().bind("/a/b/0/c", full(ref("string"), default="x"))
    assert scenario.build({}) == {"a": {"b": [{"c": "x"}]}}


def test_record_default_walked_with_included_defaults() -> None:  # default16
    scenario = Scenario().define("t", record(fld("a", full(ref("boolean"), default=True))))
    scenario.define("s", full(record(inc("t"), fld("b", full(ref("long"), default=10))), default={}))
    assert scenario.bind("/result", ref("s")).build({}) == {"result": {"a": True, "b": 10}}


def test_list_of_records_children_defaulted() -> None:  # default17
    scenario = Scenario().define("t", record(fld("a", full(ref("boolean"), default=True)), extensible=True))
    scenario.bind("/result", list_of(ref("t")))
    root = scenario.build({"result": [{"b": 1.2}, {"b": 3.4}]})
    assert root == {"result": [{"a": True, "b": 1.2}, {"a": True, "b": 3.4}]}


def test_link_default() -> None:  # default19
    scenario = Scenario().define("t", full(link_of(ref("long")), default="/mylong")).bind("/result", ref("t"))
    assert scenario.build({"mylong": 10}) == {"mylong": 10, "result": "/mylong"}


def test_link_target_gets_defaults() -> None:
    scenario = Scenario().define("t", record(fld("a", full(ref("long"), default=1)), opt("b", ref("long"))))
    scenario.bind("/link", link_of(ref("t")))
    assert scenario.build({"link": "/target", "target": {"b": 2}}) == {
        "link": "/target",
        "target": {"a": 1, "b": 2},
    }


def test_optional_field_default_only_when_explicitly_undef() -> None:  # default23
    scenario = Scenario().define("x", record(opt("a", full(ref("string"), default="OK"))))
    scenario.bind("/result", ref("x"))
    assert scenario.build({"result": {"a": UNDEF}}) == {"result": {"a": "OK"}}
    assert scenario.build({"result": {}}) == {"result": {}}


def fg_types(scenario: Scenario) -> Scenario:
    scenario.define("f", full(record(opt("x", ref("long")), opt("y", ref("long"))), default={"y": 10}))
    scenario.define("g", full(record(opt("a", ref("f")), opt("b", ref("string"))), default={"a": UNDEF}))
    return scenario


def test_root_bound_dict_of_records() -> None:  # default25
    scenario = fg_types(Scenario()).bind("/", dict_of(ref("g")))
    root = scenario.build({"h": UNDEF, "i": {"b": "bb"}})
    assert root == {"h": {"a": {"y": 10}}, "i": {"b": "bb"}}


def test_list_undef_children_get_element_default() -> None:  # default26
    scenario = fg_types(Scenario()).bind("/h", list_of(ref("g")))
    assert scenario.build({"h": [{"b": "bb"}, UNDEF]}) == {"h": [{"b": "bb"}, {"a": {"y": 10}}]}


def test_inserted_default_is_itself_defaulted() -> None:  # default28
    scenario = fg_types(Scenario()).bind("/h", ref("g"))
    assert scenario.build({"h": UNDEF}) == {"h": {"a": {"y": 10}}}


def test_undef_child_without_default_fails_validation() -> None:  # default27
    scenario = Scenario().define("g", record(opt("a", ref("string")))).bind("/gs", dict_of(ref("g")))
    assert scenario.failure({"gs": {"h": UNDEF}}) == "element at /gs/h is undefined"


def test_defaults_are_copies() -> None:
    scenario = Scenario().define("d", full(ref("dict"), default={"k": [1]}))
    scenario.bind("/a", ref("d")).bind("/b", ref("d"))
    root = scenario.build({})
    root["a"]["k"].append(2)
    assert root["b"] == {"k": [1]}
    assert scenario.registry.get("d").default == {"k": [1]}


def test_invalid_default_is_reported_by_validation() -> None:  # choice6
    scenario = (
        Scenario().define("mychoice", full(choice("a", "b", "c"), default="d")).bind("/x", ref("mychoice"))
    )
    assert scenario.failure({}).startswith("value (d) is not a possible choice value")


def test_deeper_paths_first() -> None:
    # /a/b's default is inserted before /a's walk, so /a's record sees b present.
    scenario = Scenario().define("r", full(record(fld("b", full(ref("long"), default=1))), default={}))
    scenario.bind("/a", ref("r")).bind("/a/b", full(ref("long"), default=7))
    assert scenario.build({}) == {"a": {"b": 7}}


def test_first_default_among_bound_types() -> None:
    scenario = Scenario().bind("/x", ref("long")).bind("/x", full(ref("long"), default=1))
    scenario.bind("/x", full(ref("long"), default=2))
    assert scenario.build({}) == {"x": 1}


def test_alias_inherits_default_and_can_override() -> None:
    scenario = (
        Scenario().define("port", full(ref("long", 0, 65535), default=80)).define("myport", ref("port"))
    )
    scenario.bind("/a", ref("myport")).bind("/b", full(ref("port"), default=443))
    assert scenario.build({}) == {"a": 80, "b": 443}


def test_default_must_be_constant() -> None:  # bug-gh-37
    registry = TypeRegistry()
    scenario = Scenario()
    value_call = ast.Call(span(12, 18, 12, 28), "value", span(12, 18, 12, 22), ())
    spec = full(record(fld("a", full(ref("long"), default=value_call))))
    with pytest.raises(PanSyntaxError) as caught:
        compile_type(spec, registry, "bug-gh-37.pan", scenario.vctx)
    assert caught.value.span == span(12, 18, 12, 28)
    assert caught.value.message == "default value must be a compile-time constant"
    with pytest.raises(PanSyntaxError):
        compile_type(full(ref("long"), default=UNDEF), registry, "t.pan", scenario.vctx)


def test_cannot_insert_below_a_property() -> None:
    scenario = Scenario()
    pan_type = compile_type(full(ref("long"), default=1), scenario.registry, "t.pan", scenario.vctx)
    with pytest.raises(EvaluationError, match="parent is an element of type string"):
        insert_defaults({"a": "s"}, [Binding("/a/b", pan_type, span(1, 1), "t.pan")], scenario.vctx)


def test_a_default_below_a_list_index_too_large_is_an_error_not_a_crash() -> None:
    scenario = Scenario()
    pan_type = compile_type(full(ref("long"), default=1), scenario.registry, "t.pan", scenario.vctx)
    for path, reason in [
        ("/a/-2", "index -2 is out of bounds for a list of size 1"),
        ("/a/k", "cannot use key 'k' on a list"),
    ]:
        with pytest.raises(EvaluationError) as caught:
            insert_defaults({"a": [0]}, [Binding(path, pan_type, span(1, 1), "t.pan")], scenario.vctx)
        assert caught.value.message == f"cannot insert the default value of {path}: {reason}"


def test_a_default_fills_a_list_up_to_its_index() -> None:
    scenario = Scenario()
    pan_type = compile_type(full(ref("long"), default=7), scenario.registry, "t.pan", scenario.vctx)
    root: dict[str, Value] = {"a": [0]}
    insert_defaults(root, [Binding("/a/3/b", pan_type, span(1, 1), "t.pan")], scenario.vctx)
    assert root == {"a": [0, UNDEF, UNDEF, {"b": 7}]}
