"""Annotation tokens (``@name{...}``) turned into ``ast.Annotation`` values.

panc's annotation grammar: the body is either ``key = value`` lines or free text, which
becomes a single ``desc`` entry. A value is a quoted string or the rest of the line, where a
backslash at the end of a line continues the value on the next one.
"""

from __future__ import annotations

import re

from panc.source import Span
from panc.syntax import ast
from panc.syntax.construct import nodes

_NAME = re.compile(r"@([A-Za-z_][A-Za-z0-9_.-]*)?[ \t]*")
_KEY = re.compile(r"[ \t\r]*([A-Za-z_][A-Za-z_.-]*)[ \t]*=[ \t]*")
_BLANK_LINE = re.compile(r"[ \t\r]*(?:\n|\Z)")
# A first line "word = ..." says the body is meant as key = value lines.
_LOOKS_LIKE_ENTRY = re.compile(r"\s*([^\s=]+)[ \t]*=")
_VALID_KEY = re.compile(r"[A-Za-z_]+[A-Za-z_.-]*\Z")


def parse_annotation(raw: str, span: Span) -> tuple[ast.Annotation, str | None]:
    """The ``Annotation`` for the raw token text ``raw`` (delimiters included), and what is
    wrong with it (``None`` when fine): panc rejects bad names and bad keys."""
    name_match = _NAME.match(raw)
    name = name_match.group(1) if name_match else None
    body = raw[name_match.end() + 1 if name_match else 2 : -1]
    problem = None
    if name is not None and not _valid_name(name):
        problem = f"invalid annotation name '{name}'"
    entries = _key_value_entries(body)
    if entries is None:
        intent = _LOOKS_LIKE_ENTRY.match(body)
        if intent is not None and problem is None:
            key = intent.group(1)
            problem = (
                f"invalid annotation key '{key}'"
                if not _valid_name(key)
                else "annotation body mixes 'key = value' lines and free text"
            )
        entries = (("desc", body),)  # panc keeps free text as written
    return nodes.Annotation(span, name, body, entries), problem


def _valid_name(name: str) -> bool:
    """panc's rule for annotation names and keys: letters, ``_ . -``, no digits, not ``xml...``."""
    return bool(_VALID_KEY.match(name)) and not name.lower().startswith("xml")


def _key_value_entries(body: str) -> tuple[tuple[str, str], ...] | None:
    """``key = value`` entries, or ``None`` when the body is not made of them."""
    entries: list[tuple[str, str]] = []
    pos = 0
    length = len(body)
    while pos < length:
        blank = _BLANK_LINE.match(body, pos)
        if blank and blank.end() > pos:
            pos = blank.end()
            continue
        if blank and pos == length:
            break
        key = _KEY.match(body, pos)
        if key is None:
            return None
        pos = key.end()
        value, pos = _value(body, pos)
        if value is None:
            return None
        entries.append((key.group(1), value))
    return tuple(entries) if entries else None


def _value(body: str, pos: int) -> tuple[str | None, int]:
    """A quoted value or the rest of the line with continuations; the position after it."""
    quote = body[pos : pos + 1]
    if quote in ("'", '"'):
        close = body.find(quote, pos + 1)
        if close < 0:
            return None, pos
        after = _BLANK_LINE.match(body, close + 1)
        if after is None:
            return None, pos
        return body[pos + 1 : close], after.end()
    parts: list[str] = []
    while True:
        newline = body.find("\n", pos)
        stop = len(body) if newline < 0 else newline
        line = body[pos:stop].rstrip("\r")
        if line.endswith("\\") and newline >= 0:
            parts.append(line[:-1])
            pos = newline + 1
            continue
        parts.append(line)
        return "".join(parts).strip(), stop + 1 if newline >= 0 else stop
