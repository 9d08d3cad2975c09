"""Helpers for the builtin tests: call a registered builtin as the evaluator would."""

from __future__ import annotations

import pytest

from panc.builtins import BUILTINS, BuiltinError
from panc.evaluation.values import Value


def call(name: str, *args: Value) -> Value:
    """Run builtin ``name`` on already-evaluated arguments, checking the declared arity."""
    entry = BUILTINS[name]
    assert entry.kind == "pure"
    assert len(args) >= entry.min_args
    assert entry.max_args is None or len(args) <= entry.max_args
    return entry.impl(list(args))


def fails(name: str, *args: Value) -> str:
    """The message of the ``BuiltinError`` that builtin ``name`` raises for ``args``."""
    with pytest.raises(BuiltinError) as caught:
        call(name, *args)
    return caught.value.message
