"""String builtins: ``substr``, ``to_lowercase``, ``to_uppercase``, ``join``.

Java strings count UTF-16 code units, so lengths and positions given to or returned by pan
functions do too: a character outside the Basic Multilingual Plane counts as two. The helpers
here convert when (rarely) such a character is present; plain strings take the fast path.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.arguments import expect_long, expect_string
from panc.builtins.registry import BuiltinError, builtin
from panc.diagnostics import PanSyntaxError
from panc.evaluation.control import not_constant
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


INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def java_int(value: int, message: str) -> int:
    """``value`` as a Java ``int`` (an index): out of range, ``message`` followed by the value."""
    if not INT_MIN <= value <= INT_MAX:
        raise BuiltinError(f"{message}{value}")
    return value


@builtin("substr", min_args=2, max_args=3, signature="substr(target, start[, length])",
         arity_message="substr() must have two or three arguments")
def substr(args: list[Value]) -> str:
    """Return the part of ``target`` that begins at ``start`` (counting from 0) and is ``length``
    characters long, or runs to the end when ``length`` is omitted. A negative ``start`` counts
    from the end of the string; a negative ``length`` leaves that many characters off the end:
    ``substr("abcdef", 1, -1)`` is ``"bcde"`` and ``substr("abcdef", -4, 1)`` is ``"c"``."""
    units = to_units(expect_string(args[0], "first argument to substr() must be a string"))
    start = expect_long(args[1], "second argument to substr() must be a long")
    start = java_int(start, "second argument to substr() cannot be converted to int: ")
    if start < 0:
        start += len(units)
    if start > len(units):
        raise BuiltinError("start index in substr() is greater than the string length")
    if start < 0:
        raise BuiltinError("start index in substr() is less than zero")
    end = len(units)
    if len(args) > 2:
        count = expect_long(args[2], "second and optional third arguments to substr() must be longs")
        count = java_int(count, "third argument to substr() cannot be converted to int: ")
        end = start + count if count >= 0 else len(units) + count
        if end > len(units):
            raise BuiltinError("end index in substr() is greater than the string length")
        if end < 0:
            raise BuiltinError("end index in substr() is less than zero")
        if end < start:
            raise BuiltinError("start index is after ending index in substr()")
    return from_units(units[start:end])


@builtin("to_lowercase", min_args=1, max_args=1, signature="to_lowercase(target)",
         arity_message="to_lowercase() requires exactly one string argument")
def to_lowercase(args: list[Value]) -> str:
    """Return ``target`` with every uppercase letter converted to lowercase. The conversion uses
    the United States locale, so the result does not depend on the machine's locale."""
    return expect_string(args[0], "invalid argument to to_lowercase(); string required").lower()


@builtin("to_uppercase", min_args=1, max_args=1, signature="to_uppercase(target)",
         arity_message="to_uppercase() requires exactly one string argument")
def to_uppercase(args: list[Value]) -> str:
    """Return ``target`` with every lowercase letter converted to uppercase. The conversion uses
    the United States locale, so the result does not depend on the machine's locale."""
    return expect_string(args[0], "invalid argument to to_uppercase(); string required").upper()


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
        return delimiter.join(parts)
    for part in args[1:]:
        if type(part) is list:
            raise BuiltinError(
                "join() only accepts a single list as an argument or all the arguments individually"
            )
        if type(part) is not str:
            raise BuiltinError("join() only accepts strings or a list of strings as input arguments")
    return delimiter.join(args[1:])
