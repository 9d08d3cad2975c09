"""The text, dot, dep and null formats beyond the samples."""

from __future__ import annotations

from typing import NamedTuple

from panc.output import FORMATS, dep_format, dot_format, text_format


class Dep(NamedTuple):
    name: str
    kind: str
    uri: str


def test_text_format_of_an_empty_profile():
    assert text_format.render({}) == "+-profile\n"


def test_text_format_nesting_and_types():
    out = text_format.render({"l": [{"x": 1e10}], "s": "it's"})
    assert out == "+-profile\n  +-l\n    +-0\n      $ x : (double) '1.0E10'\n  $ s : (string) 'it's'\n"


def test_dot_cuts_values_beyond_fifteen_characters_after_twelve():
    """As the Java panc does (tests/oracle/cases/dot-labels has its output)."""
    out = dot_format.render({"s": "abcdefghijklmnop", "t": "abcdefghijklmn", "n": 1234567890123456})
    assert '"/profile/s" [ label = "s\\n\'abcdefghijk...\'" ]' in out
    assert '"/profile/t" [ label = "t\\n\'abcdefghijklmn\'" ]' in out
    assert '"/profile/n" [ label = "n\\n123456789012..." ]' in out


def test_dot_of_an_empty_profile():
    assert dot_format.render({}).endswith('"/profile" [ label = "profile"]\n}\n')


def test_dep_lines_are_sorted_and_unique():
    deps = [Dep("b", "PAN", "file:/x/"), Dep("a", "TEXT", "file:/y/"), Dep("b", "PAN", "file:/x/")]
    assert dep_format.render(deps) == "a TEXT file:/y/\nb PAN file:/x/\n"


def test_null_format_writes_an_empty_file():
    assert FORMATS["null"].render({"a": 1}, []) == b""
