"""The lint-result cache: findings of unchanged files are not computed again.

One file per (tool version, configuration) under ``$XDG_CACHE_HOME/pan-tools/panlint``
maps each path to the SHA-256 of the text it was linted with and its findings. Written
atomically (a temporary file renamed over the old one), so concurrent runs never see half a
file; an unreadable or foreign entry is ignored, never trusted. JSON cannot run code, but
planted findings could hide problems: the cache is read only from a directory nobody but
the user can write to (``panc.usercache``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path

import panlint
from panc.usercache import cache_directory, private_directory, read_trusted
from panlint.findings import Finding, finding_from_dict, finding_to_dict

FORMAT = 2  # 2: findings carry missing_include


def default_cache_dir() -> Path:
    return cache_directory() / "panlint"


def tool_fingerprint() -> str:
    """Changes whenever the linter's or the parser's code or grammar changes."""
    digest = hashlib.sha256(f"{FORMAT}:{panlint.__version__}".encode())
    roots = [Path(panlint.__file__).parent]
    # Located, not imported: importing the parser would cost more than the cached run.
    spec = importlib.util.find_spec("panc.syntax")
    if spec is not None and spec.origin:
        roots.append(Path(spec.origin).parent)
        roots.append(Path(spec.origin).parents[2] / "grammars")
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
        key = hashlib.sha256(f"{tool_fingerprint()}\0{config_fingerprint}".encode()).hexdigest()[:32]
        self.file = directory / f"results-{key}.json"
        self.entries: dict[str, list[object]] = self._load()
        self.changed = False

    def _load(self) -> dict[str, list[object]]:
        stored = read_trusted(self.file)
        if stored is None:
            return {}
        try:
            data = json.loads(stored)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, path: str, text: str) -> list[Finding] | None:
        """The cached findings of ``path`` if it was linted with exactly this text."""
        entry = self.entries.get(path)
        if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == _content_key(text)):
            return None
        try:
            return [finding_from_dict(item) for item in entry[1]]
        except (KeyError, ValueError, TypeError, AttributeError):
            return None

    def put(self, path: str, text: str, findings: list[Finding]) -> None:
        self.entries[path] = [_content_key(text), [finding_to_dict(finding) for finding in findings]]
        self.changed = True

    def save(self) -> None:
        """Write the cache if it changed; failing to write only costs speed next time."""
        if not self.changed:
            return
        if not private_directory(self.file.parent):
            return
        try:
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, prefix=".results-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(self.entries, stream, separators=(",", ":"))
            os.replace(temporary, self.file)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return
        self.changed = False
