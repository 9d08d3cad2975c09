"""Compile-time checks: what panc reports as syntax errors before running anything."""

from __future__ import annotations

import pytest
from pan_eval import compile_templates, error

from panc.builtins.registry import BUILTINS, Builtin
from panc.diagnostics import EvaluationError, JavaRuntimeFailure, PanSyntaxError


def test_a_syntax_error_anywhere_in_a_template_stops_it_even_if_unused() -> None:
    err = error("function never_called = 1 / 0;\n'/a' = 1;\n")
    assert isinstance(err, PanSyntaxError)
    assert err.span is not None and err.span.range_text() == "2.25-2.29"


def test_defaults_must_be_compile_time_constants() -> None:
    err = error("type t = {\n    'a' : long = value('/a')\n};\n")
    assert isinstance(err, PanSyntaxError)
    assert err.message == "DML block for default value does not evaluate to a compile-time constant"
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
        # the structure template's syntax error, as the message of an evaluation error at create()
        error = result.error
        assert isinstance(error, EvaluationError), statement
        assert error.message.startswith("syntax error [memory/s.pan:2.1-"), statement


def test_unknown_functions_are_only_reported_when_called() -> None:
    assert compile_templates({"obj": "object template obj;\nfunction f = g();\n'/a' = 1;\n"}).error is None
    assert isinstance(error("function f = g();\n'/a' = f();\n"), EvaluationError)


def test_builtins_cannot_be_shadowed_by_user_functions() -> None:
    source = "object template obj;\nfunction length = 42;\n'/a' = length('abc');\n"
    result = compile_templates({"obj": source})
    assert result.error is None and result.profile == {"a": 3}


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("json_decode('[[')", 8),  # panc's json5: located at the call
        # panc's function13: its Base64 class raises a bare error, located at the statement
        # (tests/oracle/cases/bi-encoding: b64d_invalid2)
        ("base64_decode('a+b?c')", 1),
    ],
)
def test_failing_builtin_calls_on_constants_fail_when_they_run(expression: str, start: int) -> None:
    # unlike 1/0, panc does not refuse these at compile time: they are evaluation errors
    err = error(f"'/x' = {expression};\n")
    assert isinstance(err, EvaluationError)
    end = 7 + len(expression) + (1 if start == 1 else 0)
    assert err.range is not None and err.range.range_text() == f"2.{start}-2.{end}"
    unused = f"object template obj;\nfunction never_called = {expression};\n'/a' = 1;\n"
    assert compile_templates({"obj": unused}).error is None


def test_unary_minus_of_a_constant_string_fails_when_compiling_even_unused() -> None:
    # panc's newOperation raises an evaluation error out of the compile, located at the
    # operator only (tests/oracle/cases/operator-folding)
    unused = "object template obj;\nfunction never_called = - 'foo';\n'/a' = 1;\n"
    err = compile_templates({"obj": unused}).error
    assert type(err) is EvaluationError
    assert err.format() == (
        "evaluation error [?:2.25-2.25]\nargument for unary minus (-) operation must be a long or double\n"
    )


def test_a_builtin_bug_is_reported_at_the_call_also_with_constant_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(args: list[object]) -> object:
        return 1 // (len(args) - 1)

    monkeypatch.setitem(BUILTINS, "broken", Builtin("broken", broken, 1, 1, "pure", "", "broken(x)"))
    for argument in ("1", "{ a = 1; a; }"):  # evaluated at compile time (and failing), then run
        err = error(f"'/x' = broken({argument});\n")
        assert type(err) is EvaluationError, argument
        assert err.message == "broken() failed: ZeroDivisionError('integer division or modulo by zero')"
        assert err.span is not None and (err.span.start_line, err.span.start_column) == (2, 8)


@pytest.mark.parametrize(
    "statement", ["'/a' = length({ return('one'); });", "'/c' = substr({ return('two'); }, 1);"]
)
def test_return_in_the_argument_of_a_builtin_is_refused(statement: str) -> None:
    err = error(statement + "\n")  # panc's restricted context (tests/oracle/cases/compile-time-checks)
    assert isinstance(err, PanSyntaxError)
    assert err.message.startswith("return() may not appear in a restricted context")


def test_a_constant_invalid_index_read_is_an_evaluation_error_when_it_runs() -> None:
    # only as an assignment target is it a syntax error (panc's terms1)
    err = error("'/x' = { x = list(1); x[1.0]; };\n")
    assert isinstance(err, EvaluationError)
    assert err.message == "element of type double is not a valid index"  # tests/oracle/cases/index-reads
    assert err.span is not None and err.span.range_text() == "2.23-2.28"
    unused = "object template obj;\nfunction never_called = { x = list(1); x[1.0]; };\n'/a' = 1;\n"
    assert compile_templates({"obj": unused}).error is None


def test_digest_of_a_constant_non_string_is_pancs_internal_error() -> None:
    # panc's Digest.getInstance raises an evaluation error from the parser, which panc reports
    # as "unexpected exception encountered" (then its Java stack trace, which we leave out)
    unused = "object template obj;\nfunction never_called = digest('MD5', 1);\n'/a' = 1;\n"
    err = compile_templates({"obj": unused}).error
    assert isinstance(err, JavaRuntimeFailure)
    assert err.format() == "unexpected exception encountered"
    # the algorithm is checked first, as a syntax error
    assert isinstance(error("'/a' = digest('FOO', 1);\n"), PanSyntaxError)
