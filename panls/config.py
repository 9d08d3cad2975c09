"""The server's settings, read from ``initializationOptions`` and ``workspace/didChangeConfiguration``.

Accepted shape (keys in camelCase, optionally nested under ``"pan"``)::

    {"includePath": ["templates", "/abs/lib"], "objectRoots": ["profiles"],
     "lint": {"enabled": true, "select": [...], "ignore": [...], "lineLength": 120},
     "compile": {"enabled": true, "debounceMs": 400, "timeoutMs": 30000, "maxMemoryMB": 2048,
                 "workers": 1},
     "siteCheck": {"enabled": true, "onStartup": false, "maxObjects": 100, "timeBudgetMs": 120000,
                   "buildDir": "build/xml"},
     "cluster": "cfg/clusters/grid/umd4",
     "debounceMs": 30, "restrictPaths": true}

Object templates compile in worker processes (``panc.build.compile_pool``): a compile taking
longer than ``timeoutMs`` or more memory than ``maxMemoryMB`` (default: a quarter of the RAM)
is stopped and reported as an evaluation error; a new edit cancels the compile of the old text.

With ``restrictPaths`` (the default) a template or data file whose real path is outside the
include path is treated as absent (``panc --restrict-paths``).

An edit of any template re-checks the object templates that use it (``siteCheck``, see
``panls.features.site_check``): at most ``maxObjects`` of them, most recently used first, in
at most ``timeBudgetMs``; ``onStartup`` checks every object template once the index is ready;
``buildDir`` is the output directory of the site's last build, whose ``.dep`` files tell which
templates each object used.

Relative directories are taken from the workspace root. With no include path, the include
path of an SCDB cluster (``cluster``, or the one holding the workspace root, or the one of
``cfg/clusters`` with the most profiles; see ``panc.build.scdb``), else the workspace root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any

from panc.build.scdb import ClusterError, cluster_of, find_clusters, load_cluster


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
    restrict_paths: bool = True
    """Compiles read only files whose real path is inside the include path: an editor compiles
    whatever is open, templates from anywhere included (``panc --restrict-paths``)."""
    site_check_enabled: bool = True
    site_on_startup: bool = False
    site_max_objects: int = 100
    """Objects an edit re-checks at most (the most recently used first)."""
    site_time_budget: float = 120.0
    """Seconds the re-checks of one edit may take in all; what is left then is dropped."""
    site_build_dir: str | None = None
    cluster: str | None = None
    """An SCDB cluster directory giving the include path (when ``include_path`` is empty)."""
    cluster_include_path: tuple[str, ...] = ()
    """The include path of the SCDB cluster in use (``with_cluster``)."""

    @property
    def include_dirs(self) -> list[str]:
        """Absolute include directories (an SCDB cluster's, else the workspace root, when none
        are configured)."""
        dirs = [self.absolute(d) for d in self.include_path] or list(self.cluster_include_path) or [self.root]
        return [d for d in dirs if os.path.isdir(d)] or [self.root]

    @property
    def object_dirs(self) -> list[str]:
        return [d for d in (self.absolute(d) for d in self.object_roots) if os.path.isdir(d)]

    @property
    def build_output_dir(self) -> str | None:
        """The output directory of the site's last build (``siteCheck.buildDir``), absolute."""
        return self.absolute(self.site_build_dir) if self.site_build_dir else None

    def absolute(self, directory: str) -> str:
        """``directory`` taken from the workspace root."""
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
    site = options.get("siteCheck")
    if isinstance(site, dict):
        changes.update(_site_check(site))
    if isinstance(options.get("cluster"), str):
        changes["cluster"] = options["cluster"] or None
    if isinstance(options.get("debounceMs"), (int, float)):
        changes["debounce"] = max(0.0, options["debounceMs"] / 1000)
    if isinstance(options.get("persistIndex"), bool):
        changes["persist_index"] = options["persistIndex"]
    if isinstance(options.get("restrictPaths"), bool):
        changes["restrict_paths"] = options["restrictPaths"]
    return replace(current, **changes)


def _site_check(options: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if isinstance(options.get("enabled"), bool):
        changes["site_check_enabled"] = options["enabled"]
    if isinstance(options.get("onStartup"), bool):
        changes["site_on_startup"] = options["onStartup"]
    if _positive(options.get("maxObjects")):
        changes["site_max_objects"] = int(options["maxObjects"])
    if _positive(options.get("timeBudgetMs")):
        changes["site_time_budget"] = options["timeBudgetMs"] / 1000
    if isinstance(options.get("buildDir"), str):
        changes["site_build_dir"] = options["buildDir"] or None
    return changes


def with_cluster(settings: Settings) -> Settings:
    """``settings`` with the include path of its SCDB cluster when it has no include path:
    the ``cluster`` setting, else the cluster holding the workspace root, else the cluster of
    ``cfg/clusters`` with the most profiles."""
    if settings.include_path:
        return replace(settings, cluster_include_path=())
    chosen = settings.absolute(settings.cluster) if settings.cluster else cluster_of(settings.root)
    candidates = [chosen] if chosen else find_clusters(settings.root)
    clusters = []
    for directory in candidates:
        try:
            clusters.append(load_cluster(directory))
        except ClusterError:
            continue
    if not clusters:
        return replace(settings, cluster_include_path=())
    best = max(clusters, key=lambda c: (len(c.profiles), -candidates.index(c.directory)))
    return replace(settings, cluster=best.directory, cluster_include_path=best.include_path)
