"""Compiling the open object template in the background: its errors, final profile and provenance.

The compiles run in worker processes (``panc.build.compile_pool``): a template that loops,
backtracks or allocates without end costs a killed worker, never the server's responsiveness.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from panc.analysis.profile_tree import WriteIndex
from panc.analysis.provenance import PathWrite, is_within, writes_affecting
from panc.build.compile_pool import CANCELLED, CompilePool, CompileReply, CompileRequest
from panc.diagnostics import Diagnostic, EvaluationError, Severity, ValidationError
from panc.source import Span
from panls.session import Session

logger = logging.getLogger(__name__)

MAX_KEPT_CLOSED = 16
"""Compiles kept of object templates that are not open (the profile view, provenance requests)."""


@dataclass
class CompileRecord:
    """The last compile of one object template."""

    path: str
    text: str
    profile: dict[str, Any] | None
    writes: list[PathWrite] = field(default_factory=list)
    error: str | None = None
    write_index: WriteIndex | None = None
    """The writes by path, made when the profile view first asks."""


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
        self.observers: list[Callable[[str, CompileReply], None]] = []
        """Called with every compile reply recorded (the site checker learns dependencies)."""

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

    def submit(
        self,
        path: str,
        buffers: dict[str, str],
        replace: bool = True,
        key: str | None = None,
        priority: int = 0,
    ) -> Future[CompileReply]:
        """Start compiling the object template at ``path`` with the unsaved ``buffers``; with
        ``replace``, the compile of ``path`` still running for an older text is cancelled
        (``key``: the compile under that key instead). Lower ``priority`` runs first."""
        settings = self.session.settings
        options: dict[str, Any] = {"restrict_paths": settings.restrict_paths}
        if settings.compile_memory is not None:
            options["max_memory"] = settings.compile_memory
        request = CompileRequest(path, tuple(settings.include_dirs), buffers, options, provenance=True)
        chosen = key if key is not None else (path if replace else None)
        return self._current_pool().submit(request, key=chosen, priority=priority)

    def cancel(self, future: Future[CompileReply]) -> None:
        if self._pool is not None:
            self._pool.cancel(future)

    def cancel_keys(self, keys: list[str]) -> None:
        """Drop the compiles under ``keys`` (pending ones never run, running ones are killed)."""
        if self._pool is not None and keys:
            self._pool.cancel_all(keys)

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
        found = error_diagnostics(error, path, self.session, reply.writes) if error is not None else []
        message = error.format() if error is not None else None
        record = CompileRecord(path, buffers.get(path, ""), reply.profile, reply.writes, message)
        records = self.session.compile_records
        records.pop(path, None)
        records[path] = record
        # the profiles of objects no editor shows are kept for a few requests, not for ever
        open_paths = self.session.open_texts()
        for stale in [p for p in records if p not in open_paths][:-MAX_KEPT_CLOSED]:
            del records[stale]
        self.observe(path, reply)
        return record, found

    def observe(self, path: str, reply: CompileReply) -> None:
        """Tell the observers of a compile reply of the object template at ``path``."""
        for observer in self.observers:
            observer(path, reply)

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


def error_diagnostics(
    error: Exception,
    object_path: str,
    session: Session,
    writes: Sequence[PathWrite] = (),
    edited: str | None = None,
) -> list[Diagnostic]:
    """The compile error where it happened, plus a pointer in the object template when
    elsewhere, and in the ``edited`` template when the error is in neither (at the line of it
    the ``>>>`` trace passes through, else at its header). A validation error is shown at the
    statement that wrote the failing value too, when the compile recorded ``writes``."""
    header = header_span(object_path, session)
    if isinstance(error, ValidationError) or getattr(error, "span", None) is None:
        span = error.span if getattr(error, "span", None) is not None else header
        code = error.category.name.lower()
        found = [Diagnostic(error.category, error.message, _absolute(span), code=code)]
        writer = _writer_of(error, writes)
        if writer is not None:
            found.append(
                Diagnostic(
                    error.category,
                    f"wrote {writer.path}, which fails validation: " + error.message.splitlines()[0],
                    _absolute(writer.span),
                    code=code,
                    related=(("the object that fails", _absolute(span)),),
                )
            )
        return found
    base = error.to_diagnostic()
    span = _absolute(base.span)
    related = tuple((message, _absolute(s)) for message, s in base.related)
    primary = Diagnostic(base.category, base.message, span, code=base.code, related=related)
    found = [primary]
    trace = [_absolute(s) for s in getattr(error, "trace", []) if isinstance(error, EvaluationError)]
    for pointer_file in dict.fromkeys((object_path, edited)):
        if pointer_file is None or span.file == pointer_file:
            continue
        fallback = header if pointer_file == object_path else header_span(pointer_file, session)
        where = next((s for s in reversed(trace) if s.file == pointer_file), fallback)
        what = "compiling this object" if pointer_file == object_path else "an object including this template"
        found.append(
            Diagnostic(
                base.category,
                f"{what} fails in {os.path.basename(span.file)}: {base.message}",
                where,
                severity=Severity.ERROR,
                code=base.code,
                related=((base.message, span), *related),
            )
        )
    return found


def _writer_of(error: Exception, writes: Sequence[PathWrite]) -> PathWrite | None:
    """The last write that set the element a validation error is about (or a parent of it)."""
    element = getattr(error, "element_path", None)
    if not element or not writes:
        return None
    touching = [w for w in writes_affecting(list(writes), element) if is_within(element, w.path)]
    return touching[-1] if touching else None


def _absolute(span: Span) -> Span:
    if span.file and not os.path.isabs(span.file) and span.file != "?":
        return span._replace(file=os.path.abspath(span.file))
    return span


def header_span(path: str, session: Session) -> Span:
    """The ``... template name;`` declaration of the file at ``path`` (its first line else)."""
    summary = session.index.summary_for_path(path)
    if summary is not None:
        header = next((d for d in summary.declarations if d.kind.value == "template"), None)
        if header is not None:
            return header.span
    return Span(path, 1, 1, 1, 1)
