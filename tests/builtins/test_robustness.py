"""Every pure builtin, given any pan values, returns a pan value or raises BuiltinError:
bad user input never escapes as a Python exception."""

# Exact type tests on purpose: bool is a subclass of int.

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panc.builtins import BUILTINS, BuiltinError
from panc.evaluation.values import NULL, UNDEF

_TEXT = st.text(alphabet=st.sampled_from("ab1_.-/:{}[]()\\$%dsx*+?^é\U0001f600 ,#=<"), max_size=12)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    _TEXT,
    st.sampled_from(["%s", "%d", "%5.2f", "0x1F", "08", "1.2.3.4/8", "::1", "MD5", "[1]", '{"a":1}',
                     "aGVsbG8=", "imsux", "%<s"]),
    st.just(UNDEF),
    st.just(NULL),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "key", "x1"]), children, max_size=3),
    ),
    max_leaves=6,
)
_PURE = sorted(name for name, entry in BUILTINS.items() if entry.kind == "pure")


def _has_nan(value: object) -> bool:
    if type(value) is float:
        return math.isnan(value)
    if type(value) is list:
        return any(_has_nan(item) for item in value)
    if type(value) is dict:
        return any(_has_nan(item) for item in value.values())
    return False


def _is_pan_value(value: object) -> bool:
    if value is UNDEF or value is NULL or type(value) in (bool, int, str):
        return True
    if type(value) is float:
        return True
    if type(value) is list:
        return all(_is_pan_value(item) for item in value)
    if type(value) is dict:
        return all(type(k) is str and _is_pan_value(v) for k, v in value.items())
    return False


@pytest.mark.parametrize("name", _PURE)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_arguments_give_a_value_or_a_builtin_error(name: str, data: st.DataObject) -> None:
    entry = BUILTINS[name]
    high = entry.max_args if entry.max_args is not None else entry.min_args + 4
    args = data.draw(st.lists(_VALUES, min_size=entry.min_args, max_size=high))
    try:
        result = entry.impl(args)
    except BuiltinError as error:
        assert error.message
        return
    assert _is_pan_value(result)
    # NaN is never made up (a NaN given may be handed back, as clone does)
    may_be_nan = name in ("to_double", "max", "min", "json_decode") or _has_nan(args)
    if type(result) is float and not may_be_nan:
        assert not math.isnan(result)
