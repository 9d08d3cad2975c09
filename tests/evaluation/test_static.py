"""Compile-time checks: what panc reports as syntax errors before running anything."""

from __future__ import annotations

from pan_eval import compile_templates, error

from panc.diagnostics import EvaluationError, PanSyntaxError


def test_a_syntax_error_anywhere_in_a_template_stops_it_even_if_unused() -> None:
    err = error("function never_called = 1 / 0;\n'/a' = 1;\n")
    assert isinstance(err, PanSyntaxError)
    assert err.span is not None and err.span.range_text() == "2.25-2.29"


def test_defaults_must_be_compile_time_constants() -> None:
    err = error("type t = {\n    'a' : long = value('/a')\n};\n")
    assert isinstance(err, PanSyntaxError)
    assert err.message == "default value must be a compile-time constant"
    assert err.span is not None and err.span.range_text() == "3.18-3.28"
    assert isinstance(error("type t = { 'a' : string = file_contents('x') };\n"), PanSyntaxError)
    source = "object template obj;\ntype t = long = { x = 2; x * 2; };\nbind '/r' = t;\n"
    result = compile_templates({"obj": source})
    assert result.error is None and result.profile == {"r": 4}


def test_builtin_argument_counts() -> None:
    err = error("'/x' = is_valid();\n")
    assert err.message == "is_valid() requires exactly two arguments"
    assert isinstance(error("'/x' = first(dict(), 2, 3);\n"), PanSyntaxError)


def test_restricted_contexts() -> None:
    assert isinstance(error("'/x' = to_string(return(1));\n"), PanSyntaxError)
    assert isinstance(error("'/x' = { x = list(1); x[error('no')]; };\n"), PanSyntaxError)
    assert isinstance(error("'/x' = { a[1.0] = 1; };\n"), PanSyntaxError)
    assert isinstance(error("'/x' = join(null, 'a');\n"), PanSyntaxError)


def test_statements_allowed_in_structure_templates() -> None:
    for statement in ("function f = 1;", "type t = long;", "variable V = 1;", "'/abs' = 1;"):
        structure = f"structure template s;\n{statement}\n"
        result = compile_templates({"obj": "object template obj;\n'/x' = create('s');\n", "s": structure})
        assert isinstance(result.error, PanSyntaxError), statement


def test_unknown_functions_are_only_reported_when_called() -> None:
    assert compile_templates({"obj": "object template obj;\nfunction f = g();\n'/a' = 1;\n"}).error is None
    assert isinstance(error("function f = g();\n'/a' = f();\n"), EvaluationError)


def test_builtins_cannot_be_shadowed_by_user_functions() -> None:
    source = "object template obj;\nfunction length = 42;\n'/a' = length('abc');\n"
    result = compile_templates({"obj": source})
    assert result.error is None and result.profile == {"a": 3}
