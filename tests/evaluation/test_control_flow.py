"""Blocks, if, while, for, foreach, return and the iteration limit."""

from __future__ import annotations

from pan_eval import error, profile, value

from panc.diagnostics import EvaluationError, PanSyntaxError
from panc.evaluation.values import UNDEF


def test_if_without_else_gives_undef_and_conditions_must_be_booleans() -> None:
    assert value("if (true) 'yes' else 'no'") == "yes"
    assert profile("'/x' = { a = if (false) 1; is_defined(a); };\n")["x"] is False
    assert isinstance(error("'/x' = { a = 1; if (a) 2; };\n"), EvaluationError)
    assert UNDEF is not None


def test_while_and_for() -> None:
    assert value("{ n = 1; r = 1; while (n <= 6) { r = r * n; n = n + 1; }; r; }") == 720
    assert value("{ s = 0; for (i = 0; i < 4; i = i + 1) s = s + i; s; }") == 6
    assert value("for ('init'; false; undef) 'body'") == "init"


def test_iteration_limit() -> None:
    err = error("'/a' = {\n  i = 0;\n  while (true) { i = i + 1; };\n};\n")
    assert err.message == "loop iteration count (10,000) has been exceeded"
    assert err.span is not None and err.span.range_text() == "4.3-4.7"
    err = error("'/a' = { for (i = 0; true; i = i + 1) i; };\n", max_iteration=5)
    assert err.message == "loop iteration count (5) has been exceeded"
    assert profile("'/a' = { i = 0; while (i < 20) i = i + 1; i; };\n", max_iteration=0)["a"] == 20


def test_foreach_walks_lists_by_index_and_dicts_by_sorted_key() -> None:
    assert value("{ r = ''; foreach (k; v; dict('b', 2, 'a', 1)) r = r + k + to_string(v); r; }") == "a1b2"
    assert value("{ r = 0; foreach (k; v; list(5, 6, 7)) r = r + k * v; r; }") == 6 + 14
    assert isinstance(error("'/x' = { foreach (k; v; 1) k; };\n"), EvaluationError)


def test_foreach_over_a_global_does_not_change_it() -> None:
    body = (
        "variable G = list(dict('a', 'OK'));\n"
        "variable G = { foreach (i; item; G) item['a'] = 'BAD'; SELF; };\n"
    )
    assert profile(body + "'/g' = G;\n")["g"] == [{"a": "OK"}]


def test_return_leaves_a_function_or_a_block() -> None:
    result = profile(
        "function f = { if (ARGV[0] > 0) return('pos'); 'neg'; };\n"
        "'/a' = f(1);\n'/b' = f(-1);\n'/c' = { return('early'); 'late'; };\n"
    )
    assert result == {"a": "pos", "b": "neg", "c": "early"}


def test_return_and_error_are_restricted_in_arguments() -> None:
    assert isinstance(error("'/x' = to_string(return('?'));\n"), PanSyntaxError)


def test_block_value_is_the_last_statement() -> None:
    assert value("{ 1; 2; 3; }") == 3
