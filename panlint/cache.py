"""The lint-result cache: findings of unchanged files are not computed again.

One file per (tool version, Python version, configuration) under
``$XDG_CACHE_HOME/pan-tools/panlint`` maps each path to the SHA-256 of the text it was linted
with, its findings (compact rows) and its size and modification time then; in ``marshal``
form, read back several times faster than JSON (a run where nothing changed is mostly this
read). A file whose size and modification time are those recorded is not read again (unless
it was modified within ``RACY_NANOSECONDS`` of being linted: a second change in the same
clock tick would not show in the time, so its content is compared, as git does). Written atomically (a
temporary file renamed over the old one), so concurrent runs never see half a file; an
unreadable or foreign entry is ignored, never trusted. Planted findings could hide problems
(and ``marshal`` is not meant for data others wrote): the cache is read only from a directory
nobody but the user can write to (``panc.usercache``).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path

import panlint
from panc.usercache import cache_directory, private_directory, read_trusted
from panlint.findings import Finding, finding_from_row, finding_to_row

FORMAT = 4  # 4: entries record the file's size and modification time
RACY_NANOSECONDS = 2_000_000_000
"""Modification times this close to the check are not trusted (coarse file system clocks)."""


def default_cache_dir() -> Path:
    return cache_directory() / "panlint"


def tool_fingerprint() -> str:
    """Changes whenever the linter's or the parser's code or grammar changes."""
    digest = hashlib.sha256(f"{FORMAT}:{panlint.__version__}".encode())
    package = Path(panlint.__file__).parent
    # Located, not imported: importing the parser would cost more than the cached run. The
    # core is installed beside panlint (one distribution), the grammar in the checkout's
    # grammars/ or, installed, in panc/grammars/.
    core = package.parent / "panc"
    roots = [package, core / "syntax", core / "grammars", package.parent / "grammars"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".lark") and path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def include_path_fingerprint(include_path: tuple[str, ...]) -> str:
    """Changes whenever a template on the include path changes (name resolution depends on them)."""
    digest = hashlib.sha256()
    for root in include_path:
        for directory, subdirectories, names in os.walk(root):
            subdirectories.sort()
            for name in sorted(names):
                if name.endswith((".pan", ".tpl")):
                    path = os.path.join(directory, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    digest.update(f"{path}\0{info.st_mtime_ns}\0{info.st_size}\n".encode())
    return digest.hexdigest()


def _content_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LintCache:
    """Findings per path, valid while the file's text is the same."""

    def __init__(self, directory: Path, config_fingerprint: str) -> None:
        identity = f"{tool_fingerprint()}\0{config_fingerprint}\0{sys.version}"
        key = hashlib.sha256(identity.encode()).hexdigest()[:32]
        self.file = directory / f"results-{key}.marshal"
        self.entries: dict[str, list[object]] = self._load()
        self.changed = False

    def _load(self) -> dict[str, list[object]]:
        stored = read_trusted(self.file)
        if stored is None:
            return {}
        try:
            data = marshal.loads(stored)
        except (ValueError, EOFError, TypeError):
            return {}
        return data if isinstance(data, dict) else {}

    def unchanged(self, path: str, status: os.stat_result) -> list[Finding] | None:
        """The cached findings of ``path`` if its size and modification time show it unchanged."""
        entry = self.entries.get(path)
        if not (isinstance(entry, (list, tuple)) and len(entry) == 5):
            return None
        _key, rows, size, modified, checked = entry
        if size != status.st_size or modified != status.st_mtime_ns or modified + RACY_NANOSECONDS > checked:
            return None
        return self._findings(path, rows)

    def get(self, path: str, text: str, status: os.stat_result | None = None) -> list[Finding] | None:
        """The cached findings of ``path`` if it was linted with exactly this text (the entry
        then records ``status``, so that next time the text need not be read)."""
        entry = self.entries.get(path)
        if not (isinstance(entry, (list, tuple)) and len(entry) == 5 and entry[0] == _content_key(text)):
            return None
        findings = self._findings(path, entry[1])
        if findings is not None and status is not None and self.unchanged(path, status) is None:
            # Same text: record the file's state now, so that the next run need not read it.
            self.entries[path] = [entry[0], entry[1], status.st_size, status.st_mtime_ns, time.time_ns()]
            self.changed = True
        return findings

    @staticmethod
    def _findings(path: str, rows: object) -> list[Finding] | None:
        try:
            return [finding_from_row(path, row) for row in rows]  # type: ignore[attr-defined]
        except (KeyError, ValueError, TypeError, AttributeError):
            return None

    def put(
        self, path: str, text: str, findings: list[Finding], status: os.stat_result | None = None
    ) -> None:
        size, modified = (status.st_size, status.st_mtime_ns) if status is not None else (-1, -1)
        rows = [finding_to_row(finding) for finding in findings]
        self.entries[path] = [_content_key(text), rows, size, modified, time.time_ns()]
        self.changed = True

    def save(self) -> None:
        """Write the cache if it changed; failing to write only costs speed next time."""
        if not self.changed:
            return
        # Only a run that checked something.
        import tempfile  # pylint: disable=import-outside-toplevel

        if not private_directory(self.file.parent):
            return
        try:
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, prefix=".results-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                marshal.dump(self.entries, stream)
            os.replace(temporary, self.file)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return
        self.changed = False
