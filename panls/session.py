"""The server's state: settings, the include-path index, and analyses of the open documents.

No LSP protocol here beyond URIs: handlers ask the session for a ``DocumentAnalysis`` of
the current buffer, and for a ``Converter`` of any file they need to point into.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections import OrderedDict

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis, analyse_document
from panc.analysis.index import IndexStats, WorkspaceIndex
from panc.analysis.schema import Schema
from panc.analysis.sourcetext import LineIndex
from panls.config import Settings, with_cluster
from panls.convert import Converter, uri_to_path

logger = logging.getLogger(__name__)

CONVERTER_CACHE_SIZE = 256


class Session:
    """Everything the features share, independent of the transport."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.encoding: str = types.PositionEncodingKind.Utf16
        self.index = self._new_index()
        self._documents: dict[str, DocumentAnalysis] = {}
        self._closed: dict[str, DocumentAnalysis] = {}
        """The last file analysed without being open (one is enough: requests come one at a time)."""
        self._texts: dict[str, tuple[str, int | None]] = {}
        self._converters: OrderedDict[tuple[str, int, int], Converter] = OrderedDict()
        self._schema: tuple[int, Schema] | None = None
        self._lock = threading.RLock()
        self.last_index_stats: IndexStats | None = None
        self.compile_records: dict[str, object] = {}
        """path -> the last ``CompileRecord`` of that open object template (written by the compile
        thread; dropped when the document closes)."""

    def _new_index(self) -> WorkspaceIndex:
        return WorkspaceIndex(
            self.settings.include_dirs, self.settings.object_dirs, persist=self.settings.persist_index
        )

    def configure(self, settings: Settings) -> bool:
        """Apply new settings (with the include path of their SCDB cluster when they give
        none); ``True`` when the index must be rebuilt."""
        settings = with_cluster(settings)
        changed = (
            settings.include_dirs != self.settings.include_dirs
            or settings.object_dirs != self.settings.object_dirs
        )
        self.settings = settings
        if changed:
            with self._lock:
                self.index = self._new_index()
                self._documents.clear()
                self._schema = None
        return changed

    def build_index(self) -> IndexStats:
        """(Re)scan the include path; safe to run in a worker thread."""
        index = self.index
        stats = index.refresh()
        for path, (text, version) in list(self._texts.items()):
            if index is self.index:
                self._documents.pop(path, None)
                self.document(path, text, version)
        self.last_index_stats = stats
        # The index is long-lived and acyclic: keep the cyclic collector from rescanning it
        # on every collection (full scans of a large heap were pauses of hundreds of ms).
        gc.freeze()
        logger.info(
            "indexed %d templates (%d parsed, %d from cache) in %.2fs",
            stats.files,
            stats.parsed,
            stats.reused,
            stats.seconds,
        )
        return stats

    # ------------------------------------------------------------------ documents

    def update(self, uri: str, text: str, version: int | None) -> None:
        """Record the latest text of an open document; it is analysed when someone asks, so a
        burst of edits costs one analysis, not one per keystroke."""
        self._texts[uri_to_path(uri)] = (text, version)

    def close(self, uri: str) -> None:
        path = uri_to_path(uri)
        with self._lock:
            self._texts.pop(path, None)
            self._documents.pop(path, None)
            self.compile_records.pop(path, None)
            self.index.clear_overlay(path)

    def document(self, path: str, text: str, version: int | None) -> DocumentAnalysis:
        """The analysis of ``text``, the open buffer of ``path`` (cached per version)."""
        with self._lock:
            cached = self._documents.get(path)
            if cached is not None and cached.text == text and cached.version == version:
                return cached
            self._texts[path] = (text, version)
            analysis = analyse_document(path, text, self.index, version)
            self._documents[path] = analysis
            return analysis

    def file_document(self, path: str, text: str) -> DocumentAnalysis:
        """The analysis of a file that is not open (a request about it, e.g. from a peek window):
        not tracked as a buffer, and the index keeps following the file on disk."""
        with self._lock:
            cached = self._closed.get(path)
            if cached is not None and cached.text == text:
                return cached
            analysis = analyse_document(path, text, self.index, overlay=False)
            self._closed = {path: analysis}
            return analysis

    def is_current(self, path: str, version: int | None) -> bool:
        """Whether ``version`` is still the latest text of ``path`` (results for older ones are dropped)."""
        current = self._texts.get(path)
        return current is not None and current[1] == version

    def version_of(self, path: str) -> int | None:
        current = self._texts.get(path)
        return current[1] if current else None

    def open_texts(self) -> dict[str, str]:
        """path -> unsaved text of every open document."""
        return {path: text for path, (text, _) in self._texts.items()}

    # ------------------------------------------------------------------ shared helpers

    def schema(self) -> Schema:
        """The schema of the include path (rebuilt when the index changed)."""
        generation = self.index.generation
        if self._schema is None or self._schema[0] != generation:
            self._schema = (generation, Schema(self.index))
        return self._schema[1]

    def converter(self, path: str) -> Converter:
        """A position converter for any file: open buffers first, else the file on disk."""
        document = self._documents.get(path)
        if document is not None:
            return Converter(document.lines, self.encoding)
        try:
            info = os.stat(path)
            key = (path, info.st_mtime_ns, info.st_size)
        except OSError:
            return Converter(LineIndex(""), self.encoding)
        converter = self._converters.get(key)
        if converter is None:
            try:
                with open(path, encoding="utf-8", errors="surrogateescape") as handle:
                    text = handle.read()
            except OSError:
                text = ""
            converter = Converter(LineIndex(text), self.encoding)
            self._converters[key] = converter
            if len(self._converters) > CONVERTER_CACHE_SIZE:
                self._converters.popitem(last=False)
        return converter
