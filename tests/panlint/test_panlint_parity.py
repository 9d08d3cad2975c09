"""panlint against the old panlint, side by side on the real corpora (skipped where the old one cannot run).

With default options, every finding of every old check is the same (file, line, ID, columns,
message) over every corpus of ``../shared/corpora``, and the report, the summary, the table
and the exit code are the ones the old tool prints. A difference is allowed only where
``panlint/DIFFERENCES.md`` lists its kind (for findings: the files the old tool crashed on).
``python tests/panlint/parity.py`` prints the same comparison as a table.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import parity
import pytest

REPO = Path(__file__).resolve().parents[2]
DIFFERENCES = REPO / "panlint" / "DIFFERENCES.md"
REPORT_HEADER = re.compile(r"^(\S+(?::\d+: | \+\d+ #))(.*)$")


@pytest.fixture(scope="module")
def oracle() -> str:
    if not parity.ORACLE.is_file() or not parity.CORPORA.is_dir():
        pytest.skip("../shared (the old panlint and the corpora) is not available")
    python = parity.oracle_python()
    if python is None:
        pytest.skip("no interpreter with six, colorama and prettytable (set PANLINT_ORACLE_PYTHON)")
    return python


@pytest.fixture(scope="module")
def comparison(oracle: str) -> parity.Comparison:
    files = parity.corpus_files()
    assert len(files) > 2500, "all corpora are there"
    old, crashes = parity.old_records(files, oracle)
    return parity.compare(old, parity.new_records(files), crashes)


def listed_kinds() -> set[str]:
    """The kinds of difference ``DIFFERENCES.md`` lists (``### ... {#kind}`` headings)."""
    return set(re.findall(r"^### .*\{#([\w-]+)\}$", DIFFERENCES.read_text(encoding="utf-8"), re.M))


def test_every_old_finding_is_reproduced_with_its_columns_and_message(comparison: parity.Comparison) -> None:
    assert "old-crash" in listed_kinds()
    crashed = set(comparison.old_crashes)
    unlisted = {
        rule: [record for record in records if record.file not in crashed]
        for rule, records in (*comparison.old_only.items(), *comparison.new_only.items())
    }
    assert {rule: records[:5] for rule, records in unlisted.items() if records} == {}
    assert {rule: pairs[:5] for rule, pairs in comparison.other_columns.items()} == {}
    assert sum(comparison.both.values()) > 10_000


def test_every_id_is_within_the_issues_bounds(comparison: parity.Comparison) -> None:
    for rule in parity.OLD_IDS:
        both = comparison.both[rule]
        assert both > 0, f"{rule} is exercised by the corpora"
        verdict = parity.within_bounds(
            both, len(comparison.old_only.get(rule, [])), len(comparison.new_only.get(rule, []))
        )
        assert verdict == "yes", rule


def _normalized(report: str) -> str:
    """The report with each line's messages sorted: the old tool joined them in random order."""
    lines = []
    for line in report.split("\n"):
        match = REPORT_HEADER.match(line)
        if match and ".pan" in match.group(1):
            line = match.group(1) + ", ".join(sorted(match.group(2).split(", ")))
        lines.append(line)
    return "\n".join(lines)


OPTION_SETS = [
    (),
    ("--table", "--summary"),
    ("--vi",),
    ("--suppress", "Warning", "--summary"),
    ("--threshold", "Error"),
    ("--always_exit_success", "--ide"),
    ("--allow_mvn_templates",),
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda options: " ".join(options) or "defaults")
def test_the_report_and_exit_code_are_the_old_ones(oracle: str, options: tuple[str, ...]) -> None:
    folder = parity.CORPUS_DIRECTORIES["scdb-standard"]
    files = sorted(str(path.relative_to(parity.CORPORA)) for path in folder.rglob("*.pan"))
    old = subprocess.run(
        [oracle, str(parity.ORACLE.resolve()), *options, *files],
        capture_output=True,
        text=True,
        cwd=parity.CORPORA,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )
    new = subprocess.run(
        [sys.executable, "-m", "panlint", "--no-cache", *options, *files],
        capture_output=True,
        text=True,
        cwd=parity.CORPORA,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert old.stderr == "" and new.stderr == ""
    assert new.returncode == old.returncode
    assert _normalized(new.stdout) == _normalized(old.stdout)
    assert new.stdout.count("\n") > 100


MUTATIONS = [
    *("\t", " ", "  ", "'", '"', "#", "@{", "}", ",", ";", "=", "-", "+", "[", "]", "(", ")", "\n"),
    *("<<EOF;\n", "\nEOF\n", "\\\n", "\x0c", "\x0b", "\r", "\r\n", "\u2028", "\ufeff", "é"),
    *("nlist(", "variable x", "include {", "/software/components/foo/", "@documentation{\n"),
    *("format(", "error(", "prefix '/a/';\n", "template ", "${x}", "bind ", "'/a/' = ", "x" * 130),
    *("-1", "- 1", "[i-1]", "[i - 1]", "x=1", "a>=b", "?=", "*", "<<EOT", "variable Xy", ",  ", ";  ", ";x"),
]
"""What the mutations insert: the characters and words the old checks look at."""


@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_templates_give_the_same_findings(oracle: str, tmp_path: Path, seed: int) -> None:
    """Beyond the corpora: real templates with random insertions and deletions of what the old
    checks react to (quotes, comments, heredocs, annotations, odd line breaks...)."""
    rng = random.Random(seed)
    names = []
    for number, name in enumerate(rng.sample(parity.corpus_files(), 150)):
        chars = list((parity.CORPORA / name).read_text(encoding="utf-8"))
        for _ in range(rng.randint(1, 40)):
            position = rng.randrange(len(chars) + 1)
            if rng.random() < 0.3 and position < len(chars):
                del chars[position]
            else:
                chars.insert(position, rng.choice(MUTATIONS))
        names.append(f"mutated{number:03d}.pan")
        (tmp_path / names[-1]).write_text("".join(chars), encoding="utf-8", newline="")
    old, crashes = parity.old_records(names, oracle, cwd=tmp_path)
    comparison = parity.compare(old, parity.new_records(names, cwd=tmp_path), crashes)
    assert not crashes
    assert dict(comparison.old_only) == {} and dict(comparison.new_only) == {}
    assert dict(comparison.other_columns) == {}
    assert sum(comparison.both.values()) > 500
