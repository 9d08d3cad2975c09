"""SCDB clusters: the include path and the host profiles SCDB's ant task compiles for a cluster.

SCDB (Quattor's configuration database) keeps the host profiles of a cluster in
``cfg/clusters/[GROUP/]CLUSTER/profiles/``. Its ``compile.cluster.profiles`` target compiles
them with the include path: the cluster directory, its ``profiles`` and ``site`` folders, then
the directories that ``cluster.pan.includes`` (a Java properties file,
``CLUSTER/cluster.build.properties``, or for a cluster group
``GROUP/cluster.group.build.properties``; the cluster's wins) lists: Ant directory patterns
relative to ``cfg/``, separated by blanks or commas, as the panc ant task reads them::

    cluster.pan.includes=sites/example grid/umd-4 os quattor/dev standard

    cluster = load_cluster("cfg/clusters/grid/umd4")
    cluster.include_path    # (.../umd4, .../umd4/profiles, .../umd4/site, cfg/sites/example, ...)
    cluster.profiles        # the object templates: profiles/**/*.pan and *.tpl
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

CLUSTER_PROPERTIES = "cluster.build.properties"
GROUP_PROPERTIES = "cluster.group.build.properties"
INCLUDES_PROPERTY = "cluster.pan.includes"
CLUSTERS_DIRECTORY = "clusters"
"""SCDB's ``clusters.directory``: the folder of ``cfg/`` holding the clusters."""
CLUSTER_FOLDERS = ("", "profiles", "site")
"""The cluster's own include directories, in SCDB's order (``pan.loadpath``)."""

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_REFERENCE = re.compile(r"\$\{([^}]*)\}")


class ClusterError(Exception):
    """A directory that is not an SCDB cluster, or whose properties cannot be read."""


@dataclass(frozen=True)
class Cluster:
    """One SCDB cluster as its ant build sees it."""

    directory: str
    cfg: str
    """The ``cfg/`` directory the includes are relative to."""
    include_path: tuple[str, ...]
    profiles: tuple[str, ...]
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """``grid/umd4``: the cluster's path below ``cfg/clusters``."""
        return Path(self.directory).relative_to(Path(self.cfg) / CLUSTERS_DIRECTORY).as_posix()


def read_properties(text: str) -> dict[str, str]:
    """The keys and values of a Java ``.properties`` text (``#``/``!`` comments, ``=``, ``:``
    or blanks between key and value, ``\\`` continuations and escapes); a key given twice
    keeps its last value, as ``java.util.Properties`` does."""
    properties: dict[str, str] = {}
    lines = iter(text.splitlines())
    for raw in lines:
        line = raw.lstrip()
        if not line or line[0] in "#!":
            continue
        while _continued(line):
            line = line[:-1] + next(lines, "").lstrip()
        key, value = _split_entry(line)
        properties[key] = value
    return properties


def _continued(line: str) -> bool:
    """An odd number of backslashes at the end joins the next line."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _split_entry(line: str) -> tuple[str, str]:
    key: list[str] = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == "\\" and position + 1 < len(line):
            key.append(line[position : position + 2])
            position += 2
            continue
        if char in "=: \t\f":
            break
        key.append(char)
        position += 1
    rest = line[position:].lstrip(" \t\f")
    if rest[:1] in ("=", ":"):
        rest = rest[1:].lstrip(" \t\f")
    return _unescape("".join(key)), _unescape(rest)


def _unescape(text: str) -> str:
    out: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char != "\\" or position + 1 == len(text):
            out.append(char)
            position += 1
            continue
        escaped = text[position + 1]
        if escaped == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[position + 2 : position + 6]):
            out.append(chr(int(text[position + 2 : position + 6], 16)))
            position += 6
            continue
        out.append(_ESCAPES.get(escaped, escaped))
        position += 2
    return "".join(out)


def _expand(properties: dict[str, str]) -> dict[str, str]:
    """Ant's ``${name}`` references to other properties of the files (unknown ones stay)."""
    expanded = dict(properties)
    for _ in range(10):  # references of references; a cycle stops here
        changed = False
        for key, value in expanded.items():
            new = _REFERENCE.sub(lambda m: expanded.get(m.group(1), m.group(0)), value)
            if new != value:
                expanded[key], changed = new, True
        if not changed:
            break
    return expanded


def cfg_of(directory: str) -> str | None:
    """The ``cfg/`` directory above a cluster: the parent of its ``clusters`` ancestor."""
    path = Path(os.path.abspath(directory))
    for ancestor in path.parents:
        if ancestor.name == CLUSTERS_DIRECTORY:
            return str(ancestor.parent)
    return None


def _pattern_directories(cfg: str, pattern: str) -> list[str]:
    """The directories an Ant pattern (``sites/example``, ``sites/*``, ``grid/**``) names
    below ``cfg``, in name order."""
    pattern = pattern.strip("/")
    if not pattern:
        return []
    if not any(char in pattern for char in "*?["):
        candidate = os.path.join(cfg, pattern)
        return [candidate] if os.path.isdir(candidate) else []
    return sorted(str(p) for p in Path(cfg).glob(pattern) if p.is_dir())


def load_cluster(directory: str) -> Cluster:
    """The cluster in ``directory`` (``cfg/clusters/[GROUP/]CLUSTER``); ``ClusterError`` when
    it has no ``cluster.build.properties`` or no ``cfg/clusters`` above it."""
    directory = os.path.abspath(directory)
    own = os.path.join(directory, CLUSTER_PROPERTIES)
    if not os.path.isfile(own):
        raise ClusterError(f"{directory} is not an SCDB cluster: it has no {CLUSTER_PROPERTIES}")
    cfg = cfg_of(directory)
    if cfg is None:
        raise ClusterError(f"{directory} is not below an SCDB '{CLUSTERS_DIRECTORY}' directory")
    properties: dict[str, str] = {}
    group = os.path.join(os.path.dirname(directory), GROUP_PROPERTIES)
    for source in (own, group):  # Ant properties are set once: the cluster's file wins
        if not os.path.isfile(source):
            continue
        try:
            with open(source, encoding="latin-1") as handle:  # the encoding Properties.load reads
                read = read_properties(handle.read())
        except OSError as error:
            raise ClusterError(f"cannot read {source}: {error}") from error
        for key, value in read.items():
            properties.setdefault(key, value)
    properties = _expand(properties)
    include_path: list[str] = []
    for folder in CLUSTER_FOLDERS:
        candidate = os.path.join(directory, folder) if folder else directory
        if os.path.isdir(candidate):
            include_path.append(candidate)
    for pattern in re.split(r"[\s,]+", properties.get(INCLUDES_PROPERTY, "").strip()):
        for found in _pattern_directories(cfg, pattern):
            if found not in include_path:
                include_path.append(found)
    profiles_dir = Path(directory) / "profiles"
    profiles = sorted(
        str(p) for suffix in ("*.pan", "*.tpl") for p in profiles_dir.rglob(suffix) if p.is_file()
    )
    return Cluster(directory, cfg, tuple(include_path), tuple(profiles), properties)


def find_clusters(root: str) -> list[str]:
    """The SCDB clusters of the checkout (or ``cfg/``) at ``root``, in name order: the
    directories of ``cfg/clusters`` (or of a cluster group in it) holding a
    ``cluster.build.properties``."""
    found: list[str] = []
    for clusters in (Path(root) / "cfg" / CLUSTERS_DIRECTORY, Path(root) / CLUSTERS_DIRECTORY):
        if not clusters.is_dir():
            continue
        for child in sorted(clusters.iterdir()):
            if (child / CLUSTER_PROPERTIES).is_file():
                found.append(str(child))
            elif child.is_dir() and not child.name.startswith("."):
                found.extend(str(c) for c in sorted(child.iterdir()) if (c / CLUSTER_PROPERTIES).is_file())
    return found


def cluster_of(path: str) -> str | None:
    """The cluster directory holding ``path`` (a template of the cluster), if any."""
    current = Path(os.path.abspath(path))
    for ancestor in [current, *current.parents]:
        if (ancestor / CLUSTER_PROPERTIES).is_file() and cfg_of(str(ancestor)) is not None:
            return str(ancestor)
    return None
