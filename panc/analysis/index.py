"""An index of the templates on an include path: names, kinds, declarations and occurrences.

The index answers the questions editors and linters ask about the whole include path
without compiling anything: which templates exist and of what kind, who declares a
function/type/variable, and everywhere a name is used. It is built from parse results
(through the parse cache) and kept current one file at a time; unsaved editor buffers
are layered over the files as overlays.

A summary per file is also kept on disk (keyed by path, mtime and size), so a new process
indexing the same include path only re-reads the files that changed. It is a pickle, read
only from a directory nobody but the user can write to (``panc.usercache``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from panc.analysis.declarations import Declaration, template_declarations
from panc.analysis.parsing import parse_template
from panc.analysis.persistence import (
    decode_declarations,
    decode_occurrences,
    encode_declarations,
    encode_occurrences,
)
from panc.analysis.references import Occurrence, OccurrenceKind, template_occurrences
from panc.diagnostics import Severity
from panc.loader import TEMPLATE_SUFFIXES
from panc.syntax import ParseResult
from panc.usercache import cache_directory, private_directory, read_trusted

logger = logging.getLogger(__name__)

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "target"})
MAX_FILES = 50_000
INDEX_FORMAT = 6
"""Bump when ``TemplateSummary`` or what it holds changes: old disk caches are then ignored."""

CROSS_FILE_KINDS = frozenset(
    {
        OccurrenceKind.TEMPLATE,
        OccurrenceKind.FUNCTION,
        OccurrenceKind.TYPE,
        OccurrenceKind.VARIABLE,
        OccurrenceKind.PATH,
    }
)


class TemplateSummary:
    """What the index keeps about one template file.

    ``occurrences`` (the names this file uses that other files can refer to, no DML locals)
    are decoded from the disk cache only when first needed: most sessions never ask.
    """

    __slots__ = (
        "_occurrence_data",
        "_occurrences",
        "declarations",
        "header_name",
        "kind",
        "name",
        "parse_ok",
        "path",
        "stamp",
    )

    def __init__(
        self,
        path: str,
        name: str,
        kind: str | None,
        header_name: str | None,
        declarations: tuple[Declaration, ...],
        occurrences: tuple[Occurrence, ...] | None,
        parse_ok: bool,
        stamp: tuple[int, int] = (0, 0),
        occurrence_data: bytes | None = None,
    ) -> None:
        self.path = path
        self.name = name
        """The name the include path gives the file (relative path without suffix)."""
        self.kind = kind
        self.header_name = header_name
        self.declarations = declarations
        self.parse_ok = parse_ok
        self.stamp = stamp
        """``(mtime_ns, size)`` of the file summarised; ``(0, 0)`` for overlays."""
        self._occurrences = occurrences
        self._occurrence_data = occurrence_data

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        if self._occurrences is None:
            self._occurrences = decode_occurrences(self._occurrence_data or b"")
            self._occurrence_data = None
        return self._occurrences

    def to_record(self) -> tuple[object, ...]:
        """A flat form that pickles and unpickles fast (the disk cache)."""
        data = self._occurrence_data if self._occurrences is None else encode_occurrences(self._occurrences)
        return (
            self.path,
            self.name,
            self.kind,
            self.header_name,
            encode_declarations(self.declarations),
            data,
            self.parse_ok,
            self.stamp,
        )

    @classmethod
    def from_record(cls, record: tuple[object, ...]) -> TemplateSummary:
        path, name, kind, header, declarations, data, parse_ok, stamp = record
        return cls(
            path,
            name,
            kind,
            header,
            decode_declarations(declarations),  # type: ignore[arg-type]
            None,
            parse_ok,
            stamp,
            occurrence_data=data,
        )  # type: ignore[arg-type]


@dataclass
class IndexStats:
    files: int = 0
    parsed: int = 0
    reused: int = 0
    seconds: float = 0.0


@dataclass
class _Tables:
    """Lookup tables derived from the summaries (rebuilt as a whole, swapped atomically)."""

    by_name: dict[str, list[str]] = field(default_factory=dict)
    """template name -> file paths, include-path order."""
    declarations: dict[str, list[Declaration]] = field(default_factory=dict)
    """name -> its declarations of every kind (strings hash fast; kinds are filtered on lookup)."""


def summarize(
    path: str,
    name: str,
    text: str,
    stamp: tuple[int, int] = (0, 0),
    result: ParseResult | None = None,
    occurrences: Iterable[Occurrence] | None = None,
    declarations: Iterable[Declaration] | None = None,
) -> TemplateSummary:
    """Summarise ``text`` (parsing it unless its ``result`` is given; ``occurrences`` and
    ``declarations`` of that parse may be given too when the caller has them already)."""
    if result is None:
        result = parse_template(text, path)
    template = result.ast
    if template is None:
        return TemplateSummary(path, name, None, None, (), (), False, stamp)
    if occurrences is None:
        occurrences = template_occurrences(template)
    if declarations is None:
        declarations = template_declarations(template, text, path)
    return TemplateSummary(
        path=path,
        name=name,
        kind=template.kind,
        header_name=template.name,
        declarations=tuple(declarations),
        occurrences=tuple(occ for occ in occurrences if occ.kind in CROSS_FILE_KINDS),
        parse_ok=not any(d.severity == Severity.ERROR for d in result.diagnostics),
        stamp=stamp,
    )


class WorkspaceIndex:
    """The templates found under ``include_dirs`` (searched in order) and ``extra_roots``.

    ``extra_roots`` are directories whose templates are indexed (object templates, for
    instance) but that are not searched when resolving an include.
    """

    def __init__(
        self, include_dirs: Sequence[str], extra_roots: Sequence[str] = (), persist: bool = True
    ) -> None:
        self.include_dirs = [os.path.abspath(d) for d in include_dirs]
        self.extra_roots = [
            os.path.abspath(d) for d in extra_roots if os.path.abspath(d) not in self.include_dirs
        ]
        self.persist = persist
        self._summaries: dict[str, TemplateSummary] = {}
        self._overlays: dict[str, TemplateSummary] = {}
        self._tables = _Tables()
        self._lock = threading.RLock()
        self.ready = threading.Event()
        self.generation = 0
        """Increases whenever the tables change (derived caches compare it)."""

    # ------------------------------------------------------------------ building

    def refresh(self) -> IndexStats:
        """Scan the directories and (re)summarise every new or changed file."""
        started = time.perf_counter()
        stats = IndexStats()
        previous = dict(self._summaries)
        if not previous and self.persist:
            previous = self._load_disk_cache()
        fresh: dict[str, TemplateSummary] = {}
        for path, name in self._discover():
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamp = (info.st_mtime_ns, info.st_size)
            old = previous.get(path)
            if old is not None and old.stamp == stamp and old.name == name:
                fresh[path] = old
                stats.reused += 1
                continue
            text = _read(path)
            if text is None:
                continue
            fresh[path] = summarize(path, name, text, stamp)
            stats.parsed += 1
        with self._lock:
            self._summaries = fresh
            self._rebuild_tables()
        stats.files = len(fresh)
        if self.persist and stats.parsed:
            self._save_disk_cache()
        stats.seconds = time.perf_counter() - started
        self.ready.set()
        return stats

    def _discover(self) -> Iterator[tuple[str, str]]:
        """``(path, template name)`` of every template file under the roots."""
        seen: set[str] = set()
        count = 0
        for root in [*self.include_dirs, *self.extra_roots]:
            for directory, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
                for filename in sorted(filenames):
                    if not filename.endswith(TEMPLATE_SUFFIXES):
                        continue
                    path = os.path.join(directory, filename)
                    if path in seen:
                        continue
                    seen.add(path)
                    count += 1
                    if count > MAX_FILES:
                        return
                    yield path, self.name_for_path(path)

    def name_for_path(self, path: str) -> str:
        """The template name a file has on the include path (its path relative to the first
        include directory holding it, without suffix); the file's stem elsewhere."""
        path = os.path.abspath(path)
        for root in [*self.include_dirs, *self.extra_roots]:
            if path.startswith(root.rstrip(os.sep) + os.sep):
                relative = os.path.relpath(path, root)
                return os.path.splitext(relative)[0].replace(os.sep, "/")
        return os.path.splitext(os.path.basename(path))[0]

    def update_file(self, path: str) -> None:
        """Re-read one file from disk after it changed, appeared or disappeared."""
        path = os.path.abspath(path)
        with self._lock:
            try:
                info = os.stat(path)
                text = _read(path)
            except OSError:
                text = None
            if text is None:
                self._summaries.pop(path, None)
            elif self._is_indexed_location(path):
                self._summaries[path] = summarize(
                    path, self.name_for_path(path), text, (info.st_mtime_ns, info.st_size)
                )
            self._rebuild_tables()

    def set_overlay(
        self,
        path: str,
        text: str,
        result: ParseResult | None = None,
        occurrences: Iterable[Occurrence] | None = None,
        declarations: Iterable[Declaration] | None = None,
    ) -> TemplateSummary:
        """Use ``text`` (an unsaved editor buffer, parsed as ``result``) instead of the file at ``path``."""
        path = os.path.abspath(path)
        summary = summarize(
            path,
            self.name_for_path(path),
            text,
            result=result,
            occurrences=occurrences,
            declarations=declarations,
        )
        with self._lock:
            old = self.summary_for_path(path)
            self._overlays[path] = summary
            if self._is_indexed_location(path):
                self._replace_in_tables(old, summary)
        return summary

    def clear_overlay(self, path: str) -> None:
        """Go back to the file's content on disk."""
        path = os.path.abspath(path)
        with self._lock:
            old = self._overlays.pop(path, None)
            if old is not None and self._is_indexed_location(path):
                self._replace_in_tables(old, self._summaries.get(path))

    def _is_indexed_location(self, path: str) -> bool:
        return any(
            path.startswith(root.rstrip(os.sep) + os.sep) for root in [*self.include_dirs, *self.extra_roots]
        )

    def _rebuild_tables(self) -> None:
        tables = _Tables()
        order = {root: i for i, root in enumerate(self.include_dirs)}
        for summary in self.summaries():
            tables.by_name.setdefault(summary.name, []).append(summary.path)
            for declaration in summary.declarations:
                tables.declarations.setdefault(declaration.name, []).append(declaration)
        for paths in tables.by_name.values():
            paths.sort(key=lambda p: (self._root_rank(p, order), p.endswith(".tpl")))
        self._tables = tables
        self.generation += 1

    def _replace_in_tables(self, old: TemplateSummary | None, new: TemplateSummary | None) -> None:
        """Swap one file's entries in the tables (cheap enough to run on every keystroke)."""
        tables = _Tables(dict(self._tables.by_name), dict(self._tables.declarations))
        if old is not None:
            for declaration in old.declarations:
                key = declaration.name
                remaining = [d for d in tables.declarations.get(key, ()) if d.path != old.path]
                if remaining:
                    tables.declarations[key] = remaining
                else:
                    tables.declarations.pop(key, None)
        if new is not None:
            for declaration in new.declarations:
                key = declaration.name
                tables.declarations[key] = [*tables.declarations.get(key, ()), declaration]
            paths = tables.by_name.get(new.name, [])
            if new.path not in paths:
                order = {root: i for i, root in enumerate(self.include_dirs)}
                tables.by_name[new.name] = sorted(
                    [*paths, new.path], key=lambda p: (self._root_rank(p, order), p.endswith(".tpl"))
                )
        self._tables = tables
        self.generation += 1

    def _root_rank(self, path: str, order: dict[str, int]) -> int:
        for root, rank in order.items():
            if path.startswith(root.rstrip(os.sep) + os.sep):
                return rank
        return len(order)

    # ------------------------------------------------------------------ queries

    def summaries(self) -> list[TemplateSummary]:
        """Every indexed template, overlays replacing their files."""
        merged = dict(self._summaries)
        for path, summary in self._overlays.items():
            if path in merged or self._is_indexed_location(path):
                merged[path] = summary
        return list(merged.values())

    def summary_for_path(self, path: str) -> TemplateSummary | None:
        path = os.path.abspath(path)
        return self._overlays.get(path) or self._summaries.get(path)

    def resolve(self, name: str) -> str | None:
        """The file an ``include`` of ``name`` loads: the first include directory wins."""
        for path in self._tables.by_name.get(name, ()):
            if any(path.startswith(root.rstrip(os.sep) + os.sep) for root in self.include_dirs):
                return path
        return None

    def template(self, name: str) -> TemplateSummary | None:
        """The summary of the template ``include name`` would load."""
        path = self.resolve(name)
        return self.summary_for_path(path) if path else None

    def template_names(self) -> list[str]:
        """Names of the templates an include can reach."""
        return sorted(name for name in self._tables.by_name if self.resolve(name))

    def declarations(self, kind: OccurrenceKind, name: str) -> list[Declaration]:
        """Every declaration of ``name`` as ``kind`` across the index."""
        return [d for d in self._tables.declarations.get(name, ()) if d.kind is kind]

    def declarations_in(self, path: str, kind: OccurrenceKind) -> list[Declaration]:
        """The declarations of ``kind`` in the file at ``path``."""
        summary = self.summary_for_path(path)
        return [d for d in summary.declarations if d.kind is kind] if summary else []

    def all_declarations(self, kinds: Iterable[OccurrenceKind] | None = None) -> Iterator[Declaration]:
        wanted = set(kinds) if kinds is not None else None
        for found in self._tables.declarations.values():
            for declaration in found:
                if wanted is None or declaration.kind in wanted:
                    yield declaration

    def occurrences(self, kind: OccurrenceKind, name: str) -> Iterator[tuple[TemplateSummary, Occurrence]]:
        """Every occurrence of ``name`` as ``kind`` in the indexed files."""
        for summary in self.summaries():
            for occurrence in summary.occurrences:
                if occurrence.kind is kind and occurrence.name == name:
                    yield summary, occurrence

    def path_of_template(self, template: str) -> str | None:
        """The file of the template whose name (as the index knows it) is ``template``."""
        paths = self._tables.by_name.get(template)
        return paths[0] if paths else None

    # ------------------------------------------------------------------ disk cache

    def _cache_file(self) -> Path:
        key = "\0".join([str(INDEX_FORMAT), *self.include_dirs, "|", *self.extra_roots])
        return cache_directory() / f"index-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"

    def _load_disk_cache(self) -> dict[str, TemplateSummary]:
        stored = read_trusted(self._cache_file())
        if stored is None:
            return {}
        try:
            data = pickle.loads(stored)
        except Exception:  # pylint: disable=broad-except
            # A missing, corrupt or incompatible cache is simply rebuilt.
            return {}
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            return {}
        records = data.get("summaries")
        if not isinstance(records, list):
            return {}
        try:
            summaries = [TemplateSummary.from_record(record) for record in records]
        except (TypeError, ValueError, KeyError):
            return {}
        return {summary.path: summary for summary in summaries}

    def _save_disk_cache(self) -> None:
        target = self._cache_file()
        if not private_directory(target.parent):
            return  # no cache directory, or one others can write to
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".index-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(
                    {"format": INDEX_FORMAT, "summaries": [s.to_record() for s in self._summaries.values()]},
                    handle,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(tmp, target)
        except OSError:
            # The cache is an optimisation; a read-only home must not break indexing.
            logger.debug("could not write the index cache %s", target)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            return handle.read()
    except OSError:
        return None
