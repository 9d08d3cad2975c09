"""When diagnostics are computed and published: debounced, coalesced, never for stale versions.

Fast diagnostics (syntax, semantic, lint) run on the event loop a few milliseconds after the
last edit. Compiling an object template runs in a worker process after a longer pause; a new
edit cancels the compile of the old text (its worker is killed if it is running), and a result
is dropped if the document changed meanwhile.

Diagnostics go out under the URI the client opened the document with, whatever its spelling
(a path through ``..`` or a symbolic link, its own percent-encoding): a client shows only
diagnostics whose URI is the one it knows.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.analysis.edits import carry_over
from panc.diagnostics import Diagnostic, Severity
from panls.convert import path_to_uri, uri_to_path
from panls.features import diagnostics
from panls.features.compilation import header_span
from panls.features.linting import lint_diagnostics
from panls.features.site_check import merge_object_diagnostics, object_label
from panls.session import Session

logger = logging.getLogger(__name__)

PUBLISH_COALESCE = 0.02
"""Seconds the results of background re-checks wait to be published together."""

Publish = Callable[[types.PublishDiagnosticsParams], None]
CompileFunction = Callable[[str, str, dict[str, str]], Awaitable[dict[str, list[Diagnostic]] | None]]
"""``(path, text, open buffers) -> diagnostics per file``, or ``None`` when a newer compile
replaced this one (awaited on the event loop; the compiling itself happens elsewhere)."""


class DiagnosticsPublisher:
    def __init__(self, session: Session, publish: Publish, compile_function: CompileFunction | None) -> None:
        self.session = session
        self.publish = publish
        self.compile_function = compile_function
        self._fast_tasks: dict[str, asyncio.Task[None]] = {}
        self._compile_tasks: dict[str, asyncio.Task[None]] = {}
        self._fast: dict[str, list[types.Diagnostic]] = {}
        """Last fast diagnostics per path (compile results are published merged with them)."""
        self._lint: dict[str, tuple[str, list[Diagnostic]]] = {}
        """Last lint findings per path, with the text they were computed for."""
        self._compiled: dict[str, dict[str, list[Diagnostic]]] = {}
        """Per compiled object: the diagnostics it produced, per file."""
        self.index_ready = False
        self._client_uris: dict[str, str] = {}
        """The file behind each open document (symbolic links resolved) -> the URI the client uses."""
        self._objects_by_file: dict[str, set[str]] = {}
        """file -> the objects whose compile has diagnostics in it."""
        self._dirty: set[str] = set()
        self._flush: asyncio.TimerHandle | None = None

    def uri_for(self, path: str) -> str:
        """The URI to publish the diagnostics of ``path`` under."""
        return self._client_uris.get(_file_key(path)) or path_to_uri(path)

    def document_changed(self, uri: str, text: str, version: int | None, immediate: bool = False) -> None:
        """Schedule diagnostics for a new version of ``uri`` (replacing any pending run)."""
        path = uri_to_path(uri)
        self._client_uris[_file_key(path)] = uri
        pending = self._fast_tasks.pop(path, None)
        if pending is not None:
            pending.cancel()
        delay = 0.0 if immediate else self.session.settings.debounce
        self._fast_tasks[path] = asyncio.ensure_future(self._run_fast(path, text, version, delay))

    def document_closed(self, uri: str) -> None:
        path = uri_to_path(uri)
        self._client_uris.pop(_file_key(path), None)
        for tasks in (self._fast_tasks, self._compile_tasks):
            task = tasks.pop(path, None)
            if task is not None:
                task.cancel()
        self._fast.pop(path, None)
        self._lint.pop(path, None)
        self._set_compiled(path, {})
        self.publish(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def refresh_all(self) -> None:
        """Recompute everything for the open documents (after indexing or a configuration change)."""
        for path, text in self.session.open_texts().items():
            version = self.session.version_of(path)
            self.document_changed(self.uri_for(path), text, version, immediate=True)

    async def _run_fast(self, path: str, text: str, version: int | None, delay: float) -> None:
        """Publish syntax and semantic diagnostics at once (with the previous lint findings moved
        along with their lines), then the recomputed lint findings if they differ."""
        if delay:
            await asyncio.sleep(delay)
        session = self.session
        try:
            doc = session.document(path, text, version)
            fast = [
                d
                for d in diagnostics.pan_diagnostics(session, doc, semantic=self.index_ready, lint=False)
                if _belongs(d, path)
            ]
            previous = self._lint.get(path)
            carried = carry_over(previous[0], text, previous[1]) if previous else []
        except Exception:  # pylint: disable=broad-except
            # A bug in one check must not take the editor's diagnostics down with it.
            logger.exception("diagnostics failed for %s", path)
            return
        if not session.is_current(path, version):
            return
        self._fast[path] = diagnostics.to_lsp(session, doc, fast + carried)
        self._publish_merged(path, version)
        if session.settings.lint.enabled:
            # Let newer edits arrive first: linting a version already replaced is wasted work.
            await asyncio.sleep(0)
            if not session.is_current(path, version):
                return
            try:
                linted = [d for d in lint_diagnostics(doc, session.settings) if _belongs(d, path)]
            except Exception:  # pylint: disable=broad-except
                logger.exception("lint failed for %s", path)
                linted = []
            self._lint[path] = (text, linted)
            if linted != carried and session.is_current(path, version):
                self._fast[path] = diagnostics.to_lsp(session, doc, fast + linted)
                self._publish_merged(path, version)
        if self.compile_function is not None and self._wants_compile(doc):
            self._schedule_compile(path, text, version)

    def _wants_compile(self, doc: DocumentAnalysis) -> bool:
        template = doc.ast
        return (
            self.session.settings.compile_enabled
            and self.index_ready
            and template is not None
            and template.kind == "object"
            and not any(d.severity == Severity.ERROR for d in doc.syntax_diagnostics)
        )

    def _schedule_compile(self, path: str, text: str, version: int | None) -> None:
        pending = self._compile_tasks.pop(path, None)
        if pending is not None:
            pending.cancel()
        self._compile_tasks[path] = asyncio.ensure_future(self._run_compile(path, text, version))

    async def _run_compile(self, path: str, text: str, version: int | None) -> None:
        await asyncio.sleep(self.session.settings.compile_debounce)
        compile_function = self.compile_function
        assert compile_function is not None
        if not self.session.is_current(path, version):
            return
        try:
            result = await compile_function(path, text, self.session.open_texts())
        except Exception:  # pylint: disable=broad-except  # (a cancel of this task passes through)
            logger.exception("compile failed for %s", path)
            return
        if result is None or not self.session.is_current(path, version):
            return
        for file in self._set_compiled(path, result):
            self._publish_merged(file, self.session.version_of(file) if file == path else None)

    def publish_object(self, obj: str, produced: dict[str, list[Diagnostic]]) -> None:
        """Replace what compiling the object ``obj`` says about each file (a background
        re-check), and publish the files concerned; results arriving together are published
        together (an error in a shared template names every object it breaks)."""
        self._dirty.update(self._set_compiled(obj, produced))
        if self._flush is None:
            self._flush = asyncio.get_running_loop().call_later(PUBLISH_COALESCE, self._publish_dirty)

    def _publish_dirty(self) -> None:
        self._flush = None
        dirty, self._dirty = self._dirty, set()
        for file in sorted(dirty):
            self._publish_merged(file, self.session.version_of(file))

    def _set_compiled(self, obj: str, produced: dict[str, list[Diagnostic]]) -> set[str]:
        """Record what compiling ``obj`` says per file; the files whose diagnostics change."""
        previous = self._compiled.pop(obj, {})
        if produced:
            self._compiled[obj] = produced
        for file in previous:
            objects = self._objects_by_file.get(file)
            if objects is not None:
                objects.discard(obj)
                if not objects:
                    del self._objects_by_file[file]
        for file in produced:
            self._objects_by_file.setdefault(file, set()).add(obj)
        return set(previous) | set(produced)

    def _publish_merged(self, path: str, version: int | None) -> None:
        merged = list(self._fast.get(path, []))
        per_object = {
            obj: self._compiled[obj][path]
            for obj in self._objects_by_file.get(path, ())
            if self._compiled.get(obj, {}).get(path)
        }
        if per_object:
            converter = self.session.converter(path)
            found = merge_object_diagnostics(
                per_object,
                path,
                lambda obj: object_label(self.session, obj),
                lambda obj: header_span(obj, self.session),
            )
            merged.extend(converter.diagnostic(d, self.session.converter) for d in found)
        self.publish(
            types.PublishDiagnosticsParams(uri=self.uri_for(path), diagnostics=merged, version=version)
        )

    def shutdown(self) -> None:
        for task in self._compile_tasks.values():
            task.cancel()
        if self._flush is not None:
            self._flush.cancel()


def _belongs(diagnostic: Diagnostic, path: str) -> bool:
    file = diagnostic.span.file
    return file in (path, "?", "") or diagnostic.span.start_line <= 0 or uri_to_path(file) == path


def _file_key(path: str) -> str:
    """One spelling per file: the path with symbolic links resolved."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path
