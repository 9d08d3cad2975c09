"""Evaluation hooks: called with the right nodes, spans and frames; absent hooks cost nothing."""

from __future__ import annotations

from typing import Any

import pytest
from pan_eval import compile_templates

from panc.compiler import CompileOptions, Compiler
from panc.evaluation.frames import Frame
from panc.evaluation.hooks import EvaluationHooks
from panc.loader import MemoryLoader
from panc.source import Span

TEMPLATES = {
    "obj": "object template obj;\nfunction f = { x = ARGV[0] + 1; x; };\ninclude 'inc';\n'/a' = f(1);\n",
    "inc": "template inc;\n'/b' = 'B';\n",
}


class Recorder(EvaluationHooks):
    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []

    def on_statement(self, node: Any, frame: Frame) -> None:
        self.events.append(("statement", node.span.range_text(), frame.template))

    def on_include_enter(self, template: str, span: Span) -> None:
        self.events.append(("enter", template, span.range_text()))

    def on_include_exit(self, template: str, span: Span) -> None:
        self.events.append(("exit", template, span.range_text()))

    def on_function_enter(self, name: str, span: Span, frame: Frame) -> None:
        self.events.append(("call", name, span.range_text(), frame.argv, frame.function))

    def on_function_exit(self, name: str, span: Span, frame: Frame) -> None:
        self.events.append(("return", name, dict(frame.locals)))

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        self.events.append(("write", path, value, span.range_text(), template_name))

    def on_deprecation(self, message: str, span: Span) -> None:
        self.events.append(("deprecation", message, span.range_text()))

    def on_error(self, error: Any) -> None:
        self.events.append(("error", error.message))


def test_hooks_see_statements_includes_calls_and_writes() -> None:
    recorder = Recorder()
    result = compile_templates(TEMPLATES, hooks=recorder)
    assert result.error is None
    events = recorder.events
    assert ("enter", "inc", "3.1-3.14") in events
    assert ("exit", "inc", "3.1-3.14") in events
    assert ("write", "/b", "B", "2.1-2.11", "inc") in events
    assert ("write", "/a", 2, "4.1-4.12", "obj") in events
    assert ("call", "f", "4.8-4.11", [1], "f") in events
    assert ("return", "f", {"ARGV": [1], "ARGC": 1, "x": 2}) in events
    statements = [e for e in events if e[0] == "statement"]
    assert ("statement", "2.1-2.37", "obj") in statements  # function definition
    assert ("statement", "2.1-2.11", "inc") in statements
    assert ("statement", "2.16-2.30", "obj") in statements  # x = ARGV[0] + 1, inside f
    assert events.index(("enter", "inc", "3.1-3.14")) < events.index(("write", "/b", "B", "2.1-2.11", "inc"))


def test_deprecations_are_reported_to_the_hooks_when_printed() -> None:
    source = {"obj": "object template obj;\n'/a' = { debug('not one'); deprecated(0, 'old'); };\n"}
    for warnings, expected in (("on", [("deprecation", "old", "2.28-2.47")]), ("off", [])):
        recorder = Recorder()
        result = compile_templates(source, hooks=recorder, warnings=warnings, debug=True)
        assert result.error is None
        assert [e for e in recorder.events if e[0] == "deprecation"] == expected


def test_on_error_gets_the_error() -> None:
    recorder = Recorder()
    result = compile_templates({"obj": "object template obj;\n'/a' = error('boom');\n"}, hooks=recorder)
    assert result.error is not None
    assert ("error", "[obj] user-initiated error: boom") in recorder.events


def test_expression_hooks_only_on_request() -> None:
    class Expressions(EvaluationHooks):
        wants_expressions = True

        def __init__(self) -> None:
            self.seen: list[str] = []

        def on_expression(self, node: Any, frame: Frame) -> None:
            self.seen.append(type(node).__name__)

    hooks = Expressions()
    # a global keeps the statement for run time (evaluated at compile time, it runs no hook)
    source = "object template obj;\nvariable ONE = 1;\n'/a' = { x = ONE; x + 2; };\n"
    compile_templates({"obj": source}, hooks=hooks)
    assert "Binary" in hooks.seen and "Assign" in hooks.seen
    plain = Recorder()
    compile_templates({"obj": "object template obj;\n'/a' = { x = 1; x + 2; };\n"}, hooks=plain)
    assert all(e[0] != "expression" for e in plain.events)


def test_debugger_can_inspect_frames() -> None:
    captured: list[tuple[Any, ...]] = []

    class Inspect(EvaluationHooks):
        def on_statement(self, node: Any, frame: Frame) -> None:
            if frame.function == "f":
                stack = [f.function for f in frame.stack()]
                captured.append((dict(frame.locals), frame.self_value, frame.template, stack, frame.span))

    source = {"obj": "object template obj;\nfunction f = { ARGV[0]; };\n'/a' = 5;\n'/a' = { f(SELF); };\n"}
    assert compile_templates(source, hooks=Inspect()).error is None
    assert len(captured) == 1
    scope, self_value, template, stack, span = captured[0]
    assert scope == {"ARGV": [5], "ARGC": 1}
    assert self_value == 5
    assert template == "obj"
    assert stack == ["f", None]
    assert span.range_text() == "2.16-2.22"


def test_unhooked_compiles_never_call_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for name in dir(EvaluationHooks):
        if name.startswith("on_"):
            monkeypatch.setattr(EvaluationHooks, name, lambda *a, _n=name, **k: calls.append(_n))
    result = compile_templates(TEMPLATES)
    assert result.error is None
    assert not calls
    compiler = Compiler(CompileOptions(), loader=MemoryLoader(TEMPLATES))
    compiler.compile_object("obj")
    template = compiler.load_template("obj", ())
    assert template is not None
    # no wrapper closures: each statement runs its own code directly
    assert [s.code.__name__ for s in template.statements] == ["define", "include_static", "assign"]


def test_blocks_report_their_statements_only_and_creates_report_no_writes() -> None:
    recorder = Recorder()
    source = {
        "obj": "object template obj;\nfunction g = ARGV[0];\n'/a' = { if (true) { g(1); }; };\n"
        "'/s' = create('s');\n",
        "s": "structure template s;\n'x' = 1;\n",
    }
    assert compile_templates(source, hooks=recorder).error is None
    statements = [e[1] for e in recorder.events if e[0] == "statement"]
    assert "3.10-3.28" in statements  # the if statement
    assert "3.22-3.25" in statements  # g(1), inside the if's block
    assert "3.20-3.28" not in statements  # the block itself is not a statement
    assert "2.14-2.20" in statements  # g's one-expression body
    writes = [e[1] for e in recorder.events if e[0] == "write"]
    assert writes == ["/a", "/s"]
