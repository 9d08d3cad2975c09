"""Compiling the open object template in the background: its errors, final profile and provenance.

The compiles run in worker processes (``panc.build.compile_pool``): a template that loops,
backtracks or allocates without end costs a killed worker, never the server's responsiveness.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from panc.analysis.provenance import PathWrite
from panc.build.compile_pool import CANCELLED, CompilePool, CompileReply, CompileRequest
from panc.diagnostics import Diagnostic, EvaluationError, Severity, ValidationError
from panc.source import Span
from panls.session import Session

logger = logging.getLogger(__name__)


@dataclass
class CompileRecord:
    """The last compile of one object template."""

    path: str
    text: str
    profile: dict[str, Any] | None
    writes: list[PathWrite] = field(default_factory=list)
    error: str | None = None


def last_compile(session: Session, path: str) -> CompileRecord | None:
    """The most recent compile of the object template at ``path`` (any version)."""
    record = session.compile_records.get(path)
    return record if isinstance(record, CompileRecord) else None


class ObjectCompiles:
    """The server's compiles of object templates: in worker processes of the core's compile
    pool, one request per object (a newer one replaces the running one), with the time and
    memory limits of the settings."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._pool: CompilePool | None = None
        self._limits: tuple[float, int | None, int] | None = None

    def _current_pool(self) -> CompilePool:
        settings = self.session.settings
        limits = (settings.compile_timeout, settings.compile_memory, settings.compile_workers)
        if self._pool is None or limits != self._limits:
            if self._pool is not None:
                self._pool.shutdown()
            self._pool = CompilePool(
                workers=limits[2], time_limit=limits[0], memory_limit=limits[1], prestart=True
            )
            self._limits = limits
        return self._pool

    def warm(self) -> None:
        """Start the worker processes now (they import the compiler before the first edit)."""
        if self.session.settings.compile_enabled:
            self._current_pool()

    def submit(self, path: str, buffers: dict[str, str], replace: bool = True) -> Future[CompileReply]:
        """Start compiling the object template at ``path`` with the unsaved ``buffers``; with
        ``replace``, the compile of ``path`` still running for an older text is cancelled."""
        settings = self.session.settings
        options: dict[str, Any] = {}
        if settings.compile_memory is not None:
            options["max_memory"] = settings.compile_memory
        request = CompileRequest(path, tuple(settings.include_dirs), buffers, options, provenance=True)
        return self._current_pool().submit(request, key=path if replace else None)

    def cancel(self, future: Future[CompileReply]) -> None:
        if self._pool is not None:
            self._pool.cancel(future)

    async def compile(
        self, path: str, buffers: dict[str, str], replace: bool = True
    ) -> tuple[CompileRecord, list[Diagnostic]] | None:
        """Compile and record the object template at ``path``; ``None`` when a newer request
        replaced this one (see ``submit``)."""
        future = self.submit(path, buffers, replace)
        try:
            reply = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            self.cancel(future)
            raise
        if reply.status == CANCELLED:
            return None
        return self.record(path, buffers, reply)

    def record(
        self, path: str, buffers: dict[str, str], reply: CompileReply
    ) -> tuple[CompileRecord, list[Diagnostic]]:
        """What a compile reply says, as diagnostics; kept as the object's last compile."""
        error = reply.error
        found = _error_diagnostics(error, path, self.session) if error is not None else []
        message = error.format() if error is not None else None
        record = CompileRecord(path, buffers.get(path, ""), reply.profile, reply.writes, message)
        self.session.compile_records[path] = record
        return record, found

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


async def compile_diagnostics(
    compiles: ObjectCompiles, path: str, text: str, buffers: dict[str, str]
) -> dict[str, list[Diagnostic]] | None:
    """What compiling the object template at ``path`` says, grouped by the file it is about
    (``None`` when a newer compile replaced this one)."""
    compiled = await compiles.compile(path, {**buffers, path: text})
    if compiled is None:
        return None
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in compiled[1]:
        grouped.setdefault(diagnostic.span.file, []).append(diagnostic)
    return grouped


def _error_diagnostics(error: Exception, object_path: str, session: Session) -> list[Diagnostic]:
    """The compile error where it happened, plus a pointer in the object template when elsewhere."""
    header = _header_span(object_path, session)
    if isinstance(error, ValidationError) or getattr(error, "span", None) is None:
        span = error.span if getattr(error, "span", None) is not None else header
        return [Diagnostic(error.category, error.message, _absolute(span), code=error.category.name.lower())]
    base = error.to_diagnostic()
    span = _absolute(base.span)
    related = tuple((message, _absolute(s)) for message, s in base.related)
    primary = Diagnostic(base.category, base.message, span, code=base.code, related=related)
    found = [primary]
    if span.file != object_path:
        trace = [_absolute(s) for s in getattr(error, "trace", []) if isinstance(error, EvaluationError)]
        in_object = next((s for s in reversed(trace) if s.file == object_path), header)
        found.append(
            Diagnostic(
                base.category,
                f"compiling this object fails in {os.path.basename(span.file)}: {base.message}",
                in_object,
                severity=Severity.ERROR,
                code=base.code,
                related=((base.message, span), *related),
            )
        )
    return found


def _absolute(span: Span) -> Span:
    if span.file and not os.path.isabs(span.file) and span.file != "?":
        return span._replace(file=os.path.abspath(span.file))
    return span


def _header_span(path: str, session: Session) -> Span:
    summary = session.index.summary_for_path(path)
    if summary is not None:
        header = next((d for d in summary.declarations if d.kind.value == "template"), None)
        if header is not None:
            return header.span
    return Span(path, 1, 1, 1, 1)
