"""format's %t/%T date/time conversions of a long (expected values printed by Java 17's Formatter)."""

from __future__ import annotations

import time

import pytest

from panc.builtins import BuiltinError
from panc.builtins.formatting import java_format
from panc.evaluation.values import NULL

LONG_MAX = 2**63 - 1
LONG_MIN = -(2**63)


@pytest.fixture(name="zone")
def _zone(monkeypatch):
    """Switch the process's local time zone (as TZ does for the JVM), restored afterwards."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


ALL = ("%tz %1$tZ %1$ts %1$tQ %1$tN %1$tj %1$te %1$tl %1$tk %1$tp %1$Tp %1$tr %1$tD %1$tF %1$tR %1$tT "
       "%1$tC %1$ty %1$th %1$tA %1$ta %1$tB")


@pytest.mark.parametrize(
    ("fmt", "millis", "expected"),
    [
        ("%tY", 0, "1970"),
        ("%tc", 0, "Thu Jan 01 00:00:00 UTC 1970"),
        ("%Tc", 1700000000123, "TUE NOV 14 22:13:20 UTC 2023"),
        (ALL, 1700000000123, "+0000 UTC 1700000000 1700000000123 123000000 318 14 10 22 pm PM 10:13:20 PM "
                             "11/14/23 2023-11-14 22:13 22:13:20 20 23 Nov Tuesday Tue November"),
        ("%-8tY|", 0, "1970    |"),
        ("%ts", -1500, "-1"),  # Java divides toward zero
        ("%tl", 43200000, "12"),
        # Julian calendar before 15 October 1582; era years before year 1
        ("%tc", -12219292800001, "Thu Oct 04 23:59:59 UTC 1582"),
        ("%Tc", -62135596800001, "SUN JAN 02 23:59:59 UTC 0001"),
        ("%tc", LONG_MAX, "Sun Aug 17 07:12:55 UTC 292278994"),
        ("%tc", LONG_MIN, "Sun Dec 02 16:47:04 UTC 292269055"),
    ],
)
def test_date_time_in_utc(zone, fmt: str, millis: int, expected: str) -> None:
    zone("UTC")
    assert java_format(fmt, [millis]) == expected


def test_day_of_year_across_the_calendar_change(zone) -> None:
    zone("UTC")
    assert java_format("%tF %1$tj", [-588581535220]) == "1951-05-08 128"
    assert java_format("%tF %1$tj", [-12150066426779]) == "1584-12-24 359"
    # 1582 lost ten days: 4 October (Julian) was followed by 15 October (Gregorian)
    assert java_format("%tF %1$tj", [-12219292800001]) == "1582-10-04 277"
    assert java_format("%tF %1$tj", [-12219292800000]) == "1582-10-15 278"


def test_zone_rules_as_javas_time_zone(zone) -> None:
    zone("Europe/Paris")
    # before 1900: the zone's present standard offset, no local mean time
    assert java_format("%tc %1$tz", [-2564216118121]) == "Fri Sep 28 14:44:41 CET 1888 +0100"
    # from 1900: the historical offset (Paris mean time, +0:09:21), under the present name
    assert java_format("%tc %1$tz", [-2208988800000]) == "Mon Jan 01 00:09:21 CET 1900 +0009"
    assert java_format("%tc %1$tz", [1700000000123]) == "Tue Nov 14 23:13:20 CET 2023 +0100"
    assert java_format("%tc %1$tz", [1690000000000]) == "Sat Jul 22 06:26:40 CEST 2023 +0200"
    # the last rule holds in the far future, except in the calendar's very last year
    assert java_format("%tc", [LONG_MAX - 86400000 * 365]) == "Sat Aug 17 09:12:55 CEST 292278993"
    assert java_format("%tc", [LONG_MAX]) == "Sun Aug 17 08:12:55 CET 292278994"
    zone("Asia/Kolkata")
    assert java_format("%tc %1$tz", [-2208988800000]) == "Mon Jan 01 05:21:10 IST 1900 +0521"


def test_null_prints_null(zone) -> None:
    zone("UTC")
    assert java_format("%tY|%TB", [NULL, NULL]) == "null|NULL"


@pytest.mark.parametrize(
    ("fmt", "arg", "message"),
    [
        ("%.2tY", 0, "IllegalFormatPrecisionException: 2"),
        ("%#tY", 0, "FormatFlagsConversionMismatchException: Conversion = Y, Flags = #"),
        ("%,tY", 0, "FormatFlagsConversionMismatchException: Conversion = Y, Flags = ,"),
        ("%08tY", 0, "FormatFlagsConversionMismatchException: Conversion = Y, Flags = 0"),
        ("%tX", 0, "UnknownFormatConversionException: Conversion = 'tX'"),
        ("%Tq", 0, "UnknownFormatConversionException: Conversion = 'tq'"),
        ("%-tY", 0, "MissingFormatWidthException: %-tY"),
        ("%-Td", 0, "MissingFormatWidthException: %-TD"),
        ("%tY", 1.5, "IllegalFormatConversionException: Y != java.lang.Double"),
        ("%tY", "x", "IllegalFormatConversionException: Y != java.lang.String"),
    ],
)
def test_errors_as_java_reports_them(fmt: str, arg: object, message: str) -> None:
    with pytest.raises(BuiltinError) as raised:
        java_format(fmt, [arg])
    detail = message.split(": ", 1)[1]  # panc prints the exception's message without its class
    assert raised.value.message == f"invalid format specification or mismatched types in format(): {detail}"
