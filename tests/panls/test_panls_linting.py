"""The server's panlint findings, without a server: panlint's checking stage on the buffer's parse."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from panc.analysis.document import analyse_document
from panlint.rules.whitespace import TrailingWhitespace
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
)


def findings(root: Path, lint: LintSettings | None = None) -> list[tuple[int, str]]:
    doc = analyse_document(str(root / "site" / "linted.pan"), TEXT)
    settings = Settings(root=str(root), lint=lint or LintSettings())
    return [(finding.span.start_line, finding.rule_id) for finding in lint_findings(doc, settings)]


def test_suppression_comments_apply_and_the_server_checks_are_left_out(tmp_path: Path) -> None:
    found = findings(tmp_path)
    assert (3, "LP008") in found and (4, "LP008") not in found and (5, "LP003") in found
    assert found == sorted(found)
    assert not [rule for _, rule in found if rule.startswith("SE") or rule == "PE001"]


def test_the_configured_level_filter_applies(tmp_path: Path) -> None:
    (tmp_path / ".panlint.toml").write_text('suppress = "info"\n', encoding="utf-8")
    assert findings(tmp_path) == [(8, "LP010"), (8, "LP011")]


def test_a_failing_rule_is_logged_and_the_others_still_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self, context):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(TrailingWhitespace, "check", broken)
    with caplog.at_level(logging.ERROR, logger="panls.features.linting"):
        found = findings(tmp_path, LintSettings(select=("LP003", "LP008")))
    assert found == [(3, "LP008")]
    assert "panlint rule LP003 failed" in caplog.text and "rule bug" in caplog.text
