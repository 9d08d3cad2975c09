"""Formatting a selection (``panc.formatting.ranges``): only the changes that meet its lines."""

from __future__ import annotations

from panc.formatting.ranges import format_lines, split_lines

SOURCE = "template t;\n'/a'=1;\n'/b'=2;\nfunction f = {\nx=1;\nx;\n};\n"


def test_only_the_selected_lines_change() -> None:
    result = format_lines(SOURCE, "t.pan", 3, 3)
    assert result.changed and result.problem is None
    assert result.text == "template t;\n'/a'=1;\n'/b' = 2;\nfunction f = {\nx=1;\nx;\n};\n"


def test_a_selection_of_a_block() -> None:
    result = format_lines(SOURCE, "t.pan", 4, 7)
    assert result.text == "template t;\n'/a'=1;\n'/b'=2;\nfunction f = {\n    x = 1;\n    x;\n};\n"


def test_a_split_line_is_one_change() -> None:
    source = "template t;\n'/a' = 1; '/b' = 2;\n'/c'=3;\n"
    assert format_lines(source, "t.pan", 2, 2).text == "template t;\n'/a' = 1;\n'/b' = 2;\n'/c'=3;\n"


def test_nothing_to_do_and_syntax_errors() -> None:
    assert not format_lines(SOURCE, "t.pan", 1, 1).changed
    broken = format_lines("template t;\n'/a' = (;\n", "t.pan", 1, 2)
    assert not broken.changed and broken.problem is not None


def test_lines_are_cut_at_newlines_only() -> None:
    assert split_lines("a\x0cb\nc\u2028d\n\ne") == ["a\x0cb\n", "c\u2028d\n", "\n", "e"]
    assert split_lines("") == []
