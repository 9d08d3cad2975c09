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

# pylint: disable=unidiomatic-typecheck  # bool subclasses int: the value model tests exact types
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from panc.builtins.registry import BUILTINS
from panc.compiler import CompileOptions, Compiler
from panc.diagnostics import PanError, Severity, ValidationError
from panc.evaluation.control import EvalFailure
from panc.evaluation.frames import Frame, SelfRef
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.snippets import compile_snippet
from panc.evaluation.terms import format_path, parse_path_text
from panc.evaluation.tree import MISSING, lookup, set_child
from panc.evaluation.values import UNDEF, Value, deep_copy
from panc.output import UnknownFormatError, parse_formats, write_object_outputs
from panc.source import Span
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
from pandbg.rendering import children, is_container, render, render_plain, value_type

_T = TypeVar("_T")

EXCEPTION_FILTERS = {
    "evaluation": "Evaluation errors",
    "validation": "Validation errors",
    "error": "error() calls",
    "deprecation": "Deprecation warnings",
}
"""The exception filters a client can enable, by id."""

_TEMPLATE_STATEMENTS = (
    ast.Assignment,
    ast.VariableStatement,
    ast.Include,
    ast.FunctionStatement,
    ast.TypeStatement,
    ast.BindStatement,
    ast.ValidStatement,
)
_USER_ERROR = " user-initiated error: "
_INTERPOLATION = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_SCALARS = (str, int, float, bool)
_INSPECTION_TIMEOUT = 60.0


class SessionError(Exception):
    """A request the session cannot honour; the message is meant for the user."""


# --------------------------------------------------------------------------- configuration


@dataclass
class LaunchConfig:
    """What to compile and how: panc's options plus the debugger's own."""

    program: str
    include_path: list[str] = field(default_factory=list)
    """Include directories. When none holds the object, the directory that holds the
    program's namespace (``.../profiles`` for ``profiles/node1``) is added last."""
    output_dir: str | None = None
    """Where the profile is written when the run completes (``None``: the current directory)."""
    formats: str = "pan,dep"
    initial_data: str | None = None
    max_iteration: int = 10000
    max_recursion: int = 50
    stop_on_entry: bool = False
    debug: bool = False
    """Enable ``debug()``/``traceback()`` output for every template."""
    provenance: bool = True
    """Record every profile write, for ``provenance()``."""


@dataclass(frozen=True)
class LineSpec:
    """A requested line breakpoint."""

    line: int
    condition: str | None = None
    hit_condition: str | None = None
    log_message: str | None = None


@dataclass(frozen=True)
class FunctionSpec:
    name: str
    condition: str | None = None
    hit_condition: str | None = None


@dataclass(frozen=True)
class DataSpec:
    path: str
    condition: str | None = None
    hit_condition: str | None = None


# --------------------------------------------------------------------------- what the session reports


@dataclass(frozen=True)
class StopInfo:
    """Why execution stopped (``reason``: entry, step, breakpoint, function breakpoint,
    data breakpoint, exception or pause)."""

    reason: str
    description: str
    text: str | None = None
    breakpoint_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class FrameInfo:
    id: int
    name: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class ScopeInfo:
    name: str
    reference: int
    named: int
    indexed: int
    expensive: bool = False


@dataclass(frozen=True)
class VariableInfo:
    """A value to show: ``reference`` > 0 when it has children (``named``/``indexed`` of them)."""

    name: str
    value: str
    type: str
    reference: int = 0
    named: int = 0
    indexed: int = 0
    evaluate_name: str | None = None


@dataclass(frozen=True)
class ExceptionDetails:
    exception_id: str
    description: str
    details: str
    """panc's full text of the error, with its ``>>>`` call trace."""


@dataclass(frozen=True)
class Write:
    """One write to the profile: which path, what value, by which statement."""

    path: str
    value: str
    type: str
    span: Span
    template: str
    relation: str = "self"
    """``self`` (the path itself), ``parent`` (a parent replaced) or ``child`` (a child written)."""


class SessionListener(Protocol):
    """What the session tells its client; called from the session's threads."""

    def stopped(self, stop: StopInfo) -> None: ...

    def output(self, text: str, category: str) -> None: ...

    def finished(self, exit_code: int) -> None: ...


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
        self._run: _Run | None = None
        self._prepared: _Run | None = None
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
        prepared = _Run(self, config, name, memo, wants_expressions=False)
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
        lines: set[int] | None = None
        problem = None
        try:
            with open(real, encoding="utf-8") as handle:
                result = parse_cached(handle.read(), real)
            if result.ast is not None:
                lines = executable_lines(result.ast)
            if not result.ok:
                problem = "the file has syntax errors"
        except OSError as error:
            problem = f"cannot read the file: {error.strerror}"
        created = []
        for spec in specs:
            breakpoint_ = LineBreakpoint(self._new_id(), path=real, requested_line=spec.line)
            self._condition(breakpoint_, spec.condition, spec.hit_condition)
            breakpoint_.log_message = spec.log_message
            placed = place_line(lines, spec.line) if lines is not None else None
            if placed is None:
                breakpoint_.verified = False
                breakpoint_.message = problem or "no executable statement at or after this line"
                breakpoint_.line = spec.line
            else:
                breakpoint_.line = placed
                if placed != spec.line:
                    breakpoint_.message = f"moved to line {placed}, the next executable statement"
            if breakpoint_.message is None or breakpoint_.verified:
                breakpoint_.message = breakpoint_.message or problem
            created.append(breakpoint_)
        self.line_breakpoints[real] = created
        self.line_index = {
            file: {b.line: b for b in reversed(bps) if b.verified}
            for file, bps in self.line_breakpoints.items()
        }
        self._refresh()
        return created

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
                breakpoint_.terms = _path_terms(spec.path)
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
            return self._inspect(lambda run: run.profile_path_of(reference, name))
        if name.startswith("/"):
            try:
                return format_path(_path_terms(name))  # type: ignore[arg-type]
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
                breakpoint_.message = f"invalid condition: {error.message}"

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
            run = _Run(self, self.config, self._object_name, self._memo, wants_expressions=builtins)
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
        return self._inspect(lambda run: run.frames())

    def scopes(self, frame_id: int) -> list[ScopeInfo]:
        return self._inspect(lambda run: run.scopes(frame_id))

    def variables(self, reference: int, start: int = 0, count: int | None = None) -> list[VariableInfo]:
        return self._inspect(lambda run: run.variables(reference, start, count))

    def evaluate(self, expression: str, frame_id: int | None = None) -> VariableInfo:
        """Evaluate pan DML in a frame (the top one by default) without changing the run."""
        return self._inspect(lambda run: run.evaluate(expression, frame_id))

    def set_variable(self, reference: int, name: str, value: str) -> VariableInfo:
        """Assign the value of DML ``value`` to a child of a scope or container (a real write)."""
        return self._inspect(lambda run: run.set_variable(reference, name, value))

    def set_expression(self, expression: str, value: str, frame_id: int | None = None) -> VariableInfo:
        """Assign to a variable, a profile path (``/a/b``) or an element (``x[0]``): a real write."""
        return self._inspect(lambda run: run.set_expression(expression, value, frame_id))

    def exception(self) -> ExceptionDetails:
        return self._inspect(lambda run: run.exception_details())

    def provenance(self, path: str) -> list[Write]:
        """Every write so far to ``path``, its parents and its children, in execution order."""
        terms = _path_terms(path)
        if self._run is None:
            return []
        return self._run.provenance(terms)

    def _inspect(self, work: Callable[[_Run], _T]) -> _T:
        run = self._run
        if run is None or run.stop is None:
            raise SessionError("the program is not stopped")
        return run.call(lambda: work(run))


# --------------------------------------------------------------------------- one run


class _Terminated(BaseException):
    """Unwinds the evaluator when the client ends the run (no pan code can catch it)."""


@dataclass
class _Stop:
    reason: str
    frame: Frame | None
    span: Span | None
    node: ast.Statement | ast.Expr | None
    error: PanError | None = None
    error_kind: str = ""
    entries: list[_Entry] = field(default_factory=list)


@dataclass
class _Entry:
    """A stack frame as shown: its evaluator frame and where it is."""

    name: str
    span: Span
    frame: Frame | None
    template_level: bool


@dataclass
class _Node:
    """What a variables reference stands for, and how to write into it."""

    value: Value
    kind: str
    """``locals``, ``globals``, ``profile`` (a profile path) or ``value`` (a container)."""
    frame: Frame | None = None
    terms: tuple[Any, ...] = ()
    evaluate_name: str | None = None


class _Run(EvaluationHooks):  # pylint: disable=too-many-public-methods
    """One compile of the object on a worker thread, observed through the hooks."""

    def __init__(
        self,
        session: DebugSession,
        config: LaunchConfig,
        name: str,
        memo: _ParseMemo,
        wants_expressions: bool,
    ) -> None:
        self.session = session
        self.config = config
        self.object_name = name
        self.wants_expressions = wants_expressions
        options = CompileOptions(
            include_path=list(config.include_path),
            max_iteration=config.max_iteration,
            max_recursion=config.max_recursion,
            initial_data=config.initial_data,
            debug=config.debug,
        )
        self.compiler = Compiler(options, hooks=self, message_sink=self.on_message, parse=memo.parse)
        self.done = threading.Event()
        self.lock = threading.Condition()
        self.commands: list[tuple[Callable[[], Any], Future[Any]]] = []
        self.action: str | None = None
        self.stop: _Stop | None = None
        self.active = False
        self.frame: Frame | None = None
        self.depth = 0
        self.includes: list[tuple[str, Span]] = []
        self.pause_reason: str | None = "entry" if config.stop_on_entry else None
        self.terminating = False
        self.quiet = False
        self.mode: str | None = None
        self.step_depth = 0
        self.line_key: tuple[str, int, int] | None = None
        self.line_node: object = None
        self.evaluating = False
        self.reported: PanError | None = None
        self.writes: list[tuple[str, Value, Span, str]] = []
        self.recording = config.provenance
        self.realpaths: dict[str, str] = {}
        self.path_terms: dict[str, tuple[Any, ...]] = {}
        self.nodes: list[_Node] = []
        self.thread = threading.Thread(target=self._main, name="pandbg-run", daemon=True)
        self.refresh()

    # ------------------------------------------------------------------ lifecycle

    def begin(self) -> None:
        self.refresh()
        self.thread.start()

    def _main(self) -> None:
        code = 1
        try:
            # by name through the include path, as panc builds objects (not from the file given)
            result = self.compiler.compile_object(self.object_name)
        except _Terminated:
            result = None
        except Exception as error:  # pylint: disable=broad-exception-caught  # a compiler bug ends the run
            self.session.listener.output(f"internal error of the compiler: {error!r}\n", "stderr")
            result = None
        if result is not None:
            if result.error is not None:
                self.session.listener.output(result.error.format(), "stderr")
            else:
                code = self._write_outputs(result.name, result.profile, result.dependencies)
        with self.lock:
            self.stop = None
        self.done.set()
        if not self.quiet:
            self.session.listener.finished(code)

    def _write_outputs(self, name: str, profile: Any, dependencies: Any) -> int:
        output_dir = self.config.output_dir or os.getcwd()
        try:
            rendered = [
                (fmt, fmt.render(profile, dependencies)) for fmt in parse_formats(self.config.formats)
            ]
            written = write_object_outputs(output_dir, name, rendered, time.time())
        except OSError as error:
            self.session.listener.output(f"cannot write the profile of {name}: {error}\n", "stderr")
            return 1
        for path in written:
            self.session.listener.output(f"wrote {path}\n", "console")
        return 0

    def terminate(self, quiet: bool) -> None:
        with self.lock:
            self.quiet = quiet
            self.terminating = True
            self.active = True
            if self.stop is not None:
                self.action = "terminate"
            self.lock.notify_all()

    def request_pause(self) -> None:
        with self.lock:
            self.pause_reason = "pause"
            self.active = True

    def resume_with(self, action: str) -> None:
        with self.lock:
            if self.stop is None:
                raise SessionError("the program is not stopped")
            self.action = action
            self.lock.notify_all()

    def refresh(self) -> None:
        """Recompute whether statements need looking at (the fast path skips them)."""
        session = self.session
        self.active = bool(
            session.line_index
            or session.data_breakpoints
            or "deprecation" in session.exception_filters
            or self.mode
            or self.pause_reason
            or self.terminating
        )

    def call(self, work: Callable[[], _T]) -> _T:
        """Run ``work`` on the evaluator thread while it is stopped; returns its result."""
        if threading.current_thread() is self.thread or self.evaluating:
            return work()
        future: Future[_T] = Future()
        with self.lock:
            if self.stop is None:
                raise SessionError("the program is not stopped")
            self.commands.append((work, future))
            self.lock.notify_all()
        return future.result(_INSPECTION_TIMEOUT)

    # ------------------------------------------------------------------ hooks

    def on_statement(self, node: ast.Statement | ast.Expr, frame: Frame) -> None:
        self.frame = frame
        if self.active and not self.evaluating:
            self._statement(node, frame)

    def _statement(self, node: ast.Statement | ast.Expr, frame: Frame) -> None:
        if type(node) is ast.Block:
            return
        if self.terminating:
            raise _Terminated
        span = node.span
        reason = None
        if self.pause_reason is not None:
            reason = self.pause_reason
        elif self.mode is not None and self._step_done():
            reason = "step"
        hit: tuple[int, ...] = ()
        bps = self.session.line_index.get(self._realpath(span.file)) if self.session.line_index else None
        breakpoint_ = bps.get(span.start_line) if bps else None
        key = (span.file, span.start_line, id(frame)) if breakpoint_ is not None else None
        # one stop per line, not per statement nested on it; a loop coming back stops again
        if breakpoint_ is not None and (key != self.line_key or node is self.line_node):
            self.line_node = node
            if self._hit(breakpoint_, frame, node):
                reason = reason or "breakpoint"
                hit = (breakpoint_.id,)
        self.line_key = key
        if reason is not None:
            self._pause(_Stop(reason, frame, span, node), hit)

    def _step_done(self) -> bool:
        """Steps go statement by statement: ``over`` skips deeper calls, ``out`` leaves the frame."""
        if self.mode == "out":
            return self.depth < self.step_depth
        if self.mode == "over":
            return self.depth <= self.step_depth
        return True

    def on_statement_error(self, node: ast.Statement | ast.Expr, frame: Frame, error: PanError) -> None:
        if self.evaluating or error is self.reported:
            return
        self.reported = error
        kind = _error_kind(error)
        if kind in self.session.exception_filters:
            self._pause(_Stop("exception", frame, node.span, node, error, kind), ())

    def on_error(self, error: PanError) -> None:
        if error is self.reported:
            return
        self.reported = error
        kind = _error_kind(error)
        if kind in self.session.exception_filters and not self.terminating:
            span = error.span
            if span is None and isinstance(error, ValidationError) and error.object_file:
                span = Span(error.object_file, 1, 1, 1, 1)
            self._pause(_Stop("exception", None, span, None, error, kind), ())

    def on_expression(self, node: ast.Expr, frame: Frame) -> None:
        if self.evaluating or type(node) is not ast.Call:
            return
        for breakpoint_ in self.session.function_breakpoints:
            if breakpoint_.builtin and breakpoint_.name == node.name and self._hit(breakpoint_, frame, node):
                self._pause(_Stop("function breakpoint", frame, node.span, node), (breakpoint_.id,))
                return

    def on_include_enter(self, template: str, span: Span) -> None:
        if not self.evaluating:
            self.depth += 1
            self.includes.append((template, span))

    def on_include_exit(self, template: str, span: Span) -> None:
        if self.evaluating:
            return
        self.depth -= 1
        self.includes.pop()
        frame = self.frame
        while frame is not None and frame.call_span is not span:
            frame = frame.parent
        if frame is not None:
            self.frame = frame.parent

    def on_function_enter(self, name: str, span: Span, frame: Frame) -> None:
        if self.evaluating:
            return
        self.depth += 1
        self.frame = frame
        for breakpoint_ in self.session.function_breakpoints:
            if not breakpoint_.builtin and breakpoint_.name == name and self._hit(breakpoint_, frame, None):
                definition = frame.build.functions.get(name)
                where = definition.span if definition is not None else span
                self._pause(_Stop("function breakpoint", frame, where, None), (breakpoint_.id,))
                return

    def on_function_exit(self, name: str, span: Span, frame: Frame) -> None:
        if not self.evaluating:
            self.depth -= 1
            self.frame = frame.parent

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        if self.evaluating:
            return
        if self.recording:
            self.writes.append(
                (path, value if type(value) in _SCALARS else deep_copy(value), span, template_name)
            )
        if self.session.data_breakpoints:
            terms = self._terms(path)
            for breakpoint_ in self.session.data_breakpoints:
                if breakpoint_.verified and _related(breakpoint_.terms, terms) is not None:
                    frame = self.frame
                    if self._hit(breakpoint_, frame, None):
                        self._pause(_Stop("data breakpoint", frame, span, None), (breakpoint_.id,))
                        return

    def on_message(self, text: str) -> None:
        """The compiler's message sink: ``debug``, ``traceback`` and ``deprecated`` output."""
        self.session.listener.output(text, "stdout")
        if (
            "deprecation" in self.session.exception_filters
            and not self.evaluating
            and not text.startswith(f"[{self.object_name}] ")
            and ">>> call stack trace" not in text
        ):
            error = PanError(text.rstrip("\n"), self.frame.span if self.frame is not None else None)
            frame = self.frame
            span = frame.span if frame is not None else None
            self._pause(_Stop("exception", frame, span, None, error, "deprecation"), ())

    # ------------------------------------------------------------------ hits

    def _hit(self, breakpoint_: Any, frame: Frame | None, node: ast.Statement | ast.Expr | None) -> bool:
        """Count a hit; whether to stop (logpoints print instead)."""
        if breakpoint_.condition is not None and frame is not None:
            try:
                if self._evaluate_text(breakpoint_.condition, frame, node) is not True:
                    return False
            except PanError as error:
                self.session.listener.output(
                    f"breakpoint condition '{breakpoint_.condition}' failed: {error.message}\n", "console"
                )
                return True
        breakpoint_.hits += 1
        if breakpoint_.hit_condition is not None and not breakpoint_.hit_condition.matches(breakpoint_.hits):
            return False
        message = getattr(breakpoint_, "log_message", None)
        if message is not None:
            self.session.listener.output(self._interpolate(message, frame, node) + "\n", "console")
            return False
        return True

    def _interpolate(self, message: str, frame: Frame | None, node: ast.Statement | ast.Expr | None) -> str:
        def replace(match: re.Match[str]) -> str:
            if match.group(0) == "{{":
                return "{"
            if match.group(0) == "}}":
                return "}"
            if frame is None:
                return match.group(0)
            try:
                return render_plain(self._evaluate_text(match.group(1), frame, node))
            except PanError as error:
                return f"<error: {error.message}>"

        return _INTERPOLATION.sub(replace, message)

    # ------------------------------------------------------------------ stopping

    def _pause(self, stop: _Stop, breakpoint_ids: tuple[int, ...]) -> None:
        """Block the evaluator thread, serving inspections, until the client resumes."""
        if self.terminating:
            raise _Terminated
        stop.entries = self._entries(stop)
        with self.lock:
            self.stop = stop
            self.pause_reason = None
            self.mode = None
            self.nodes = []
        self.session.listener.stopped(_stop_info(stop, breakpoint_ids))
        while True:
            with self.lock:
                while not self.commands and self.action is None:
                    self.lock.wait()
                if self.commands:
                    work, future = self.commands.pop(0)
                else:
                    action = self.action
                    self.action = None
                    self.stop = None
                    self.nodes = []
                    break
            try:
                future.set_result(work())
            except Exception as error:  # pylint: disable=broad-exception-caught  # handed to the caller
                future.set_exception(error)
        if action == "terminate":
            raise _Terminated
        if action in ("in", "over", "out"):
            self.mode = action
            self.step_depth = self.depth
        self.line_key = None
        self.refresh()

    def _entries(self, stop: _Stop) -> list[_Entry]:
        if stop.frame is None:
            span = stop.span or Span(self.config.program, 1, 1, 1, 1)
            return [_Entry(f"object template {self.object_name}", span, None, True)]
        entries = []
        frame: Frame | None = stop.frame
        span = stop.span or frame.span if frame is not None else None
        template_level = isinstance(stop.node, _TEMPLATE_STATEMENTS) or (
            stop.node is None and frame is not None and frame.function is None
        )
        while frame is not None:
            where = span or Span(self.config.program, 1, 1, 1, 1)
            entries.append(_Entry(self._frame_name(frame), where, frame, template_level))
            span = frame.call_span
            parent = frame.parent
            # the includer runs a template statement; a caller of a function or create() is in DML
            template_level = parent is not None and frame.function is None and frame.tree is parent.tree
            frame = parent
        return entries

    def _frame_name(self, frame: Frame) -> str:
        if frame.function is not None:
            return f"function {frame.function}"
        parent = frame.parent
        if parent is None:
            return f"object template {frame.build.object_name}"
        if frame.tree is not parent.tree:
            for name, span in reversed(self.includes):
                if span is frame.call_span:
                    return f"create('{name}')"
            return "create()"
        return f"template {frame.template}"

    # ------------------------------------------------------------------ inspection

    def _stopped(self) -> _Stop:
        if self.stop is None:
            raise SessionError("the program is not stopped")
        return self.stop

    def _entry(self, frame_id: int | None) -> _Entry:
        entries = self._stopped().entries
        index = 0 if frame_id is None else frame_id - 1
        if not 0 <= index < len(entries):
            raise SessionError(f"no frame {frame_id}")
        return entries[index]

    def frames(self) -> list[FrameInfo]:
        return [
            FrameInfo(
                position + 1,
                entry.name,
                os.path.abspath(entry.span.file),
                entry.span.start_line,
                entry.span.start_column,
                entry.span.end_line,
                entry.span.end_column,
            )
            for position, entry in enumerate(self._stopped().entries)
        ]

    def scopes(self, frame_id: int) -> list[ScopeInfo]:
        entry = self._entry(frame_id)
        frame = entry.frame
        scopes = []
        if frame is not None:
            local_values = self._visible_locals(entry)
            scopes.append(self._scope("Locals", _Node(local_values, "locals", frame)))
            build = frame.build
        else:
            build = self.frame.build if self.frame is not None else None
        if build is not None:
            scopes.append(self._scope("Globals", _Node(dict(build.globals), "globals", frame)))
            scopes.append(self._scope("Profile", _Node(build.tree.root, "profile", frame, (), "value('/')")))
        if frame is not None and build is not None and frame.tree is not build.tree:
            scopes.append(self._scope("Structure (create)", _Node(frame.tree.root, "value", frame)))
        return scopes

    def _scope(self, name: str, node: _Node) -> ScopeInfo:
        named, indexed = _counts(node.value)
        return ScopeInfo(name, self._handle(node), named, indexed, expensive=node.kind == "profile")

    def _visible_locals(self, entry: _Entry) -> dict[str, Value]:
        """What DML in this frame sees: locals (none before a template statement runs), SELF."""
        frame = entry.frame
        assert frame is not None
        values: dict[str, Value] = (
            {} if entry.template_level and frame.function is None else dict(frame.locals)
        )
        self_value = self._visible_self(entry)
        if self_value is not MISSING:
            values["SELF"] = self_value
        return values

    def _visible_self(self, entry: _Entry) -> Value:
        frame = entry.frame
        assert frame is not None
        node = self.stop.node if self.stop is not None and entry is self.stop.entries[0] else None
        if isinstance(node, ast.Assignment):
            try:
                current = frame.tree.get(_path_terms_relative(node.path))
            except SessionError:
                return MISSING
            return UNDEF if current is MISSING else current
        if isinstance(node, ast.VariableStatement):
            return frame.build.globals.get(node.name, UNDEF)
        if entry.template_level and frame.function is None:
            return MISSING
        return frame.self_ref.value if frame.self_ref is not None else MISSING

    def _handle(self, node: _Node) -> int:
        self.nodes.append(node)
        return len(self.nodes)

    def variables(self, reference: int, start: int, count: int | None) -> list[VariableInfo]:
        self._stopped()
        if not 0 < reference <= len(self.nodes):
            raise SessionError(f"no variables reference {reference}")
        node = self.nodes[reference - 1]
        return [self._variable(node, name, child) for name, child in children(node.value, start, count)]

    def _variable(self, parent: _Node, name: str, value: Value) -> VariableInfo:
        reference = 0
        if is_container(value):
            child = _Node(value, "value", parent.frame)
            if parent.kind == "profile":
                child.kind = "profile"
                child.terms = (*parent.terms, _child_term(name))
                child.evaluate_name = f"value('{format_path(child.terms)}')"
            else:
                child.evaluate_name = _child_expression(parent, name)
            reference = self._handle(child)
        evaluate_name = (
            f"value('{format_path((*parent.terms, _child_term(name)))}')"
            if parent.kind == "profile"
            else _child_expression(parent, name)
        )
        named, indexed = _counts(value)
        return VariableInfo(name, render(value), value_type(value), reference, named, indexed, evaluate_name)

    def profile_path_of(self, reference: int, name: str) -> str | None:
        if not 0 < reference <= len(self.nodes):
            return None
        node = self.nodes[reference - 1]
        if node.kind != "profile":
            return None
        return format_path((*node.terms, _child_term(name)))

    def evaluate(self, expression: str, frame_id: int | None) -> VariableInfo:
        entry = self._entry(frame_id)
        if entry.frame is None:
            raise SessionError("no frame to evaluate in: the object's build has ended")
        try:
            value = self._evaluate_text(expression, entry.frame, None, entry)
        except PanError as error:
            raise SessionError(_error_text(error)) from None
        return self._result(expression, value)

    def _result(self, expression: str, value: Value) -> VariableInfo:
        reference = 0
        if is_container(value):
            reference = self._handle(_Node(value, "value", None, (), f"({expression})"))
        named, indexed = _counts(value)
        return VariableInfo(expression, render(value), value_type(value), reference, named, indexed)

    def _evaluate_text(
        self,
        text: str,
        frame: Frame,
        node: ast.Statement | ast.Expr | None,
        entry: _Entry | None = None,
        real: bool = False,
    ) -> Value:
        """Evaluate DML in ``frame``: on copies of its locals and SELF unless ``real``."""
        code = compile_snippet(text, frame.template, "<evaluate>")
        if real:
            target = frame
        else:
            if entry is None:
                entry = _Entry(
                    "", frame.span or Span("?", 0, 0, 0, 0), frame, isinstance(node, _TEMPLATE_STATEMENTS)
                )
            visible = self._visible_locals(entry) if self.stop is not None else dict(frame.locals)
            self_value = visible.pop("SELF", MISSING)
            target = Frame(
                frame.build,
                frame.tree,
                frame.template,
                None if self_value is MISSING else SelfRef(deep_copy(self_value)),
                frame.function,
                frame.parent,
                frame.call_span,
            )
            target.locals = deep_copy(visible)  # type: ignore[assignment]
            target.span = frame.span
        depth = frame.build.depth
        self.evaluating = True
        try:
            return code(target)
        except EvalFailure as failure:
            raise PanError(failure.message, Span("<evaluate>", 1, 1, 1, 1)) from None
        except RecursionError:
            raise PanError("evaluation recursion too deep") from None
        finally:
            self.evaluating = False
            frame.build.depth = depth

    def set_variable(self, reference: int, name: str, text: str) -> VariableInfo:
        if not 0 < reference <= len(self.nodes):
            raise SessionError(f"no variables reference {reference}")
        node = self.nodes[reference - 1]
        frame = node.frame or self._entry(None).frame
        if frame is None:
            raise SessionError("no frame to evaluate in")
        value = self._value_of(text, frame)
        try:
            if node.kind == "locals":
                if name == "SELF":
                    raise SessionError("SELF cannot be replaced; set its children instead")
                frame.locals[name] = value
            elif node.kind == "globals":
                frame.build.set_global(name, value)
            elif node.kind == "profile":
                self._write_profile(frame, (*node.terms, _child_term(name)), value)
            else:
                set_child(node.value, _child_term(name), value)
        except EvalFailure as failure:
            raise SessionError(failure.message) from None
        if node.kind in ("locals", "globals"):
            node.value[name] = value  # the scope shows a copy: keep it in step
        return self._result(name, value)

    def set_expression(self, expression: str, text: str, frame_id: int | None) -> VariableInfo:
        entry = self._entry(frame_id)
        frame = entry.frame
        if frame is None:
            raise SessionError("no frame to evaluate in: the object's build has ended")
        value = self._value_of(text, frame)
        target = expression.strip()
        try:
            if target.startswith("/"):
                self._write_profile(frame, _path_terms(target), value)
            elif (
                re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", target)
                and target not in frame.locals
                and target in frame.build.globals
            ):
                frame.build.set_global(target, value)
            else:
                frame.locals.setdefault("__pandbg_value", value)
                try:
                    self._evaluate_text(f"{target} = __pandbg_value", frame, None, real=True)
                finally:
                    frame.locals.pop("__pandbg_value", None)
        except EvalFailure as failure:
            raise SessionError(failure.message) from None
        except PanError as error:
            raise SessionError(error.message) from None
        return self._result(expression, value)

    def _value_of(self, text: str, frame: Frame) -> Value:
        try:
            return self._evaluate_text(text, frame, self.stop.node if self.stop else None)
        except PanError as error:
            raise SessionError(_error_text(error)) from None

    def _write_profile(self, frame: Frame, terms: tuple[Any, ...], value: Value) -> None:
        tree = frame.build.tree
        tree.check_writable(terms)
        tree.put(terms, deep_copy(value))
        span = frame.span or Span("<debugger>", 0, 0, 0, 0)
        if self.recording:
            self.writes.append((format_path(terms), deep_copy(value), span, "<debugger>"))

    def exception_details(self) -> ExceptionDetails:
        stop = self._stopped()
        if stop.error is None:
            raise SessionError("not stopped on an exception")
        return ExceptionDetails(EXCEPTION_FILTERS[stop.error_kind], stop.error.message, stop.error.format())

    def provenance(self, terms: tuple[Any, ...]) -> list[Write]:
        found = []
        for path, value, span, template in list(self.writes):
            written = self._terms(path)
            relation = _related(terms, written)
            if relation is None:
                continue
            shown = value
            if relation == "parent":
                shown = lookup(value, terms[len(written) :]) if is_container(value) else MISSING
                if shown is MISSING:
                    continue
            found.append(Write(path, render(shown), value_type(shown), span, template, relation))
        return found

    # ------------------------------------------------------------------ helpers

    def _realpath(self, file: str) -> str:
        real = self.realpaths.get(file)
        if real is None:
            real = self.realpaths[file] = os.path.realpath(file)
        return real

    def _terms(self, path: str) -> tuple[Any, ...]:
        terms = self.path_terms.get(path)
        if terms is None:
            try:
                terms = self.path_terms[path] = parse_path_text(path)[2]
            except EvalFailure:
                terms = self.path_terms[path] = ()
        return terms


# --------------------------------------------------------------------------- helpers


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
            raise SessionError(errors[0].format())
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
            raise SessionError(error.format().rstrip("\n")) from None
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


def _path_terms(path: str) -> tuple[Any, ...]:
    try:
        external, absolute, terms = parse_path_text(path)
    except EvalFailure as failure:
        raise SessionError(failure.message) from None
    if external is not None or not absolute:
        raise SessionError(f"'{path}' is not an absolute profile path")
    return terms


def _path_terms_relative(path: str) -> tuple[Any, ...]:
    try:
        return parse_path_text(path)[2]
    except EvalFailure as failure:
        raise SessionError(failure.message) from None


def _related(watched: tuple[Any, ...], written: tuple[Any, ...]) -> str | None:
    """How a write to ``written`` touches ``watched``: ``self``, ``parent``, ``child`` or not."""
    if written == watched:
        return "self"
    if len(written) < len(watched) and watched[: len(written)] == written:
        return "parent"
    if len(written) > len(watched) and written[: len(watched)] == watched:
        return "child"
    return None


def _error_kind(error: PanError) -> str:
    if isinstance(error, ValidationError):
        return "validation"
    if _USER_ERROR in error.message:
        return "error"
    if error.message.startswith("deprecation error: "):
        return "deprecation"
    return "evaluation"


def _error_text(error: PanError) -> str:
    """An error of typed-in DML: its kind and message (positions in one line add nothing)."""
    return f"{error.category.value}: {error.message}"


def _stop_info(stop: _Stop, breakpoint_ids: tuple[int, ...]) -> StopInfo:
    descriptions = {
        "entry": "Paused on entry",
        "step": "Paused after a step",
        "breakpoint": "Paused on a breakpoint",
        "function breakpoint": "Paused on a function breakpoint",
        "data breakpoint": "Paused after a write to a watched path",
        "pause": "Paused",
    }
    if stop.error is not None:
        return StopInfo(
            "exception",
            f"Paused on {EXCEPTION_FILTERS[stop.error_kind].lower()[:-1]}",
            stop.error.message,
            breakpoint_ids,
        )
    return StopInfo(stop.reason, descriptions.get(stop.reason, "Paused"), None, breakpoint_ids)


def _counts(value: Value) -> tuple[int, int]:
    """(named, indexed) children of a value, as DAP pages them."""
    if type(value) is dict:
        return len(value), 0
    if type(value) is list:
        return 0, len(value)
    return 0, 0


def _child_term(name: str) -> Any:
    """The path term of a child shown as ``[3]`` (list) or ``key`` (dict)."""
    if name.startswith("[") and name.endswith("]"):
        return int(name[1:-1])
    return name


def _child_expression(parent: _Node, name: str) -> str | None:
    """DML that reads a child: ``x``, ``x[0]``, ``x["key"]``."""
    if parent.kind in ("locals", "globals"):
        return name
    if parent.evaluate_name is None:
        return None
    term = _child_term(name)
    index = str(term) if type(term) is int else f'"{term}"'
    return f"{parent.evaluate_name}[{index}]"


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
