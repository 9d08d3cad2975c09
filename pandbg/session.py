"""A debugging session over the pan compiler: breakpoints, stepping, frames, values.

The session knows nothing of the Debug Adapter Protocol. It compiles one object template
with ``panc.compiler.Compiler`` on a worker thread and watches it through the evaluator's
hooks (``panc.evaluation.hooks``); to stop, the evaluator thread blocks inside a hook until
the client resumes it. While it is stopped, every inspection (stack, variables, evaluate)
runs on that same thread, so the evaluator's state is never touched by two threads.

    session = DebugSession(listener)             # listener gets stopped/output/finished
    session.launch(LaunchConfig(program="site/node1.pan", include_path=["site"]))
    session.set_line_breakpoints("site/base.pan", [LineSpec(12)])
    session.start()
    ...listener.stopped(...) arrives...
    frames = session.stack(); session.step_in(); session.resume()

Everything a user types (conditions, watches, values to set) is pan DML compiled by the
core (``panc.evaluation.snippets``) and evaluated in the frame where execution stopped;
evaluation works on copies of the locals and ``SELF``, so watches never change the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from panc.builtins.registry import BUILTINS
from panc.compiler import Compiler
from panc.diagnostics import PanError, Severity, editor_summary
from panc.evaluation.snippets import compile_snippet
from panc.evaluation.terms import format_path
from panc.output import UnknownFormatError, parse_formats
from panc.syntax import ParseResult, ast
from panc.syntax.cache import parse_cached
from panc.syntax.gcpause import collector_paused
from pandbg.breakpoints import (
    DataBreakpoint,
    FunctionBreakpoint,
    HitCondition,
    LineBreakpoint,
    executable_lines,
    place_line,
)
from pandbg.inspection import Inspector, error_text, profile_terms
from pandbg.model import (
    EXCEPTION_FILTERS,
    DataSpec,
    ExceptionDetails,
    FrameInfo,
    FunctionSpec,
    LaunchConfig,
    LineSpec,
    ScopeInfo,
    SessionError,
    SessionListener,
    StopInfo,
    VariableInfo,
    Write,
)
from pandbg.run import Run

_T = TypeVar("_T")


# --------------------------------------------------------------------------- the session


class DebugSession:
    """Breakpoints and options that outlive runs, and the current run."""

    def __init__(self, listener: SessionListener) -> None:
        self.listener = listener
        self.config: LaunchConfig | None = None
        self.line_breakpoints: dict[str, list[LineBreakpoint]] = {}
        self.function_breakpoints: list[FunctionBreakpoint] = []
        self.data_breakpoints: list[DataBreakpoint] = []
        self.exception_filters: set[str] = set()
        self.line_index: dict[str, dict[int, LineBreakpoint]] = {}
        self._next_id = 1
        self._run: Run | None = None
        self._prepared: Run | None = None
        self._memo: _ParseMemo | None = None
        self._object_name = ""

    # ------------------------------------------------------------------ configuration

    def launch(self, config: LaunchConfig) -> str:
        """Check the program and what it includes by constant names; returns the object's name.

        Raises ``SessionError`` for a missing or non-object template, a parse or syntax error
        in it or in a template it includes by a constant name, or a bad option. The checked
        templates are compiled by the run's own compiler, so checking costs the run nothing.
        """
        program = os.path.abspath(config.program)
        if not program.endswith((".pan", ".tpl")):
            raise SessionError(f"program '{config.program}' is not a pan template (.pan or .tpl)")
        try:
            with open(program, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise SessionError(f"cannot read template file '{config.program}': {error}") from None
        try:
            parse_formats(config.formats)
        except UnknownFormatError as error:
            raise SessionError(f"unknown output format '{error.key}'") from None
        memo = _ParseMemo()
        template = memo.checked(text, program)
        if template.kind != "object" or template.name is None:
            raise SessionError(f"'{config.program}' is not an object template")
        name = template.name
        root = _namespace_root(program, name)
        include_path = [os.path.abspath(d) for d in config.include_path]
        if not any(
            os.path.isfile(os.path.join(d, name + suffix))
            for d in include_path
            for suffix in (".pan", ".tpl")
        ):
            # panc finds objects through the include path; without the program's own root
            # there the object could not be found at all, so that root goes last
            include_path.append(root)
        config.include_path = include_path
        config.program = program
        prepared = Run(self, config, name, memo.parse, wants_expressions=False)
        with collector_paused():  # as during a compile: no cycles, many objects
            _check_static_includes(prepared.compiler, name)
        self.config = config
        self._memo = memo
        self._object_name = name
        self._prepared = prepared
        return name

    def set_line_breakpoints(self, path: str, specs: list[LineSpec]) -> list[LineBreakpoint]:
        """Replace the breakpoints of one file; each is placed on an executable line."""
        real = os.path.realpath(path)
        lines, problem = _executable_lines(real)
        created = []
        for spec in specs:
            breakpoint_ = LineBreakpoint(self._new_id(), path=real, requested_line=spec.line, line=spec.line)
            self._condition(breakpoint_, spec.condition, spec.hit_condition)
            breakpoint_.log_message = spec.log_message
            placed = place_line(lines, spec.line)
            if placed is None:
                breakpoint_.verified = False
                breakpoint_.message = problem or "no executable statement at or after this line"
            elif placed != spec.line:
                breakpoint_.line = placed
                breakpoint_.message = (
                    breakpoint_.message or f"moved to line {placed}, the next executable statement"
                )
            created.append(breakpoint_)
        self.line_breakpoints[real] = created
        self.line_index = {
            file: {b.line: b for b in reversed(bps) if b.verified}
            for file, bps in self.line_breakpoints.items()
        }
        self._refresh()
        return created

    def breakpoint_lines(self, path: str, first: int, last: int) -> list[int]:
        """The lines from ``first`` to ``last`` where a breakpoint can stop."""
        lines, _ = _executable_lines(os.path.realpath(path))
        return sorted(line for line in lines if first <= line <= last)

    def set_function_breakpoints(self, specs: list[FunctionSpec]) -> list[FunctionBreakpoint]:
        """Stop when a user function starts, or when a builtin is called."""
        created = []
        hooked = self._run is not None and self._run.wants_expressions
        for spec in specs:
            breakpoint_ = FunctionBreakpoint(self._new_id(), name=spec.name, builtin=spec.name in BUILTINS)
            self._condition(breakpoint_, spec.condition, spec.hit_condition)
            if breakpoint_.builtin and self._run is not None and not hooked:
                breakpoint_.verified = False
                breakpoint_.message = "breakpoints on builtins set during a run take effect at restart"
            created.append(breakpoint_)
        self.function_breakpoints = created
        self._refresh()
        return created

    def set_exception_filters(self, filters: list[str]) -> None:
        unknown = [f for f in filters if f not in EXCEPTION_FILTERS]
        if unknown:
            raise SessionError(f"unknown exception filter '{unknown[0]}'")
        self.exception_filters = set(filters)
        self._refresh()

    def set_data_breakpoints(self, specs: list[DataSpec]) -> list[DataBreakpoint]:
        """Stop after every write to each path (or to one of its parents or children)."""
        created = []
        for spec in specs:
            breakpoint_ = DataBreakpoint(self._new_id(), path=spec.path)
            self._condition(breakpoint_, spec.condition, spec.hit_condition)
            try:
                breakpoint_.terms = profile_terms(spec.path)
                breakpoint_.path = format_path(breakpoint_.terms)  # type: ignore[arg-type]
            except SessionError as error:
                breakpoint_.verified = False
                breakpoint_.message = str(error)
            created.append(breakpoint_)
        self.data_breakpoints = created
        self._refresh()
        return created

    def data_breakpoint_path(self, reference: int | None, name: str) -> str | None:
        """The profile path a variable (or an expression like ``/a/b``) names, if any."""
        if reference:
            return self._inspect(lambda inspector: inspector.profile_path_of(reference, name))
        if name.startswith("/"):
            try:
                return format_path(profile_terms(name))  # type: ignore[arg-type]
            except SessionError:
                return None
        return None

    def _condition(self, breakpoint_: Any, condition: str | None, hit_condition: str | None) -> None:
        breakpoint_.condition = condition or None
        if hit_condition:
            try:
                breakpoint_.hit_condition = HitCondition.parse(hit_condition)
            except ValueError as error:
                breakpoint_.verified = False
                breakpoint_.message = str(error)
        if condition:
            try:
                compile_snippet(condition, "", "<condition>")
            except PanError as error:
                breakpoint_.verified = False
                breakpoint_.message = f"invalid condition: {error_text(error)}"

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _refresh(self) -> None:
        if self._run is not None:
            self._run.refresh()

    # ------------------------------------------------------------------ running

    @property
    def running(self) -> bool:
        return self._run is not None and not self._run.done.is_set()

    @property
    def stopped(self) -> bool:
        return self._run is not None and self._run.stop is not None

    @property
    def object_name(self) -> str:
        return self._object_name

    def start(self) -> None:
        """Start compiling the launched program."""
        if self.config is None or self._memo is None:
            raise SessionError("nothing to run: launch a program first")
        if self.running:
            raise SessionError("the program is already running")
        run = self._prepared
        builtins = any(b.builtin for b in self.function_breakpoints)
        if run is None or (builtins and not run.wants_expressions):
            # expression hooks are compiled into the templates: a breakpoint on a builtin
            # needs a compiler of its own (the parses are reused)
            run = Run(self, self.config, self._object_name, self._memo.parse, wants_expressions=builtins)
        self._prepared = None
        self._run = run
        run.begin()

    def restart(self, config: LaunchConfig | None = None) -> None:
        """Stop the current run quietly and start again (with a new configuration if given)."""
        if self._run is not None:
            self._run.terminate(quiet=True)
            self._run.done.wait()
        self.launch(config or self._relaunch_config())
        self.start()

    def _relaunch_config(self) -> LaunchConfig:
        if self.config is None:
            raise SessionError("nothing to restart: launch a program first")
        return self.config

    def terminate(self) -> None:
        """End the run (its ``finished`` is reported with exit code 1 if it was cut short)."""
        if self._run is not None:
            self._run.terminate(quiet=False)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the run to finish; ``False`` on timeout."""
        return self._run is None or self._run.done.wait(timeout)

    def resume(self) -> None:
        self._control("continue")

    def step_over(self) -> None:
        self._control("over")

    def step_in(self) -> None:
        self._control("in")

    def step_out(self) -> None:
        self._control("out")

    def pause(self) -> None:
        if not self.running:
            raise SessionError("the program is not running")
        assert self._run is not None
        self._run.request_pause()

    def _control(self, action: str) -> None:
        if self._run is None or self._run.stop is None:
            raise SessionError("the program is not stopped")
        self._run.resume_with(action)

    # ------------------------------------------------------------------ inspection (stopped)

    def stack(self) -> list[FrameInfo]:
        return self._inspect(lambda inspector: inspector.frames())

    def scopes(self, frame_id: int) -> list[ScopeInfo]:
        return self._inspect(lambda inspector: inspector.scopes(frame_id))

    def variables(self, reference: int, start: int = 0, count: int | None = None) -> list[VariableInfo]:
        return self._inspect(lambda inspector: inspector.variables(reference, start, count))

    def evaluate(self, expression: str, frame_id: int | None = None) -> VariableInfo:
        """Evaluate pan DML in a frame (the top one by default) without changing the run."""
        return self._inspect(lambda inspector: inspector.evaluate(expression, frame_id))

    def set_variable(self, reference: int, name: str, value: str) -> VariableInfo:
        """Assign the value of DML ``value`` to a child of a scope or container (a real write)."""
        return self._inspect(lambda inspector: inspector.set_variable(reference, name, value))

    def set_expression(self, expression: str, value: str, frame_id: int | None = None) -> VariableInfo:
        """Assign to a variable, a profile path (``/a/b``) or an element (``x[0]``): a real write."""
        return self._inspect(lambda inspector: inspector.set_expression(expression, value, frame_id))

    def exception(self) -> ExceptionDetails:
        return self._inspect(lambda inspector: inspector.exception_details())

    def provenance(self, path: str) -> list[Write]:
        """Every write so far to ``path``, its parents and its children, in execution order."""
        terms = profile_terms(path)
        if self._run is None:
            return []
        return self._run.provenance(terms)

    def _inspect(self, work: Callable[[Inspector], _T]) -> _T:
        """Run ``work`` on the stopped evaluator's thread with the stop's inspector."""
        run = self._run
        if run is None or run.stop is None:
            raise SessionError("the program is not stopped")

        def inspect() -> _T:
            if run.inspector is None:
                raise SessionError("the program is not stopped")
            return work(run.inspector)

        return run.call(inspect)


# --------------------------------------------------------------------------- launch helpers


def _executable_lines(path: str) -> tuple[set[int], str | None]:
    """The lines of a template file where statements start, and why there are none."""
    try:
        with open(path, encoding="utf-8") as handle:
            result = parse_cached(handle.read(), path)
    except (OSError, UnicodeDecodeError) as error:
        return set(), f"cannot read the file: {error}"
    lines = executable_lines(result.ast) if result.ast is not None else set()
    return lines, None if result.ok else "the file has syntax errors"


def _namespace_root(program: str, name: str) -> str:
    """The include directory from which ``name`` finds ``program`` (``a/b`` in ``.../a/b.pan``)."""
    directory = os.path.dirname(program)
    for _ in range(name.count("/")):
        directory = os.path.dirname(directory)
    return directory


class _ParseMemo:
    """The parses of one launch, shared by its checks and its compiler (through panc's
    parse cache, as the ``panc`` command parses)."""

    def __init__(self) -> None:
        self.results: dict[tuple[str, str], ParseResult] = {}

    def parse(self, text: str, name: str) -> ParseResult:
        key = (name, text)
        result = self.results.get(key)
        if result is None:
            result = self.results[key] = parse_cached(text, name)
        return result

    def checked(self, text: str, name: str) -> ast.Template:
        """The template parsed from ``text``; raises ``SessionError`` with panc's parse error."""
        result = self.parse(text, name)
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise SessionError(editor_summary(errors[0]))
        if result.ast is None:
            raise SessionError(f"'{name}' holds no template")
        return result.ast


def _check_static_includes(compiler: Compiler, name: str) -> None:
    """Compile the object and what it includes by constant names; raise their errors."""
    pending = [name]
    seen = {name}
    while pending:
        current = pending.pop()
        try:
            template = compiler.load_template(current, ())
        except PanError as error:
            raise SessionError(editor_summary(error.to_diagnostic())) from None
        if template is None:
            if current == name:
                raise SessionError(f"cannot locate object template named '{name}' in the include path")
            continue  # may depend on LOADPATH: the run decides
        for compiled in template.statements:
            statement = compiled.node
            included = statement.static_name if isinstance(statement, ast.Include) else None
            if included is not None and included not in seen:
                seen.add(included)
                pending.append(included)


__all__ = [
    "EXCEPTION_FILTERS",
    "DataSpec",
    "DebugSession",
    "ExceptionDetails",
    "FrameInfo",
    "FunctionSpec",
    "LaunchConfig",
    "LineSpec",
    "ScopeInfo",
    "SessionError",
    "SessionListener",
    "StopInfo",
    "VariableInfo",
    "Write",
]
