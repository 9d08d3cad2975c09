"""Parity of panlint with the old panlint, finding for finding, over the real corpora.

    python tests/panlint/parity.py [--preview] [--details ID] [--corpus NAME]

Runs the old tool (``../shared/oracle/old-panlint/panlint.py``, under the interpreter named by
``PANLINT_ORACLE_PYTHON`` or, failing that, this one if it has the old tool's three
dependencies) and panlint with default options over every corpus of ``../shared/corpora/``,
then prints per check ID how many (file, line) findings both report, only the old tool
reports and only panlint reports. ``--details ID`` lists the differing findings of one ID.
``tests/panlint/test_panlint_parity.py`` runs the same comparison and fails on a difference
that ``panlint/DIFFERENCES.md`` does not list.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
ORACLE = SHARED / "oracle" / "old-panlint" / "panlint.py"
DRIVER = Path(__file__).with_name("oracle_driver.py")
CORPORA = SHARED / "corpora"
SCDB = CORPORA / "scdb-example-site" / "cfg"
CORPUS_DIRECTORIES = {
    "template-library-core": CORPORA / "template-library-core",
    "scdb-sites": SCDB / "sites",
    "scdb-standard": SCDB / "standard",
    "scdb-grid": SCDB / "grid",
    "metaconfig": CORPORA / "metaconfig" / "templates",
}
"""The real template libraries of ``../shared/corpora`` (see its README)."""
OLD_DEPENDENCIES = ("six", "colorama", "prettytable")
OLD_IDS = ("LP001", "LP002", "LP003", "LP004", "LP005", "LP006", "LP007", "LP008", "LP009", "LP010")
OLD_IDS += ("LP011", "LP012", "PP001", "LC001", "CU001", "FL001")


@dataclass(frozen=True)
class Record:
    """One finding as both tools can state it (columns 0-based, end exclusive, as the old tool)."""

    file: str
    line: int
    rule: str
    start: int
    end: int
    message: str


@dataclass
class Comparison:
    """Per ID, the (file, line) pairs both tools, only the old one and only panlint report."""

    both: Counter[str] = field(default_factory=Counter)
    old_only: dict[str, list[Record]] = field(default_factory=dict)
    new_only: dict[str, list[Record]] = field(default_factory=dict)
    other_columns: dict[str, list[tuple[Record, Record]]] = field(default_factory=dict)
    """Same file, line and ID, other columns or message."""
    old_crashes: dict[str, str] = field(default_factory=dict)

    def ids(self) -> list[str]:
        keys = set(self.both) | set(self.old_only) | set(self.new_only)
        return sorted(
            keys, key=lambda key: (key not in OLD_IDS, OLD_IDS.index(key) if key in OLD_IDS else key)
        )


def oracle_python() -> str | None:
    """An interpreter that can run the old tool, or None."""
    configured = os.environ.get("PANLINT_ORACLE_PYTHON")
    candidates = [configured] if configured else [sys.executable]
    for candidate in candidates:
        probe = subprocess.run(
            [candidate, "-c", "import " + ", ".join(OLD_DEPENDENCIES)],
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            return candidate
    return None


def corpus_files(names: list[str] | None = None) -> list[str]:
    """The ``.pan`` files of the corpora (all of them by default), relative to ``CORPORA``."""
    files: list[str] = []
    for name, directory in CORPUS_DIRECTORIES.items():
        if names and name not in names:
            continue
        files.extend(sorted(str(path.relative_to(CORPORA)) for path in directory.rglob("*.pan")))
    return files


def old_records(
    files: list[str], python: str, flags: tuple[str, ...] = (), cwd: Path = CORPORA
) -> tuple[list[Record], dict[str, str]]:
    """The old tool's findings (run in ``cwd``, file names as given) and the files it crashed on."""
    completed = subprocess.run(
        [python, str(DRIVER.resolve()), str(ORACLE.resolve()), *flags],
        input="\n".join(files) + "\n",
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONUTF8": "1", "PYTHONHASHSEED": "0"},
        check=True,
    )
    records, crashes = [], {}
    for line in completed.stdout.splitlines():
        data = json.loads(line)
        if "crash" in data:
            crashes[data["file"]] = data["crash"]
            continue
        records.append(
            Record(data["file"], data["line"], data["id"], data["start"], data["end"], data["message"])
        )
    return records, crashes


def new_records(files: list[str], preview: bool = False, cwd: Path = CORPORA) -> list[Record]:
    """panlint's findings with default options (``--preview`` optionally), in-process, run in ``cwd``."""
    sys.path.insert(0, str(REPO))
    from panlint.config import Config  # pylint: disable=import-outside-toplevel
    from panlint.runner import lint_files  # pylint: disable=import-outside-toplevel

    previous = Path.cwd()
    os.chdir(cwd)
    try:
        results = lint_files(files, Config(preview=preview), cache=None, jobs=1)
    finally:
        os.chdir(previous)
    records = []
    for result in results:
        for finding in result.findings:
            span = finding.span
            end = span.end_column if span.end_line == span.start_line else span.start_column
            records.append(
                Record(
                    span.file, span.start_line, finding.rule_id, span.start_column - 1, end, finding.message
                )
            )
    return records


def compare(old: list[Record], new: list[Record], crashes: dict[str, str] | None = None) -> Comparison:
    """Match the two tools' findings on (file, line, ID)."""
    comparison = Comparison(old_crashes=dict(crashes or {}))
    old_by_key: dict[tuple[str, int, str], list[Record]] = {}
    new_by_key: dict[tuple[str, int, str], list[Record]] = {}
    for record in old:
        old_by_key.setdefault((record.file, record.line, record.rule), []).append(record)
    for record in new:
        new_by_key.setdefault((record.file, record.line, record.rule), []).append(record)
    for key in old_by_key.keys() | new_by_key.keys():
        rule = key[2]
        olds, news = old_by_key.get(key), new_by_key.get(key)
        if olds and news:
            comparison.both[rule] += 1
            old_forms = sorted((r.start, r.end, r.message) for r in olds)
            new_forms = sorted((r.start, r.end, r.message) for r in news)
            if old_forms != new_forms:
                comparison.other_columns.setdefault(rule, []).append((olds[0], news[0]))
        elif olds:
            comparison.old_only.setdefault(rule, []).append(olds[0])
        elif news:
            comparison.new_only.setdefault(rule, []).append(news[0])
    return comparison


def table(comparison: Comparison) -> str:
    """The parity table in Markdown: per ID, both / old only / new only, and the verdict."""
    rows = [
        "| ID | both | old only | new only | other columns or message | within bounds |",
        "|---|---|---|---|---|---|",
    ]
    for rule in comparison.ids():
        both = comparison.both[rule]
        old_only = len(comparison.old_only.get(rule, []))
        new_only = len(comparison.new_only.get(rule, []))
        other = len(comparison.other_columns.get(rule, []))
        verdict = within_bounds(both, old_only, new_only)
        rows.append(f"| {rule} | {both:,} | {old_only:,} | {new_only:,} | {other:,} | {verdict} |")
    both_total = sum(comparison.both.values())
    old_total = both_total + sum(len(v) for v in comparison.old_only.values())
    extra = sum(len(v) for v in comparison.new_only.values())
    rows.append(
        f"\n{both_total:,} of {old_total:,} old findings reproduced, {extra:,} extra; "
        f"the old tool crashed on {len(comparison.old_crashes)} file(s)."
    )
    return "\n".join(rows)


def within_bounds(both: int, old_only: int, new_only: int) -> str:
    """The issue's bounds: >= 98 % of the old findings, <= 2 % + 3 extra."""
    old = both + old_only
    ok = both >= 0.98 * old and new_only <= 0.02 * old + 3
    return "yes" if ok else "NO"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", action="store_true", help="compare panlint --preview instead")
    parser.add_argument("--details", metavar="ID", help="list the differing findings of this ID")
    parser.add_argument(
        "--corpus", action="append", choices=sorted(CORPUS_DIRECTORIES), help="only this corpus"
    )
    args = parser.parse_args()
    if not ORACLE.is_file():
        print(f"the old panlint is not at {ORACLE}", file=sys.stderr)
        return 2
    python = oracle_python()
    if python is None:
        print("no interpreter with six, colorama and prettytable: set PANLINT_ORACLE_PYTHON", file=sys.stderr)
        return 2
    files = corpus_files(args.corpus)
    old, crashes = old_records(files, python)
    comparison = compare(old, new_records(files, args.preview), crashes)
    print(f"{len(files):,} files: {', '.join(args.corpus or CORPUS_DIRECTORIES)}\n")
    print(table(comparison))
    if args.details:
        rule = args.details.upper()
        for label, records in (("old only", comparison.old_only), ("new only", comparison.new_only)):
            for record in sorted(records.get(rule, []), key=lambda r: (r.file, r.line)):
                print(f"{label}: {record.file}:{record.line}:{record.start}-{record.end}: {record.message}")
        for old_record, new_record in comparison.other_columns.get(rule, []):
            print(f"columns: {old_record} != {new_record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
