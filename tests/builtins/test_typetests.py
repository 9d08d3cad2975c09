"""is_* type tests."""

from __future__ import annotations

import pytest

from panc.analysis.builtin_table import all_builtins
from panc.builtins.typetests import TYPE_TESTS
from panc.evaluation.values import NULL, UNDEF

BUILTINS = all_builtins()

SAMPLES = {
    "boolean": True,
    "long": 3,
    "double": 2.5,
    "string": "s",
    "list": [1],
    "dict": {"a": 1},
    "null": NULL,
    "undef": UNDEF,
}

EXPECTED_TRUE = {
    "is_boolean": {"boolean"},
    "is_long": {"long"},
    "is_double": {"double"},
    "is_number": {"long", "double"},
    "is_string": {"string"},
    "is_property": {"boolean", "long", "double", "string"},
    "is_resource": {"list", "dict"},
    "is_list": {"list"},
    "is_dict": {"dict"},
    "is_nlist": {"dict"},
    "is_null": {"null"},
    "is_defined": {"boolean", "long", "double", "string", "list", "dict"},
}


def call(name: str, value: object) -> bool:
    return TYPE_TESTS[name].test(value)


@pytest.mark.parametrize("name", sorted(EXPECTED_TRUE))
def test_type_test_accepts_exactly_its_types(name: str) -> None:
    for kind, value in SAMPLES.items():
        assert call(name, value) is (kind in EXPECTED_TRUE[name]), (name, kind)


def test_booleans_are_not_longs() -> None:
    assert call("is_long", False) is False
    assert call("is_number", True) is False


def test_is_nlist_is_a_deprecated_alias() -> None:
    assert BUILTINS["is_nlist"].deprecated
    assert not BUILTINS["is_dict"].deprecated


def test_every_type_test_documents_itself() -> None:
    for name in EXPECTED_TRUE:
        assert "true if the argument is" in BUILTINS[name].doc.lower()
        assert BUILTINS[name].min_args == BUILTINS[name].max_args == 1
