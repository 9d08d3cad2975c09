"""Argument checks shared by the pure builtins, with panc-style messages.

Each helper returns the argument with its Python type when it has the expected pan type and
raises ``BuiltinError`` otherwise, naming the function, the argument's position and the type
it got: ``substr() requires a string as first argument, not a long``.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.registry import BuiltinError
from panc.evaluation.values import Value, is_property, type_name

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def ordinal(index: int) -> str:
    """The English ordinal of a 0-based argument position: ``0`` -> ``first``, ``20`` -> ``21st``."""
    if index < len(_ORDINALS):
        return _ORDINALS[index]
    number = index + 1
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _fail(function: str, index: int, expected: str, value: Value) -> BuiltinError:
    return BuiltinError(
        f"{function}() requires {expected} as {ordinal(index)} argument, not {_article(type_name(value))}"
    )


def _article(noun: str) -> str:
    if noun in ("undef", "null"):
        return noun
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def string_arg(function: str, args: list[Value], index: int) -> str:
    value = args[index]
    if type(value) is not str:
        raise _fail(function, index, "a string", value)
    return value


def long_arg(function: str, args: list[Value], index: int) -> int:
    value = args[index]
    if type(value) is not int:
        raise _fail(function, index, "a long", value)
    return value


def list_arg(function: str, args: list[Value], index: int) -> list[Value]:
    value = args[index]
    if type(value) is not list:
        raise _fail(function, index, "a list", value)
    return value


def dict_arg(function: str, args: list[Value], index: int) -> dict[str, Value]:
    value = args[index]
    if type(value) is not dict:
        raise _fail(function, index, "a dict", value)
    return value


def number_arg(function: str, args: list[Value], index: int) -> int | float:
    value = args[index]
    if type(value) is not int and type(value) is not float:
        raise _fail(function, index, "a number", value)
    return value


def property_arg(function: str, args: list[Value], index: int) -> Value:
    value = args[index]
    if not is_property(value):
        raise _fail(function, index, "a property", value)
    return value
