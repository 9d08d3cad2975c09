"""``format``'s date/time conversions (``%tY``, ``%Tc``...) as Java's ``Formatter`` prints them.

A pan value reaches them as a ``Long``, which Java takes as milliseconds since the epoch in the
default time zone (that of the machine: ``TZ`` or ``/etc/localtime``, as for the JVM) on a
``GregorianCalendar``: Julian dates before 15 October 1582, era years before year 1 (``%tY`` of
a date in 44 BC is ``0044``), any ``long`` (up to the year 292,278,994). Names are English.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_DAY_MS = 86_400_000
# 15 October 1582, GregorianCalendar's default cut-over, in days since 1 January 1970
_GREGORIAN_CUTOVER_DAY = -141_427
_JAVA_ZONE_HISTORY_START = -2_208_988_800  # 1900-01-01T00:00Z, in seconds
_LAST_LOCAL_TIME = 2**34  # the year 2514: rules of time zones are only known for decades ahead
_GREGORIAN_CYCLE_SECONDS = 146_097 * 86_400


class _Fields:
    """The calendar fields of one instant in the local time zone."""

    def __init__(self, millis: int) -> None:
        self.millis = millis
        self.offset_ms, self.zone = _local_zone(millis)
        local = millis + self.offset_ms
        days, in_day = divmod(local, _DAY_MS)
        self.hour, rest = divmod(in_day, 3_600_000)
        self.minute, rest = divmod(rest, 60_000)
        self.second, self.milli = divmod(rest, 1000)
        self.weekday = (days + 4) % 7  # 1 January 1970 was a Thursday
        civil = _gregorian if days >= _GREGORIAN_CUTOVER_DAY else _julian
        year, self.month, self.day = civil(days)
        # 1 January of the cut-over year (1582) is still a Julian date
        first_day = _days_of(year, 1, 1, gregorian=True)
        if first_day < _GREGORIAN_CUTOVER_DAY:
            first_day = _days_of(year, 1, 1, gregorian=False)
        self.day_of_year = days - first_day + 1
        self.year = year if year > 0 else 1 - year  # era year (BC)


def _local_zone(millis: int) -> tuple[int, str]:
    """The local offset (DST included) in ms at ``millis`` and the name Java gives the zone.

    As Java's ``TimeZone``: the zone's historical offsets from 1900 on and its present
    standard offset before (no local mean time); the name is the zone's present short name,
    for daylight saving time or not (``CET``/``CEST``), never a historical one.
    """
    seconds = millis // 1000
    # and, in the last year a GregorianCalendar holds (292,278,994), no daylight saving time
    if seconds < _JAVA_ZONE_HISTORY_START or seconds >= _LAST_CALENDAR_YEAR_START:
        return -time.timezone * 1000, time.tzname[0]
    if seconds > _LAST_LOCAL_TIME:
        # the zone's last rule repeats with the calendar, every 400 years: look 400k years back
        seconds -= (seconds - _LAST_LOCAL_TIME) // _GREGORIAN_CYCLE_SECONDS * _GREGORIAN_CYCLE_SECONDS
        seconds -= _GREGORIAN_CYCLE_SECONDS
    try:
        local = time.localtime(seconds)
    except (OverflowError, OSError, ValueError):
        return -time.timezone * 1000, time.tzname[0]
    return local.tm_gmtoff * 1000, time.tzname[1 if local.tm_isdst > 0 else 0]


def _gregorian(days: int) -> tuple[int, int, int]:
    """Year, month, day of a day count on the proleptic Gregorian calendar."""
    days += 719_468
    era, day_of_era = divmod(days, 146_097)
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    year = year_of_era + era * 400 + (month <= 2)
    return year, month, day


def _julian(days: int) -> tuple[int, int, int]:
    """Year, month, day of a day count on the Julian calendar."""
    c = days + 2_440_588 + 32_082  # the Julian day number, shifted to 4800 BC
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    return d - 4800 + m // 10, month, day


def _days_of(year: int, month: int, day: int, gregorian: bool) -> int:
    """Days since 1 January 1970 of a date on either calendar (the inverse of the above)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    number = day + (153 * m + 2) // 5 + 365 * y + y // 4
    number += -(y // 100) + y // 400 - 32_045 if gregorian else -32_083
    return number - 2_440_588


_LAST_CALENDAR_YEAR_START = _days_of(292_278_994, 1, 1, gregorian=True) * 86_400


def _seconds(fields: _Fields) -> str:
    seconds = abs(fields.millis) // 1000  # Java divides toward zero: -1500 ms is -1 s
    return str(-seconds if fields.millis < 0 else seconds)


def _offset(fields: _Fields) -> str:
    minutes = abs(fields.offset_ms) // 60_000
    sign = "-" if fields.offset_ms < 0 else "+"
    return f"{sign}{minutes // 60 * 100 + minutes % 60:04d}"


_FIELDS: dict[str, Callable[[_Fields], str]] = {
    "H": lambda f: f"{f.hour:02d}",
    "k": lambda f: str(f.hour),
    "I": lambda f: f"{f.hour % 12 or 12:02d}",
    "l": lambda f: str(f.hour % 12 or 12),
    "M": lambda f: f"{f.minute:02d}",
    "S": lambda f: f"{f.second:02d}",
    "L": lambda f: f"{f.milli:03d}",
    "N": lambda f: f"{f.milli * 1_000_000:09d}",
    "p": lambda f: "am" if f.hour < 12 else "pm",
    "z": _offset,
    "Z": lambda f: f.zone,
    "s": _seconds,
    "Q": lambda f: str(f.millis),
    "B": lambda f: _MONTHS[f.month - 1],
    "b": lambda f: _MONTHS[f.month - 1][:3],
    "h": lambda f: _MONTHS[f.month - 1][:3],
    "A": lambda f: _WEEKDAYS[f.weekday],
    "a": lambda f: _WEEKDAYS[f.weekday][:3],
    "C": lambda f: f"{f.year // 100:02d}",
    "Y": lambda f: f"{f.year:04d}",
    "y": lambda f: f"{f.year % 100:02d}",
    "j": lambda f: f"{f.day_of_year:03d}",
    "m": lambda f: f"{f.month:02d}",
    "d": lambda f: f"{f.day:02d}",
    "e": lambda f: str(f.day),
}
# The composite conversions, as Java defines them from the others
_COMPOSITES = {
    "R": "%tH:%tM",
    "T": "%tH:%tM:%tS",
    "r": "%tI:%tM:%tS %Tp",
    "D": "%tm/%td/%ty",
    "F": "%tY-%tm-%td",
    "c": "%ta %tb %td %tT %tZ %tY",
}
CONVERSIONS = frozenset(_FIELDS) | frozenset(_COMPOSITES)
"""The characters Java accepts after ``t``/``T``."""
_COMPOSITE_PART = re.compile(r"%([tT])(\w)")


def _field(fields: _Fields, conversion: str) -> str:
    composite = _COMPOSITES.get(conversion)
    if composite is None:
        return _FIELDS[conversion](fields)

    def part(match: re.Match[str]) -> str:
        text = _field(fields, match.group(2))
        return text.upper() if match.group(1) == "T" else text

    return _COMPOSITE_PART.sub(part, composite)


def format_date_time(conversion: str, millis: int) -> str:
    """The text of ``%t<conversion>`` for a ``Long`` (before upper-casing and justification)."""
    return _field(_Fields(millis), conversion)
