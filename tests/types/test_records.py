"""Records: required/optional fields, closed vs extensible, includes (conformance-derived)."""

from __future__ import annotations

import pytest
from pantype_builders import Scenario, choice, fld, full, inc, opt, record, ref, rng

from panc.diagnostics import EvaluationError


def info_types(scenario: Scenario) -> Scenario:
    scenario.define(
        "type_info1", record(fld("alpha", ref("string")), opt("beta", ref("string")), extensible=True)
    )
    scenario.define(
        "type_info2", record(opt("alpha", ref("string")), fld("beta", ref("string")), extensible=True)
    )
    return scenario


def test_extensible_accepts_extra_fields() -> None:
    scenario = info_types(Scenario()).bind("/first", ref("type_info1")).bind("/second", ref("type_info1"))
    scenario.build(
        {"first": {"alpha": "a", "beta": "b"}, "second": {"alpha": "a", "beta": "b", "gamma": "c"}}
    )


def test_closed_record_rejects_extra_fields() -> None:
    scenario = Scenario().define("r", record(fld("alpha", ref("string")), opt("beta", ref("string"))))
    scenario.bind("/x", ref("r"))
    message = scenario.failure({"x": {"gamma": 1, "delta": 2}})  # checked before the required fields
    assert message.splitlines()[0] == "record definition contains unexpected field(s): delta gamma "
    assert message.splitlines()[1] == "element path: '/x'"


def test_including_record_ignores_included_extensible_flag() -> None:  # extensible3
    scenario = info_types(Scenario()).define("type_info3", record(inc("type_info1"), inc("type_info2")))
    scenario.bind("/third", ref("type_info3"))
    scenario.build({"third": {"alpha": "a", "beta": "b"}})
    assert "unexpected" in scenario.failure({"third": {"alpha": "a", "beta": "b", "gamma": "c"}})
    # alpha is required by type_info1, beta by type_info2: both stay required.
    assert scenario.failure({"third": {"alpha": "a"}}).startswith("record is missing required field: beta")


def test_extensible_record_includes_closed_record() -> None:  # extensible5, extensible6
    scenario = Scenario().define("type_info1", record(fld("alpha", ref("string"))))
    scenario.define("type_info3", record(inc("type_info1"), opt("beta", ref("long")), extensible=True))
    scenario.bind("/third", ref("type_info3"))
    scenario.build({"third": {"alpha": "1", "gamma": True}})
    message = scenario.failure({"third": {"alpha": "1", "beta": True}})
    assert "element path: '/third/beta'" in message


def test_missing_required_field() -> None:
    scenario = Scenario().define(
        "r", record(fld("b", ref("long")), fld("a", ref("long")), opt("c", ref("long")))
    )
    scenario.bind("/x", ref("r"))
    lines = scenario.failure({"x": {}}).splitlines()
    assert lines[0] == "record is missing required field: a"
    assert lines[1] == "element path: '/x'"
    assert lines[2].startswith("type: 'r' [t.pan:")


def test_fields_checked_sorted_required_first() -> None:
    scenario = (
        Scenario()
        .define("r", record(opt("a", ref("long")), fld("z", ref("long")), fld("m", ref("long"))))
        .bind("/x", ref("r"))
    )
    message = scenario.failure({"x": {"a": "bad", "z": "bad", "m": "bad"}})
    assert "element path: '/x/m'" in message
    message = scenario.failure({"x": {"a": "bad", "z": 1, "m": 1}})
    assert "element path: '/x/a'" in message


def test_record_value_must_be_a_dict() -> None:
    scenario = Scenario().define("r", record(opt("a", ref("long")))).bind("/x", ref("r"))
    assert scenario.failure({"x": [1]}).startswith(
        "validation requires type of 'dict' but element is of type 'list'"
    )


def test_record_range_bounds_its_size() -> None:
    scenario = Scenario().define("r", record(opt("a", ref("long")), opt("b", ref("long")), size=rng(1, 1)))
    scenario.bind("/x", ref("r"))
    scenario.build({"x": {"a": 1}})
    assert "hash size (2) is outside range 1..1" in scenario.failure({"x": {"a": 1, "b": 2}})


def test_field_with_choice() -> None:  # choice13, choice15
    scenario = Scenario().define(
        "mychoice", record(fld("entry1", ref("string")), fld("entry2", choice("a", "b")))
    )
    scenario.bind("/x", ref("mychoice"))
    scenario.build({"x": {"entry1": "ok", "entry2": "a"}})
    assert "element path: '/x/entry2'" in scenario.failure({"x": {"entry1": "ok", "entry2": ["a", "b"]}})


def test_included_with_runs_after_fields() -> None:
    scenario = Scenario({"has_a": lambda v: v.get("a") == 1, "own": lambda v: True})
    scenario.define("base", full(record(fld("a", ref("long"))), check="has_a"))
    scenario.define("derived", full(record(inc("base"), opt("b", ref("long"))), check="own"))
    scenario.bind("/x", ref("derived"))
    scenario.build({"x": {"a": 1}})
    assert [name for name, _ in scenario.vctx.calls] == ["has_a", "own"]
    assert scenario.failure({"x": {"a": 2}}).startswith("user-defined validation failed")


def test_include_must_name_a_record() -> None:  # invalid_type_include
    scenario = Scenario().define("a", ref("boolean"))
    with pytest.raises(EvaluationError, match=r"^record definition includes non-record type: 'a'$"):
        scenario.define("b", full(record(inc("a"), fld("one", ref("long"))), default={}))
    with pytest.raises(EvaluationError, match="referenced type 'missing' is not defined"):
        scenario.define("c", record(inc("missing")))


def test_include_of_an_alias_is_refused() -> None:  # as panc: its base type is no record
    scenario = Scenario().define("a", record(fld("x", ref("long")))).define("b", ref("a"))
    with pytest.raises(EvaluationError, match=r"^record definition includes non-record type: 'b'$"):
        scenario.define("c", record(inc("b"), fld("y", ref("long"))))
