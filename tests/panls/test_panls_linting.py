"""The server's panlint findings, without a server: panlint's checking stage on the buffer's parse."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from panc.analysis.document import analyse_document
from panlint.findings import Level
from panlint.rules.semantics import ShadowedBuiltin
from panls.config import LintSettings, Settings
from panls.features.linting import lint_findings

TEXT = (
    "unique template site/linted;\n"
    "\n"
    "'/a' = 1 ;\n"
    "'/b' = 2 ; # panlint: disable=LP008\n"
    "'/c' = 3; \n"
    "'/d' = 'x' + 1;\n"
    "include 'site/missing';\n"
    "variable x = 1;\n"
    "function length = 1;\n"
)


def findings(root: Path, lint: LintSettings | None = None) -> list[tuple[int, str]]:
    return [(finding.span.start_line, finding.rule_id) for finding in linted(root, lint)]


def linted(root: Path, lint: LintSettings | None = None) -> list:
    doc = analyse_document(str(root / "site" / "linted.pan"), TEXT)
    settings = Settings(root=str(root), lint=lint or LintSettings())
    return lint_findings(doc, settings)


def test_suppression_comments_apply_and_the_server_checks_are_left_out(tmp_path: Path) -> None:
    found = findings(tmp_path)
    assert (3, "LP008") in found and (4, "LP008") not in found and (5, "LP003") in found
    assert found == sorted(found)
    assert not [rule for _, rule in found if rule.startswith("SE") or rule == "PE001"]


def test_the_configured_level_filter_applies(tmp_path: Path) -> None:
    everything = [(f.span.start_line, f.rule_id, f.level) for f in linted(tmp_path / "plain")]
    assert {level for _, _, level in everything} == {Level.INFO, Level.WARNING}
    filtered = tmp_path / "filtered"
    filtered.mkdir()
    (filtered / ".panlint.toml").write_text('suppress = "warning"\n', encoding="utf-8")
    kept = [(f.span.start_line, f.rule_id, f.level) for f in linted(filtered)]
    assert kept == [item for item in everything if item[2] >= Level.WARNING]
    assert (9, "SM004", Level.WARNING) in kept


def test_a_failing_rule_is_logged_and_the_others_still_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self, context):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(ShadowedBuiltin, "check", broken)
    with caplog.at_level(logging.ERROR, logger="panls.features.linting"):
        found = findings(tmp_path, LintSettings(select=("SM004", "LP008")))
    assert found == [(3, "LP008")]
    assert "panlint rule SM004 failed" in caplog.text and "rule bug" in caplog.text
