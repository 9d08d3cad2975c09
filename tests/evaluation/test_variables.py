"""Local and global variables, SELF in variable statements, automatic variables."""

from __future__ import annotations

from pan_eval import error, profile, value

from panc.diagnostics import EvaluationError, PanSyntaxError


def test_globals_with_final_and_conditional() -> None:
    result = profile(
        "variable A = 'O';\nvariable A = A + 'K';\nvariable B ?= 1;\nvariable B ?= 2;\n'/a' = A;\n'/b' = B;\n"
    )
    assert result == {"a": "OK", "b": 1}
    assert "final global variable" in error("final variable X = 1;\nvariable X = 2;\n").message
    assert isinstance(error("variable X = 1;\nfinal variable X ?= 2;\nvariable X = 3;\n"), EvaluationError)


def test_null_counts_as_set_for_conditional_variables() -> None:
    assert profile("variable N = null;\nvariable N ?= 1;\n'/x' = is_null(N);\n")["x"] is True


def test_reading_a_global_gives_a_copy() -> None:
    body = "variable G = dict('a', 1);\n'/x' = { x = G; x['b'] = 2; length(G); };\n"
    assert profile(body)["x"] == 1


def test_dml_cannot_modify_globals() -> None:
    # a DML that reads nothing of the object is evaluated at compile time, where no global
    # exists: there it makes a local (tests/oracle/cases/locals-and-children, o2)
    assert profile("variable foo = 1;\n'/x' = { foo = 2; };\n")["x"] == 2
    err = error("variable foo = 1;\n'/x' = { foo = 2; OBJECT; };\n")
    assert err.message == "global variable 'foo' cannot be modified from DML block"


def test_locals_are_per_statement_and_undefined_reads_fail() -> None:
    err = error("'/a' = foo = 1;\n'/b' = foo;\n")
    assert err.message == "variable named 'foo' is undefined"
    assert err.span is not None and err.span.range_text() == "3.8-3.10"


def test_local_replacement_rule_and_null_deletion() -> None:
    assert isinstance(error("'/x' = { a = 1; a = 'x'; };\n"), EvaluationError)
    assert value("{ a = 1; a = null; a = 'x'; a; }") == "x"


def test_local_aliasing_and_child_copies() -> None:
    # y = x aliases; a resource stored as a child is a copy (panc's reference tests)
    assert value("{ x = dict('a', 1, 'b', 2); y = x; y['c'] = x; x['d'] = 4; length(x); }") == 4
    assert value("{ x = dict('a', 1); y[0] = x; x['c'] = 3; length(y[0]); }") == 1


def test_self_in_variable_statements_is_visible_at_once() -> None:
    result = profile("variable T = { SELF['a'] = 'OK'; SELF['b'] = T['a']; SELF; };\n'/t' = T;\n")
    assert result["t"] == {"a": "OK", "b": "OK"}


def test_self_cannot_be_assigned_and_automatic_variables_cannot_be_set() -> None:
    assert isinstance(error("'/x' = { SELF = 1; };\n"), PanSyntaxError)
    for name in ("TEMPLATE", "FUNCTION", "OBJECT", "SELF"):
        assert isinstance(error(f"variable {name} = 1;\n"), PanSyntaxError), name


def test_automatic_variables() -> None:
    result = profile(
        "function f = FUNCTION;\n'/o' = OBJECT;\n'/t' = TEMPLATE;\n'/f' = f();\n'/e' = exists(FUNCTION);\n"
    )
    assert result == {"o": "obj", "t": "obj", "f": "f", "e": False}


def test_loadpath_must_be_a_list_of_relative_paths() -> None:
    assert isinstance(error("variable LOADPATH = list('/abs');\n"), EvaluationError)


def test_undefined_variable_in_type_tests_gives_false() -> None:
    result = profile("'/a' = is_defined(X);\n'/b' = is_string(X);\n'/c' = is_list(Y[0]);\n")
    assert result == {"a": False, "b": False, "c": False}
