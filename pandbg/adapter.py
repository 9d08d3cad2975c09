"""The Debug Adapter Protocol face of the session: DAP requests in, session calls, DAP out.

Nothing here knows pan: each handler converts the request's arguments, calls
``DebugSession`` and converts the answer. The compile runs on one thread, shown to the
client as thread 1 (``object <name>``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from pandbg.breakpoints import Breakpoint, LineBreakpoint
from pandbg.protocol import Connection, RequestFailed
from pandbg.session import (
    EXCEPTION_FILTERS,
    DataSpec,
    DebugSession,
    FunctionSpec,
    LaunchConfig,
    LineSpec,
    SessionError,
    StopInfo,
    VariableInfo,
)

THREAD_ID = 1
_DEFAULT_FILTERS = ("evaluation", "validation", "error")

Args = dict[str, Any]
_A = TypeVar("_A")
_JSON_KINDS = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list"}


class DapAdapter:
    """Serves one DAP client over ``connection`` with one ``DebugSession``."""

    def __init__(self, connect: Callable[[DapAdapter], Connection]) -> None:
        self.connection = connect(self)
        self.session = DebugSession(self)
        self.lines_start_at_1 = True
        self.columns_start_at_1 = True
        self._handlers: dict[str, Callable[[Args], dict[str, Any] | None]] = {
            "initialize": self.initialize,
            "launch": self.launch,
            "attach": self.attach,
            "setBreakpoints": self.set_breakpoints,
            "breakpointLocations": self.breakpoint_locations,
            "setFunctionBreakpoints": self.set_function_breakpoints,
            "setExceptionBreakpoints": self.set_exception_breakpoints,
            "dataBreakpointInfo": self.data_breakpoint_info,
            "setDataBreakpoints": self.set_data_breakpoints,
            "configurationDone": self.configuration_done,
            "threads": self.threads,
            "stackTrace": self.stack_trace,
            "scopes": self.scopes,
            "variables": self.variables,
            "evaluate": self.evaluate,
            "setVariable": self.set_variable,
            "setExpression": self.set_expression,
            "continue": self.continue_,
            "next": self.control(self.session.step_over),
            "stepIn": self.control(self.session.step_in),
            "stepOut": self.control(self.session.step_out),
            "pause": self.pause,
            "exceptionInfo": self.exception_info,
            "restart": self.restart,
            "terminate": self.terminate,
            "disconnect": self.disconnect,
            "pan/provenance": self.provenance,
            "provenance": self.provenance,
        }

    # ------------------------------------------------------------------ dispatch

    def handle(self, command: str, arguments: Args) -> dict[str, Any] | None:
        """The protocol's handler: one request, its response body."""
        handler = self._handlers.get(command)
        if handler is None:
            raise RequestFailed(f"unsupported request '{command}'")
        try:
            return handler(arguments)
        except SessionError as error:
            raise RequestFailed(str(error)) from None

    def serve(self) -> None:
        """Serve the client; when it goes away, end any run still going."""
        self.connection.serve()
        self.session.terminate()

    # ------------------------------------------------------------------ SessionListener

    def stopped(self, stop: StopInfo) -> None:
        body: dict[str, Any] = {
            "reason": stop.reason,
            "description": stop.description,
            "threadId": THREAD_ID,
            "allThreadsStopped": True,
        }
        if stop.text is not None:
            body["text"] = stop.text
        if stop.breakpoint_ids:
            body["hitBreakpointIds"] = list(stop.breakpoint_ids)
        self.connection.send_event("stopped", body)

    def output(self, text: str, category: str) -> None:
        self.connection.send_event("output", {"category": category, "output": text})

    def finished(self, exit_code: int) -> None:
        self.connection.send_event("exited", {"exitCode": exit_code})
        self.connection.send_event("terminated", {})

    # ------------------------------------------------------------------ configuration

    def initialize(self, args: Args) -> dict[str, Any]:
        self.lines_start_at_1 = args.get("linesStartAt1", True) is not False
        self.columns_start_at_1 = args.get("columnsStartAt1", True) is not False
        self.connection.after_response(lambda: self.connection.send_event("initialized", {}))
        return {
            "supportsConfigurationDoneRequest": True,
            "supportsFunctionBreakpoints": True,
            "supportsConditionalBreakpoints": True,
            "supportsHitConditionalBreakpoints": True,
            "supportsLogPoints": True,
            "supportsEvaluateForHovers": True,
            "supportsSetVariable": True,
            "supportsSetExpression": True,
            "supportsRestartRequest": True,
            "supportsTerminateRequest": True,
            "supportsExceptionInfoRequest": True,
            "supportsDataBreakpoints": True,
            "supportsBreakpointLocationsRequest": True,
            "supportsDelayedStackTraceLoading": True,
            "exceptionBreakpointFilters": [
                {"filter": key, "label": label, "default": key in _DEFAULT_FILTERS}
                for key, label in EXCEPTION_FILTERS.items()
            ],
        }

    def launch(self, args: Args) -> None:
        self.session.launch(launch_config(args))

    def attach(self, args: Args) -> None:
        del args
        raise RequestFailed("pandbg launches the compilation itself: use a 'launch' configuration")

    def set_breakpoints(self, args: Args) -> dict[str, Any]:
        source = _optional(args, "source", dict) or {}
        path = _optional(source, "path", str)
        if not path:
            raise RequestFailed("setBreakpoints needs a source path")
        specs = [
            LineSpec(
                self._line_in(_required(b, "line", int)),
                _optional(b, "condition", str),
                _optional(b, "hitCondition", str),
                _optional(b, "logMessage", str),
            )
            for b in _objects(args, "breakpoints")
        ]
        created = self.session.set_line_breakpoints(path, specs)
        return {"breakpoints": [self._breakpoint(b, source) for b in created]}

    def breakpoint_locations(self, args: Args) -> dict[str, Any]:
        path = _optional(_optional(args, "source", dict) or {}, "path", str)
        if not path:
            raise RequestFailed("breakpointLocations needs a source path")
        line = _required(args, "line", int)
        first = self._line_in(line)
        last = self._line_in(_optional(args, "endLine", int) or line)
        lines = self.session.breakpoint_lines(path, first, last)
        return {"breakpoints": [{"line": self._line_out(line)} for line in lines]}

    def set_function_breakpoints(self, args: Args) -> dict[str, Any]:
        specs = [
            FunctionSpec(
                _required(b, "name", str), _optional(b, "condition", str), _optional(b, "hitCondition", str)
            )
            for b in _objects(args, "breakpoints")
        ]
        return {"breakpoints": [self._breakpoint(b) for b in self.session.set_function_breakpoints(specs)]}

    def set_exception_breakpoints(self, args: Args) -> dict[str, Any]:
        filters = [_checked(f, "filters", str) for f in _optional(args, "filters", list) or []]
        filters += [_required(option, "filterId", str) for option in _objects(args, "filterOptions")]
        self.session.set_exception_filters(filters)
        return {"breakpoints": [{"verified": True} for _ in filters]}

    def data_breakpoint_info(self, args: Args) -> dict[str, Any]:
        path = self.session.data_breakpoint_path(
            _optional(args, "variablesReference", int), _optional(args, "name", str) or ""
        )
        if path is None:
            return {"dataId": None, "description": "only profile paths can be watched for writes"}
        return {
            "dataId": path,
            "description": f"writes to {path}",
            "accessTypes": ["write"],
            "canPersist": True,
        }

    def set_data_breakpoints(self, args: Args) -> dict[str, Any]:
        specs = [
            DataSpec(
                _required(b, "dataId", str), _optional(b, "condition", str), _optional(b, "hitCondition", str)
            )
            for b in _objects(args, "breakpoints")
        ]
        return {"breakpoints": [self._breakpoint(b) for b in self.session.set_data_breakpoints(specs)]}

    def configuration_done(self, args: Args) -> None:
        """Start the run; with nothing launched (the launch failed: a client sends this anyway)
        the session ends cleanly and the adapter goes on answering."""
        del args
        if self.session.config is None:
            self.connection.after_response(lambda: self.connection.send_event("terminated", {}))
            return
        self.connection.after_response(self.session.start)

    # ------------------------------------------------------------------ state

    def threads(self, args: Args) -> dict[str, Any]:
        del args
        name = self.session.object_name or "pan"
        return {"threads": [{"id": THREAD_ID, "name": f"object {name}"}]}

    def stack_trace(self, args: Args) -> dict[str, Any]:
        frames = self.session.stack()
        start = _optional(args, "startFrame", int) or 0
        levels = _optional(args, "levels", int) or 0
        chosen = frames[start : start + levels] if levels > 0 else frames[start:]
        return {
            "stackFrames": [
                {
                    "id": f.id,
                    "name": f.name,
                    "source": {"name": os.path.basename(f.path), "path": f.path},
                    "line": self._line_out(f.line),
                    "column": self._column_out(f.column),
                    "endLine": self._line_out(f.end_line),
                    "endColumn": self._column_out(f.end_column + 1),
                }
                for f in chosen
            ],
            "totalFrames": len(frames),
        }

    def scopes(self, args: Args) -> dict[str, Any]:
        hints = {"Locals": "locals", "Globals": "globals"}
        return {
            "scopes": [
                {
                    "name": s.name,
                    "variablesReference": s.reference,
                    "namedVariables": s.named,
                    "indexedVariables": s.indexed,
                    "expensive": s.expensive,
                    **({"presentationHint": hints[s.name]} if s.name in hints else {}),
                }
                for s in self.session.scopes(_required(args, "frameId", int))
            ]
        }

    def variables(self, args: Args) -> dict[str, Any]:
        start = _optional(args, "start", int) or 0
        count = _optional(args, "count", int) or None  # 0: all of them
        found = self.session.variables(_required(args, "variablesReference", int), start, count)
        return {"variables": [_variable(v) for v in found]}

    def evaluate(self, args: Args) -> dict[str, Any]:
        result = self.session.evaluate(
            _optional(args, "expression", str) or "", _optional(args, "frameId", int) or None
        )
        return _evaluation(result, "result")

    def set_variable(self, args: Args) -> dict[str, Any]:
        result = self.session.set_variable(
            _required(args, "variablesReference", int),
            _required(args, "name", str),
            _required(args, "value", str),
        )
        return _evaluation(result, "value")

    def set_expression(self, args: Args) -> dict[str, Any]:
        result = self.session.set_expression(
            _required(args, "expression", str),
            _required(args, "value", str),
            _optional(args, "frameId", int) or None,
        )
        return _evaluation(result, "value")

    def exception_info(self, args: Args) -> dict[str, Any]:
        del args
        details = self.session.exception()
        return {
            "exceptionId": details.exception_id,
            "description": details.description,
            "breakMode": "always",
            "details": {
                "message": details.description,
                "typeName": details.exception_id,
                "stackTrace": details.details,
            },
        }

    def provenance(self, args: Args) -> dict[str, Any]:
        path = _optional(args, "path", str) or ""
        writes = self.session.provenance(path)
        return {
            "path": path,
            "writes": [
                {
                    "path": w.path,
                    "value": w.value,
                    "type": w.type,
                    "template": w.template,
                    "relation": w.relation,
                    "source": {"name": os.path.basename(w.span.file), "path": w.span.file},
                    "line": self._line_out(w.span.start_line),
                    "column": self._column_out(w.span.start_column),
                    "endLine": self._line_out(w.span.end_line),
                    "endColumn": self._column_out(w.span.end_column + 1),
                }
                for w in writes
            ],
        }

    # ------------------------------------------------------------------ execution control

    def continue_(self, args: Args) -> dict[str, Any]:
        del args
        self._require_stopped()
        self.connection.after_response(self._resume(self.session.resume))
        return {"allThreadsContinued": True}

    def control(self, action: Callable[[], None]) -> Callable[[Args], None]:
        """A stepping request: answered first, then the evaluator moves on."""

        def handle(args: Args) -> None:
            del args
            self._require_stopped()
            self.connection.after_response(self._resume(action))

        return handle

    def _resume(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                action()
            except SessionError as error:
                self.output(f"{error}\n", "console")

        return run

    def _require_stopped(self) -> None:
        if not self.session.stopped:
            raise RequestFailed("the program is not stopped")

    def pause(self, args: Args) -> None:
        del args
        self.session.pause()

    def restart(self, args: Args) -> None:
        launch_args = _optional(args, "arguments", dict)
        config = launch_config(launch_args) if launch_args else None
        self.connection.after_response(self._resume(lambda: self.session.restart(config)))

    def terminate(self, args: Args) -> None:
        del args
        if self.session.running:
            self.session.terminate()
        else:
            self.connection.after_response(lambda: self.finished(0))

    def disconnect(self, args: Args) -> None:
        del args
        self.session.terminate()
        self.connection.after_response(self.connection.close)

    # ------------------------------------------------------------------ conversions

    def _line_in(self, line: int) -> int:
        return line if self.lines_start_at_1 else line + 1

    def _line_out(self, line: int) -> int:
        return line if self.lines_start_at_1 else line - 1

    def _column_out(self, column: int) -> int:
        return column if self.columns_start_at_1 else column - 1

    def _breakpoint(self, breakpoint_: Breakpoint, source: Args | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"id": breakpoint_.id, "verified": breakpoint_.verified}
        if breakpoint_.message:
            body["message"] = breakpoint_.message
        if isinstance(breakpoint_, LineBreakpoint):
            body["line"] = self._line_out(breakpoint_.line)
            if source is not None:
                body["source"] = source
        return body


def launch_config(args: Args) -> LaunchConfig:
    """The session's configuration from DAP ``launch`` arguments (see package.json)."""
    program = args.get("program")
    if not program or not isinstance(program, str):
        raise RequestFailed("launch needs 'program': the path of the object template to compile")
    include_path = args.get("includePath") or []
    if isinstance(include_path, str):
        include_path = [d for d in include_path.split(os.pathsep) if d]
    formats = args.get("formats") or "pan,dep"
    if isinstance(formats, list):
        formats = ",".join(_checked(f, "formats", str) for f in formats)

    def setting(key: str, kind: type[_A], default: _A) -> _A:
        found = _optional(args, key, kind)
        return default if found is None else found

    return LaunchConfig(
        program=program,
        include_path=[_checked(d, "includePath", str) for d in _checked(include_path, "includePath", list)],
        output_dir=_optional(args, "outputDir", str) or None,
        formats=_checked(formats, "formats", str),
        initial_data=_optional(args, "initialData", str) or None,
        max_iteration=setting("maxIteration", int, 10000),
        max_recursion=setting("maxRecursion", int, 50),
        stop_on_entry=setting("stopOnEntry", bool, False),
        debug=setting("debug", bool, False),
        provenance=setting("provenance", bool, True),
        no_debug=setting("noDebug", bool, False),
        restrict_paths=setting("restrictPaths", bool, False),
    )


def _optional(args: Args, key: str, kind: type[_A]) -> _A | None:
    """``args[key]``, ``None`` when absent or null; refuses the request when it is not a ``kind``."""
    value = args.get(key)
    return None if value is None else _checked(value, key, kind)


def _required(args: Args, key: str, kind: type[_A]) -> _A:
    """``args[key]``; refuses the request when it is absent or not a ``kind``."""
    value = _optional(args, key, kind)
    if value is None:
        raise RequestFailed(f"missing argument '{key}'")
    return value


def _objects(args: Args, key: str) -> list[Args]:
    """``args[key]`` as a list of objects (breakpoints, filter options); empty when absent."""
    return [_checked(item, key, dict) for item in _optional(args, key, list) or []]


def _checked(value: Any, key: str, kind: type[_A]) -> _A:
    # JSON true/false arrive as Python bools, which are ints too
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        expected = _JSON_KINDS.get(kind, "an object")
        found = _JSON_KINDS.get(type(value), "an object")
        raise RequestFailed(f"argument '{key}' must be {expected}, not {found}")
    return value


def _variable(v: VariableInfo) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": v.name,
        "value": v.value,
        "type": v.type,
        "variablesReference": v.reference,
    }
    if v.named:
        body["namedVariables"] = v.named
    if v.indexed:
        body["indexedVariables"] = v.indexed
    if v.evaluate_name:
        body["evaluateName"] = v.evaluate_name
    return body


def _evaluation(result: VariableInfo, key: str) -> dict[str, Any]:
    body: dict[str, Any] = {key: result.value, "type": result.type, "variablesReference": result.reference}
    if result.named:
        body["namedVariables"] = result.named
    if result.indexed:
        body["indexedVariables"] = result.indexed
    return body
