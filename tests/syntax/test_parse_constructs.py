"""One test per construct of the pan syntax: what the parser builds, and what it rejects."""

from __future__ import annotations

import pytest
from syntax_support import check_inline, expression, statements

from panc.evaluation.values import NULL, UNDEF
from panc.syntax import ast, parse

# ----------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("object template a/b;", "object"),
        ("structure template a;", "structure"),
        ("unique template a;", "unique"),
        ("declaration template a;", "declaration"),
        ("template a;", "ordinary"),
    ],
)
def test_template_kinds(header: str, kind: str) -> None:
    result = parse(header + "\n", "t.pan")
    assert not result.diagnostics
    assert result.ast is not None
    assert result.ast.kind == kind


def test_template_names_may_hold_dots_dashes_plus_and_digits() -> None:
    result = parse("unique template quattor/functions/package-1.0+x_2;\n", "t.pan")
    assert not result.diagnostics
    assert result.ast.name == "quattor/functions/package-1.0+x_2"


def test_template_name_must_start_with_a_term() -> None:
    check_inline("object template /obj/test/a; ## syntax: invalid template name\n")


def test_missing_header_is_a_parse_error_but_statements_still_parse() -> None:
    result = check_inline("'/a' = 1; ## parse: Was expecting\n")
    assert result.ast.kind is None
    assert [s.path for s in result.ast.statements] == ["/a"]


def test_lone_semicolons_are_no_op_statements() -> None:
    assert statements("object template t;\n;\n;'/a' = 1;;\n")[0].path == "/a"


# ----------------------------------------------------------------------------- statements


def test_assignment_forms() -> None:
    plain, conditional, final, final_conditional = statements(
        "object template t;\n'/a' = 1;\n'/b' ?= 2;\nfinal '/c' = 3;\nfinal \"/d\" ?= 4;\n"
    )
    assert (plain.path, plain.conditional, plain.final) == ("/a", False, False)
    assert (conditional.conditional, conditional.final) == (True, False)
    assert (final.conditional, final.final) == (False, True)
    assert (final_conditional.path, final_conditional.conditional, final_conditional.final) == (
        "/d",
        True,
        True,
    )


def test_prefix_applies_to_later_relative_assignments_only() -> None:
    prefix, relative, absolute, bind = statements(
        "object template t;\nprefix '/a/b';\n'c/d' = 1;\n'/e' = 2;\nbind '/a/b/c' = dict;\n"
    )
    assert isinstance(prefix, ast.PrefixStatement)
    assert prefix.path == "/a/b"
    assert relative.path == "/a/b/c/d"
    assert absolute.path == "/e"
    assert bind.path == "/a/b/c"


def test_relative_prefix_extends_the_last_absolute_one_and_empty_resets() -> None:
    found = statements(
        "object template t;\nprefix '/a';\nprefix 'b';\n'x' = 1;\n"
        "prefix 'c';\n'y' = 2;\nprefix '';\n'/z' = 3;\n"
    )
    paths = [s.path for s in found if isinstance(s, ast.Assignment)]
    assert paths == ["/a/b/x", "/a/c/y", "/z"]


def test_relative_prefix_without_absolute_one() -> None:
    check_inline(
        "object template t;\n"
        "prefix 'a'; ## syntax: given relative prefix (a) requires prior absolute prefix\n"
    )


def test_include_forms() -> None:
    constant, braces, computed = statements(
        "object template t;\ninclude 'a/b';\ninclude {'c'};\ninclude if (X) 'd' else null;\n"
    )
    assert constant.static_name == "a/b"
    assert braces.static_name == "c"
    assert computed.static_name is None
    assert isinstance(computed.target, ast.If)


def test_include_checks() -> None:
    check_inline(
        "object template t;\n"
        "include {SELF}; ## syntax: SELF cannot be used within include statement\n"
        "include undef;\n"
    )


def test_variable_statement() -> None:
    (variable,) = statements("object template t;\n@{doc} final variable X ?= 3;\n")
    assert (variable.name, variable.conditional, variable.final) == ("X", True, True)
    assert variable.annotations[0].body == "doc"


@pytest.mark.parametrize("name", ["SELF", "OBJECT", "ARGC", "ARGV", "FUNCTION", "TEMPLATE"])
def test_automatic_variables_cannot_be_set(name: str) -> None:
    check_inline(
        "object template t;\n"
        f"variable {name} = 1; ## syntax: automatic variable ({name}) may not be set directly\n"
    )


def test_function_type_bind_valid_statements() -> None:
    function, type_, bind, valid = statements(
        "object template t;\nfunction f = ARGV[0];\ntype port = long(0..65535);\n"
        "bind '/p' = port[];\nvalid '/p' = length(SELF) > 0;\n"
    )
    assert isinstance(function, ast.FunctionStatement)
    assert isinstance(function.body, ast.Index)
    assert type_.spec.spec == ast.TypeRef(
        type_.spec.spec.span, "long", ast.Range(type_.spec.spec.range.span, 0, 65535)
    )
    assert isinstance(bind.spec.spec, ast.ListOf)
    assert isinstance(valid.expr, ast.Binary)


def test_what_each_template_kind_may_contain() -> None:
    check_inline(
        "structure template s;\n"
        "'a/b' = 1;\n"
        "include 'x';\n"
        "function f = 1; ## syntax: only relative assigment and include statements are allowed\n"
        "type t = long; ## syntax: only relative assigment and include statements are allowed\n"
        "'/abs' = 1; ## syntax: structure templates can only contain assignments to relative paths\n"
    )
    check_inline(
        "declaration template d;\n"
        "variable X = 1;\nfunction f = 1;\ntype t = long;\nbind '/a' = t;\nvalid '/a' = true;\ninclude 'x';\n"
        "'/a' = 1; ## syntax: statement not allowed in declaration template\n"
    )
    check_inline(
        "object template o;\n'a' = 1; ## syntax: ordinary, object, and unique templates can only contain "
        "assignments to absolute paths\n"
    )


# ----------------------------------------------------------------------------- literals


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("0", 0),
        ("42", 42),
        ("017", 15),
        ("0x1F", 31),
        ("0XfF", 255),
        ("9223372036854775807", 2**63 - 1),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("2.5E-2", 0.025),
        ("true", True),
        ("false", False),
        ("undef", UNDEF),
        ("null", NULL),
        ("'it''s'", "it's"),
        ("'a\\nb'", "a\\nb"),
        ('"a\\tb\\n\\r\\b\\f\\\\\\"c"', 'a\tb\n\r\b\f\\"c'),
        ('"\\x41\\x7a"', "Az"),
        ('"con\\\ntinued"', "continued"),
    ],
)
def test_literal_values(source: str, value: object) -> None:
    literal = expression(source)
    assert isinstance(literal, ast.Literal)
    assert literal.value == value
    assert type(literal.value) is type(value)


def test_literal_errors() -> None:
    check_inline(
        "object template t;\n"
        "'/a' = 08; ## syntax: invalid octal literal (08)\n"
        "'/b' = 9223372036854775808; ## syntax: long literal out of range\n"
        "'/c' = 0x10000000000000000; ## syntax: long literal out of range\n"
        '"/d" = "caf\\u00e9"; ## parse: double-quoted string contains an illegal escape sequence (\\u)\n'
        '"/e" = "\\\'"; ## parse: illegal escape sequence (\\\')\n'
        '"/f" = "\\x4"; ## parse: illegal escape sequence (\\x)\n'
    )


def test_double_literals_need_digits_on_both_sides() -> None:
    check_inline("object template t;\n'/a' = 1.; ## parse: illegal character '.'\n")
    check_inline("object template t;\n'/a' = .5; ## parse: illegal character '.'\n")


def test_single_quoted_strings_cannot_span_lines() -> None:
    # panc reports the opening quote as an unexpected token; the closing quote on the next
    # line opens a second unterminated string, which the scanner reports.
    result = parse("object template t;\n'/a' = 'x\ny';\n'/b' = 1;\n", "q.pan")
    first, second = result.diagnostics
    assert first.span.range_text() == "2.8-2.8"
    assert first.message.startswith("\nEncountered: \\'\nWas expecting one of:\n")
    assert (second.span.range_text(), second.message) == ("3.2-3.3", "unterminated single-quoted string")


def test_double_quoted_strings_cannot_span_lines() -> None:
    result = parse('object template t;\n"/a" = "line 1\nline 2";\n', "q.pan")
    first, second = result.diagnostics
    assert first.span.range_text() == "2.8-2.8"
    assert first.message.startswith('\nEncountered: \\"\nWas expecting one of:\n    "{" ...\n    ";" ...')
    assert (second.span.range_text(), second.message) == ("3.7-3.8", "unterminated double-quoted string")


# ----------------------------------------------------------------------------- heredocs


def test_heredoc_body_starts_on_next_line_and_statement_continues() -> None:
    (statement,) = statements("object template t;\n'/x' = 'a' + <<EOT + 'b';\nx\ny\nEOT\n")
    assert isinstance(statement.value, ast.Binary)
    assert statement.value.left.right.value == "x\ny\n"
    assert statement.value.right.value == "b"


def test_several_heredocs_on_one_line_are_read_in_order() -> None:
    first, second = statements(
        "object template t;\n'/x' = list(<<A, <<B);\none\nA\ntwo\nB\n'/y' = <<C;\nthree\nC\n"
    )
    assert [arg.value for arg in first.value.args] == ["one\n", "two\n"]
    assert second.value.value == "three\n"
    assert second.span.start_line == 7


def test_heredoc_body_is_raw() -> None:
    (statement,) = statements("object template t;\n'/x' = <<EOT;\n  \\n 'q' \"d\" # not a comment\nEOT\n")
    assert statement.value.value == "  \\n 'q' \"d\" # not a comment\n"


def test_unterminated_heredoc() -> None:
    check_inline("object template t;\n'/x' = <<EOT; ## parse: unterminated here-document\nbody\n")


def test_heredoc_is_not_a_path() -> None:
    check_inline("object template t;\n<<EOT = 1; ## parse: Encountered: <<EOT\n/a\nEOT\n")


# ----------------------------------------------------------------------------- expressions


def _shape(node: object) -> object:
    """A compact form of an expression: literals as values, names as names."""
    if isinstance(node, ast.Binary):
        return (node.op, _shape(node.left), _shape(node.right))
    if isinstance(node, ast.Unary):
        return (node.op, _shape(node.operand))
    if isinstance(node, ast.Literal):
        return node.value
    if isinstance(node, ast.Variable):
        return node.name
    if isinstance(node, ast.Assign):
        return ("=", _shape(node.target), _shape(node.value))
    if isinstance(node, ast.Index):
        return ("[]", _shape(node.base), _shape(node.index))
    if isinstance(node, ast.Call):
        return (node.name, *(_shape(arg) for arg in node.args))
    raise AssertionError(node)


@pytest.mark.parametrize(
    ("source", "shape"),
    [
        ("1 + 2 * 3", ("+", 1, ("*", 2, 3))),
        ("1 - 2 - 3", ("-", ("-", 1, 2), 3)),
        ("a || b && c", ("||", "a", ("&&", "b", "c"))),
        ("a | b ^ c & d", ("|", "a", ("^", "b", ("&", "c", "d")))),
        ("a == b < c", ("==", "a", ("<", "b", "c"))),
        ("a != b + c", ("!=", "a", ("+", "b", "c"))),
        ("a <= b >= c", (">=", ("<=", "a", "b"), "c")),
        ("1 + 2 % 3 / 4", ("+", 1, ("/", ("%", 2, 3), 4))),
        ("-a * !b", ("*", ("-", "a"), ("!", "b"))),
        ("~f(1)", ("~", ("f", 1))),
        ("(1 + 2) * 3", ("*", ("+", 1, 2), 3)),
        ("x[1]['k']", ("[]", ("[]", "x", 1), "k")),
        ("f(1, 'a',)", ("f", 1, "a")),
        ("f()", ("f",)),
        ("a || b || c && d | e", ("||", ("||", "a", "b"), ("&&", "c", ("|", "d", "e")))),
    ],
)
def test_precedence_and_associativity(source: str, shape: object) -> None:
    assert _shape(expression(source)) == shape


def test_dml_assignment_chain_and_index_targets() -> None:
    block = expression("{ a = b[0] = 3; SELF['k'] = a; }")
    assert _shape(block.body[0]) == ("=", "a", ("=", ("[]", "b", 0), 3))
    assert _shape(block.body[1]) == ("=", ("[]", "SELF", "k"), "a")


def test_unary_applies_only_to_a_primary() -> None:
    check_inline("object template t;\n'/a' = - -1; ## parse: Encountered: -\n")
    check_inline("object template t;\n'/a' = !!true; ## parse: Encountered: !\n")


def test_self_restrictions() -> None:
    check_inline(
        "object template t;\n"
        "'/a' = { SELF = 1; }; ## syntax: SELF variable may not be set directly\n"
        "type f = string with match(SELF(foo)); ## syntax: SELF cannot be used as a function\n"
    )


def test_return_and_error_cannot_be_arguments_or_indices() -> None:
    check_inline(
        "object template t;\n"
        "'/a' = to_string(return(1)); ## syntax: return() may not appear in a restricted context\n"
        "'/b' = x[error('e')]; ## syntax: error() may not appear in a restricted context\n"
        "'/c' = { return(1); };\n"
    )


def test_control_flow() -> None:
    block = expression(
        "{ if (a) 1; if (b) { 2; } else 3; while (c) d = d + 1; for (i = 0; i < 3; i = i + 1) x; "
        "foreach (k; v; list(1)) { y = v; }; }"
    )
    if_plain, if_else, while_, for_, foreach = block.body
    assert isinstance(if_plain, ast.If)
    assert if_plain.otherwise is None
    assert isinstance(if_else.then, ast.Block)
    assert if_else.otherwise.value == 3
    assert isinstance(while_, ast.While)
    assert isinstance(while_.body, ast.Assign)
    assert isinstance(for_, ast.For)
    assert _shape(for_.condition) == ("<", "i", 3)
    assert (foreach.key_name, foreach.value_name) == ("k", "v")


def test_dangling_else_binds_to_nearest_if() -> None:
    outer = expression("if (a) if (b) 1 else 2")
    assert outer.otherwise is None
    assert outer.then.otherwise.value == 2


def test_if_is_allowed_as_a_value_but_not_as_an_operand() -> None:
    assert isinstance(expression("if (a) 'x' else 'y'"), ast.If)
    assert isinstance(expression("{ x = if (a) 1 else 2; }").body[0].value, ast.If)
    check_inline("object template t;\n'/a' = 1 + if (a) 1 else 2; ## parse: Encountered: if\n")


def test_blocks_allow_extra_semicolons_but_not_emptiness() -> None:
    block = expression("{ ; 1; ; 2 }")
    assert [item.value for item in block.body] == [1, 2]
    check_inline("object template t;\n'/a' = {}; ## parse: illegal empty DML statement\n")
    check_inline("object template t;\nvariable X = ; ## parse: illegal empty DML statement\n")


# ----------------------------------------------------------------------------- types


def _type(source: str) -> ast.FullTypeSpec:
    (statement,) = statements(f"declaration template t;\ntype x = {source};\n")
    return statement.spec


def test_type_suffixes_apply_left_to_right() -> None:
    spec = _type("long(1..)[3]{}*").spec
    assert isinstance(spec, ast.LinkOf)
    assert isinstance(spec.element, ast.DictOf)
    assert isinstance(spec.element.element, ast.ListOf)
    assert spec.element.element.range == ast.Range(spec.element.element.range.span, 3, 3)
    assert spec.element.element.element.range.low == 1
    assert spec.element.element.element.range.high is None


@pytest.mark.parametrize(
    ("source", "low", "high"),
    [("long(1..5)", 1, 5), ("long(..5)", None, 5), ("long(-3..)", -3, None), ("string(4)", 4, 4)],
)
def test_ranges(source: str, low: int | None, high: int | None) -> None:
    type_range = _type(source).spec.range
    assert (type_range.low, type_range.high) == (low, high)


def test_empty_range_means_none() -> None:
    assert _type("long()").spec.range is None
    assert _type("string[]").spec.range is None


def test_default_and_with_in_that_order() -> None:
    spec = _type("long = 3 with SELF > 2")
    assert spec.default.value == 3
    assert _shape(spec.validation) == (">", "SELF", 2)


def test_records() -> None:
    spec = _type("extensible { 'a' : long = 1 'b' ? string[] include base '{x y}' : boolean }(1..2)").spec
    assert isinstance(spec, ast.RecordType)
    assert spec.extensible
    assert spec.range.low == 1
    first, second, include, escaped = spec.members
    assert (first.name, first.required, first.spec.default.value) == ("a", True, 1)
    assert (second.name, second.required) == ("b", False)
    assert include == ast.RecordInclude(include.span, "base")
    assert escaped.name == "x_20y"


def test_record_field_names_must_be_quoted_keys() -> None:
    check_inline("declaration template t;\ntype r = {\n  foo : long ## parse: Encountered: foo\n};\n")
    check_inline(
        "declaration template t;\ntype r = {\n"
        "  '0' ? string ## syntax: first term in path must be a key\n};\n"
    )
    check_inline(
        "declaration template t;\ntype r = {\n"
        "  '+x+' ? string ## syntax: field name (+x+) must be a valid path\n};\n"
    )


def test_choice() -> None:
    assert _type("choice('a', \"b\")").spec.choices == ("a", "b")
    check_inline("declaration template t;\ntype c = choice(); ## parse: Encountered: )\n")


# ----------------------------------------------------------------------------- paths in statements


def test_paths_in_statements_are_checked() -> None:
    check_inline(
        "object template t;\n"
        "'' = 0; ## syntax: relative path must have at least one term\n"
        "'/0' = 1; ## syntax: first term in path must be a key, not an index\n"
        "'/a//b' = 1; ## syntax: empty string cannot be used as a path term or nlist key\n"
        "'/foo/06' = 1; ## syntax: index cannot start with leading zero(s): '06'\n"
        "'other:/a' = 1; ## syntax: assignment cannot be made to an external path (other:/a)\n"
        "'/a/{b/c}/' = 1;\n"
        "bind '/a b' = long; ## syntax: invalid path term or nlist key: 'a b'\n"
        "bind 'a' = long; ## syntax: only absolute paths can be used with bind statements (a)\n"
        "bind '/${X}/a' = long;\n"
    )
