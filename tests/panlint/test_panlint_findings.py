"""Structured data on findings: what editors act on without reading the message text."""

from panlint.checking import lint_text
from panlint.config import Config
from panlint.findings import finding_from_row, finding_to_row

TEXT = "unique template site/x;\n\n'/software/components/ntp/active' = true;\n"


def test_cu001_names_the_missing_include_and_the_cache_keeps_it() -> None:
    findings = [f for f in lint_text(TEXT, "site/x.pan", Config()) if f.rule_id == "CU001"]
    assert [f.missing_include for f in findings] == ["components/ntp/config"]
    assert findings[0].fix is None  # adding an include changes meaning: never a --fix
    assert finding_from_row("site/x.pan", finding_to_row(findings[0])) == findings[0]


def test_other_findings_name_no_include() -> None:
    findings = lint_text("unique template site/x;\n'/a' = nlist('k', 1);\n", "site/x.pan", Config())
    assert findings and all(f.missing_include is None for f in findings)
