"""Helpers for the evaluator tests: compile in-memory templates, inspect results and errors."""

from __future__ import annotations

from panc.compiler import CompileOptions, Compiler, ObjectResult
from panc.diagnostics import PanError
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.values import Value
from panc.loader import MemoryLoader


def compile_templates(
    templates: dict[str, str],
    name: str = "obj",
    hooks: EvaluationHooks | None = None,
    files: dict[str, bytes | str] | None = None,
    messages: list[str] | None = None,
    **options: object,
) -> ObjectResult:
    """Compile object ``name`` from in-memory templates (``MemoryLoader``, paths ``memory/X.pan``)."""
    compiler = Compiler(
        CompileOptions(**options),  # type: ignore[arg-type]
        loader=MemoryLoader(templates, files),
        hooks=hooks,
        message_sink=messages.append if messages is not None else None,
    )
    return compiler.compile_object(name)


def profile(body: str, **options: object) -> dict[str, Value]:
    """The profile of ``object template obj;`` followed by ``body``; fails the test on error."""
    result = compile_templates({"obj": "object template obj;\n" + body}, **options)
    assert result.error is None, result.error.format()
    assert result.profile is not None
    return result.profile


def error(body: str, **options: object) -> PanError:
    """The error that ``object template obj;`` followed by ``body`` stops with."""
    result = compile_templates({"obj": "object template obj;\n" + body}, **options)
    assert result.error is not None, f"expected an error, got {result.profile}"
    return result.error


def value(expression: str) -> Value:
    """The value of a DML expression assigned to ``/x``."""
    return profile(f"'/x' = {expression};\n")["x"]
