"""format: Java's String.format (expected values checked against Java 17's Formatter)."""

from __future__ import annotations

import math

import pytest
from builtin_calls import call, fails

from panc.builtins import BuiltinError
from panc.builtins.formatting import java_format
from panc.evaluation.values import NULL


@pytest.mark.parametrize(
    ("fmt", "args", "expected"),
    [
        ("%d", [5], "5"),
        ("%5d|%-5d|", [-5, 5], "   -5|5    |"),
        ("%05d", [-5], "-0005"),
        ("%+d % d", [5, 5], "+5  5"),
        ("%,d", [-1234567], "-1,234,567"),
        ("%(d", [-5], "(5)"),
        ("%,010d", [1234], "000001,234"),
        ("%+,(12d", [-1234567], " (1,234,567)"),
        ("%x %X %#x %08x", [255, 255, 255, 255], "ff FF 0xff 000000ff"),
        ("%x", [-1], "ffffffffffffffff"),
        ("%o %#o", [8, 8], "10 010"),
        ("%d", [-(2**63)], "-9223372036854775808"),
    ],
)
def test_integers(fmt: str, args: list, expected: str) -> None:
    assert java_format(fmt, args) == expected


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("%f", 0.25, "0.250000"),
        ("%.1f", 0.25, "0.3"),  # half-up on the shortest decimal form, unlike C
        ("%.2f", 1.005, "1.01"),
        ("%.0f", 2.5, "3"),
        ("%#.0f", 2.5, "3."),
        ("%10.3f|%-10.3f|", -3.14159, "    -3.142|-3.142    |"),
        ("%010.3f", -3.14159, "-00003.142"),
        ("%(f", -3.14159, "(3.141590)"),
        ("%,.2f", 123456.789, "123,456.79"),
        ("%f", 1e100, "1" + "0" * 100 + ".000000"),
        ("%f", -0.0, "-0.000000"),
        ("%e", 1e10, "1.000000e+10"),
        ("%.0e", 1e10, "1e+10"),
        ("%#.0e", 1e10, "1.e+10"),
        ("%.3E", 0.0001, "1.000E-04"),
        ("%e", 9.9999995, "1.000000e+01"),
        ("%012.4e", -3.14159, "-03.1416e+00"),
        ("%e", 1e100, "1.000000e+100"),
        ("%g", 0.0001, "0.000100000"),
        ("%g", 0.00001, "1.00000e-05"),
        ("%g", 123456.789, "123457"),
        ("%g", 999999.5, "1.00000e+06"),
        ("%.3g", 1e10, "1.00e+10"),
        ("%g", 0.0, "0.00000"),
        ("%G", 1e-5, "1.00000E-05"),
        ("%a", 1.0, "0x1.0p0"),
        ("%a", 0.1, "0x1.999999999999ap-4"),
        ("%.3a", 0.1, "0x1.99ap-4"),
        ("%A", -2.5, "-0X1.4P1"),
        ("%s", 1e10, "1.0E10"),
        ("%.3s", 3.14159, "3.1"),
        ("%f %e", math.inf, "Infinity Infinity"),
        ("%(f|%+f|%08f", -math.inf, "(Infinity)|-Infinity|-Infinity"),
        ("%f", math.nan, "NaN"),
        ("%e", 5e-324, "4.900000e-324"),  # Java's digits of the smallest double are 49
        ("%.3g", 1e23, "1.00e+23"),
        ("%.17e", 1e23, "9.99999999999999900e+22"),
    ],
)
def test_doubles(fmt: str, value: float, expected: str) -> None:
    count = fmt.count("%")
    assert java_format(fmt, [value] * count) == expected


@pytest.mark.parametrize(
    ("fmt", "args", "expected"),
    [
        ("%s", ["abc"], "abc"),
        ("%S", ["héllo"], "HÉLLO"),
        ("%10s|%-10s|", ["abc", "abc"], "       abc|abc       |"),
        ("%.2s", ["abc"], "ab"),
        ("%5.1s|", ["abc"], "    a|"),
        ("%b %B %b", [True, False, "x"], "true FALSE true"),
        ("%b", [NULL], "false"),
        ("%s", [NULL], "null"),
        ("%h", ["abc"], "17862"),
        ("%H", [True], "4CF"),
        ("%h", [-5], "4"),
        ("%h", [1.5], "3ff80000"),
        ("%s", [{"entry1": 1, "entry2": 2}], "{ entry1, 1, entry2, 2 }"),
        ("%s", [[1.15, 1.1]], "[ 1.15, 1.1 ]"),
        ("%s %s", [True, 3], "true 3"),
        ("%%|%5%|%-5%|%n", [], "%|    %|%    |\n"),
        ("%2$s %1$s", ["a", "b"], "b a"),
        ("%s %<s %s", ["a", "b"], "a a b"),
        ("%1$s %s %s", ["a", "b"], "a a b"),
        ("%s", ["a", "extra"], "a"),
        ("plain", [], "plain"),
        ("wrong number (%d) of elements in ARGC", [2], "wrong number (2) of elements in ARGC"),
    ],
)
def test_general_conversions(fmt: str, args: list, expected: str) -> None:
    assert java_format(fmt, args) == expected


@pytest.mark.parametrize(
    ("fmt", "args", "exception"),
    [
        # a resource argument is given to Java's format as its toString (panc's Formatter)
        ("%d", [{"a": 1}], "IllegalFormatConversionException: d != java.lang.String"),
        ("%x", ["BAD"], "IllegalFormatConversionException: x != java.lang.String"),
        ("%x%x", [1], "MissingFormatArgumentException: Format specifier '%x'"),
        ("%f", [1], "IllegalFormatConversionException: f != java.lang.Long"),
        ("%d", [1.5], "IllegalFormatConversionException: d != java.lang.Double"),
        ("%c", [65], "IllegalFormatConversionException: c != java.lang.Long"),
        ("%q", [1], "UnknownFormatConversionException: Conversion = 'q'"),
        ("abc%", [], "UnknownFormatConversionException: Conversion = '%'"),
        ("%.2d", [1], "IllegalFormatPrecisionException: 2"),
        ("%#d", [1], "FormatFlagsConversionMismatchException: Conversion = d, Flags = #"),
        ("%+x", [1], "FormatFlagsConversionMismatchException: Conversion = x, Flags = +"),
        ("%,x", [1], "FormatFlagsConversionMismatchException: Conversion = x, Flags = ,"),
        ("%,e", [1.0], "FormatFlagsConversionMismatchException: Conversion = e, Flags = ,"),
        ("%#g", [1.0], "FormatFlagsConversionMismatchException: Conversion = g, Flags = #"),
        ("%#s", ["a"], "FormatFlagsConversionMismatchException: Conversion = s, Flags = #"),
        ("%-d", [1], "MissingFormatWidthException: %-d"),
        ("%0d", [1], "MissingFormatWidthException: %0d"),
        ("%+ d", [1], "IllegalFormatFlagsException: Flags = '+ '"),
        ("%-05d", [1], "IllegalFormatFlagsException: Flags = '-0'"),
        ("%,,d", [1], "DuplicateFormatFlagsException: Flags = ','"),
        ("%5n", [], "IllegalFormatWidthException: 5"),
        ("%3$s", ["a"], "MissingFormatArgumentException: Format specifier '%3$s'"),
        ("%<s", ["a"], "MissingFormatArgumentException: Format specifier '%<s'"),
    ],
)
def test_errors_give_the_java_exceptions_message(fmt: str, args: list, exception: str) -> None:
    # panc prints the exception's getLocalizedMessage(), without its class (bi-format: fmt_e*)
    message = fails("format", fmt, *args)
    detail = exception.split(": ", 1)[1]
    assert message == f"invalid format specification or mismatched types in format(): {detail}"


def test_format_builtin_and_function_name_in_messages() -> None:
    assert call("format", "%x", 15) == "f"  # format2
    assert call("format", "%X", 15) == "F"  # format3
    with pytest.raises(BuiltinError) as caught:
        java_format("%d", ["x"], "error")
    assert "mismatched types in error():" in caught.value.message
    assert fails("format", 1) == "first argument to format() must be a string"
