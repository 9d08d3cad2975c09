"""JSON (Gson) details the samples do not cover."""

from __future__ import annotations

import json

from panc.javatext import json_string
from panc.output import json_format


def test_empty_profile():
    assert json_format.render({}) == "{}"


def test_gson_html_safe_escapes():
    assert json_string("a=b<c>&'d") == '"a\\u003db\\u003cc\\u003e\\u0026\\u0027d"'


def test_control_characters_use_short_or_lowercase_unicode_escapes():
    assert json_string('"\\\t\b\n\r\f\x00\x1b\x7f') == '"\\"\\\\\\t\\b\\n\\r\\f\\u0000\\u001b\x7f"'


def test_line_and_paragraph_separators_are_escaped():
    assert json_string("\u2028\u2029é") == '"\\u2028\\u2029é"'


def test_keys_are_escaped_and_sorted_like_java():
    out = json_format.render({"b": 1, "a=": 2, "B": 3})
    assert out == '{\n  "B": 3,\n  "a\\u003d": 2,\n  "b": 1\n}'


def test_nested_lists_and_no_final_newline():
    out = json_format.render({"l": [[], [1.0, True], {}]})
    assert out == '{\n  "l": [\n    [],\n    [\n      1.0,\n      true\n    ],\n    {}\n  ]\n}'
    assert json.loads(out) == {"l": [[], [1.0, True], {}]}


def test_doubles_print_like_java():
    assert json_format.render({"x": 1.0e-4, "y": 12345678.9}) == '{\n  "x": 1.0E-4,\n  "y": 1.23456789E7\n}'


def test_keys_with_astral_characters_sort_by_utf16_units_like_java():
    # U+10000 is D800 DC00 in UTF-16: after U+FFFF's code point order, before it in Java's
    out = json_format.render({"\uffff": 1, "\U00010000": 2, "a": 3})
    assert out == '{\n  "a": 3,\n  "\U00010000": 2,\n  "\uffff": 1\n}'
