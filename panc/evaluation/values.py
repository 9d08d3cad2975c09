"""The pan value model, shared by the evaluator, the builtins, the type system and the outputs.

Pan values are plain Python objects, chosen for speed:

| pan       | Python                                  |
|-----------|-----------------------------------------|
| boolean   | ``bool``                                |
| long      | ``int`` (64-bit signed; see ``wrap_long``) |
| double    | ``float``                               |
| string    | ``str``                                 |
| list      | ``list``                                |
| dict      | ``dict`` with ``str`` keys (insertion order; outputs sort keys) |
| undef     | the ``UNDEF`` singleton                 |
| null      | the ``NULL`` singleton                  |

``bool`` is a subclass of ``int`` in Python: always test ``type(v) is int`` (or use the
helpers below), never ``isinstance(v, int)``.
"""

from __future__ import annotations

import math
from typing import Any

from panc.evaluation.java_double import java_double_to_string
from panc.values import LONG_MAX, LONG_MIN, NULL, UNDEF  # below the syntax layer, which needs them too

Value = Any
"""Any pan value (see the table above); kept as ``Any`` for speed-friendly code."""


def wrap_long(n: int) -> int:
    """Java's two's-complement overflow for 64-bit longs."""
    if LONG_MIN <= n <= LONG_MAX:
        return n
    return ((n + 2**63) % 2**64) - 2**63


def is_long(v: Value) -> bool:
    return type(v) is int


def is_double(v: Value) -> bool:
    return type(v) is float


def is_number(v: Value) -> bool:
    t = type(v)
    return t is int or t is float


def is_boolean(v: Value) -> bool:
    return type(v) is bool


def is_string(v: Value) -> bool:
    return type(v) is str


def is_property(v: Value) -> bool:
    t = type(v)
    return t is str or t is int or t is float or t is bool


def is_resource(v: Value) -> bool:
    t = type(v)
    return t is list or t is dict


def type_name(v: Value) -> str:
    """The name panc uses for a value's type in messages (``long``, ``string``, ``dict``...)."""
    t = type(v)
    if t is bool:
        return "boolean"
    if t is int:
        return "long"
    if t is float:
        return "double"
    if t is str:
        return "string"
    if t is list:
        return "list"
    if t is dict:
        return "dict"
    if v is UNDEF:
        return "undef"
    if v is NULL:
        return "null"
    return t.__name__


def java_type(v: Value) -> str:
    """panc's ``getTypeAsString()``: the type name its evaluation messages print (a dict is
    an ``nlist`` there)."""
    t = type(v)
    if t is dict:
        return "nlist"
    return type_name(v)


def format_double(d: float) -> str:
    """Java's ``Double.toString``: ``3.14``, ``1.0E10``, ``1.0E-5``, ``NaN``, ``Infinity``.

    Decimal notation for 1e-3 <= |d| < 1e7, computerized scientific notation otherwise,
    always with at least one digit after the point. The digits are those panc's JVM prints,
    which are not always the shortest (``1.0E23`` prints as ``9.999999999999999E22``): see
    ``panc.evaluation.java_double``.
    """
    return java_double_to_string(d)


def format_scalar(v: Value) -> str:
    """A scalar as Java's ``toString`` prints it (profiles, ``to_string``, messages)."""
    t = type(v)
    if t is str:
        return v
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return format_double(v)
    if v is UNDEF:
        return "undef"
    if v is NULL:
        return "null"
    raise TypeError(f"not a scalar: {v!r}")


def java_to_string(value: Value) -> str:
    """Java's ``toString`` of a pan element: scalars as in profiles (``1.0E10``), lists as
    ``[ a, b ]`` and dicts as ``{ k1, v1, k2, v2 }`` with keys in sorted order."""
    t = type(value)
    if t is list:
        return "[ " + ", ".join(java_to_string(item) for item in value) + " ]"
    if t is dict:
        parts: list[str] = []
        for key in sorted_keys(value):
            parts.append(key)
            parts.append(java_to_string(value[key]))
        return "{ " + ", ".join(parts) + " }"
    return format_scalar(value)


def java_string_key(s: str) -> str:
    """Sort key equal to Java's ``String.compareTo`` (UTF-16 code units).

    For strings without astral characters this is the string itself; an astral character is
    replaced by its surrogate pair, so that every key is a ``str`` and any two compare.
    """
    if s.isascii() or all(ord(c) < 0x10000 for c in s):
        return s
    return "".join(c if ord(c) < 0x10000 else _surrogate_pair(ord(c)) for c in s)


def java_length(s: str) -> int:
    """Java's ``String.length()``: UTF-16 code units (an astral character counts two; a lone
    surrogate, as ``substr`` may leave, one)."""
    if s.isascii() or max(s) < "\U00010000":
        return len(s)
    return len(s) + sum(1 for c in s if ord(c) >= 0x10000)


def _surrogate_pair(code_point: int) -> str:
    offset = code_point - 0x10000
    return chr(0xD800 + (offset >> 10)) + chr(0xDC00 + (offset & 0x3FF))


def sorted_keys(d: dict[str, Value]) -> list[str]:
    """Dict keys in panc's output order (Java ``String.compareTo``)."""
    return sorted(d, key=java_string_key)


def deep_copy(v: Value) -> Value:
    """A deep copy of a pan value (scalars are immutable and shared)."""
    t = type(v)
    if t is list:
        return [deep_copy(x) for x in v]
    if t is dict:
        return {k: deep_copy(x) for k, x in v.items()}
    return v


def reaches(value: Value, target: list[Value] | dict[str, Value]) -> bool:
    """Whether the resource ``target`` is ``value`` or one of its descendants (the same
    object): putting ``value`` into ``target`` would make a circular structure."""
    pending = [value]
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if node is target:
            return True
        t = type(node)
        if (t is list or t is dict) and id(node) not in seen:
            seen.add(id(node))
            pending.extend(node.values() if t is dict else node)
    return False


def is_circular(value: Value) -> bool:
    """Whether a resource holds itself (at any depth): panc's copy of it overflows its stack."""
    on_path: set[int] = set()
    done: set[int] = set()
    pending: list[tuple[Value, bool]] = [(value, False)]
    while pending:
        node, leaving = pending.pop()
        if leaving:
            on_path.discard(id(node))
            done.add(id(node))
            continue
        t = type(node)
        if t is not list and t is not dict:
            continue
        if id(node) in on_path:
            return True
        if id(node) in done:
            continue
        on_path.add(id(node))
        pending.append((node, True))
        pending.extend((child, False) for child in (node.values() if t is dict else node))
    return False


def java_equals(a: Value, b: Value) -> bool:
    """panc's ``Element.equals``: same type and value, recursively (``1`` is not ``1.0``; a
    double equals itself when NaN and differs from ``-0.0`` at zero, as ``Double.equals``)."""
    t = type(a)
    if t is not type(b):
        return False
    if t is float:
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if t is list:
        return len(a) == len(b) and all(java_equals(x, y) for x, y in zip(a, b, strict=True))
    if t is dict:
        return a.keys() == b.keys() and all(java_equals(x, b[k]) for k, x in a.items())
    return a is b or a == b
