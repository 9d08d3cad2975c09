"""``format``'s date/time conversions (``%tY``, ``%Tc``...) as Java's ``Formatter`` prints them.

A pan value reaches them as a ``Long``, which Java takes as milliseconds since the epoch in the
default time zone (that of the machine: ``TZ`` or ``/etc/localtime``, as for the JVM) on a
``GregorianCalendar``: Julian dates before 15 October 1582, era years before year 1 (``%tY`` of
a date in 44 BC is ``0044``), any ``long`` (up to the year 292,278,994). Names are English.
"""

from __future__ import annotations

import time

CONVERSIONS = frozenset("HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc")
"""The characters Java accepts after ``t``/``T``."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_DAY_MS = 86_400_000
# 15 October 1582, GregorianCalendar's default cut-over, in days since 1 January 1970
_GREGORIAN_CUTOVER_DAY = -141_427
_JAVA_ZONE_HISTORY_START = -2_208_988_800  # 1900-01-01T00:00Z, in seconds
_LAST_LOCAL_TIME = 2**34  # the year 2514: rules of time zones are only known for decades ahead
_GREGORIAN_CYCLE_SECONDS = 146_097 * 86_400
_COMPOSITES = {
    "R": "HM",
    "T": "HMS",
    "r": "IMSp",
    "D": "mdy",
    "F": "Ymd",
}


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


def _field(fields: _Fields, conversion: str) -> str:  # pylint: disable=too-many-return-statements,too-many-branches
    if conversion in _COMPOSITES:
        separator = "/" if conversion == "D" else "-" if conversion == "F" else ":"
        parts = [_field(fields, c) for c in _COMPOSITES[conversion]]
        if conversion == "r":
            return ":".join(parts[:3]) + " " + parts[3].upper()
        return separator.join(parts)
    if conversion == "c":
        return (f"{_field(fields, 'a')} {_field(fields, 'b')} {_field(fields, 'd')} {_field(fields, 'T')} "
                f"{fields.zone} {_field(fields, 'Y')}")
    if conversion in "HkIl":
        hour = fields.hour if conversion in "Hk" else (fields.hour % 12 or 12)
        return f"{hour:02d}" if conversion in "HI" else str(hour)
    if conversion == "M":
        return f"{fields.minute:02d}"
    if conversion == "S":
        return f"{fields.second:02d}"
    if conversion == "L":
        return f"{fields.milli:03d}"
    if conversion == "N":
        return f"{fields.milli * 1_000_000:09d}"
    if conversion == "p":
        return "am" if fields.hour < 12 else "pm"
    if conversion == "z":
        minutes = abs(fields.offset_ms) // 60_000
        sign = "-" if fields.offset_ms < 0 else "+"
        return f"{sign}{minutes // 60 * 100 + minutes % 60:04d}"
    if conversion == "Z":
        return fields.zone
    if conversion == "Q":
        return str(fields.millis)
    if conversion == "s":
        seconds = abs(fields.millis) // 1000  # Java divides toward zero: -1500 ms is -1 s
        return str(-seconds if fields.millis < 0 else seconds)
    if conversion in "Bbh":
        name = _MONTHS[fields.month - 1]
        return name if conversion == "B" else name[:3]
    if conversion in "Aa":
        name = _WEEKDAYS[fields.weekday]
        return name if conversion == "A" else name[:3]
    if conversion == "C":
        return f"{fields.year // 100:02d}"
    if conversion == "Y":
        return f"{fields.year:04d}"
    if conversion == "y":
        return f"{fields.year % 100:02d}"
    if conversion == "j":
        return f"{fields.day_of_year:03d}"
    if conversion == "m":
        return f"{fields.month:02d}"
    if conversion == "d":
        return f"{fields.day:02d}"
    return str(fields.day)  # "e"


def format_date_time(conversion: str, millis: int) -> str:
    """The text of ``%t<conversion>`` for a ``Long`` (before upper-casing and justification)."""
    return _field(_Fields(millis), conversion)
