"""Several objects in one compiler: references, cycles, dependencies, shared templates."""

from __future__ import annotations

from panc.compiler import CompileOptions, Compiler
from panc.diagnostics import EvaluationError, PanParseError, ValidationError
from panc.loader import MemoryLoader


def compiler_for(templates: dict[str, str], **options: object) -> Compiler:
    return Compiler(CompileOptions(**options), loader=MemoryLoader(templates))  # type: ignore[arg-type]


def test_shared_templates_do_not_leak_between_objects() -> None:
    templates = {
        "a": "object template a;\ninclude 'common';\n'/x' = X;\n",
        "b": "object template b;\ninclude 'common';\n'/x' = X;\n'/other' = value('a:/x');\n",
        "common": "template common;\nvariable X ?= list(1);\n"
        "variable X = { SELF[length(SELF)] = 2; SELF; };\n",
    }
    compiler = compiler_for(templates)
    first = compiler.compile_object("a")
    second = compiler.compile_object("b")
    assert first.profile == {"x": [1, 2]}
    assert second.profile == {"x": [1, 2], "other": [1, 2]}


def test_dependencies_include_referenced_objects() -> None:
    templates = {
        "main": "object template main;\n'/r' = value('inc_external:/a');\ninclude if_exists('nothere');\n",
        "inc_external": "object template inc_external;\n'/' = create('indirect');\n",
        "indirect": "structure template indirect;\n'a' = 1;\n",
    }
    result = compiler_for(templates).compile_object("main")
    assert result.error is None and result.profile == {"r": 1}
    kinds = {d.name: d.kind for d in result.dependencies}
    assert kinds == {"main": "PAN", "inc_external": "PAN", "indirect": "PAN", "nothere": "ABSENT_SOURCE"}


def test_references_during_validation_may_be_circular() -> None:
    templates = {
        "one": "object template one;\nfunction check = is_long(value('two:/a'));\n"
        "valid '/' = check();\n'/a' = 1;\n",
        "two": "object template two;\nfunction check = is_long(value('one:/a'));\n"
        "valid '/' = check();\n'/a' = 1;\n",
    }
    compiler = compiler_for(templates)
    assert compiler.compile_object("one").error is None
    assert compiler.compile_object("two").error is None


def test_an_object_fails_when_a_referenced_object_fails_validation() -> None:
    templates = {
        "main": "object template main;\nfunction check = is_long(value('bad:/a'));\nvalid '/' = check();\n",
        "bad": "object template bad;\n'/a' = 1;\n'/u' = undef;\n",
    }
    result = compiler_for(templates).compile_object("main")
    assert isinstance(result.error, ValidationError)


def test_circular_references_while_building_fail() -> None:
    templates = {
        "one": "object template one;\n'/a' = value('two:/a');\n",
        "two": "object template two;\n'/a' = value('one:/a');\n",
    }
    result = compiler_for(templates).compile_object("one")
    assert isinstance(result.error, EvaluationError)
    assert "circular" in result.error.message


def test_initial_data_seeds_every_object() -> None:
    templates = {"a": "object template a;\n'/x' = 1;\n", "b": "object template b;\n"}
    compiler = compiler_for(templates, initial_data="dict('seed', 'OK')")
    assert compiler.compile_object("a").profile == {"seed": "OK", "x": 1}
    assert compiler.compile_object("b").profile == {"seed": "OK"}


def test_initial_data_must_be_one_expression() -> None:
    templates = {"a": "object template a;\n"}
    for text in ("dict('a', 1); '/b' = 2", "dict('a', 1);\nvariable X = 1"):
        error = compiler_for(templates, initial_data=text).compile_object("a").error
        assert isinstance(error, PanParseError), text
        assert error.message == "initial data must be one DML expression"
    assert compiler_for(templates, initial_data="dict('a', 1);").compile_object("a").profile == {"a": 1}
    error = compiler_for(templates, initial_data="1").compile_object("a").error
    assert isinstance(error, EvaluationError) and error.message == "initial data must be a dict"
