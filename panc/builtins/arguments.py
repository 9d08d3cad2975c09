"""Argument checks shared by the pure builtins, with the Java panc's messages.

The Java panc words the check of each builtin its own way (``first argument to substr() must
be a string``, ``escape argument is not a string: long``, ``match() arguments must all be
strings; nlist found``): each builtin passes its message. ``{type}`` in a message is replaced
by the Java name of the argument's type (``panc.evaluation.values.java_type``).
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.registry import BuiltinError
from panc.evaluation.values import Value, is_property, java_type


def _fail(message: str, value: Value) -> BuiltinError:
    return BuiltinError(message.replace("{type}", java_type(value)))


def expect_string(value: Value, message: str) -> str:
    if type(value) is not str:
        raise _fail(message, value)
    return value


def expect_long(value: Value, message: str) -> int:
    if type(value) is not int:
        raise _fail(message, value)
    return value


def expect_list(value: Value, message: str) -> list[Value]:
    if type(value) is not list:
        raise _fail(message, value)
    return value


def expect_dict(value: Value, message: str) -> dict[str, Value]:
    if type(value) is not dict:
        raise _fail(message, value)
    return value


def expect_number(value: Value, message: str) -> int | float:
    if type(value) is not int and type(value) is not float:
        raise _fail(message, value)
    return value


def expect_property(value: Value, message: str) -> Value:
    if not is_property(value):
        raise _fail(message, value)
    return value
