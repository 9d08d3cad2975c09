"""String builtins: ``substr``, ``to_lowercase``, ``to_uppercase``, ``join``.

Java strings count UTF-16 code units, so lengths and positions given to or returned by pan
functions do too: a character outside the Basic Multilingual Plane counts as two. The helpers
here convert when (rarely) such a character is present; plain strings take the fast path.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.registry import BuiltinError, builtin
from panc.diagnostics import PanSyntaxError
from panc.evaluation.control import not_constant
from panc.evaluation.memory import LARGE_VALUE, check_growth
from panc.evaluation.values import NULL, Value

_ASTRAL = "\U00010000"


def is_bmp(s: str) -> bool:
    """True when every character of ``s`` is one UTF-16 code unit (the usual case)."""
    return s.isascii() or max(s, default="a") < _ASTRAL


def to_units(s: str) -> str:
    """``s`` with astral characters split into surrogate pairs: one Python char per Java char."""
    if is_bmp(s):
        return s
    data = s.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def from_units(units: str) -> str:
    """Inverse of ``to_units``: surrogate pairs become characters again (lone halves stay)."""
    if is_bmp(units) and not any("\ud800" <= c <= "\udfff" for c in units):
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def int_argument(function: str, position: str, value: int) -> int:
    """A long that panc converts to an int, refusing what does not fit."""
    if not -0x80000000 <= value <= 0x7FFFFFFF:
        raise BuiltinError(f"{position} argument to {function}() cannot be converted to int: {value}")
    return value


def int32(number: int) -> int:
    """Java's ``(int)`` of a long, or an int sum that overflowed: the low 32 bits, signed."""
    return ((number + 0x80000000) & 0xFFFFFFFF) - 0x80000000


@builtin(
    "substr",
    min_args=2,
    max_args=3,
    signature="substr(target, start[, length])",
    arity_message="substr() must have two or three arguments",
    lazy=True,
)
def substr(args: list[Value]) -> str:
    """Return the part of ``target`` that begins at ``start`` (counting from 0) and is ``length``
    characters long, or runs to the end when ``length`` is omitted. A negative ``start`` counts
    from the end of the string; a negative ``length`` leaves that many characters off the end:
    ``substr("abcdef", 1, -1)`` is ``"bcde"`` and ``substr("abcdef", -4, 1)`` is ``"c"``."""
    target = args[0]
    if type(target) is not str:
        raise BuiltinError("first argument to substr() must be a string")
    units = to_units(target)
    size = len(units)
    start = args[1]
    if type(start) is not int:
        raise BuiltinError("second argument to substr() must be a long")
    begin = int_argument("substr", "second", start)
    if begin < 0:
        begin += size
    if begin > size:
        raise BuiltinError("start index in substr() is greater than the string length")
    if begin < 0:
        raise BuiltinError("start index in substr() is less than zero")
    end = size
    if len(args) == 3:
        count = args[2]
        if type(count) is not int:
            raise BuiltinError("second and optional third arguments to substr() must be longs")
        count = int_argument("substr", "third", count)
        end = int32(begin + count) if count >= 0 else size + count
        if end > size:
            raise BuiltinError("end index in substr() is greater than the string length")
        if end < 0:
            raise BuiltinError("end index in substr() is less than zero")
        if end < begin:
            raise BuiltinError("start index is after ending index in substr()")
    return from_units(units[begin:end])


@builtin(
    "to_lowercase",
    min_args=1,
    max_args=1,
    signature="to_lowercase(target)",
    arity_message="to_lowercase() requires exactly one string argument",
)
def to_lowercase(args: list[Value]) -> str:
    """Return ``target`` with every uppercase letter converted to lowercase. The conversion uses
    the United States locale, so the result does not depend on the machine's locale."""
    target = args[0]
    if type(target) is not str:
        raise BuiltinError("invalid argument to to_lowercase(); string required")
    return target.lower()


@builtin(
    "to_uppercase",
    min_args=1,
    max_args=1,
    signature="to_uppercase(target)",
    arity_message="to_uppercase() requires exactly one string argument",
)
def to_uppercase(args: list[Value]) -> str:
    """Return ``target`` with every lowercase letter converted to uppercase. The conversion uses
    the United States locale, so the result does not depend on the machine's locale."""
    target = args[0]
    if type(target) is not str:
        raise BuiltinError("invalid argument to to_uppercase(); string required")
    return target.upper()


def _check_join(args: list[Value], where: object) -> None:
    """panc's ``Join.getInstance``."""
    if args[0] is NULL or args[1] is NULL:
        raise PanSyntaxError("value cannot be null for join()", where)  # type: ignore[arg-type]
    if len(args) == 2 and not not_constant(args[1]) and type(args[1]) is not list:
        raise PanSyntaxError(  # type: ignore[arg-type]
            "second argument of join() must be a variable reference or a list", where
        )


@builtin(
    "join",
    min_args=2,
    signature="join(delimiter, list | arg1, arg2, ...)",
    arity_message="join() requires two or more arguments",
    compile_check=_check_join,
    lazy=True,
)
def join(args: list[Value]) -> str:
    """Join strings with ``delimiter`` between them. The strings come either from one list
    argument, ``join("-", list("a", "b", "c"))``, or from the remaining arguments,
    ``join("-", "a", "b", "c")``; both give ``"a-b-c"``. Only strings may be joined."""
    delimiter = args[0]
    if type(delimiter) is not str:
        raise BuiltinError("first argument in join() must be a string")
    if len(args) == 2:
        parts = args[1]
        if type(parts) is not list:
            raise BuiltinError("join() only accepts strings or a list of strings as input arguments")
        for part in parts:
            if type(part) is list or type(part) is dict:
                raise BuiltinError("join() doesn't accept nested elements in the passed list")
            if type(part) is not str:
                raise BuiltinError("join() only accepts strings as elements in the list")
        _check_join_size(delimiter, parts)
        return delimiter.join(parts)
    parts = []
    for position in range(1, len(args)):
        part = args[position]
        if type(part) is list:
            raise BuiltinError(
                "join() only accepts a single list as an argument or all the arguments individually"
            )
        if type(part) is not str:
            raise BuiltinError("join() only accepts strings or a list of strings as input arguments")
        parts.append(part)
    _check_join_size(delimiter, parts)
    return delimiter.join(parts)


def _check_join_size(delimiter: str, parts: list[Value]) -> None:
    if len(delimiter) * len(parts) >= LARGE_VALUE:  # the memory budget, before a large string
        check_growth(len(delimiter) * len(parts) + sum(len(part) for part in parts))  # type: ignore[arg-type]
