"""Spans (1-based, end column inclusive), tokens, comments and annotations."""

from __future__ import annotations

from syntax_support import check_inline

from panc.source import Span
from panc.syntax import Token, ast, parse

SOURCE = """\
# leading comment
@{Header documentation.}
object template site/example;

'/a' = 1 + 23;
@documentation{
    desc = the X variable
    values = anything\\
             at all
}
final variable X ?= list(
    "x",  # trailing comment
);
"""


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span("example.pan", line, column, end_line, end_column)


def test_statement_and_expression_spans() -> None:
    result = parse(SOURCE, "example.pan")
    assert not result.diagnostics
    template = result.ast
    assert template.name_span == span(3, 17, 3, 28)
    assignment, variable = template.statements
    assert assignment.span == span(5, 1, 5, 14)
    assert assignment.path_span == span(5, 1, 5, 4)
    assert assignment.value.span == span(5, 8, 5, 13)
    assert assignment.value.right.span == span(5, 12, 5, 13)
    assert variable.span == span(11, 1, 13, 2)
    assert variable.name_span == span(11, 16, 11, 16)
    assert variable.value.span == span(11, 21, 13, 1)
    assert variable.value.name_span == span(11, 21, 11, 24)
    assert variable.value.args[0].span == span(12, 5, 12, 7)


def test_template_span_runs_from_header_to_last_statement() -> None:
    template = parse(SOURCE, "example.pan").ast
    assert template.span == span(3, 1, 13, 2)
    assert template.header_span == span(3, 1, 3, 29)


def test_with_keyword_span_is_kept() -> None:
    result = parse(
        "declaration template t;\ntype a = long with SELF > 0;\ntype b = long = 1 with true;\n"
        "type c = long = 1;\n",
        "w.pan",
    )
    first, second, third = result.ast.statements
    assert first.spec.end_keyword_span == Span("w.pan", 2, 15, 2, 18)
    assert second.spec.end_keyword_span == Span("w.pan", 3, 19, 3, 22)
    assert third.spec.end_keyword_span == Span("w.pan", 4, 15, 4, 15)
    assert result.ast.statements[0].spec.default is None


def test_tokens_include_comments_and_annotations_in_order() -> None:
    tokens = parse(SOURCE, "example.pan").tokens
    assert all(isinstance(token, Token) for token in tokens)
    kinds = [token.type for token in tokens]
    assert kinds[:6] == ["COMMENT", "ANNOTATION", "OBJECT", "TEMPLATE", "TEMPLATE_NAME", "SEMICOLON"]
    assert [token.span.start_line for token in tokens] == sorted(token.span.start_line for token in tokens)
    comment = next(token for token in tokens if token.value == "# trailing comment")
    assert comment.span == span(12, 11, 12, 28)
    number = next(token for token in tokens if token.value == "23")
    assert (number.type, number.span) == ("LONG", span(5, 12, 5, 13))


def test_comments_are_collected() -> None:
    result = parse(SOURCE, "example.pan")
    assert [comment.text for comment in result.comments] == ["# leading comment", "# trailing comment"]
    assert result.comments[0].span == span(1, 1, 1, 17)


def test_annotations_attach_to_the_declaration_they_precede() -> None:
    result = parse(SOURCE, "example.pan")
    header, variable_doc = result.annotations
    assert result.ast.annotations == (header,)
    assert header.name is None
    assert header.entries == (("desc", "Header documentation."),)
    assert header.span == span(2, 1, 2, 24)
    assert result.ast.statements[1].annotations == (variable_doc,)
    assert variable_doc.name == "documentation"
    assert variable_doc.span == span(6, 1, 10, 1)
    assert variable_doc.entries == (("desc", "the X variable"), ("values", "anything             at all"))


def test_annotations_on_functions_types_and_fields() -> None:
    result = check_inline(
        "template t;\n"
        "@use(f x) function f = 1;\n"
        "@{a type} type r = {\n"
        "    @{the field} 'a' : long\n"
        "    'b' ? string\n"
        "};\n"
        "@{not attached} '/x' = 1;\n"
    )
    function, record_type, _ = result.ast.statements
    assert [(a.name, a.body) for a in function.annotations] == [("use", "f x")]
    assert record_type.annotations[0].body == "a type"
    first, second = record_type.spec.spec.members
    assert first.annotations[0].entries == (("desc", "the field"),)
    assert second.annotations == ()
    assert len(result.annotations) == 4


def test_annotation_bracket_forms_and_errors() -> None:
    result = check_inline(
        "@author[someone]\n@documentation (x)\nobject template t;\n"
        "@(a&=b) ## parse: invalid annotation key 'a&'\n"
        "@x1{y} ## parse: invalid annotation name 'x1'\n"
        "'/a' = 1;\n"
    )
    assert [a.name for a in result.ast.annotations] == ["author", "documentation"]


def test_heredoc_tokens() -> None:
    result = parse("object template t;\n'/x' = <<EOT;\nbody\nEOT\n'/y' = 1;\n", "h.pan")
    heredoc = next(token for token in result.tokens if token.type == "HEREDOC")
    assert heredoc.value == "<<EOT"
    assert heredoc.payload == "body\n"
    body = next(token for token in result.tokens if token.type == "HEREDOC_BODY")
    assert body.span.start_line == 3
    assert body.span.end_line == 4
    assert result.ast.statements[1].span.start_line == 5


def test_spans_count_code_points() -> None:
    result = parse("object template t;\n'/é' = 'ü' + 1;\n", "u.pan")
    (statement,) = result.ast.statements
    assert statement.value.right.span == Span("u.pan", 2, 14, 2, 14)


def test_crlf_line_endings() -> None:
    result = parse("object template t;\r\n'/a' = <<EOT;\r\nx\r\nEOT\r\n'/b' = 2;\r\n", "w.pan")
    assert not result.diagnostics
    first, second = result.ast.statements
    assert first.value.value == "x\r\n"
    assert second.span == Span("w.pan", 5, 1, 5, 9)


def test_ast_nodes_are_frozen_values() -> None:
    first = parse("object template t;\n'/a' = f(1);\n", "a.pan").ast
    second = parse("object template t;\n'/a' = f(1);\n", "a.pan").ast
    assert first == second
    assert isinstance(first.statements[0].value, ast.Call)
    assert hash(first.statements[0].span) == hash(second.statements[0].span)
