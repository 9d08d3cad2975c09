"""With ``--preview`` (the parser's reading), no layout or spacing finding inside strings,
heredocs and annotations, and no fix there; the old tool's reading finds some (listed in
``panlint/DIFFERENCES.md``)."""

from __future__ import annotations

from pathlib import Path

from panlint.checking import lint_text
from panlint.config import Config
from panlint.fixes import fix_text

CLEAN = Path(__file__).parent / "clean"


def _all_rules(preview: bool = True) -> Config:
    return Config(select=("ALL",), preview=preview)


def test_strings_heredocs_annotations_give_no_lp_or_lc_finding() -> None:
    for path in sorted(CLEAN.glob("*.pan")):
        text = path.read_text(encoding="utf-8")
        findings = lint_text(text, str(path), _all_rules())
        assert [f for f in findings if f.rule_id.startswith(("LP", "LC"))] == []


def test_the_old_reading_is_fooled_by_two_heredocs_on_a_line_and_a_continued_string() -> None:
    text = (CLEAN / "strings.pan").read_text(encoding="utf-8")
    findings = lint_text(text, "strings.pan", _all_rules(preview=False))
    lines = {f.span.start_line for f in findings if f.rule_id.startswith(("LP", "LC"))}
    assert lines == {14, 16, 22}


def test_fix_leaves_string_content_alone() -> None:
    for path in sorted(CLEAN.glob("*.pan")):
        text = path.read_text(encoding="utf-8")
        outcome = fix_text(text, str(path), _all_rules())
        assert outcome.refused is None
        assert outcome.text == text


def test_same_text_outside_strings_is_reported() -> None:
    """The clean file's tricky text, moved into code and comments, is found: the test has teeth."""
    text = (
        "unique template clean/bad;\n"
        "'/a' = nlist('a',1) ;\n"
        "   '/b' = 1;'/c'=2;   \n"
        "'/d' =\t3;\n"
        "include {'x'};\n"
    )
    for preview in (False, True):
        found = {f.rule_id for f in lint_text(text, "bad.pan", _all_rules(preview))}
        assert {"LP001", "LP002", "LP003", "LP004", "LP005", "LP007", "LP008", "LP009", "LC001"} <= found
