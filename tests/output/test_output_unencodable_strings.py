"""Strings UTF-8 cannot encode as they are: written as Java panc writes them, never a crash.

A template that is not UTF-8 reaches the compiler with each bad byte kept as a surrogate escape
(Java decoded it as U+FFFD); ``substr`` can cut a character outside the BMP in two, leaving a
lone surrogate (Java's UTF-8 encoder writes ``?`` for it).
"""

from __future__ import annotations

import pytest

from panc.output import FORMATS

UNDECODED = "caf\udce9"  # 'café' read from a Latin-1 file
LONE = "\ud83d"  # the first half of U+1F600


@pytest.mark.parametrize(("key", "expected"), [
    ("json", b'{\n  "a": "caf\xef\xbf\xbd",\n  "b": "?"\n}'),
    ("text", b"+-profile\n  $ a : (string) 'caf\xef\xbf\xbd'\n  $ b : (string) '?'\n"),
])
def test_text_formats_write_java_bytes(key: str, expected: bytes) -> None:
    assert FORMATS[key].render({"a": UNDECODED, "b": LONE}, []) == expected


def test_pan_xml_writes_the_replacement_character_as_text_and_a_lone_surrogate_in_base64() -> None:
    xml = FORMATS["pan"].render({"a": UNDECODED, "b": LONE}, [])
    assert b'<string name="a">caf\xef\xbf\xbd</string>' in xml
    assert b'<string name="b" encoding="base64">Pw==</string>' in xml  # base64 of '?'


def test_every_format_renders_them() -> None:
    for output in FORMATS.values():
        assert isinstance(output.render({"a": UNDECODED, "b": LONE}, []), bytes)
