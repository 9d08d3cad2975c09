"""Compiling the open object template in the background: its errors, final profile and provenance."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from panc.analysis.provenance import PathWrite, ProvenanceRecorder
from panc.diagnostics import Diagnostic, EvaluationError, Severity, ValidationError
from panc.loader import FileSystemLoader, MemoryLoader
from panc.source import Span
from panc.syntax import ParseResult, parse
from panc.syntax.cache import parse_cached
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


def compile_object(
    session: Session, path: str, buffers: dict[str, str]
) -> tuple[CompileRecord, list[Diagnostic]]:
    """Compile the object template at ``path`` with the unsaved ``buffers`` layered over the files."""
    # Imported here so that a server whose evaluator cannot be imported still edits and lints.
    from panc.compiler import CompileOptions, Compiler  # pylint: disable=import-outside-toplevel

    include = session.settings.include_dirs
    restrict = session.settings.restrict_paths
    loader = MemoryLoader(fallback=FileSystemLoader(include, restrict_paths=restrict), buffers=buffers)
    recorder = ProvenanceRecorder()
    compiler = Compiler(
        CompileOptions(include_path=list(include), restrict_paths=restrict),
        loader=loader,
        hooks=recorder,
        message_sink=lambda _message: None,
        parse=partial(_parse_source, frozenset(buffers)),
    )
    result = compiler.compile_object(path)
    found: list[Diagnostic] = []
    error = result.error
    if error is not None:
        found.extend(_error_diagnostics(error, path, session))
    record = CompileRecord(
        path,
        buffers.get(path, ""),
        result.profile,
        recorder.writes,
        error.format() if error is not None else None,
    )
    session.compile_records[path] = record
    return record, found


def _parse_source(buffers: frozenset[str], text: str, path: str) -> ParseResult:
    """Files through the parse cache; open buffers not: each keystroke makes a new text, and
    caching them all filled the cache's memory and disk with versions nobody asks for again."""
    return parse(text, path) if path in buffers else parse_cached(text, path)


def compile_diagnostics(
    session: Session, path: str, text: str, buffers: dict[str, str]
) -> dict[str, list[Diagnostic]]:
    """What compiling the object template at ``path`` says, grouped by the file it is about."""
    buffers = {**buffers, path: text}
    _, found = compile_object(session, path, buffers)
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in found:
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
