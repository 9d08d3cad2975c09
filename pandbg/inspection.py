"""Looking at a stopped compile: its stack, scopes, values, and DML typed by the user.

A ``Stop`` records where the evaluator stopped; ``stack_entries`` turns its evaluator frame
chain into the stack a client shows (object template -> included templates -> function and
``create()`` frames). An ``Inspector`` answers the client's questions about one stop and
hands out the variables references valid until the run resumes. Every call runs on the
evaluator thread (``Run.call``), the only one that touches the evaluator's state.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from panc.diagnostics import PanError, editor_message
from panc.evaluation.control import EvalFailure
from panc.evaluation.frames import Frame
from panc.evaluation.terms import format_path, parse_path_text
from panc.evaluation.tree import MISSING, set_child
from panc.evaluation.values import UNDEF, Value, deep_copy, type_name
from panc.source import Span
from panc.syntax import ast
from pandbg.model import (
    EXCEPTION_FILTERS,
    ExceptionDetails,
    FrameInfo,
    ScopeInfo,
    SessionError,
    VariableInfo,
)
from pandbg.rendering import children, is_container, render

TEMPLATE_STATEMENTS = (
    ast.Assignment,
    ast.VariableStatement,
    ast.Include,
    ast.FunctionStatement,
    ast.TypeStatement,
    ast.BindStatement,
    ast.ValidStatement,
)
"""Statements of a template (as opposed to statements of DML blocks)."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_INDEX = re.compile(r"\[(\d+)\]\Z")

Evaluate = Callable[[str, Frame, "dict[str, Value] | None"], Value]
"""``evaluate(text, frame, visible)``: DML in ``frame`` on copies of ``visible`` (the locals
and SELF to show), or with real side effects on the frame when ``visible`` is ``None``."""

RecordWrite = Callable[[tuple[Any, ...], Value, Span], None]


@dataclass
class Entry:
    """A stack frame as shown: its evaluator frame and where it is."""

    name: str
    span: Span
    frame: Frame | None
    template_level: bool
    """Stopped at (or running) a template statement, which starts with no locals."""


@dataclass
class Stop:
    """Where and why the evaluator stopped."""

    reason: str
    frame: Frame | None
    span: Span | None
    node: ast.Statement | ast.Expr | None
    error: PanError | None = None
    error_kind: str = ""
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Node:
    """What a variables reference stands for, and how to write into it."""

    value: Value
    kind: str
    """``locals``, ``globals``, ``profile`` (a profile path) or ``value`` (a container)."""
    frame: Frame | None = None
    terms: tuple[Any, ...] = ()
    evaluate_name: str | None = None


# --------------------------------------------------------------------------- the stack


def stack_entries(
    stop: Stop, includes: list[tuple[str, Span]], program: str, object_name: str
) -> list[Entry]:
    """The frames from ``stop.frame`` outwards; ``includes`` names ``create()``'s templates."""
    unknown = Span(program, 1, 1, 1, 1)
    if stop.frame is None:
        return [Entry(f"object template {object_name}", stop.span or unknown, None, True)]
    entries = []
    frame: Frame | None = stop.frame
    span = stop.span or stop.frame.span
    template_level = isinstance(stop.node, TEMPLATE_STATEMENTS) or (
        stop.node is None and stop.frame.function is None
    )
    while frame is not None:
        entries.append(Entry(_frame_name(frame, includes), span or unknown, frame, template_level))
        span = frame.call_span
        parent = frame.parent
        # the includer runs a template statement; a caller of a function or create() is in DML
        template_level = parent is not None and frame.function is None and frame.tree is parent.tree
        frame = parent
    return entries


def _frame_name(frame: Frame, includes: list[tuple[str, Span]]) -> str:
    if frame.function is not None:
        return f"function {frame.function}"
    parent = frame.parent
    if parent is None:
        return f"object template {frame.build.object_name}"
    if frame.tree is not parent.tree:
        for name, span in reversed(includes):
            if span is frame.call_span:
                return f"create('{name}')"
        return "create()"
    return f"template {frame.template}"


def visible_locals(entry: Entry, node: ast.Statement | ast.Expr | None) -> dict[str, Value]:
    """What DML in a frame sees: its locals (none before a template statement runs) and SELF.

    ``node`` is the statement about to run when ``entry`` is the innermost frame.
    """
    frame = entry.frame
    assert frame is not None
    values: dict[str, Value] = {} if entry.template_level and frame.function is None else dict(frame.locals)
    self_value = _visible_self(entry, node)
    if self_value is not MISSING:
        values["SELF"] = self_value
    return values


def _visible_self(entry: Entry, node: ast.Statement | ast.Expr | None) -> Value:
    """SELF as the statement about to run will see it: the value at its path (or variable)."""
    frame = entry.frame
    assert frame is not None
    if isinstance(node, ast.Assignment):
        try:
            current = frame.tree.get(parse_path_text(node.path)[2])
        except EvalFailure:
            return MISSING
        return UNDEF if current is MISSING else current
    if isinstance(node, ast.VariableStatement):
        return frame.build.globals.get(node.name, UNDEF)
    if entry.template_level and frame.function is None:
        return MISSING
    return frame.self_ref.value if frame.self_ref is not None else MISSING


# --------------------------------------------------------------------------- one stop


class Inspector:
    """Answers for one stop; its variables references die when the run resumes."""

    def __init__(self, stop: Stop, evaluate: Evaluate, record_write: RecordWrite, build: Any) -> None:
        self.stop = stop
        self._evaluate = evaluate
        self._record_write = record_write
        self._build = build
        """The object's build, for a stop without frames (after the build: validation)."""
        self.nodes: list[Node] = []

    def entry(self, frame_id: int | None) -> Entry:
        entries = self.stop.entries
        index = 0 if frame_id is None else frame_id - 1
        if not 0 <= index < len(entries):
            raise SessionError(f"no frame {frame_id}")
        return entries[index]

    def visible(self, entry: Entry) -> dict[str, Value]:
        return visible_locals(entry, self.stop.node if entry is self.stop.entries[0] else None)

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
            for position, entry in enumerate(self.stop.entries)
        ]

    def scopes(self, frame_id: int) -> list[ScopeInfo]:
        entry = self.entry(frame_id)
        frame = entry.frame
        scopes = []
        build = frame.build if frame is not None else self._build
        if frame is not None:
            scopes.append(self._scope("Locals", Node(self.visible(entry), "locals", frame)))
        if build is not None:
            scopes.append(self._scope("Globals", Node(dict(build.globals), "globals", frame)))
            scopes.append(self._scope("Profile", Node(build.tree.root, "profile", frame, (), "value('/')")))
        if frame is not None and build is not None and frame.tree is not build.tree:
            scopes.append(self._scope("Structure (create)", Node(frame.tree.root, "value", frame)))
        return scopes

    def _scope(self, name: str, node: Node) -> ScopeInfo:
        named, indexed = _counts(node.value)
        return ScopeInfo(name, self._handle(node), named, indexed, expensive=node.kind == "profile")

    def _handle(self, node: Node) -> int:
        self.nodes.append(node)
        return len(self.nodes)

    def _node(self, reference: int) -> Node:
        if not 0 < reference <= len(self.nodes):
            raise SessionError(f"no variables reference {reference}")
        return self.nodes[reference - 1]

    def variables(self, reference: int, start: int, count: int | None) -> list[VariableInfo]:
        node = self._node(reference)
        return [self._variable(node, name, child) for name, child in children(node.value, start, count)]

    def _variable(self, parent: Node, name: str, value: Value) -> VariableInfo:
        if parent.kind == "profile":
            evaluate_name: str | None = f"value('{format_path((*parent.terms, _child_term(name)))}')"
        else:
            evaluate_name = _child_expression(parent, name)
        reference = 0
        if is_container(value):
            child = Node(value, "value", parent.frame, (), evaluate_name)
            if parent.kind == "profile":
                child.kind = "profile"
                child.terms = (*parent.terms, _child_term(name))
            reference = self._handle(child)
        named, indexed = _counts(value)
        return VariableInfo(name, render(value), type_name(value), reference, named, indexed, evaluate_name)

    def profile_path_of(self, reference: int, name: str) -> str | None:
        """The profile path of a child of a Profile scope node, else ``None``."""
        if not 0 < reference <= len(self.nodes):
            return None
        node = self.nodes[reference - 1]
        if node.kind != "profile":
            return None
        return format_path((*node.terms, _child_term(name)))

    def evaluate(self, expression: str, frame_id: int | None) -> VariableInfo:
        entry = self.entry(frame_id)
        if entry.frame is None:
            raise SessionError("no frame to evaluate in: the object's build has ended")
        try:
            value = self._evaluate(expression, entry.frame, self.visible(entry))
        except PanError as error:
            raise SessionError(error_text(error)) from None
        return self._result(expression, value)

    def _result(self, expression: str, value: Value) -> VariableInfo:
        reference = 0
        if is_container(value):
            reference = self._handle(Node(value, "value", None, (), f"({expression})"))
        named, indexed = _counts(value)
        return VariableInfo(expression, render(value), type_name(value), reference, named, indexed)

    def set_variable(self, reference: int, name: str, text: str) -> VariableInfo:
        node = self._node(reference)
        frame = node.frame or self.entry(None).frame
        if frame is None:
            raise SessionError("no frame to evaluate in")
        value = self._value_of(text, self._entry_of(frame))
        try:
            if node.kind == "locals":
                if name == "SELF":
                    raise SessionError("SELF cannot be replaced; set its children instead")
                frame.locals[name] = value
            elif node.kind == "globals":
                frame.build.set_global(name, value)
            elif node.kind == "profile":
                # through the path's text, so that the name is checked as a path term
                terms = profile_terms(format_path((*node.terms, _child_term(name))))
                self._write_profile(frame, terms, value)
            else:
                set_child(node.value, _child_term(name), value)
        except EvalFailure as failure:
            raise SessionError(failure.message) from None
        if node.kind in ("locals", "globals"):
            node.value[name] = value  # the scope shows a copy: keep it in step
        return self._result(name, value)

    def set_expression(self, expression: str, text: str, frame_id: int | None) -> VariableInfo:
        entry = self.entry(frame_id)
        frame = entry.frame
        if frame is None:
            raise SessionError("no frame to evaluate in: the object's build has ended")
        value = self._value_of(text, entry)
        target = expression.strip()
        try:
            if target.startswith("/"):
                self._write_profile(frame, profile_terms(target), value)
            elif _NAME.match(target) and target not in frame.locals and target in frame.build.globals:
                frame.build.set_global(target, value)
            else:
                frame.locals.setdefault("__pandbg_value", value)
                try:
                    self._evaluate(f"{target} = __pandbg_value", frame, None)
                finally:
                    frame.locals.pop("__pandbg_value", None)
        except EvalFailure as failure:
            raise SessionError(failure.message) from None
        except PanError as error:
            raise SessionError(error_text(error)) from None
        return self._result(expression, value)

    def _entry_of(self, frame: Frame) -> Entry:
        for entry in self.stop.entries:
            if entry.frame is frame:
                return entry
        return self.entry(None)

    def _value_of(self, text: str, entry: Entry) -> Value:
        assert entry.frame is not None
        try:
            return self._evaluate(text, entry.frame, self.visible(entry))
        except PanError as error:
            raise SessionError(error_text(error)) from None

    def _write_profile(self, frame: Frame, terms: tuple[Any, ...], value: Value) -> None:
        tree = frame.build.tree
        tree.check_writable(terms)
        tree.put(terms, deep_copy(value))
        self._record_write(terms, value, frame.span or Span("<debugger>", 0, 0, 0, 0))

    def exception_details(self) -> ExceptionDetails:
        error = self.stop.error
        if error is None:
            raise SessionError("not stopped on an exception")
        return ExceptionDetails(EXCEPTION_FILTERS[self.stop.error_kind], error.message, error.format())


# --------------------------------------------------------------------------- helpers


def profile_terms(path: str) -> tuple[Any, ...]:
    """The terms of an absolute profile path; ``SessionError`` otherwise."""
    try:
        external, absolute, terms = parse_path_text(path)
    except EvalFailure as failure:
        raise SessionError(failure.message) from None
    if external is not None or not absolute:
        raise SessionError(f"'{path}' is not an absolute profile path")
    return terms


def error_text(error: PanError) -> str:
    """An error of typed-in DML in one line: its kind and message (positions in one line add
    nothing; a grammar error says what was expected, see ``editor_message``)."""
    return f"{error.category.value}: {editor_message(error.to_diagnostic())[0]}"


def _counts(value: Value) -> tuple[int, int]:
    """(named, indexed) children of a value, as DAP pages them."""
    if type(value) is dict:
        return len(value), 0
    if type(value) is list:
        return 0, len(value)
    return 0, 0


def _child_term(name: str) -> Any:
    """The path term of a child shown as ``[3]`` (list) or ``key`` (dict)."""
    index = _INDEX.match(name)
    return int(index.group(1)) if index is not None else name


def _child_expression(parent: Node, name: str) -> str | None:
    """DML that reads a child: ``x``, ``x[0]``, ``x["key"]``."""
    if parent.kind in ("locals", "globals"):
        return name
    if parent.evaluate_name is None:
        return None
    term = _child_term(name)
    index = str(term) if type(term) is int else f'"{term}"'
    return f"{parent.evaluate_name}[{index}]"
