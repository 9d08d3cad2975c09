"""Functional tests: each rule's case file marks its offending lines, the report is golden.

A line ending with ``# expect: ID[,ID]`` must get exactly those findings; ``# expect-next:
ID`` says the same of the next line and ``# expect +N: ID`` of the Nth line below.
``expect-old`` marks what only the default mode reports (the old panlint's reading of the
text), ``expect-preview`` what only ``--preview`` reports: the differences listed in
``panlint/DIFFERENCES.md``. A case is linted under its template's name (``features/...``
matters to FT002). ``<ID>.expected`` beside the case holds the default mode's findings with
their columns and fixes; regenerate with ``PANLINT_REGENERATE=1`` and review the diff. Where
the old panlint can run, it must report exactly the default mode's markers of its checks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import parity
import pytest
from panlint_support import CASES

from panc.syntax import parse
from panlint.checking import lint_text
from panlint.compat.catalog import DEFAULT_IDS
from panlint.config import Config
from panlint.rules import RULES_BY_ID

MARKER = re.compile(
    r"#\s*expect(?P<next>-next)?(?:-(?P<mode>old|preview))?(?:\s*\+(?P<offset>\d+))?:\s*(?P<ids>[\w, ]+)$"
)
RESOLUTION = Path(__file__).parent / "resolution"
"""Cases of the rules that resolve names: ``resolution/lib`` is their include path."""
CASE_FILES = sorted([*CASES.glob("*.pan"), *(RESOLUTION / "cases").glob("*.pan")])
MODES = ("default", "preview")


def rule_of(path: Path) -> str:
    """The rule a case file is about: ``LP001.pan``, ``FL001-spacing.pan``."""
    return path.stem.split("-", 1)[0]


def expected_markers(text: str, mode: str = "default") -> set[tuple[int, str]]:
    """(line, ID) the markers announce for a mode ("default" or "preview")."""
    excluded = "preview" if mode == "default" else "old"
    expected = set()
    for number, line in enumerate(text.split("\n"), start=1):
        match = MARKER.search(line)
        if not match or match.group("mode") == excluded:
            continue
        offset = int(match.group("offset") or 0) + (1 if match.group("next") else 0)
        expected.update(
            (number + offset, rule_id.strip()) for rule_id in match.group("ids").split(",") if rule_id.strip()
        )
    return expected


def lint_name(path: Path) -> str:
    """The file name a case is linted under: its template's name."""
    declaration = re.search(r"template\s+([\w/\-]+)\s*;", path.read_text(encoding="utf-8"))
    assert declaration, f"{path.name} declares its template"
    return declaration.group(1) + ".pan"


def lint_case(path: Path, mode: str = "default", fixes: bool = False) -> list:
    include_path = (str(RESOLUTION / "lib"),) if path.parent.parent == RESOLUTION else ()
    config = Config(
        select=(rule_of(path),),
        include_path=include_path,
        preview=mode == "preview",
    )
    return lint_text(path.read_text(encoding="utf-8"), lint_name(path), config, fixes=fixes)


def test_every_rule_has_a_case() -> None:
    missing = set(RULES_BY_ID) - {rule_of(path) for path in CASE_FILES} - {"PE001"}
    assert not missing


def test_parse_errors_are_findings_and_the_rest_is_still_checked() -> None:
    """PE001 carries the parser's message (not golden: the parser owns its wording)."""
    path = Path(__file__).parent / "broken" / "PE001.pan"
    text = path.read_text(encoding="utf-8")
    findings = lint_text(text, path.name, Config(select=("PE001", "LP008")))
    errors = [f for f in findings if f.rule_id == "PE001"]
    assert {(f.span.start_line, f.rule_id) for f in errors} == expected_markers(text)
    assert all(f.message.startswith("parse error: ") for f in errors)
    assert [(f.span.start_line, f.rule_id) for f in findings if f.rule_id != "PE001"] == [(5, "LP008")]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_case_parses_cleanly(path: Path) -> None:
    result = parse(path.read_text(encoding="utf-8"), path.name)
    assert not result.diagnostics


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_markers(path: Path, mode: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert expected_markers(text) | expected_markers(text, "preview"), "a case marks an offending line"
    found = {(finding.span.start_line, finding.rule_id) for finding in lint_case(path, mode)}
    assert found == expected_markers(text, mode)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_golden_report(path: Path) -> None:
    report = "".join(
        f"{f.span.file}:{f.span.start_line}:{f.span.start_column}-{f.span.end_line}:{f.span.end_column}: "
        f"{f.rule_id} [{f.level.label}] {f.message}{' (fixable)' if f.fix else ''}\n"
        for f in lint_case(path, fixes=True)
    )
    golden = path.with_suffix(".expected")
    if os.environ.get("PANLINT_REGENERATE"):
        golden.write_text(report, encoding="utf-8")
    assert report == golden.read_text(encoding="utf-8")


OLD_CASES = [path for path in sorted(CASES.glob("*.pan")) if rule_of(path) in DEFAULT_IDS]


def test_the_old_panlint_reports_the_default_markers() -> None:
    """The markers of the old checks state what the old tool itself reports (where it runs)."""
    python = parity.oracle_python() if parity.ORACLE.is_file() else None
    if python is None:
        pytest.skip("the old panlint cannot run here (see tests/panlint/parity.py)")
    records, crashes = parity.old_records([path.name for path in OLD_CASES], python, cwd=CASES)
    assert not crashes
    for path in OLD_CASES:
        found = {(r.line, r.rule) for r in records if r.file == path.name and r.rule == rule_of(path)}
        assert found == expected_markers(path.read_text(encoding="utf-8")), path.name
