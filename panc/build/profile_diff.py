"""``panc diff OLD_DIR NEW_DIR``: per object, the profile paths added, removed and changed.

``panc diff REV_OLD [REV_NEW] -- PANC_ARGS...`` compares what two git revisions build instead:
each is built with the panc command line after ``--`` (``panc.build.revision_builds``); without
``REV_NEW`` the new side is the working tree, uncommitted edits included. Before committing:

    panc diff HEAD -- --include-path site:/usr/share/pan profiles/*.pan

An object failing to compile in a revision is listed as such (``object web01: fails to compile
in HEAD``, counted as "failed to compile" in the closing line), its errors on stderr prefixed
with ``[HEAD]``. With ``--`` OLD and NEW are always revisions, without it directories.

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

The exit code is 0 when nothing differs, 1 when something does (or an object fails to
compile), 2 on bad input (like diff): a missing directory, no git repository, an unknown revision.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from panc.commands import HelpShown, OptionsError, OptionsParser
from panc.output.reading import read_profile

_SUFFIXES = (".json.gz", ".json", ".xml.gz", ".xml")
Leaves = dict[str, Any]


@dataclass
class ObjectDiff:
    """What changed in one object between two builds."""

    name: str
    status: str = "changed"
    """``changed``, ``added``, ``removed``, or ``failed`` (to compile, in ``failed_in``)."""
    added: dict[str, Any] = field(default_factory=dict)
    removed: dict[str, Any] = field(default_factory=dict)
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    failed_in: list[str] = field(default_factory=list)
    """The revisions the object fails to compile in."""

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
    """``(path, leaf)`` of every leaf (an empty dict or list is a leaf), in the profile's order;
    walked with a stack of its own, so that a profile of any depth is compared."""
    pending: list[tuple[str, Any]] = [(path, value)]
    while pending:
        where, item = pending.pop()
        if isinstance(item, dict) and item:
            pending.extend((f"{where}/{key}", child) for key, child in reversed(item.items()))
        elif isinstance(item, list) and item:
            pending.extend((f"{where}/{index}", item[index]) for index in range(len(item) - 1, -1, -1))
        else:
            yield where or "/", item


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


def diff_directories(old_dir: Path, new_dir: Path, failed: Mapping[str, Sequence[str]] | None = None,
                     ) -> tuple[list[ObjectDiff], int]:
    """The objects that differ, by name, and how many are unchanged.

    ``failed``: object -> the builds it failed to compile in; such an object is not compared.
    """
    failed = failed or {}
    old, new = profile_files(old_dir), profile_files(new_dir)
    diffs, unchanged = [], 0
    for name in sorted(old.keys() | new.keys() | failed.keys()):
        if name in failed:
            diffs.append(ObjectDiff(name, "failed", failed_in=list(failed[name])))
        elif name not in new:
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
        if diff.status == "failed":
            lines.append(f"object {diff.name}: fails to compile in {' and '.join(diff.failed_in)}")
            continue
        if diff.status != "changed":
            lines.append(f"object {diff.name}: {diff.status}")
            continue
        lines.append(f"object {diff.name}")
        lines += [f"  + {p} = {_show(v)}" for p, v in diff.added.items()]
        lines += [f"  - {p} = {_show(v)}" for p, v in diff.removed.items()]
        lines += [f"  ~ {p}: {_show(a)} -> {_show(b)}" for p, (a, b) in diff.changed.items()]
    counts = {status: sum(d.status == status for d in diffs)
              for status in ("changed", "added", "removed", "failed")}
    differ = len(diffs) - counts["failed"]
    failures = f", {counts['failed']} failed to compile" if counts["failed"] else ""
    lines.append(f"{differ} objects differ ({counts['changed']} changed, {counts['added']} added, "
                 f"{counts['removed']} removed), {unchanged} unchanged{failures}")
    return "\n".join(lines) + "\n"


def format_json(diffs: Sequence[ObjectDiff]) -> str:
    """The report as JSON: object name -> status, added, removed, changed ([old, new]), and for
    an object failing to compile, ``failed_in`` (the revisions)."""
    report = {}
    for d in diffs:
        entry: dict[str, Any] = {"status": d.status, "added": d.added, "removed": d.removed,
                                 "changed": {p: list(v) for p, v in d.changed.items()}}
        if d.status == "failed":
            entry["failed_in"] = d.failed_in
        report[d.name] = entry
    return json.dumps(report, indent=2) + "\n"


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc diff") -> int:
    """``panc diff``; returns 0 (same), 1 (different) or 2 (bad input)."""
    argv = list(argv)
    # after "--" comes panc's own command line, which this parser must not read
    panc_args = argv[argv.index("--") + 1:] if "--" in argv else None
    usage = (f"{prog} [--format text|json] OLD_DIR NEW_DIR\n"
             f"       {prog} [--format text|json] [--repo DIR] REV_OLD [REV_NEW] -- PANC_ARGS...")
    parser = OptionsParser(prog=prog, stdout=stdout, usage=usage,
                           description="Compare two directories of profiles, or the profiles two git "
                                       "revisions build (REV_NEW omitted: the working tree), object by "
                                       "object.")
    parser.add_argument("old", metavar="OLD",
                        help="the old build's output directory, or the old git revision (with --)")
    parser.add_argument("new", metavar="NEW", nargs="?",
                        help="the new build's output directory, or the new git revision (with --; "
                             "default: the working tree)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="the report as text, one line per path, or as JSON (default: text)")
    parser.add_argument("--repo", metavar="DIR", help="the git repository (default: the current directory's)")
    try:
        args = parser.parse_args(argv if panc_args is None else argv[: argv.index("--")])
    except OptionsError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    except HelpShown:
        return 0
    if panc_args is not None:
        return _run_revisions(args, panc_args, stdout, stderr)
    if args.new is None:
        stderr.write("OPTIONS ERROR: give two directories, "
                     "or revisions followed by -- and panc's arguments\n")
        return 2
    for directory in (args.old, args.new):
        if not os.path.isdir(directory):
            stderr.write(f"OPTIONS ERROR: {directory} must be an existing directory "
                         "(revisions need -- and panc's arguments)\n")
            return 2
    try:
        diffs, unchanged = diff_directories(Path(args.old), Path(args.new))
    except (OSError, ValueError) as error:
        stderr.write(f"cannot read a profile: {error}\n")
        return 2
    return _report(diffs, unchanged, args.format, stdout)


def _run_revisions(args: argparse.Namespace, panc_args: list[str], stdout: TextIO, stderr: TextIO) -> int:
    """Build both revisions and compare what they built."""
    # imported here: comparing two directories needs neither git nor panc's build
    from panc.build.revision_builds import RevisionError, built_revisions  # pylint: disable=import-outside-toplevel

    try:
        with built_revisions(args.old, args.new, panc_args, stderr, args.repo) as (old, new):
            failed: dict[str, list[str]] = {}
            for build in (old, new):
                for name in build.failed:
                    failed.setdefault(name, []).append(build.label)
            diffs, unchanged = diff_directories(old.output_dir, new.output_dir, failed)
    except RevisionError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    except (OSError, ValueError) as error:
        stderr.write(f"cannot read a profile: {error}\n")
        return 2
    return _report(diffs, unchanged, args.format, stdout)


def _report(diffs: Sequence[ObjectDiff], unchanged: int, report_format: str, stdout: TextIO) -> int:
    stdout.write(format_json(diffs) if report_format == "json" else format_text(diffs, unchanged))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr, prog=os.path.basename(sys.argv[0])))
