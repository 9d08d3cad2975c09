"""User functions: ARGV/ARGC, scoping, SELF inheritance, recursion limit."""

from __future__ import annotations

from pan_eval import compile_templates, error, profile

from panc.diagnostics import EvaluationError


def test_argv_drops_null_arguments() -> None:
    result = profile(
        "function f = list(ARGC, ARGV);\n'/a' = f(null);\n'/c' = f();\n"
        "'/b' = { r = f(1, null, 3); list(r[0], r[1][0], r[1][2]); };\n"
        "'/d' = { r = f(1, null, 3); is_defined(r[1][1]); };\n"
    )
    assert result["a"] == [0, []]
    assert result["b"] == [3, 1, 3]
    assert result["c"] == [0, []]
    assert result["d"] is False


def test_caller_locals_are_hidden_but_self_is_shared() -> None:
    result = profile(
        "function set = { i = 10; };\n"
        "function touch = { SELF['a'] = 'OK'; 'dummy'; };\n"
        "'/x' = { i = 1; set(); i; };\n"
        "'/r' = { touch(); SELF; };\n"
    )
    assert result == {"x": 1, "r": {"a": "OK"}}


def test_function_names_are_unique() -> None:
    assert error("function f = 1;\nfunction f = 2;\n").message == (
        "duplicate function definition: f\nprevious definition [memory/obj.pan:2.1-2.15]\n"
    )


def test_calling_an_undefined_function_fails() -> None:
    err = error("'/x' = nothere(1);\n")
    assert isinstance(err, EvaluationError)
    assert "nothere" in err.message


def test_recursion_limit_with_full_trace() -> None:
    err = error("function f = f();\n'/a' = f();\n")
    assert isinstance(err, EvaluationError)
    assert err.message == "call depth limit (50) exceeded"
    assert len(err.trace) == 51
    assert {s.range_text() for s in err.trace[:-1]} == {"2.14-2.16"}
    assert err.trace[-1].range_text() == "3.8-3.10"


def test_deep_legal_recursion_never_overflows_python() -> None:
    body = "function count = if (ARGV[0] <= 0) 0 else 1 + count(ARGV[0] - 1);\n'/n' = count(2000);\n"
    assert profile(body, max_recursion=2500)["n"] == 2000
    err = error("function f = { x = 1; y = list(x, f()); };\n'/a' = f();\n", max_recursion=100_000)
    assert isinstance(err, EvaluationError)


def test_error_inside_an_included_function_has_the_whole_trace() -> None:
    result = compile_templates(
        {
            "obj": "object template obj;\n\ninclude 'lib/broken';\n",
            "lib/broken": 'template lib/broken;\n\nfunction bad = error("bad: " + ARGV[0]);\n\n'
            "'/b' = bad(\"from include\");\n",
        }
    )
    err = result.error
    assert isinstance(err, EvaluationError)
    assert err.message == "[obj] user-initiated error: bad: from include"
    assert [str(s) for s in err.trace] == [
        "memory/lib/broken.pan:3.16-3.39",
        "memory/lib/broken.pan:5.8-5.26",
        "memory/obj.pan:3.1-3.21",
    ]


def test_error_formats_its_arguments() -> None:
    err = error(
        "function foo = error('wrong number (%d) of elements in ARGC', ARGC);\n'/x' = foo(1.15, 1.1);\n"
    )
    assert err.message == "[obj] user-initiated error: wrong number (2) of elements in ARGC"
    assert "needs to be a string" in error("'/x' = { a = 1; error(a); };\n").message
