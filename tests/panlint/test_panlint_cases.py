"""Functional tests: each rule's case file marks its offending lines, the report is golden.

A line ending with ``# expect: ID[,ID]`` must get exactly those findings; a comment line
``# expect-next: ID`` says the same of the next line. ``<ID>.expected`` beside the case
holds the full text report; regenerate with ``PANLINT_REGENERATE=1`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from panlint_support import CASES

from panc.syntax import parse
from panlint.checking import lint_text
from panlint.config import Config
from panlint.rules import RULES_BY_ID

MARKER = re.compile(r"#\s*expect(-next)?:\s*([\w, ]+)$")
RESOLUTION = Path(__file__).parent / "resolution"
"""Cases of the rules that resolve names: ``resolution/lib`` is their include path."""
CASE_FILES = sorted([*CASES.glob("*.pan"), *(RESOLUTION / "cases").glob("*.pan")])


def expected_markers(text: str) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(text.split("\n"), start=1):
        match = MARKER.search(line)
        if match:
            target = number + 1 if match.group(1) else number
            expected.update(
                (target, rule_id.strip()) for rule_id in match.group(2).split(",") if rule_id.strip()
            )
    return expected


def lint_case(path: Path) -> list:
    include_path = (str(RESOLUTION / "lib"),) if path.parent.parent == RESOLUTION else ()
    config = Config(select=(path.stem,), ignore_components=("ignored",), include_path=include_path)
    return lint_text(path.read_text(encoding="utf-8"), f"cases/{path.name}", config)


def test_every_rule_has_a_case() -> None:
    missing = set(RULES_BY_ID) - {path.stem for path in CASE_FILES} - {"PE001"}
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


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_markers(path: Path) -> None:
    expected = expected_markers(path.read_text(encoding="utf-8"))
    assert expected, "a case marks at least one offending line"
    found = {(finding.span.start_line, finding.rule_id) for finding in lint_case(path)}
    assert found == expected


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_golden_report(path: Path) -> None:
    report = "".join(
        f"{f.span.file}:{f.span.start_line}:{f.span.start_column}-{f.span.end_line}:{f.span.end_column}: "
        f"{f.rule_id} [{f.level.label}] {f.message}{' (fixable)' if f.fix else ''}\n"
        for f in lint_case(path)
    )
    golden = path.with_suffix(".expected")
    if os.environ.get("PANLINT_REGENERATE"):
        golden.write_text(report, encoding="utf-8")
    assert report == golden.read_text(encoding="utf-8")
