"""DML operators with Java's semantics (``J:dml/operators/*``).

Longs are 64-bit and wrap on overflow, ``/`` on longs truncates toward zero, ``%`` takes
the sign of the dividend, mixed long/double arithmetic gives a double, and there is no
implicit conversion between strings, numbers and booleans. Each function raises
``EvalFailure`` on a type mismatch; the caller adds the position.
"""

from __future__ import annotations

from collections.abc import Callable

from panc.evaluation.control import EvalFailure
from panc.evaluation.memory import LARGE_VALUE, check_growth
from panc.evaluation.values import LONG_MAX, LONG_MIN, Value, java_string_key, type_name, wrap_long

_NUMBER = (int, float)


def _mismatch(op: str, a: Value, b: Value) -> EvalFailure:
    return EvalFailure(f"{op} operator requires compatible arguments, got {type_name(a)} and {type_name(b)}")


def add(a: Value, b: Value) -> Value:
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        s = a + b
        return s if LONG_MIN <= s <= LONG_MAX else wrap_long(s)
    if ta is str and tb is str:
        size = len(a) + len(b)
        if size >= LARGE_VALUE:
            check_growth(size)
        return a + b
    if ta in _NUMBER and tb in _NUMBER:
        return float(a) + float(b)
    raise _mismatch("+", a, b)


def sub(a: Value, b: Value) -> Value:
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        s = a - b
        return s if LONG_MIN <= s <= LONG_MAX else wrap_long(s)
    if ta in _NUMBER and tb in _NUMBER:
        return float(a) - float(b)
    raise _mismatch("-", a, b)


def mul(a: Value, b: Value) -> Value:
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        return wrap_long(a * b)
    if ta in _NUMBER and tb in _NUMBER:
        return float(a) * float(b)
    raise _mismatch("*", a, b)


def java_long_div(a: int, b: int) -> int:
    """Java's ``a / b`` for longs: truncation toward zero, ``MIN / -1`` wraps."""
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return wrap_long(q)


def div(a: Value, b: Value) -> Value:
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        if b == 0:
            raise EvalFailure("division by zero")
        return java_long_div(a, b)
    if ta in _NUMBER and tb in _NUMBER:
        fa, fb = float(a), float(b)
        if fb == 0.0:
            raise EvalFailure("division by zero")
        return fa / fb
    raise _mismatch("/", a, b)


def mod(a: Value, b: Value) -> Value:
    if type(a) is int and type(b) is int:
        if b == 0:
            raise EvalFailure("division by zero in modulus operation")
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    raise _mismatch("%", a, b)  # pylint: disable=raising-format-tuple


def _compare(op: str, a: Value, b: Value) -> int:
    """-1, 0 or 1, for numbers or strings.

    Numbers compare as doubles, as in panc, also two longs: longs beyond 2^53 that round to
    the same double are not ordered.
    """
    ta, tb = type(a), type(b)
    if ta in _NUMBER and tb in _NUMBER:
        a, b = float(a), float(b)
        return (a > b) - (a < b)
    if ta is str and tb is str:
        if not (a.isascii() and b.isascii()):
            a, b = java_string_key(a), java_string_key(b)  # Java compares UTF-16 units
        return (a > b) - (a < b)
    raise _mismatch(op, a, b)


def lt(a: Value, b: Value) -> bool:
    return _compare("<", a, b) < 0


def le(a: Value, b: Value) -> bool:
    return _compare("<=", a, b) <= 0


def gt(a: Value, b: Value) -> bool:
    return _compare(">", a, b) > 0


def ge(a: Value, b: Value) -> bool:
    return _compare(">=", a, b) >= 0


def _equal(op: str, a: Value, b: Value) -> bool:
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        if ta is bool and tb is bool:
            return a is b
        raise _mismatch(op, a, b)
    if ta is tb and (ta is int or ta is str or ta is float):
        return a == b
    if ta in _NUMBER and tb in _NUMBER:
        return float(a) == float(b)
    raise _mismatch(op, a, b)


def eq(a: Value, b: Value) -> bool:
    return _equal("==", a, b)


def ne(a: Value, b: Value) -> bool:
    return not _equal("!=", a, b)


def _longs(op: str, a: Value, b: Value) -> None:
    if type(a) is not int or type(b) is not int:
        raise _mismatch(op, a, b)


def bit_and(a: Value, b: Value) -> int:
    _longs("&", a, b)
    return a & b


def bit_or(a: Value, b: Value) -> int:
    _longs("|", a, b)
    return a | b


def bit_xor(a: Value, b: Value) -> int:
    _longs("^", a, b)
    return a ^ b


def require_boolean(op: str, v: Value) -> bool:
    """The operand of ``&&``, ``||``, ``!`` or a condition: must be a boolean."""
    if type(v) is not bool:
        raise EvalFailure(f"{op} requires a boolean argument, got {type_name(v)}")
    return v


def negate(a: Value) -> Value:
    t = type(a)
    if t is int:
        return wrap_long(-a)
    if t is float:
        return -a
    raise EvalFailure(f"unary - requires a numeric argument, got {type_name(a)}")


def plus(a: Value) -> Value:
    t = type(a)
    if t is int or t is float:
        return a
    raise EvalFailure(f"unary + requires a numeric argument, got {type_name(a)}")


def logical_not(a: Value) -> bool:
    return not require_boolean("!", a)


def bit_not(a: Value) -> int:
    if type(a) is not int:
        raise EvalFailure(f"~ requires a long argument, got {type_name(a)}")
    return ~a


BINARY: dict[str, Callable[[Value, Value], Value]] = {
    "+": add,
    "-": sub,
    "*": mul,
    "/": div,
    "%": mod,
    "<": lt,
    "<=": le,
    ">": gt,
    ">=": ge,
    "==": eq,
    "!=": ne,
    "&": bit_and,
    "|": bit_or,
    "^": bit_xor,
}
"""Strict binary operators (``&&`` and ``||`` short-circuit and are compiled apart)."""

UNARY: dict[str, Callable[[Value], Value]] = {
    "-": negate,
    "+": plus,
    "!": logical_not,
    "~": bit_not,
}
