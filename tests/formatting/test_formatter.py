"""The formatter (``panc.formatting``): one canonical layout, idempotent, same meaning."""

from __future__ import annotations

import pytest

from panc.formatting import formatter
from panc.formatting.formatter import format_text
from panc.syntax import parse
from panc.syntax.equivalence import meaning
from panlint.checking import lint_text
from panlint.config import Config

LAYOUT = Config(select=("LP001", "LP002", "LP003", "LP005", "LP007", "LP008", "LP009", "LC001"), preview=True)
"""panlint's layout rules, which the formatter's output satisfies."""


def formatted(text: str, line_length: int = 120) -> str:
    result = format_text(text, "t.pan", line_length)
    assert result.problem is None, result.problem
    again = format_text(result.text, "t.pan", line_length)
    assert again.text == result.text, "formatting is not idempotent"
    assert meaning(parse(result.text, "t.pan").ast) == meaning(parse(text, "t.pan").ast)
    return result.text


def test_spacing_follows_the_layout_rules() -> None:
    source = (
        "object template  t ;\n"
        "function  twice = {\n"
        "return( ARGV [0]*2 ) ;\n"
        "};\n"
        '"/a" = list( 1, 2 , 3 ) ;\n'
        '"/b"=twice(-1)+ - 2;\n'
        '"/c" = if(true)1 else 2;\n'
        '"/d" = { x = 1; if (x>0) {x} else { -x } };\n'
        "type t = long(-1..10)[]{}* with SELF!=0&&!is_null(SELF);\n"
        "type e = { };\n"
        "variable K = foreach(k;v;list()) {k;};\n"
    )
    assert formatted(source) == (
        "object template t;\n"
        "function twice = {\n"
        "    return(ARGV[0] * 2);\n"
        "};\n"
        '"/a" = list(1, 2, 3);\n'
        '"/b" = twice(-1) + -2;\n'
        '"/c" = if (true) 1 else 2;\n'
        '"/d" = { x = 1; if (x > 0) { x } else { -x } };\n'
        "type t = long(-1..10)[]{}* with SELF != 0 && !is_null(SELF);\n"
        "type e = {};\n"
        "variable K = foreach (k; v; list()) { k; };\n"
    )


def test_block_bodies_are_indented_by_depth() -> None:
    source = (
        "unique template t;\n"
        "function f = {\n"
        "if (ARGC > 0) {\n"
        "      foreach (i; v; ARGV) {\n"
        "  x = v;\n"
        "   };\n"
        "} else {\n"
        "x = 0;\n"
        "};\n"
        "x;\n"
        "};\n"
    )
    assert formatted(source) == (
        "unique template t;\n"
        "function f = {\n"
        "    if (ARGC > 0) {\n"
        "        foreach (i; v; ARGV) {\n"
        "            x = v;\n"
        "        };\n"
        "    } else {\n"
        "        x = 0;\n"
        "    };\n"
        "    x;\n"
        "};\n"
    )


def test_continuation_lines_and_brackets() -> None:
    source = (
        "template t;\n"
        "type port = long with\n"
        "SELF > 0 &&\n"
        "SELF < 65536;\n"
        '"/a" = dict(\n'
        '"k", list(\n'
        "1,\n"
        "2),\n"
        ");\n"
        "function g = {\n"
        "if (ARGV[0] ||\n"
        "ARGV[1]) {\n"
        "return(1);\n"
        "};\n"
        "if (ARGC == 0)\n"
        "return(2)\n"
        "else\n"
        "return(3);\n"
        "};\n"
    )
    assert formatted(source) == (
        "template t;\n"
        "type port = long with\n"
        "    SELF > 0 &&\n"
        "    SELF < 65536;\n"
        '"/a" = dict(\n'
        '    "k", list(\n'
        "        1,\n"
        "        2),\n"
        ");\n"
        "function g = {\n"
        "    if (ARGV[0] ||\n"
        "        ARGV[1]) {\n"
        "        return(1);\n"
        "    };\n"
        "    if (ARGC == 0)\n"
        "        return(2)\n"
        "    else\n"
        "        return(3);\n"
        "};\n"
    )


def test_record_fields_comments_and_annotations() -> None:
    source = (
        "declaration template t;\n"
        "type r = {\n"
        '  "a" : long # the a   \n'
        "    @{the b}\n"
        '"b" ? string = "x" with\n'
        "length(SELF) > 0\n"
        "# last\n"
        "include other\n"
        "};\n"
    )
    assert formatted(source) == (
        "declaration template t;\n"
        "type r = {\n"
        '    "a" : long # the a\n'
        "    @{the b}\n"
        '    "b" ? string = "x" with\n'
        "        length(SELF) > 0\n"
        "    # last\n"
        "    include other\n"
        "};\n"
    )


def test_comments_heredocs_annotations_and_strings_are_kept_verbatim() -> None:
    source = (
        "object template t;\n"
        "# a comment with  two  spaces\n"
        "@documentation{\n"
        "  desc = kept    as is\n"
        "     }\n"
        "variable X = <<EOT + <<EOF;\n"
        "  keep  this   \n"
        "EOT\n"
        "\tand this\n"
        "EOF\n"
        '"/a" = "multi \\\n'
        '   line";\n'
        "'/b' = 'it''s';\n"
    )
    assert formatted(source) == source


def test_tabs_and_trailing_blanks_of_comments_go() -> None:
    assert formatted("template t;\n#\tcomment\t \n'/a' = 1;\t# x\n") == (
        "template t;\n#   comment\n'/a' = 1; # x\n"
    )


def test_blank_lines_shrink_to_one_and_statements_get_their_own_line() -> None:
    source = "\n\ntemplate t;\n\n\n\n'/a' = 1; '/b' = 2; # two\n'/c' = 3;\n\n"
    assert formatted(source) == "template t;\n\n'/a' = 1;\n'/b' = 2; # two\n'/c' = 3;\n"


def test_empty_statements_and_trailing_commas_go_and_semicolons_end_lines() -> None:
    """``;;``, ``,)`` and a ``;`` starting a line are LP009, LP007 and LP008 findings."""
    source = (
        "template t;;\n"
        "variable X ?= list('a',);;\n"
        "'/a' = { x = 1;; x };\n"
        "'/b' = list(\n    'a',\n);\n"
        "'/c' = dict('a', 1,)\n    ;\n"
        "'/d' = 1 # no line to join\n;\n"
        "'/e' = { x = 0; for (i = 0; i < 2; i = i + 1) { x = x + i; }; x; };\n"
        "@{not the function's: an empty statement follows};\n"
        "function f = 1;\n"
    )
    result = formatted(source)
    # a comment before it keeps the ";" on a line of its own
    assert [(f.rule_id, f.span.start_line) for f in lint_text(result, "t.pan", LAYOUT)] == [("LP008", 9)]
    assert result == (
        "template t;\n"
        "variable X ?= list('a');\n"
        "'/a' = { x = 1; x };\n"
        "'/b' = list(\n    'a',\n);\n"
        "'/c' = dict('a', 1);\n"
        "'/d' = 1 # no line to join\n    ;\n"
        "'/e' = { x = 0; for (i = 0; i < 2; i = i + 1) { x = x + i; }; x; };\n"
        "@{not the function's: an empty statement follows};\n"
        "function f = 1;\n"
    )


def test_signs_link_types_and_simple_indexes() -> None:
    """A sign is written against its operand wherever it is (the syntax tree says which
    ``-`` is one); ``+``/``-`` in a simple index take no spaces (LC001)."""
    source = (
        "unique template t;\n"
        "variable A = if (true) - 1 else + 2;\n"
        "variable B = { x = list(1, 2, 3); i = 0; x[i + 1] + x[ i-1 ] + x[i - -1] + x[length(x) - 1]; };\n"
        "variable C = { x = list(1, 2); x[x[0] + 1] + x[0]-1 + x[0]*2; };\n"
        "type r = { 'a' ? long * [] 'b' ? long(- 1..) };\n"
    )
    result = formatted(source)
    assert lint_text(result, "t.pan", LAYOUT) == []
    assert result == (
        "unique template t;\n"
        "variable A = if (true) -1 else +2;\n"
        "variable B = { x = list(1, 2, 3); i = 0; x[i+1] + x[i-1] + x[i--1] + x[length(x) - 1]; };\n"
        "variable C = { x = list(1, 2); x[x[0] + 1] + x[0] - 1 + x[0] * 2; };\n"
        "type r = { 'a' ? long*[] 'b' ? long(-1..) };\n"
    )


def test_deprecated_spellings_are_replaced() -> None:
    source = (
        "template t;\ninclude {'x/y'};\ninclude { X };\ninclude { if (X) 'x/y' else 'x/z' };\n"
        "variable X = nlist('a', is_nlist(nlist()));\ntype t = nlist;\n"
    )
    assert formatted(source) == (
        "template t;\ninclude 'x/y';\ninclude X;\ninclude if (X) 'x/y' else 'x/z';\n"
        "variable X = dict('a', is_dict(dict()));\ntype t = dict;\n"
    )


def test_windows_line_ends_are_kept() -> None:
    source = "object template t;\r\n'/a'=1;\r\n'/b' = <<EOT;\r\nx\r\nEOT\r\n"
    assert formatted(source) == "object template t;\r\n'/a' = 1;\r\n'/b' = <<EOT;\r\nx\r\nEOT\r\n"


def test_long_lines_are_broken_where_that_makes_them_fit() -> None:
    source = (
        "template t;\n"
        "'/a' = dict('alpha', 1, 'beta', list('one', 'two', 'three'), 'gamma', format('%s', 'x'));\n"
        "'/b' = 1; # a comment that does not fit on the line of the code\n"
        "variable X = exists('/some/long/path') && exists('/another/path');\n"
        "'/c' = 'a string far too long to fit on any line of this width';\n"
    )
    assert formatted(source, line_length=60) == (
        "template t;\n"
        "'/a' = dict(\n"
        "    'alpha',\n"
        "    1,\n"
        "    'beta',\n"
        "    list('one', 'two', 'three'),\n"
        "    'gamma',\n"
        "    format('%s', 'x')\n"
        ");\n"
        "# a comment that does not fit on the line of the code\n"
        "'/b' = 1;\n"
        "variable X = exists('/some/long/path') &&\n"
        "    exists('/another/path');\n"
        "'/c' = 'a string far too long to fit on any line of this width';\n"
    )


def test_the_body_of_a_condition_moves_to_its_own_line() -> None:
    source = (
        "template t;\nfunction f = {\n"
        "if (ARGC == 0) error('this function needs one argument at least');\n};\n"
    )
    assert formatted(source, line_length=60) == (
        "template t;\n"
        "function f = {\n"
        "    if (ARGC == 0)\n"
        "        error('this function needs one argument at least');\n"
        "};\n"
    )


def test_formatted_text_is_left_alone() -> None:
    result = format_text("template t;\n'/a' = 1;\n", "t.pan")
    assert (result.changed, result.problem) == (False, None)


def test_a_template_with_syntax_errors_is_not_formatted() -> None:
    text = "template t;\n'/a' = (1;\n"
    result = format_text(text, "t.pan")
    assert result.text == text and not result.changed
    assert result.problem is not None and "syntax errors" in result.problem
    assert result.diagnostics and result.diagnostics[0].span.start_line == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n", "'/a' = 1;\n"])
def test_no_template_header_is_a_syntax_error(text: str) -> None:
    assert format_text(text, "t.pan").problem is not None


def test_a_layout_that_would_change_the_meaning_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    original = formatter.layout
    monkeypatch.setattr(formatter, "layout", lambda *args: original(*args).replace("1", "2"))
    text = "template t;\n'/a'=1;\n"
    result = format_text(text, "t.pan")
    assert result.text == text and not result.changed
    assert result.problem is not None and "would not mean the same" in result.problem
