"""Error recovery for editors: one diagnostic per broken statement, the rest still parsed."""

from __future__ import annotations

from syntax_support import check_inline

from panc.syntax import parse
from panc.syntax.parser import panc_printed_span


def paths(result) -> list[str]:
    return [getattr(s, "path", getattr(s, "name", None)) for s in result.ast.statements]


def test_several_broken_statements_give_one_diagnostic_each() -> None:
    result = check_inline(
        "object template t;\n"
        "'/a' = 1 +; ## parse: Encountered: ;\n"
        "'/b' = 2;\n"
        "'/c' = (3; ## parse: Encountered: ;\n"
        "'/d' = 4;\n"
        "variable X = ; ## parse: illegal empty DML statement\n"
        "'/e' = f(1 2); ## parse: Encountered: 2\n"
        "'/f' = 6;\n"
    )
    assert paths(result) == ["/b", "/d", "/f"]


def test_grammar_error_message_says_found_and_expected() -> None:
    result = parse("object template t;\n'/a' = 1 +;\n", "e.pan")
    (diagnostic,) = result.diagnostics
    # panc's text exactly: JavaCC's message starts with a blank line, lists panc's token
    # names in panc's order and ends with four spaces
    assert diagnostic.format().startswith(
        "parse error [e.pan:2.11-2.11]\n\nEncountered: ;\nWas expecting one of:\n"
    )
    assert '\n    "(" ...\n    "+" ...\n' in diagnostic.message
    assert "    <DECIMAL_LITERAL> ...\n    <HEX_LITERAL> ...\n    <OCTAL_LITERAL> ..." in diagnostic.message
    assert diagnostic.message.endswith("    <IDENTIFIER> ...\n    ")
    assert panc_printed_span(diagnostic).range_text() == "2.11-2.2"  # panc's quirk, kept for its CLI
    other = parse("object template t;\n'/a' = 08;\n", "e.pan").diagnostics[0]
    assert panc_printed_span(other) == other.span


def test_missing_semicolon_is_repaired() -> None:
    result = check_inline("object template t;\n'/a' = 1 ## parse: missing ';'\n'/b' = 2;\n")
    assert paths(result) == ["/a", "/b"]
    assert result.diagnostics[0].span.range_text() == "2.9-2.9"


def test_unclosed_brace_points_at_the_brace() -> None:
    result = check_inline(
        "object template t;\n'/a' = { x = 1; ## parse: '{' is never closed\n'/b' = 2;\nvariable Y = 3;\n"
    )
    assert paths(result) == ["/b", "Y"]
    assert result.diagnostics[0].span.range_text() == "2.8-2.8"


def test_unclosed_parenthesis_before_next_keyword() -> None:
    result = check_inline("object template t;\n'/a' = f(1, ## parse: '(' is never closed\nvariable Y = 3;\n")
    assert paths(result) == ["Y"]


def test_extra_closing_brace() -> None:
    result = check_inline("object template t;\n'/a' = 1;\n}; ## parse: Encountered: }\n'/b' = 2;\n")
    assert paths(result) == ["/a", "/b"]


def test_error_inside_a_block_skips_to_the_end_of_the_statement() -> None:
    result = check_inline(
        "object template t;\n'/a' = {\n  x = ; ## parse: illegal empty DML statement\n"
        "  y = 2;\n};\n'/b' = 1;\n"
    )
    assert paths(result) == ["/b"]


def test_unterminated_string_does_not_hide_the_next_statement() -> None:
    result = check_inline('object template t;\n"/a" = "abc; ## parse: Was expecting one of\n"/b" = 2;\n')
    assert paths(result) == ["/b"]


def test_unterminated_annotation() -> None:
    result = check_inline(
        "object template t;\n@{ never closed ## parse: unterminated annotation\n'/a' = 1;\n"
    )
    assert paths(result) == ["/a"]


def test_bad_characters() -> None:
    result = check_inline("object template t;\n'/a' = 1 $ 2; ## parse: illegal character '$'\n'/b' = 2;\n")
    assert paths(result) == ["/b"]


def test_file_cut_off_mid_statement() -> None:
    result = check_inline("object template t;\n'/a' = 1;\n'/b' = list(1, ## parse: Encountered: <EOF>\n")
    assert paths(result) == ["/a"]
    result = check_inline("object template t;\n'/a' = 1;\nvariable ## parse: Encountered: <EOF>\n")
    assert paths(result) == ["/a"]


def test_empty_and_blank_files() -> None:
    for text in ("", "   \n\n", "# only a comment\n"):
        result = parse(text, "e.pan")
        assert result.ast is not None
        assert result.ast.statements == ()
        assert len(result.diagnostics) == 1
        assert "template" in result.diagnostics[0].message


def test_broken_header() -> None:
    result = check_inline("object template ; ## parse: Encountered: ;\n'/a' = 1;\n")
    assert result.ast.name is None
    assert paths(result) == ["/a"]


def test_garbage_never_raises() -> None:
    for text in (
        "}}}}",
        "((((",
        "'''",
        '"\\',
        "<<",
        "<<EOT",
        "@",
        "@x",
        "object template",
        "\x00\x01",
        "0x",
        "1e",
    ):
        result = parse(text, "g.pan")
        assert result.diagnostics, text


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    nested_unary = "object template t;\ninclude " + "-(" * 3000 + "SELF" + ")" * 3000 + ";\n"
    assert [d.message for d in parse(nested_unary, "d.pan").diagnostics] == [
        "SELF cannot be used within include statement"
    ]
    nested_blocks = "object template t;\n'/a' = " + "{" * 5000 + "1" + "}" * 5000 + ";\n"
    assert not parse(nested_blocks, "d.pan").diagnostics
    long_chain = "object template t;\n'/a' = " + "1 + " * 20000 + "1;\n"
    assert not parse(long_chain, "d.pan").diagnostics
