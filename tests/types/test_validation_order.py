"""The order in which bindings are validated: panc's Path.compareTo, then declaration order."""

from __future__ import annotations

import pytest
from pantype_builders import Scenario, full, ref

from panc.diagnostics import EvaluationError
from panc.evaluation.values import UNDEF
from panc.types.binding import path_order_key, path_terms


def test_path_order_deeper_first_then_terms() -> None:
    paths = ["/a", "/b/c", "/a/z", "/a/b/0", "/a/b/x", "/", "/a/b/1"]
    ordered = sorted(paths, key=lambda p: path_order_key(path_terms(p)))
    assert ordered == ["/a/b/0", "/a/b/1", "/a/b/x", "/a/z", "/b/c", "/a", "/"]


def test_deepest_failure_reported_first() -> None:
    scenario = Scenario().bind("/a", ref("string")).bind("/b/c", ref("string"))
    assert "element path: '/b/c'" in scenario.failure({"a": 1, "b": {"c": 2}})


def test_types_of_one_path_in_declaration_order() -> None:
    scenario = Scenario({"first": lambda v: False, "second": lambda v: False})
    scenario.bind("/x", full(ref("long"), check="second")).bind("/x", full(ref("long"), check="first"))
    scenario.failure({"x": 1})
    assert [name for name, _ in scenario.vctx.calls] == ["second"]


def test_undef_checked_before_bindings() -> None:
    scenario = Scenario().bind("/x", ref("string"))
    assert scenario.failure({"x": 1, "y": UNDEF}) == "element at /y is undefined"


def test_missing_element_after_defaults() -> None:
    scenario = Scenario().bind("/y", ref("long"))
    message = scenario.failure({"x": 1})
    assert message.splitlines() == [
        "element does not exist",
        "element path: '/y'",
        "path '/y' bound to type long in [t.pan:1.1-1.1]",
    ]


def test_invalid_bind_path_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError, match="empty string cannot be used as a path term"):
        Scenario().bind("/a//b", ref("long"))
