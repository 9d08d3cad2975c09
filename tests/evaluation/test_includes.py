"""Template kinds, the include matrix, run-once semantics, computed includes, lookups."""

from __future__ import annotations

from pan_eval import compile_templates

from panc.diagnostics import EvaluationError, PanSyntaxError


def run(templates: dict[str, str]) -> tuple[dict | None, Exception | None]:
    result = compile_templates(templates)
    return result.profile, result.error


def test_unique_and_declaration_templates_run_once() -> None:
    profile, err = run(
        {
            "obj": "object template obj;\ninclude 'u';\ninclude 'u';\ninclude 'd';\ninclude 'd';\n"
            "include 'o';\ninclude 'o';\n'/n' = N;\n",
            "u": "unique template u;\nvariable N ?= 0;\nvariable N = N + 1;\n",
            "d": "declaration template d;\nfunction f = 1;\n",
            "o": "template o;\nfunction g = 1;\nvariable N = N + 10;\n",
        }
    )
    assert err is None
    assert profile == {"n": 21}  # ordinary templates re-run, skipping their definitions


def test_include_matrix() -> None:
    _, err = run({"obj": "object template obj;\ninclude 's';\n", "s": "structure template s;\n'a' = 1;\n"})
    assert isinstance(err, EvaluationError)
    _, err = run({"obj": "object template obj;\ninclude 'other';\n", "other": "object template other;\n"})
    assert isinstance(err, EvaluationError)
    _, err = run(
        {
            "obj": "object template obj;\ninclude 'd';\n",
            "d": "declaration template d;\ninclude 'u';\n",
            "u": "unique template u;\n",
        }
    )
    assert isinstance(err, EvaluationError)


def test_statements_allowed_per_kind() -> None:
    _, err = run(
        {
            "obj": "object template obj;\n'/x' = create('s');\n",
            "s": "structure template s;\nfunction f = 1;\n",
        }
    )
    # the included template's syntax error becomes the message of an evaluation error at the
    # create() or include (tests/oracle/cases/compile-time-checks)
    assert isinstance(err, EvaluationError)
    assert err.message.startswith("syntax error [memory/s.pan:2.1-2.15]\nonly relative assigment")
    _, err = run({"obj": "object template obj;\ninclude 'd';\n", "d": "declaration template d;\n'/a' = 1;\n"})
    assert isinstance(err, EvaluationError)
    assert "statement not allowed in declaration template" in err.message


def test_computed_includes() -> None:
    profile, err = run(
        {
            "obj": "object template obj;\nvariable T = 'a/b';\ninclude T;\ninclude { undef };\n"
            "include if_exists('missing');\n",
            "a/b": "template a/b;\n'/r' = 'OK';\n",
        }
    )
    assert err is None and profile == {"r": "OK"}
    _, err = run({"obj": "object template obj;\nvariable P = 'a//b';\ninclude P;\n"})
    assert isinstance(err, EvaluationError)
    _, err = run({"obj": "object template obj;\ninclude { SELF };\n"})
    assert isinstance(err, PanSyntaxError)
    _, err = run({"obj": "object template obj;\ninclude { 1 };\n"})
    assert isinstance(err, PanSyntaxError)


def test_missing_template() -> None:
    _, err = run({"obj": "object template obj;\n\ninclude 'does/not/exist';\n"})
    assert isinstance(err, EvaluationError)
    assert err.message == "cannot locate template named 'does/not/exist'"
    assert [s.range_text() for s in err.trace] == ["3.1-3.25"]


def test_misnamed_template() -> None:
    _, err = run({"obj": "object template obj;\ninclude 'a';\n", "a": "template b;\n"})
    assert isinstance(err, EvaluationError)  # at the include (tests/oracle/cases/misnamed-template)
    assert err.message == (
        "syntax error [memory/a.pan:1.1-1.11]\n"
        "misplaced or misnamed template; relative directory and name must match 'b'\n"
    )
    assert err.range is not None and err.range.range_text() == "2.1-2.12"


def test_loadpath() -> None:
    profile, err = run(
        {
            "obj": "object template obj;\nvariable LOADPATH = list('site');\ninclude 'conf';\n",
            "site/conf": "template site/conf;\n'/c' = TEMPLATE;\n",
        }
    )
    assert err is None and profile == {"c": "site/conf"}


def test_structure_templates_and_create() -> None:
    profile, err = run(
        {
            "obj": "object template obj;\n'/x' = create('s', 'b', 2);\n"
            "'/t' = { s = create('s'); s['tpl']; };\n",
            "s": "structure template s;\n'a' = 1;\n'tpl' = TEMPLATE;\ninclude 'inner';\n",
            "inner": "structure template inner;\n'c/d' = 3;\n",
        }
    )
    assert err is None
    assert profile == {"x": {"a": 1, "tpl": "obj", "c": {"d": 3}, "b": 2}, "t": "obj"}


def test_syntax_error_in_an_included_template_stops_the_object() -> None:
    _, err = run({"obj": "object template obj;\ninclude 'bad';\n", "bad": "template bad;\n'/x' = 1 +;\n"})
    assert err is not None and err.category.value == "parse error"
