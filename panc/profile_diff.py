"""``panc diff OLD_DIR NEW_DIR``: per object, the profile paths added, removed and changed.

Profiles are read from the JSON (``.json``, ``.json.gz``) or pan XML (``.xml``, ``.xml.gz``)
files panc writes; an object is named by its file's path under the directory without the
suffix. Each profile is flattened to its leaves (``/a/b/0`` -> value); an empty dict or list
counts as a leaf, so emptying one shows. Output, for review before a roll-out:

    object web01
      + /software/packages/httpd = ''
      - /system/kernel/version = '5.14'
      ~ /system/network/hostname: 'web01' -> 'web01.example.org'
    object db02: added
    2 objects differ (1 changed, 1 added, 0 removed), 40 unchanged

The exit code is 0 when nothing differs, 1 when something does, 2 on bad input (like diff).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from panc.output.reading import read_profile

_SUFFIXES = (".json.gz", ".json", ".xml.gz", ".xml")
Leaves = dict[str, Any]


@dataclass
class ObjectDiff:
    """What changed in one object between two builds."""

    name: str
    status: str = "changed"
    """``changed``, ``added`` or ``removed``."""
    added: dict[str, Any] = field(default_factory=dict)
    removed: dict[str, Any] = field(default_factory=dict)
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.status == "changed" and not (self.added or self.removed or self.changed)


def profile_files(directory: Path) -> dict[str, Path]:
    """Object name -> profile file (JSON preferred when both are there)."""
    found: dict[str, Path] = {}
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(directory).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue  # the build manifest, temporary files
        for suffix in _SUFFIXES:
            if relative.endswith(suffix):
                name = relative[: -len(suffix)]
                if name not in found or _rank(path) < _rank(found[name]):
                    found[name] = path
                break
    return found


def _rank(path: Path) -> int:
    return next(i for i, suffix in enumerate(_SUFFIXES) if path.name.endswith(suffix))


def read_leaves(path: Path) -> Leaves:
    """The leaves of a JSON or pan XML profile (gzipped or not), by path."""
    return dict(_flatten(read_profile(path), ""))


def _flatten(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict) and value:
        for key, child in value.items():
            yield from _flatten(child, f"{path}/{key}")
    elif isinstance(value, list) and value:
        for index, child in enumerate(value):
            yield from _flatten(child, f"{path}/{index}")
    else:
        yield path or "/", value


def diff_profiles(old: Leaves, new: Leaves, name: str) -> ObjectDiff:
    """The differences between two flattened profiles of one object."""
    result = ObjectDiff(name)
    for path in sorted(old.keys() | new.keys()):
        if path not in new:
            result.removed[path] = old[path]
        elif path not in old:
            result.added[path] = new[path]
        elif _typed(old[path]) != _typed(new[path]):
            result.changed[path] = (old[path], new[path])
    return result


def _typed(value: Any) -> tuple[str, Any]:
    # 1 and 1.0 and true differ in a profile
    return type(value).__name__, value


def diff_directories(old_dir: Path, new_dir: Path) -> tuple[list[ObjectDiff], int]:
    """The objects that differ, by name, and how many are unchanged."""
    old, new = profile_files(old_dir), profile_files(new_dir)
    diffs, unchanged = [], 0
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            diffs.append(ObjectDiff(name, "removed"))
        elif name not in old:
            diffs.append(ObjectDiff(name, "added"))
        else:
            result = diff_profiles(read_leaves(old[name]), read_leaves(new[name]), name)
            if result.empty:
                unchanged += 1
            else:
                diffs.append(result)
    return diffs, unchanged


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
    if value == {}:
        return "dict()"
    if value == []:
        return "list()"
    return repr(value)


def format_text(diffs: Sequence[ObjectDiff], unchanged: int) -> str:
    """The report as text."""
    lines = []
    for diff in diffs:
        if diff.status != "changed":
            lines.append(f"object {diff.name}: {diff.status}")
            continue
        lines.append(f"object {diff.name}")
        lines += [f"  + {p} = {_show(v)}" for p, v in diff.added.items()]
        lines += [f"  - {p} = {_show(v)}" for p, v in diff.removed.items()]
        lines += [f"  ~ {p}: {_show(a)} -> {_show(b)}" for p, (a, b) in diff.changed.items()]
    counts = {status: sum(d.status == status for d in diffs) for status in ("changed", "added", "removed")}
    lines.append(f"{len(diffs)} objects differ ({counts['changed']} changed, {counts['added']} added, "
                 f"{counts['removed']} removed), {unchanged} unchanged")
    return "\n".join(lines) + "\n"


def format_json(diffs: Sequence[ObjectDiff]) -> str:
    """The report as JSON: object name -> status, added, removed, changed ([old, new])."""
    return json.dumps({d.name: {"status": d.status, "added": d.added, "removed": d.removed,
                                "changed": {p: list(v) for p, v in d.changed.items()}} for d in diffs},
                      indent=2) + "\n"


class _OptionsError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _OptionsError(message)


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc diff") -> int:
    """``panc diff``; returns 0 (same), 1 (different) or 2 (bad input)."""
    parser = _Parser(prog=prog, description="Compare two directories of profiles, object by object.")
    parser.add_argument("old_dir", type=Path)
    parser.add_argument("new_dir", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    try:
        args = parser.parse_args(list(argv))
    except _OptionsError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    for directory in (args.old_dir, args.new_dir):
        if not directory.is_dir():
            stderr.write(f"OPTIONS ERROR: {directory} must be an existing directory\n")
            return 2
    try:
        diffs, unchanged = diff_directories(args.old_dir, args.new_dir)
    except (OSError, ValueError) as error:
        stderr.write(f"cannot read a profile: {error}\n")
        return 2
    stdout.write(format_json(diffs) if args.format == "json" else format_text(diffs, unchanged))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr, prog=os.path.basename(sys.argv[0])))
