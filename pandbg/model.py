"""What a debugging session takes and reports: plain values, no protocol.

The session (``pandbg.session``) is configured with ``LaunchConfig`` and the ``*Spec``
requests, tells its client what happens through a ``SessionListener``, and answers
inspections with ``FrameInfo``, ``ScopeInfo``, ``VariableInfo``... The adapter converts these
to and from DAP; tests use them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from panc.source import Span

EXCEPTION_FILTERS = {
    "evaluation": "Evaluation errors",
    "validation": "Validation errors",
    "error": "error() calls",
    "deprecation": "Deprecation warnings",
}
"""The exception filters a client can enable, by id."""


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
    """Where the profile is written when the run completes (``None``: a new temporary directory,
    never the working directory, which is usually the user's repository)."""
    formats: str = "pan,dep"
    initial_data: str | None = None
    max_iteration: int = 10000
    max_recursion: int = 50
    stop_on_entry: bool = False
    debug: bool = False
    """Enable ``debug()``/``traceback()`` output for every template."""
    provenance: bool = True
    """Record every profile write, for ``provenance()``."""
    no_debug: bool = False
    """Just compile ("run without debugging"): no hooks at all, so nothing ever stops."""
    restrict_paths: bool = False
    """Read only files whose real path is inside the include path (``panc --restrict-paths``)."""


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
