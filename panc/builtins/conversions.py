"""Conversions between pan types: ``to_string``, ``to_boolean``, ``to_long``, ``to_double``.

Each follows what the Java compiler does: ``to_string`` is Java's ``toString`` of the element,
``to_long`` parses strings with ``Long.decode`` (or ``Long.parseLong`` with a radix) and rounds
doubles with ``Math.round``, ``to_double`` parses strings with ``Double.parseDouble``.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction

from panc.builtins.registry import BuiltinError, builtin
from panc.evaluation.values import LONG_MAX, LONG_MIN, Value, java_to_string, java_type

_JAVA_DOUBLE = re.compile(
    r"""[+-]?(?:
        NaN | Infinity
      | (?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?
      | 0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?
    )""",
    re.VERBOSE,
)


def parse_java_long(text: str, radix: int = 10) -> int:
    """Java's ``Long.parseLong(text, radix)``; ``ValueError`` when it would throw."""
    if not 2 <= radix <= 36:
        raise ValueError(f"radix {radix} out of range 2..36")
    negative = text[:1] == "-"
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not digits:
        raise ValueError("no digits")
    number = 0
    for char in digits:  # Character.digit: ASCII letters and digits, and Unicode decimal digits
        value = int(char, 36) if char.isascii() and char.isalnum() else unicodedata.decimal(char, -1)
        if not 0 <= value < radix:
            raise ValueError(f"invalid digit {char!r} for radix {radix}")
        number = number * radix + value
    if negative:
        number = -number
    if not LONG_MIN <= number <= LONG_MAX:
        raise ValueError("value out of the range of a long")
    return number


def decode_java_long(text: str) -> int:
    """Java's ``Long.decode``: optional sign, then ``0x``/``0X``/``#`` (hex), ``0`` (octal) or
    decimal digits; ``ValueError`` when it would throw (``"08"``, ``" 5"``, ``"1_0"``...)."""
    index = 1 if text[:1] in ("+", "-") else 0
    radix = 10
    if text.startswith(("0x", "0X"), index):
        radix, index = 16, index + 2
    elif text.startswith("#", index):
        radix, index = 16, index + 1
    elif text.startswith("0", index) and len(text) > index + 1:
        radix, index = 8, index + 1
    digits = text[index:]
    if digits[:1] in ("+", "-", ""):
        raise ValueError("sign character in wrong position or no digits")
    return parse_java_long(text[:1] + digits if text[:1] == "-" else digits, radix)


def java_round(number: float) -> int:
    """Java's ``Math.round(double)``: floor(x + 1/2) computed exactly, saturated, NaN -> 0."""
    if math.isnan(number):
        return 0
    if math.isinf(number):
        return LONG_MAX if number > 0 else LONG_MIN
    rounded = math.floor(Fraction(number) + Fraction(1, 2))
    return max(LONG_MIN, min(LONG_MAX, rounded))


def parse_java_double(text: str) -> float:
    """Java's ``Double.parseDouble``: surrounding control characters and spaces are ignored, an
    ``f``/``d`` suffix is allowed, hex floats need a ``p`` exponent; ``ValueError`` otherwise."""
    stripped = text.strip("".join(chr(c) for c in range(33)))
    if not _JAVA_DOUBLE.fullmatch(stripped):
        raise ValueError("not a double")
    if stripped[-1] in "fFdD" and not stripped.endswith("Infinity"):
        stripped = stripped[:-1]
    if "x" in stripped or "X" in stripped:
        return float.fromhex(stripped)
    return float(stripped)


def java_message_number(number: int) -> str:
    """A long as ``MessageFormat`` prints it: digits grouped by thousands (``10,000``)."""
    return f"{number:,}"


def _not_property(function: str, value: Value) -> BuiltinError:
    return BuiltinError(f"{function} argument is not a property: {java_type(value)}")


@builtin(
    "to_string",
    min_args=1,
    max_args=1,
    signature="to_string(elem)",
    arity_message="to_string() requires exactly one argument",
)
def to_string(args: list[Value]) -> str:
    """Convert the argument into a human-readable string. Longs print in decimal, doubles as
    Java does (``1.0E10``, ``0.001``), lists as ``[ a, b ]`` and dicts as
    ``{ key1, value1, key2, value2 }`` with the keys in sorted order."""
    return java_to_string(args[0])


@builtin(
    "to_boolean",
    min_args=1,
    max_args=1,
    signature="to_boolean(prop)",
    arity_message="to_boolean() requires exactly one argument",
)
def to_boolean(args: list[Value]) -> bool:
    """Convert a property into a boolean. The numbers 0 and 0.0 give ``false``, other numbers
    ``true``; the empty string and ``"false"`` (in any case) give ``false``, other strings
    ``true``. Resources are not accepted."""
    value = args[0]
    t = type(value)
    if t is bool:
        return value
    if t is str:
        return value != "" and value.lower() != "false"
    if t is int or t is float:
        return value != 0
    raise _not_property("to_boolean", value)


_PROPERTY_CLASSES = {str: "StringProperty", float: "DoubleProperty", bool: "BooleanProperty"}


def _radix(value: Value) -> int:
    """panc's ``ToLongRadix.getRadix``."""
    t = type(value)
    if t is int:
        if not 2 <= value <= 36:
            raise BuiltinError(f"radix value {java_message_number(value)} is not within valid range [2, 36]")
        return value
    if t is str or t is float or t is bool:
        java_class = f"org.quattor.pan.dml.data.{_PROPERTY_CLASSES[t]}"
        raise BuiltinError(f"radix must be a long not class {java_class}", where="bare")
    raise BuiltinError(f"invalid argument of type {java_type(value)}; expecting a property")


@builtin(
    "to_long",
    min_args=1,
    max_args=2,
    signature="to_long(prop[, radix])",
    arity_message="to_long() requires exactly one or two arguments",
)
def to_long(args: list[Value]) -> int:
    """Convert a property into a long. A string is parsed like a long literal: decimal, octal
    with a leading ``0`` (so ``"08"`` is an error) or hexadecimal with ``0x``. With ``radix``
    the string holds digits of that base without prefix: ``to_long("ff", 16)`` is 255. A
    boolean gives 0 or 1, a double is rounded to the nearest long, a long is returned as is."""
    value = args[0]
    radix = _radix(args[1]) if len(args) == 2 else None
    t = type(value)
    if t is int:
        return value
    if t is bool:
        return int(value)
    if t is float:
        return java_round(value)
    if t is not str:
        raise BuiltinError(f"invalid argument of type {java_type(value)}; expecting a property")
    try:
        return decode_java_long(value) if radix is None else parse_java_long(value, radix)
    except ValueError:
        raise BuiltinError(f"string cannot be converted to long: {value}") from None


@builtin(
    "to_double",
    min_args=1,
    max_args=1,
    signature="to_double(prop)",
    arity_message="to_double() requires exactly one argument",
)
def to_double(args: list[Value]) -> float:
    """Convert a property into a double. A string is parsed as a double literal (``"1.5"``,
    ``"2e3"``); an invalid string is an error. A boolean gives 0.0 or 1.0, a long the same
    value as a double, a double is returned as is."""
    value = args[0]
    t = type(value)
    if t is float:
        return value
    if t is bool or t is int:
        return float(value)
    if t is not str:
        raise _not_property("to_double", value)
    try:
        return parse_java_double(value)
    except ValueError:
        raise BuiltinError(f"string cannot be converted to double: {value}") from None
