"""Decoding of literal tokens into pan values, with panc's compile-time checks.

Each decoder returns the value and, when the text is wrong, the message of the diagnostic
(``None`` when fine); the caller owns spans and categories.
"""

from __future__ import annotations

import re

from panc.values import LONG_MAX

_LONG_MAX_DIGITS = len(str(LONG_MAX))
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|\r\n|[\s\S])")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    "\\": "\\",
    '"': '"',
    "\n": "",
    "\r\n": "",
}


def decode_single_quoted(raw: str) -> str:
    """``'...'``: the only escape is ``''``."""
    return raw[1:-1].replace("''", "'")


def decode_double_quoted(raw: str) -> tuple[str, str | None]:
    """``"..."`` with ``\\n \\t \\r \\b \\f \\\\ \\" \\xHH`` and backslash-newline."""
    body = raw[1:-1]
    if "\\" not in body:
        return body, None
    illegal: list[str] = []

    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        simple = _SIMPLE_ESCAPES.get(escape)
        if simple is not None:
            return simple
        if escape[0] == "x" and len(escape) == 3:
            return chr(int(escape[1:], 16))
        illegal.append(escape[0])
        return escape

    value = _ESCAPE.sub(replace, body)
    if illegal:
        shown = illegal[0].replace("\n", "\\n").replace("\r", "\\r")
        return value, f"double-quoted string contains an illegal escape sequence (\\{shown})"
    return value, None


def decode_long(raw: str) -> tuple[int, str | None]:
    """A decimal, octal (leading ``0``) or hexadecimal (``0x``) 64-bit long."""
    if raw[:2] in ("0x", "0X"):
        value = int(raw[2:], 16)
    elif raw[0] == "0" and len(raw) > 1:
        if "8" in raw or "9" in raw:
            return 0, f"invalid octal literal ({raw})"
        value = int(raw[1:], 8)
    elif len(raw) > _LONG_MAX_DIGITS:  # out of range, and too long for Python's int() anyway
        return 0, f"long literal out of range ({raw})"
    else:
        value = int(raw)
    if value > LONG_MAX:
        return 0, f"long literal out of range ({raw})"
    return value, None


def decode_double(raw: str) -> float:
    """A double literal (the grammar guarantees its shape)."""
    return float(raw)
