"""The server's settings, read from ``initializationOptions`` and ``workspace/didChangeConfiguration``.

Accepted shape (keys in camelCase, optionally nested under ``"pan"``)::

    {"includePath": ["templates", "/abs/lib"], "objectRoots": ["profiles"],
     "lint": {"enabled": true, "select": [...], "ignore": [...], "lineLength": 120},
     "compile": {"enabled": true, "debounceMs": 400, "timeoutMs": 30000, "maxMemoryMB": 2048,
                 "workers": 1},
     "debounceMs": 30}

Object templates compile in worker processes (``panc.build.compile_pool``): a compile taking
longer than ``timeoutMs`` or more memory than ``maxMemoryMB`` (default: a quarter of the RAM)
is stopped and reported as an evaluation error; a new edit cancels the compile of the old text.

Relative directories are taken from the workspace root; with no include path the workspace
root itself is the include path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class LintSettings:
    enabled: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    line_length: int = 120


@dataclass(frozen=True)
class Settings:
    root: str = field(default_factory=os.getcwd)
    include_path: tuple[str, ...] = ()
    object_roots: tuple[str, ...] = ()
    lint: LintSettings = field(default_factory=LintSettings)
    compile_enabled: bool = True
    compile_debounce: float = 0.4
    """Seconds of quiet typing before an object template is compiled."""
    compile_timeout: float = 30.0
    """Seconds a compile may take before its worker process is killed."""
    compile_memory: int | None = None
    """Memory budget of a compile in bytes (``None``: the compiler's default, a quarter of the RAM)."""
    compile_workers: int = 1
    debounce: float = 0.01
    """Seconds of quiet typing before syntax/semantic diagnostics are recomputed."""
    persist_index: bool = True

    @property
    def include_dirs(self) -> list[str]:
        """Absolute include directories (the workspace root when none are configured)."""
        dirs = [self._absolute(d) for d in self.include_path] or [self.root]
        return [d for d in dirs if os.path.isdir(d)] or [self.root]

    @property
    def object_dirs(self) -> list[str]:
        return [d for d in (self._absolute(d) for d in self.object_roots) if os.path.isdir(d)]

    def _absolute(self, directory: str) -> str:
        return os.path.normpath(os.path.join(self.root, os.path.expanduser(directory)))


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return tuple(part for part in value.split(os.pathsep) if part)
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value if isinstance(item, (str, os.PathLike)))
    return None


def _positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def merge_settings(current: Settings, options: Any) -> Settings:
    """``current`` updated with whatever ``options`` sets; unknown or ill-typed keys are ignored."""
    if not isinstance(options, dict):
        return current
    if isinstance(options.get("pan"), dict):
        options = options["pan"]
    changes: dict[str, Any] = {}
    include = _strings(options.get("includePath", options.get("include_path")))
    if include is not None:
        changes["include_path"] = include
    roots = _strings(options.get("objectRoots", options.get("object_roots")))
    if roots is not None:
        changes["object_roots"] = roots
    lint = options.get("lint")
    if isinstance(lint, dict):
        changes["lint"] = LintSettings(
            enabled=bool(lint.get("enabled", current.lint.enabled)),
            select=_strings(lint.get("select")) or current.lint.select,
            ignore=_strings(lint.get("ignore")) or current.lint.ignore,
            line_length=int(lint.get("lineLength", current.lint.line_length))
            if isinstance(lint.get("lineLength", current.lint.line_length), int)
            else current.lint.line_length,
        )
    compile_options = options.get("compile")
    if isinstance(compile_options, dict):
        if isinstance(compile_options.get("enabled"), bool):
            changes["compile_enabled"] = compile_options["enabled"]
        if isinstance(compile_options.get("debounceMs"), (int, float)):
            changes["compile_debounce"] = max(0.0, compile_options["debounceMs"] / 1000)
        if _positive(compile_options.get("timeoutMs")):
            changes["compile_timeout"] = compile_options["timeoutMs"] / 1000
        if _positive(compile_options.get("maxMemoryMB")):
            changes["compile_memory"] = int(compile_options["maxMemoryMB"] * (1 << 20))
        if _positive(compile_options.get("workers")):
            changes["compile_workers"] = int(compile_options["workers"])
    if isinstance(options.get("debounceMs"), (int, float)):
        changes["debounce"] = max(0.0, options["debounceMs"] / 1000)
    if isinstance(options.get("persistIndex"), bool):
        changes["persist_index"] = options["persistIndex"]
    return replace(current, **changes)
