"""Where breakpoints can stop, hit conditions, and how values are shown."""

from __future__ import annotations

import pytest

from panc.evaluation.values import NULL, UNDEF
from panc.syntax import parse
from pandbg.breakpoints import HitCondition, executable_lines, place_line
from pandbg.rendering import children, render

TEMPLATE = """\
object template lines;

prefix '/system';
# a comment
'a' = 1;
'b' = {
    x = 1;
    if (x > 0)
        x = 2
    else {
        x = 3;
    };
    while (x < 5) x = x + 1;
    x;
};
function f = {
    return(ARGV[0]);
};
"""


def test_executable_lines_are_statements_and_nested_dml_statements() -> None:
    result = parse(TEMPLATE, "lines.pan")
    assert result.ast is not None
    assert sorted(executable_lines(result.ast)) == [5, 6, 7, 8, 9, 11, 13, 14, 16, 17]


def test_place_line_moves_forward_only() -> None:
    lines = {5, 9, 12}
    assert [place_line(lines, n) for n in (1, 5, 6, 12, 13)] == [5, 5, 9, 12, None]


@pytest.mark.parametrize(
    ("text", "hits", "expected"),
    [
        ("3", [1, 2, 3, 4], [False, False, True, False]),
        ("== 2", [2, 3], [True, False]),
        (">= 2", [1, 2, 9], [False, True, True]),
        ("> 2", [2, 3], [False, True]),
        ("< 2", [1, 2], [True, False]),
        ("<= 2", [2, 3], [True, False]),
        ("% 3", [1, 3, 6, 7], [False, True, True, False]),
    ],
)
def test_hit_conditions(text: str, hits: list[int], expected: list[bool]) -> None:
    condition = HitCondition.parse(text)
    assert [condition.matches(h) for h in hits] == expected


@pytest.mark.parametrize("text", ["", "x", "== -1", "2.5", ">>3"])
def test_invalid_hit_conditions(text: str) -> None:
    with pytest.raises(ValueError, match="invalid hit condition"):
        HitCondition.parse(text)


def test_values_render_as_pan_prints_them() -> None:
    assert render('a"b\n') == '"a\\"b\\n"'
    assert [render(v) for v in (1, 1e10, 0.001, True, UNDEF, NULL)] == [
        "1",
        "1.0E10",
        "0.001",
        "true",
        "undef",
        "null",
    ]
    assert render({"b": [1, "x"], "a": {}}) == '{ a, { }, b, [ 1, "x" ] }'
    assert render(list(range(1000))).endswith(" ... ]")


def test_children_are_sorted_and_paged() -> None:
    assert children({"b": 1, "a": 2}) == [("a", 2), ("b", 1)]
    assert children([10, 11, 12, 13], start=1, count=2) == [("[1]", 11), ("[2]", 12)]
    assert children(5) == []
