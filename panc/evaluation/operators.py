"""DML operators with panc's semantics and messages (``J:dml/operators``).

Longs are 64-bit and wrap on overflow, ``/`` on longs truncates toward zero, ``%`` takes the
sign of the dividend, mixed long/double arithmetic gives a double, comparisons of numbers
are made on doubles, and there is no implicit conversion between strings, numbers and
booleans.

An operator fails in one of two ways, as in panc: operands of a type it cannot take at all
raise an ``EvalFailure`` (panc's cast failure, an evaluation error even when the operands
are constants), and operands of the right types that fail the operation (``1/0``, ``"a" +
1``) raise ``Mismatch``, which a compile-time fold reports as a syntax error.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from panc.evaluation.control import EvalFailure, error_at
from panc.evaluation.memory import LARGE_VALUE, check_growth
from panc.evaluation.values import Value, java_string_key, wrap_long
from panc.source import Span


def java_long_div(a: int, b: int) -> int:
    """Java's ``a / b`` for longs: truncation toward zero, ``MIN / -1`` wraps."""
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return wrap_long(q)


def java_long_mod(a: int, b: int) -> int:
    """Java's ``a % b`` for longs: the sign of the dividend."""
    r = abs(a) % abs(b)
    return -r if a < 0 else r


class Mismatch(Exception):
    """Operands of the right types that fail the operation (panc's EvaluationException inside
    ``execute``): a syntax error when the operands are constants."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_number(v: Value) -> bool:
    t = type(v)
    return t is int or t is float


def _is_property(v: Value) -> bool:
    t = type(v)
    return t is str or t is int or t is float or t is bool


def _invalid(kind: str) -> EvalFailure:
    return EvalFailure(f"arguments for {kind} operation must be {_TAKES[kind]}")


_TAKES = {
    "add (+)": "longs, doubles, or strings",
    "subtract (-)": "longs, doubles, or strings",
    "multiply (*)": "longs or doubles",
    "divide (/)": "longs or doubles",
    "modulus (%)": "long values",
    "bit-and (&)": "long values",
    "bit-or (|)": "long values",
    "bit-exclusive-or (^)": "long values",
    "equal (==)": "longs, doubles, or strings",
    "not-equal (!=)": "longs, doubles, or strings",
    "less-than (<)": "longs, doubles, or strings",
    "greater-than (>)": "longs, doubles, or strings",
    "less-than-equal (<=)": "longs, doubles, or strings",
    "greater-than-equal (>=)": "longs, doubles, or strings",
}


def add(a: Value, b: Value) -> Value:
    if not (_is_property(a) and _is_property(b)):
        raise _invalid("add (+)")
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        return wrap_long(a + b)
    if is_number(a) and is_number(b):
        return float(a) + float(b)
    if ta is str and tb is str:
        size = len(a) + len(b)
        if size >= LARGE_VALUE:
            check_growth(size)  # the memory budget, before a large string
        return a + b
    raise Mismatch("mismatched or invalid arguments for add (+) operation")


def _numbers(a: Value, b: Value, kind: str) -> None:
    if not (is_number(a) and is_number(b)):
        raise _invalid(kind)


def _sub(a: Value, b: Value) -> Value:
    _numbers(a, b, "subtract (-)")
    if type(a) is int and type(b) is int:
        return wrap_long(a - b)
    return float(a) - float(b)


def _mul(a: Value, b: Value) -> Value:
    _numbers(a, b, "multiply (*)")
    if type(a) is int and type(b) is int:
        return wrap_long(a * b)
    return float(a) * float(b)


def _div(a: Value, b: Value) -> Value:
    _numbers(a, b, "divide (/)")
    if type(a) is int and type(b) is int:
        if b == 0:
            raise Mismatch("division by zero")
        return java_long_div(a, b)
    if float(b) == 0.0:
        raise Mismatch("division by zero")
    return float(a) / float(b)


def _longs(a: Value, b: Value, kind: str) -> None:
    if type(a) is not int or type(b) is not int:
        raise _invalid(kind)


def _mod(a: Value, b: Value) -> Value:
    _longs(a, b, "modulus (%)")
    if b == 0:
        raise Mismatch("second argument for modulus (%) operation cannot be zero")
    return java_long_mod(a, b)


def _bit_and(a: Value, b: Value) -> Value:
    _longs(a, b, "bit-and (&)")
    return a & b


def _bit_or(a: Value, b: Value) -> Value:
    _longs(a, b, "bit-or (|)")
    return a | b


def _bit_xor(a: Value, b: Value) -> Value:
    _longs(a, b, "bit-exclusive-or (^)")
    return a ^ b


def _equality(kind: str, negate: bool) -> Callable[[Value, Value], bool]:
    def compare(a: Value, b: Value) -> bool:
        if not (_is_property(a) and _is_property(b)):
            raise _invalid(kind)
        if is_number(a) and is_number(b):
            equal = float(a) == float(b)
        elif type(a) is str and type(b) is str:
            equal = a == b
        elif type(a) is bool and type(b) is bool:
            equal = a is b
        else:
            raise Mismatch(f"mismatched or invalid arguments for {kind} operation")
        return equal is not negate

    return compare


def _ordering(kind: str, test: Callable[[Any, Any], bool]) -> Callable[[Value, Value], bool]:
    def compare(a: Value, b: Value) -> bool:
        if not (_is_property(a) and _is_property(b)):
            raise _invalid(kind)
        if is_number(a) and is_number(b):
            return test(float(a), float(b))
        if type(a) is str and type(b) is str:
            if not (a.isascii() and b.isascii()):
                a, b = java_string_key(a), java_string_key(b)  # Java compares UTF-16 units
            return test(a, b)
        raise Mismatch(f"mismatched or invalid arguments for {kind} operation")

    return compare


BINARY: dict[str, Callable[[Value, Value], Value]] = {
    "+": add,
    "-": _sub,
    "*": _mul,
    "/": _div,
    "%": _mod,
    "&": _bit_and,
    "|": _bit_or,
    "^": _bit_xor,
    "==": _equality("equal (==)", False),
    "!=": _equality("not-equal (!=)", True),
    "<": _ordering("less-than (<)", operator.lt),
    ">": _ordering("greater-than (>)", operator.gt),
    "<=": _ordering("less-than-equal (<=)", operator.le),
    ">=": _ordering("greater-than-equal (>=)", operator.ge),
}
"""Strict binary operators (``&&`` and ``||`` short-circuit and are compiled apart)."""


def _negate(value: Value, where: Span) -> Value:
    t = type(value)
    if t is int:
        return wrap_long(-value)
    if t is float:
        return -value
    raise error_at("argument for unary minus (-) operation must be a long or double", where)


def _not(value: Value, where: Span) -> Value:
    if type(value) is not bool:
        raise error_at("argument for logical-not (!) operation must be a boolean value", where)
    return not value


def _bit_not(value: Value, where: Span) -> Value:
    if type(value) is not int:
        raise error_at("argument for bit-not (~) operation must be a long value", where)
    return ~value


UNARY: dict[str, Callable[[Value, Span], Value]] = {"-": _negate, "!": _not, "~": _bit_not}
