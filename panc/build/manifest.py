"""Incremental builds: the manifest kept beside the outputs, and the up-to-date check.

``OUTDIR/.panc-build.json`` records, for every command-line file whose object was built
successfully, what its profile depends on:

- the digest of the command-line file as read;
- every include-path lookup the object made (templates, ``file_contents``/``file_exists``
  files, and lookups that found nothing), with the file found and the digest of the content
  the compiler really used;
- its output files (size and modification time);
- and, for the whole build, a key of the compiler options (formats, include path, limits,
  initial data, debug and warning settings, tool version).

A file is up to date when all of these still hold: the options key is the same, the file and
every file found still have their digests, no lookup would now find a different file (for
instance a template added earlier on the include path, or a missing one now present) and
the outputs are untouched. Checking costs a ``stat`` per distinct file; contents are re-read
only when a file's size or time changed (a stat cache in the manifest). The cache skips files
modified just before they were read: a later same-size edit within the same timestamp tick
would not change their time. How long "just before" is depends on the file system's timestamp
granularity, guessed from the time itself (see ``settled``).

The manifest is written atomically, after the outputs it describes: a build killed at any
point leaves a manifest that is older than the outputs, never newer, so the next build
redoes what is in doubt. Failed objects get no entry: they are compiled again every time.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panc import __version__
from panc.build.outcomes import FileOutcome, Lookup
from panc.build.steps import content_digest
from panc.loader import TEMPLATE_SUFFIXES, candidate_paths, include_prefixes

MANIFEST_NAME = ".panc-build.json"
FORMAT_VERSION = 1
# A file modified at least this long before it was read cannot be modified again within the
# same timestamp tick: nanosecond timestamps (ext4, xfs, btrfs, tmpfs) tick with the kernel's
# coarse clock, at most 10 ms; whole-second ones (ext3, HFS+, some NFS servers; FAT's 2 s)
# need 2 s. The margin also absorbs that much clock difference with a file server.
_FINE_TICK_MARGIN_NS = 100_000_000
_COARSE_TICK_MARGIN_NS = 2_000_000_000


def settled(mtime_ns: int, read_ns: int) -> bool:
    """Whether a file with modification time ``mtime_ns`` read (no later than) at ``read_ns``
    can be trusted to show any later edit in its time or size."""
    coarse = mtime_ns % 1_000_000_000 == 0
    return mtime_ns < read_ns - (_COARSE_TICK_MARGIN_NS if coarse else _FINE_TICK_MARGIN_NS)


def options_key(options: object, format_keys: Sequence[str]) -> str:
    """A key of everything besides the files that decides what a build writes: the compiler
    options (``CompileOptions`` or its keywords), the output formats and the tool version.

    It is their canonical JSON text, readable in the manifest (and no digest to compute)."""
    parts: dict[str, Any] = dict(options) if isinstance(options, dict) else dict(vars(options))
    if "include_path" in parts:
        parts["include_path"] = [os.path.abspath(d) for d in parts["include_path"]]
    parts["formats"] = list(format_keys)
    parts["version"] = __version__
    return json.dumps(parts, sort_keys=True, default=str)


@dataclass(slots=True)
class SourceEntry:
    """What the manifest knows of one command-line file."""

    object_name: str | None
    digest: str
    lookups: list[Lookup] = field(default_factory=list)
    outputs: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Output path -> (modification time in ns, size)."""
    lookup_ids: list[int] | None = None
    """For an entry read from the manifest: its lookups as indices into ``Manifest.table``."""


class Manifest:
    """The build manifest of one output directory."""

    def __init__(self, output_dir: str, options: str) -> None:
        self.path = Path(output_dir, MANIFEST_NAME)
        self.options = options
        self.sources: dict[str, SourceEntry] = {}
        self.stat_cache: dict[str, tuple[int, int, str]] = {}
        self.table: list[Lookup] = []
        """The lookups of the entries read from the file, each stored once."""
        self.started_ns = time.time_ns()
        self._cached_paths: set[str] = set()
        self.dirty = False
        """Something changed since the manifest was read: ``save`` has work to do."""

    @classmethod
    def load(cls, output_dir: str, options: str) -> Manifest:
        """The manifest of ``output_dir``; empty when missing, unreadable or for other options."""
        manifest = cls(output_dir, options)
        manifest._read(any_options=False)
        return manifest

    @classmethod
    def read(cls, output_dir: str) -> Manifest | None:
        """The manifest of ``output_dir`` whatever options it was built with (for the tools that
        look at a build: ``panc impact``, ``panc diff``); ``None`` when missing or unreadable."""
        manifest = cls(output_dir, "")
        return manifest if manifest._read(any_options=True) else None

    def _read(self, any_options: bool) -> bool:
        """Take in the file's entries (only if built with ``self.options`` unless ``any_options``);
        ``False`` when it is missing, unreadable or of another format."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT_VERSION:
                return False
            self.stat_cache = {p: (m, s, d) for p, (m, s, d) in data["stat_cache"].items()}
            if not any_options and data.get("options") != self.options:
                return True
            self.table = [(k, n, tuple(lp), f, d) for k, n, lp, f, d in data["lookups"]]
            for path, entry in data["sources"].items():
                ids = entry["lookups"]
                # the lookups themselves are only materialised if the entry is saved again
                self.sources[path] = SourceEntry(
                    entry["object"], entry["digest"], [],
                    {p: (m, s) for p, (m, s) in entry["outputs"].items()}, ids,
                )
            return True
        # AttributeError: JSON of another shape (a list where a dict belongs...)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.sources.clear()
            return False

    def save(self) -> None:
        """Write the manifest atomically (lookups shared by many objects are stored once)."""
        from panc.output.writing import write_atomically  # pylint: disable=import-outside-toplevel

        table: dict[Lookup, int] = {}
        sources = {}
        for path, entry in sorted(self.sources.items()):
            sources[path] = {
                "object": entry.object_name,
                "digest": entry.digest,
                "lookups": [table.setdefault(lookup, len(table)) for lookup in self.lookups_of(entry)],
                "outputs": {p: list(v) for p, v in sorted(entry.outputs.items())},
            }
        data = {
            "format": FORMAT_VERSION,
            "options": self.options,
            "lookups": [[k, n, list(lp), f, d] for k, n, lp, f, d in table],
            "sources": sources,
            "stat_cache": {p: list(v) for p, v in sorted(self.stat_cache.items())},
        }
        write_atomically(self.path, json.dumps(data, separators=(",", ":")).encode())

    def lookups_of(self, entry: SourceEntry) -> list[Lookup]:
        """An entry's lookups, whether recorded in this build or read from the file."""
        if entry.lookup_ids is None:
            return entry.lookups
        return [self.table[i] for i in entry.lookup_ids]

    def record(self, outcome: FileOutcome) -> None:
        """Remember a fresh outcome: a success gets an entry, anything else loses its entry."""
        key = os.path.abspath(outcome.path)
        if outcome.failed or outcome.source_digest is None or outcome.up_to_date:
            if not outcome.up_to_date and self.sources.pop(key, None) is not None:
                self.dirty = True
            return
        outputs = {}
        for written in outcome.written:
            path = str(written)
            state = outcome.written_states.get(path)
            if state is None:  # written here, not by a worker
                try:
                    info = os.stat(path)
                except OSError:
                    self.sources.pop(key, None)
                    self.dirty = True
                    return
                state = (info.st_mtime_ns, info.st_size)
            outputs[path] = state
        self.sources[key] = SourceEntry(outcome.object_name, outcome.source_digest, outcome.lookups, outputs)
        self.dirty = True
        self._cache_stats([(key, outcome.source_digest)] + [(f, d) for _, _, _, f, d in outcome.lookups])

    def _cache_stats(self, files: list[tuple[str | None, str | None]]) -> None:
        """Remember the digests the workers computed, so the next check reads no file.

        Only for files last modified well before this build started: their content then was
        the content the workers read.
        """
        for path, digest in files:
            if path is None or digest is None or path in self._cached_paths:
                continue
            self._cached_paths.add(path)
            try:
                info = os.stat(path)
            except OSError:
                continue
            if settled(info.st_mtime_ns, self.started_ns):
                self.stat_cache[path] = (info.st_mtime_ns, info.st_size, digest)
                self.dirty = True


class DependencyChecker:
    """Tells which command-line files are up to date against a manifest.

    Every file and lookup is examined once per build, however many objects share it.
    """

    def __init__(self, manifest: Manifest, include_path: Sequence[str], expected_outputs: int) -> None:
        self.manifest = manifest
        self.prefixes = include_prefixes(include_path)
        self.expected_outputs = expected_outputs
        self._digests: dict[str, str | None] = {}
        self._lookups: dict[tuple[str, str, tuple[str, ...]], tuple[str | None, str | None]] = {}
        self._now_ns = time.time_ns()
        self._changed_ids: set[int] | None = None

    def up_to_date(self, path: str) -> SourceEntry | None:
        """The manifest entry of ``path`` if nothing it depends on changed, else ``None``."""
        entry = self.manifest.sources.get(os.path.abspath(path))
        if entry is None or self.digest(path) != entry.digest:
            return None
        if entry.object_name is None:
            return entry
        if len(entry.outputs) != self.expected_outputs:
            return None
        for output, recorded in entry.outputs.items():
            try:
                info = os.stat(output)
            except OSError:
                return None
            if (info.st_mtime_ns, info.st_size) != recorded:
                return None
        if entry.lookup_ids is not None:
            # each lookup of the manifest is checked once, however many objects share it
            if self._changed_ids is None:
                table = self.manifest.table
                self._changed_ids = {i for i, (kind, name, loadpath, found, digest) in enumerate(table)
                                     if self.resolve(kind, name, loadpath) != (found, digest)}
            return None if not self._changed_ids.isdisjoint(entry.lookup_ids) else entry
        for kind, name, loadpath, found, digest in entry.lookups:
            if self.resolve(kind, name, loadpath) != (found, digest):
                return None
        return entry

    def resolve(self, kind: str, name: str, loadpath: tuple[str, ...]) -> tuple[str | None, str | None]:
        """The file a lookup finds now and its digest (``(None, None)`` when nothing is found)."""
        key = (kind, name, loadpath)
        known = self._lookups.get(key)
        if known is not None:
            return known
        suffixes = TEMPLATE_SUFFIXES if kind == "T" else ("",)
        result: tuple[str | None, str | None] = (None, None)
        for candidate in candidate_paths(self.prefixes, name, loadpath, suffixes):
            digest = self.digest(candidate)
            if digest is not None:
                result = (candidate, digest)
                break
        self._lookups[key] = result
        return result

    def digest(self, path: str) -> str | None:
        """The digest of a regular file's content, ``None`` when there is no readable file."""
        if path in self._digests:
            return self._digests[path]
        digest = self._read_digest(path)
        self._digests[path] = digest
        return digest

    def _read_digest(self, path: str) -> str | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        cached = self.manifest.stat_cache.get(path)
        if cached is not None and cached[:2] == (info.st_mtime_ns, info.st_size):
            return cached[2]
        try:
            with open(path, "rb") as handle:
                digest = content_digest(handle.read())
        except OSError:
            return None
        if settled(info.st_mtime_ns, self._now_ns):
            self.manifest.stat_cache[path] = (info.st_mtime_ns, info.st_size, digest)
            self.manifest.dirty = True
        elif self.manifest.stat_cache.pop(path, None) is not None:
            self.manifest.dirty = True
        return digest
