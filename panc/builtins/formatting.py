"""``format``: Java's ``String.format`` (``java.util.Formatter``) over pan values.

``java_format`` is also what ``error()`` and ``debug()`` use for their format strings. Pan
values reach the formatter as Java objects would: longs as ``Long``, doubles as ``Double``,
strings, booleans, and resources as elements whose text is their ``to_string``. A mistake
Java reports with an exception (``%d`` of a string, a missing argument, a bad flag) is a
``BuiltinError``: ``invalid format specification or mismatched types in format(): ...``.

Supported conversions: ``b B h H s S c C d o x X e E f g G a A % n`` with flags
``-#+ 0,(<``, width, precision and argument indices (``%2$s``), and the date/time ones
``%tY``, ``%Tc``... of a long (milliseconds since the epoch; ``panc.builtins.date_time_format``).
Numbers are formatted as Java does, e.g. ``%.1f`` of 0.25 is ``0.3`` (half-up rounding of the
shortest decimal form) and ``%x`` of -1 is ``ffffffffffffffff``.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import functools
import math
import re
import struct
from decimal import ROUND_HALF_UP, Context, Decimal

from panc.builtins.date_time_format import CONVERSIONS as DATE_TIME_CONVERSIONS
from panc.builtins.date_time_format import format_date_time
from panc.builtins.registry import BuiltinError, builtin
from panc.builtins.strings import from_units, to_units
from panc.evaluation.java_double import java_decimal_digits
from panc.evaluation.memory import check_growth
from panc.evaluation.values import NULL, UNDEF, Value, java_length, java_to_string

_SPEC = re.compile(r"%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])")
_CONVERSIONS = set("bBhHsScCdoxXeEfgGaA%n")


class _FormatError(Exception):
    """What Java's Formatter would throw; the message names the exception as Java does."""


def _java_class(value: Value) -> str:
    t = type(value)
    if t is bool:
        return "java.lang.Boolean"
    if t is int:
        return "java.lang.Long"
    if t is float:
        return "java.lang.Double"
    if t is str:
        return "java.lang.String"
    if t is list:
        return "org.quattor.pan.dml.data.ListResource"
    if t is dict:
        return "org.quattor.pan.dml.data.HashResource"
    return "org.quattor.pan.dml.data.Undef"


_ORDINARY = -1  # a specifier without index takes the next argument
_RELATIVE = -2  # '<': the same argument as the previous specifier


_INT_MAX = 2**31 - 1
_NOT_AN_INT = "-2147483648"
"""Java's message for a width or precision beyond an int (its exception holds Integer.MIN_VALUE)."""
_INDEX_NOT_AN_INT = "Format argument index: (not representable as int)"


def _java_int(digits: str, overflow: str) -> int:
    """A width, precision or index as Java's Formatter reads it (an int, or the error ``overflow``)."""
    value = int(digits) if len(digits) <= len(str(_INT_MAX)) else _INT_MAX + 1
    if value > _INT_MAX:
        raise _FormatError(overflow)
    return value


class _Spec:
    """One parsed ``%...`` specifier."""

    def __init__(self, match: re.Match[str]) -> None:
        self.text = match.group(0)
        self.flags = match.group(2) or ""
        self.width = _java_int(match.group(3), _NOT_AN_INT) if match.group(3) else -1
        self.precision = _java_int(match.group(4)[1:], _NOT_AN_INT) if match.group(4) else -1
        self.conversion = match.group(5) or match.group(6)
        self.date = match.group(6) if match.group(5) else None
        """The date/time conversion after ``t``/``T`` (``Y`` of ``%tY``), else ``None``."""
        self.upper = self.conversion.isupper() and self.conversion != "%"
        self.index = _ORDINARY
        self.plain = not self.flags and self.width == -1 and self.precision == -1
        check_growth(max(self.width, self.precision))  # what a number or padding of that size takes
        for flag in self.flags:
            if self.flags.count(flag) > 1:
                raise _FormatError(f"Flags = '{flag}'")

    def check_date_time(self) -> None:
        """Java's checks of a ``%t``/``%T`` specifier, in its order."""
        self.no_precision()
        if self.date not in DATE_TIME_CONVERSIONS:
            raise _FormatError(f"Conversion = 't{self.date}'")
        for flag in "#+ 0,(":
            if flag in self.flags:
                raise _FormatError(
                    f"Conversion = {self.date}, Flags = {flag}"
                )
        if self.has("-") and self.width == -1:
            # Java prints the specifier back with the letter of %T in upper case
            shown = self.text[:-1] + self.text[-1].upper() if self.upper else self.text
            raise _FormatError(f"{shown}")

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def forbid(self, flags: str) -> None:
        for flag in flags:
            if flag in self.flags:
                raise _FormatError(
                    f"Conversion = {self.conversion}, Flags = {flag}"
                )

    def check_width_flags(self) -> None:
        if (self.has("-") or self.has("0")) and self.width == -1:
            raise _FormatError(f"{self.text}")
        if self.has("+") and self.has(" "):
            raise _FormatError(f"Flags = '{self.flags}'")
        if self.has("-") and self.has("0"):
            raise _FormatError(f"Flags = '{self.flags}'")

    def no_precision(self) -> None:
        if self.precision != -1:
            raise _FormatError(f"{self.precision}")

    def justify(self, text: str) -> str:
        """``text`` padded to the width, counted in UTF-16 units as Java counts it."""
        length = java_length(text)
        if self.width <= length:
            return text
        padding = " " * (self.width - length)
        return text + padding if self.has("-") else padding + text


def _group(digits: str) -> str:
    """US grouping of an integer digit string: 1234567 -> 1,234,567."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ",".join(parts)


def _signed(spec: _Spec, negative: bool, magnitude: str) -> str:
    """Apply sign flags and zero padding to a formatted magnitude, as Java's Formatter does."""
    if negative:
        prefix, suffix = ("(", ")") if spec.has("(") else ("-", "")
    else:
        prefix, suffix = ("+" if spec.has("+") else " " if spec.has(" ") else ""), ""
    if spec.has("0"):
        room = spec.width - len(prefix) - len(suffix) - len(magnitude)
        if room > 0:
            magnitude = "0" * room + magnitude
    return prefix + magnitude + suffix


def _format_integer(spec: _Spec, value: Value) -> str:
    if type(value) is not int:
        raise _FormatError(f"{spec.conversion} != {_java_class(value)}")
    spec.no_precision()
    conversion = spec.conversion.lower()
    if conversion == "d":
        spec.forbid("#")
        digits = str(abs(value))
        if spec.has(","):
            digits = _group(digits)
        return _signed(spec, value < 0, digits)
    spec.forbid(",")
    spec.forbid("( +")
    unsigned = value & 0xFFFFFFFFFFFFFFFF
    digits = format(unsigned, "o" if conversion == "o" else "x")
    prefix = ("0" if conversion == "o" else "0x") if spec.has("#") else ""
    if spec.has("0"):
        digits = digits.rjust(spec.width - len(prefix), "0")
    return prefix + digits


def _decimal(value: float) -> Decimal:
    """``|value|`` with the digits Java's Formatter starts from before rounding half-up."""
    if value == 0 or math.isnan(value) or math.isinf(value):
        return Decimal(0)
    digits, exponent = java_decimal_digits(value, compatible=False)
    return Decimal(f"0.{digits}E{exponent}")


def _context(precision: int) -> Context:
    """Enough digits for any double (up to 1.8e308) at the requested precision."""
    return Context(prec=400 + precision, rounding=ROUND_HALF_UP)


def _fixed(value: float, precision: int, alternate: bool, grouping: bool) -> str:
    rounded = _decimal(value).quantize(Decimal(1).scaleb(-precision), context=_context(precision))
    text = f"{rounded:f}"
    whole, _, fraction = text.partition(".")
    if grouping:
        whole = _group(whole)
    if precision == 0:
        return whole + ("." if alternate else "")
    return f"{whole}.{fraction}"


def _scientific(value: float, precision: int, alternate: bool) -> str:
    number = _decimal(value)
    if number == 0:
        mantissa, exponent = Decimal(0), 0
    else:
        step = Decimal(1).scaleb(-precision)
        context = _context(precision)
        exponent = number.adjusted()
        mantissa = number.scaleb(-exponent, context).quantize(step, context=context)
        if mantissa >= 10:  # rounding carried into a new digit: 9.99e1 -> 1.00e2
            exponent += 1
            mantissa = number.scaleb(-exponent, context).quantize(step, context=context)
    text = f"{mantissa:.{precision}f}"
    if precision == 0 and alternate:
        text += "."
    sign = "-" if exponent < 0 else "+"
    return f"{text}e{sign}{abs(exponent):02d}"


def _general(value: float, precision: int, grouping: bool) -> tuple[str, bool]:
    """``%g``: returns the text and whether it is in scientific form."""
    digits = 6 if precision == -1 else max(precision, 1)
    number = _decimal(value)
    if number == 0:
        return "0." + "0" * (digits - 1) if digits > 1 else "0", False
    rounded = number.quantize(Decimal(1).scaleb(number.adjusted() - digits + 1), context=_context(digits))
    exponent = rounded.adjusted()
    if -4 <= exponent < digits:
        return _fixed(value, digits - 1 - exponent, False, grouping), False
    return _scientific(value, digits - 1, False), True


def _hex_float(magnitude: float, digits: int) -> str:
    """Java's ``%a`` digits without the ``0x``: ``1.8p1``. ``digits`` 0 keeps every significant
    hex digit (``Double.toHexString``); 1..12 rounds the fraction half-even to that many."""
    if magnitude == 0:
        return "0." + "0" * max(digits, 1) + "p0"
    bits = struct.unpack(">Q", struct.pack(">d", magnitude))[0]
    exponent = (bits >> 52) & 0x7FF
    fraction = bits & ((1 << 52) - 1)
    lead = 1
    if exponent == 0 and 0 < digits < 13:  # Java normalizes subnormals when rounding
        size = fraction.bit_length()
        exponent = size - 1 - 1074
        fraction = (fraction << (53 - size)) & ((1 << 52) - 1)
    elif exponent == 0:  # subnormal, printed as 0x0.<fraction>p-1022
        lead, exponent = 0, -1022
    else:
        exponent -= 1023
    if 0 < digits < 13:
        dropped = 4 * (13 - digits)
        rounded = fraction >> dropped
        remainder = fraction & ((1 << dropped) - 1)
        half = 1 << (dropped - 1)
        if remainder > half or (remainder == half and rounded & 1):
            rounded += 1
        if rounded >= 16**digits:
            lead, rounded = lead + 1, 0
        return f"{lead}.{rounded:0{digits}x}p{exponent}"
    text = f"{fraction:013x}".rstrip("0") or "0"
    return f"{lead}.{text.ljust(digits, '0')}p{exponent}"


def _format_float(spec: _Spec, value: Value) -> str:
    if type(value) is not float:
        raise _FormatError(f"{spec.conversion} != {_java_class(value)}")
    conversion = spec.conversion.lower()
    if conversion == "e":
        spec.forbid(",")
    elif conversion == "g":
        spec.forbid("#")
    elif conversion == "a":
        spec.forbid(",(")
    negative = math.copysign(1.0, value) < 0 and not math.isnan(value)
    if math.isnan(value) or math.isinf(value):
        text = "NaN" if math.isnan(value) else "Infinity"
        if math.isnan(value):
            return spec.justify(text)
        if negative:
            text = f"({text})" if spec.has("(") else f"-{text}"
        elif spec.has("+") or spec.has(" "):
            text = ("+" if spec.has("+") else " ") + text
        return spec.justify(text)
    precision = 6 if spec.precision == -1 else spec.precision
    if conversion == "e":
        magnitude = _scientific(value, precision, spec.has("#"))
    elif conversion == "f":
        magnitude = _fixed(value, precision, spec.has("#"), spec.has(","))
    elif conversion == "g":
        magnitude, _ = _general(value, spec.precision, spec.has(","))
    else:
        digits = _hex_float(abs(value), 1 if spec.precision == 0 else max(spec.precision, 0))
        sign = "-" if negative else "+" if spec.has("+") else " " if spec.has(" ") else ""
        zeros = ""
        if spec.has("0"):
            zeros = "0" * (spec.width - len(digits) - (3 if sign else 2))
        return f"{sign}0x{zeros}{digits}"
    return _signed(spec, negative, magnitude)


def _hash_code(value: Value) -> int:
    """Java's ``hashCode`` of the object a pan value becomes."""
    t = type(value)
    if t is bool:
        return 1231 if value else 1237
    if t is int:
        return (value ^ ((value & 0xFFFFFFFFFFFFFFFF) >> 32)) & 0xFFFFFFFF
    if t is float:
        nan_bits = 0x7FF8000000000000  # Java's doubleToLongBits canonical NaN
        bits = nan_bits if math.isnan(value) else struct.unpack(">Q", struct.pack(">d", value))[0]
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    text = value if t is str else java_to_string(value)
    code = 0
    data = text.encode("utf-16-be", "surrogatepass")
    for i in range(0, len(data), 2):
        code = (code * 31 + int.from_bytes(data[i : i + 2], "big")) & 0xFFFFFFFF
    return code


def _format_one(spec: _Spec, value: Value) -> str:
    conversion = spec.conversion.lower()
    if spec.date is not None:
        if value is None:
            text = "null"
        elif type(value) is int:
            text = format_date_time(spec.date, value)
        else:  # a Long is the only pan value Java takes as a date
            raise _FormatError(f"{spec.date} != {_java_class(value)}")
    elif conversion in "bhs":  # Java's checkGeneral, in its order
        if conversion in "bh":
            spec.forbid("#")
        if spec.has("-") and spec.width == -1:
            raise _FormatError(spec.text)
        spec.forbid("+ 0,(")
        if spec.has("#"):  # '#' needs a java.util.Formattable argument
            raise _FormatError("Conversion = s, Flags = #")
        if value is None:
            text = "false" if conversion == "b" else "null"
        elif conversion == "b":
            text = ("true" if value else "false") if type(value) is bool else "true"
        elif conversion == "h":
            text = format(_hash_code(value), "x")
        else:
            text = java_to_string(value)
        if spec.precision != -1 and spec.precision < java_length(text):
            text = from_units(to_units(text)[: spec.precision])  # Java's substring: UTF-16 units
    elif conversion == "c":
        spec.check_width_flags()
        spec.no_precision()
        spec.forbid("#+ 0,(")
        if value is not None:  # Java only takes Character, Byte, Short, Integer
            raise _FormatError(f"c != {_java_class(value)}")
        text = "null"
    else:
        spec.check_width_flags()
        if value is None:
            text = "null"
        elif conversion in "dox":
            text = _format_integer(spec, value)
        else:
            text = _format_float(spec, value)
    if spec.upper:
        text = text.upper()
    return spec.justify(text)


def _java_argument(value: Value) -> Value:
    if value is NULL:
        return None
    if value is UNDEF:
        return "undef"
    return value


def java_format_values(fmt: str, args: list[Value]) -> str:
    """panc's ``Formatter.format``: resources are given as their ``toString``, undef and null
    are refused; ``BuiltinError`` on Java's formatting errors."""
    converted: list[Value] = []
    for arg in args:
        if type(arg) is list or type(arg) is dict:
            converted.append(java_to_string(arg))
        elif arg is UNDEF or arg is NULL:
            raise BuiltinError("all arguments to format() must be primitive types")
        else:
            converted.append(arg)
    return java_format(fmt, converted)


def java_format(fmt: str, args: list[Value], function: str = "format") -> str:
    """Format ``args`` with the Java format string ``fmt``; ``BuiltinError`` on Java's errors."""
    try:
        return _java_format(fmt, [_java_argument(arg) for arg in args])
    except _FormatError as error:
        raise BuiltinError(
            f"invalid format specification or mismatched types in {function}(): {error}"
        ) from None


@functools.lru_cache(maxsize=1024)
def _parse(fmt: str) -> tuple[str | _Spec, ...]:
    """The literal texts and specifiers of ``fmt``, checked as Java's parser does."""
    items: list[str | _Spec] = []
    position = 0
    while position < len(fmt):
        percent = fmt.find("%", position)
        if percent < 0:
            items.append(fmt[position:])
            break
        if percent > position:
            items.append(fmt[position:percent])
        found = _SPEC.match(fmt, percent)
        if found is None:
            bad = fmt[percent + 1] if percent + 1 < len(fmt) else "%"
            raise _FormatError(f"Conversion = '{bad}'")
        position = found.end()
        spec = _Spec(found)
        if spec.date is not None:
            spec.check_date_time()
        elif spec.conversion not in _CONVERSIONS:
            raise _FormatError(f"Conversion = '{spec.conversion}'")
        if spec.conversion == "n":
            if spec.width != -1:
                raise _FormatError(f"{spec.width}")
            if spec.precision != -1:
                raise _FormatError(f"{spec.precision}")
            if spec.flags:
                raise _FormatError(f"Flags = '{spec.flags}'")
            items.append("\n")
            continue
        if spec.conversion == "%":
            spec.no_precision()
            if spec.has("-") and spec.width == -1:
                raise _FormatError(f"{spec.text}")
            spec.forbid("#+ 0,(<")
            items.append(spec.justify("%"))
            continue
        if found.group(1):
            spec.index = _java_int(found.group(1)[:-1], _INDEX_NOT_AN_INT) - 1
            if spec.index < 0:
                raise _FormatError(f"{found.group(1)}")
        elif spec.has("<"):
            spec.index = _RELATIVE
        spec.flags = spec.flags.replace("<", "")
        items.append(spec)
    return tuple(items)


def _java_format(fmt: str, args: list[Value]) -> str:
    out: list[str] = []
    ordinary = 0
    last = -1
    for item in _parse(fmt):
        if type(item) is str:
            out.append(item)
            continue
        spec = item
        index = spec.index
        if index == _ORDINARY:
            index = ordinary
            ordinary += 1
        elif index == _RELATIVE:
            index = last
            if index < 0:
                raise _FormatError(f"Format specifier '{spec.text}'")
        if index >= len(args):
            raise _FormatError(f"Format specifier '{spec.text}'")
        last = index
        value = args[index]
        if spec.plain and (spec.conversion == "s" or (spec.conversion == "d" and type(value) is int)):
            out.append(java_to_string(value) if value is not None else "null")
        else:
            out.append(_format_one(spec, value))
    return "".join(out)


@builtin(
    "format",
    min_args=1,
    signature="format(fmt, param, ...)",
    arity_message="first argument of format() must be a string",
)
def pan_format(args: list[Value]) -> str:
    """Return ``fmt`` with its format specifiers replaced by the parameters, like C's
    ``printf``; the syntax is Java's ``String.format``: ``%s`` (any value; resources as with
    ``to_string``), ``%d`` (long), ``%x``/``%o`` (long in hex/octal), ``%f``/``%e``/``%g``
    (double), ``%b``, ``%%`` and ``%n``, ``%tF``/``%tT``/``%tc``... (a long of milliseconds since
    the epoch as a local date and time), with flags ``-+ 0,(#``, width, precision and argument
    indices (``%2$s``). ``format("%s has %d items", "list", 3)`` is ``"list has 3 items"`` and
    ``format("%05.1f|%-3s|%x", 3.14159, "a", 255)`` is ``"003.1|a  |ff"``."""
    fmt = args[0]
    if type(fmt) is not str:
        raise BuiltinError("first argument to format() must be a string")
    return java_format_values(fmt, args[1:])
