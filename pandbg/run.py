"""One compile of an object template, watched through the evaluator's hooks.

``Run`` is the ``EvaluationHooks`` of its own ``Compiler``. It compiles on a worker thread;
on each statement it checks pause requests, steps and line breakpoints (only when something
is set: otherwise a statement costs two tests and one attribute store), and it stops by
blocking the evaluator thread in the hook. While stopped it serves the session's
inspections (``call``) on that thread, then resumes with the client's action. It also
records every profile write for provenance, in the core's ``ProvenanceRecorder``.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, TypeVar

from panc.analysis.provenance import ProvenanceRecorder, related
from panc.compiler import CompileOptions, Compiler
from panc.diagnostics import DeprecationFailure, PanError, UserError, ValidationError
from panc.evaluation.control import EvalFailure
from panc.evaluation.frames import Frame, SelfRef
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.snippets import compile_snippet
from panc.evaluation.terms import format_path
from panc.evaluation.tree import MISSING
from panc.evaluation.values import Value, deep_copy, java_to_string, type_name
from panc.output import parse_formats, write_object_outputs
from panc.source import Span
from panc.syntax import ast
from pandbg.inspection import (
    TEMPLATE_STATEMENTS,
    Entry,
    Inspector,
    Stop,
    stack_entries,
    visible_locals,
)
from pandbg.model import EXCEPTION_FILTERS, LaunchConfig, SessionError, StopInfo, Write
from pandbg.rendering import render

if TYPE_CHECKING:
    from pandbg.session import DebugSession

_T = TypeVar("_T")

INSPECTION_TIMEOUT = 60.0
"""Seconds a client request waits for the evaluator thread."""

_INTERPOLATION = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_DESCRIPTIONS = {
    "entry": "Paused on entry",
    "step": "Paused after a step",
    "breakpoint": "Paused on a breakpoint",
    "function breakpoint": "Paused on a function breakpoint",
    "data breakpoint": "Paused after a write to a watched path",
    "pause": "Paused",
}


class Terminated(BaseException):
    """Unwinds the evaluator when the client ends the run (no pan code can catch it)."""


class Run(EvaluationHooks):
    """One compile of the object on a worker thread, observed through the hooks."""

    def __init__(
        self,
        session: DebugSession,
        config: LaunchConfig,
        name: str,
        parse: Callable[[str, str], Any],
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
            restrict_paths=config.restrict_paths,
        )
        hooks = None if config.no_debug else self
        self.compiler = Compiler(options, hooks=hooks, message_sink=self.on_message, parse=parse)
        self.done = threading.Event()
        self.lock = threading.Condition()
        self.commands: list[tuple[Callable[[], Any], Future[Any]]] = []
        self.action: str | None = None
        self.stop: Stop | None = None
        self.inspector: Inspector | None = None
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
        self.recording = config.provenance
        self.recorder = ProvenanceRecorder(keep_values=True, max_writes=None)
        self.realpaths: dict[str, str] = {}
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
        except Terminated:
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
        try:
            output_dir = self.config.output_dir or tempfile.mkdtemp(
                prefix="pandbg-" + name.replace("/", "_") + "-"
            )
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
        if threading.current_thread() is self.thread:
            return work()
        future: Future[_T] = Future()
        with self.lock:
            if self.stop is None:
                raise SessionError("the program is not stopped")
            self.commands.append((work, future))
            self.lock.notify_all()
        try:
            return future.result(INSPECTION_TIMEOUT)
        except FutureTimeout:
            raise SessionError(f"no answer from the compiler within {INSPECTION_TIMEOUT:g} s") from None

    # ------------------------------------------------------------------ hooks

    def on_statement(self, node: ast.Statement | ast.Expr, frame: Frame) -> None:
        if self.evaluating:
            return  # a user function called by a watch: not part of the run
        self.frame = frame
        if self.active:
            self._statement(node, frame)

    def _statement(self, node: ast.Statement | ast.Expr, frame: Frame) -> None:
        if type(node) is ast.Block:
            return
        if self.terminating:
            raise Terminated
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
            self._pause(Stop(reason, frame, span, node), hit)

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
        kind = error_kind(error)
        if kind in self.session.exception_filters:
            self._pause(Stop("exception", frame, node.span, node, error, kind), ())

    def on_error(self, error: PanError) -> None:
        if error is self.reported:
            return
        self.reported = error
        kind = error_kind(error)
        if kind in self.session.exception_filters and not self.terminating:
            span = error.span
            if span is None and isinstance(error, ValidationError) and error.object_file:
                span = Span(error.object_file, 1, 1, 1, 1)
            self._pause(Stop("exception", None, span, None, error, kind), ())

    def on_expression(self, node: ast.Expr, frame: Frame) -> None:
        if self.evaluating or type(node) is not ast.Call:
            return
        for breakpoint_ in self.session.function_breakpoints:
            if breakpoint_.builtin and breakpoint_.name == node.name and self._hit(breakpoint_, frame, node):
                self._pause(Stop("function breakpoint", frame, node.span, node), (breakpoint_.id,))
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
                self._pause(Stop("function breakpoint", frame, where, None), (breakpoint_.id,))
                return

    def on_function_exit(self, name: str, span: Span, frame: Frame) -> None:
        if not self.evaluating:
            self.depth -= 1
            self.frame = frame.parent

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        if self.evaluating:
            return
        if self.recording:
            self.recorder.record(path, value, span, template_name)
        if self.session.data_breakpoints:
            terms = self.recorder.terms(path)
            for breakpoint_ in self.session.data_breakpoints:
                if breakpoint_.verified and related(breakpoint_.terms, terms) is not None:
                    frame = self.frame
                    if self._hit(breakpoint_, frame, None):
                        self._pause(Stop("data breakpoint", frame, span, None), (breakpoint_.id,))
                        return

    def on_message(self, text: str) -> None:
        """The compiler's message sink: ``debug``, ``traceback`` and ``deprecated`` output."""
        self.session.listener.output(text, "stdout")

    def on_deprecation(self, message: str, span: Span) -> None:
        if "deprecation" in self.session.exception_filters and not self.evaluating:
            frame = self.frame
            where = frame.span if frame is not None else None
            error = PanError(message, where)
            self._pause(Stop("exception", frame, where, None, error, "deprecation"), ())

    # ------------------------------------------------------------------ hits

    def _hit(self, breakpoint_: Any, frame: Frame | None, node: ast.Statement | ast.Expr | None) -> bool:
        """Count a hit; whether to stop (logpoints print instead)."""
        if breakpoint_.condition is not None and frame is not None:
            try:
                if self._evaluate_at(breakpoint_.condition, frame, node) is not True:
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
                return java_to_string(self._evaluate_at(match.group(1), frame, node))
            except PanError as error:
                return f"<error: {error.message}>"

        return _INTERPOLATION.sub(replace, message)

    # ------------------------------------------------------------------ stopping

    def _pause(self, stop: Stop, breakpoint_ids: tuple[int, ...]) -> None:
        """Block the evaluator thread, serving inspections, until the client resumes."""
        if self.terminating:
            raise Terminated
        stop.entries = stack_entries(stop, self.includes, self.config.program, self.object_name)
        build = self.frame.build if self.frame is not None else None
        with self.lock:
            self.stop = stop
            self.inspector = Inspector(stop, self.evaluate_text, self._record_debugger_write, build)
            self.pause_reason = None
            self.mode = None
        self.session.listener.stopped(stop_info(stop, breakpoint_ids))
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
                    self.inspector = None
                    break
            try:
                future.set_result(work())
            except Exception as error:  # pylint: disable=broad-exception-caught  # handed to the caller
                future.set_exception(error)
        if action == "terminate":
            raise Terminated
        if action in ("in", "over", "out"):
            self.mode = action
            self.step_depth = self.depth
        self.line_key = None
        self.refresh()

    # ------------------------------------------------------------------ evaluation

    def _evaluate_at(self, text: str, frame: Frame, node: ast.Statement | ast.Expr | None) -> Value:
        """DML of a condition or logpoint, on copies of what the statement ``node`` sees."""
        entry = Entry("", frame.span or Span("?", 0, 0, 0, 0), frame, isinstance(node, TEMPLATE_STATEMENTS))
        return self.evaluate_text(text, frame, visible_locals(entry, node))

    def evaluate_text(self, text: str, frame: Frame, visible: dict[str, Value] | None) -> Value:
        """Evaluate DML in ``frame``: on copies of ``visible`` (locals and SELF), or for real
        (side effects on the frame) when ``visible`` is ``None``. Raises ``PanError``."""
        code = compile_snippet(text, frame.template, "<evaluate>")
        if visible is None:
            target = frame
        else:
            shown = dict(visible)
            self_value = shown.pop("SELF", MISSING)
            self_ref = None if self_value is MISSING else SelfRef(deep_copy(self_value))
            target = Frame(
                frame.build,
                frame.tree,
                frame.template,
                self_ref,
                frame.function,
                frame.parent,
                frame.call_span,
            )
            target.locals = deep_copy(shown)  # type: ignore[assignment]
            target.span = frame.span
        saved = frame.build.save_stack()
        self.evaluating = True
        try:
            return code(target)
        except EvalFailure as failure:
            raise PanError(failure.message, Span("<evaluate>", 1, 1, 1, 1)) from None
        except RecursionError:
            raise PanError("evaluation recursion too deep") from None
        finally:
            self.evaluating = False
            frame.build.restore_stack(saved)  # an error leaves panc's template stack where it was

    # ------------------------------------------------------------------ provenance

    def _record_debugger_write(self, terms: tuple[Any, ...], value: Value, span: Span) -> None:
        if self.recording:
            self.recorder.record(format_path(terms), value, span, "<debugger>")

    def provenance(self, terms: tuple[Any, ...]) -> list[Write]:
        """The recorded writes touching ``terms``, with the value each gave that path."""
        return [
            Write(write.path, render(shown), type_name(shown), write.span, write.template, relation)
            for write, relation, shown in self.recorder.writes_touching(terms)
        ]

    # ------------------------------------------------------------------ helpers

    def _realpath(self, file: str) -> str:
        real = self.realpaths.get(file)
        if real is None:
            real = self.realpaths[file] = os.path.realpath(file)
        return real


def error_kind(error: PanError) -> str:
    """The exception filter an error belongs to."""
    if isinstance(error, ValidationError):
        return "validation"
    if isinstance(error, UserError):
        return "error"
    if isinstance(error, DeprecationFailure):
        return "deprecation"
    return "evaluation"


def stop_info(stop: Stop, breakpoint_ids: tuple[int, ...]) -> StopInfo:
    """What the client is told about a stop."""
    if stop.error is not None:
        kind = EXCEPTION_FILTERS[stop.error_kind].lower().removesuffix("s")
        return StopInfo("exception", f"Paused on {kind}", stop.error.message, breakpoint_ids)
    return StopInfo(stop.reason, _DESCRIPTIONS.get(stop.reason, "Paused"), None, breakpoint_ids)
