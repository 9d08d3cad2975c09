"""``--fix``: each mechanical fix removes its findings and never changes what the template means."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from panlint_support import CASES, corpus_dir

from panc.syntax import parse
from panlint.checking import lint_text
from panlint.config import Config
from panlint.equivalence import meaning
from panlint.findings import Edit, Fix
from panlint.fixes import apply_fixes, fix_text
from panlint.rules import RULES_BY_ID

FIXABLE_CASES = sorted(path for path in CASES.glob("*.pan") if RULES_BY_ID[path.stem.split("-")[0]].fixable)


def _same_meaning(before: str, after: str) -> bool:
    first, second = parse(before, "x.pan"), parse(after, "x.pan")
    assert not first.diagnostics and not second.diagnostics
    return meaning(first.ast) == meaning(second.ast)


@pytest.mark.parametrize("path", FIXABLE_CASES, ids=lambda path: path.stem)
def test_fix_removes_findings_and_keeps_meaning(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    config = Config(select=(path.stem.split("-")[0],))
    parsed = Config(select=config.select, preview=True)
    assert any(f.fix for f in lint_text(text, path.name, parsed, fixes=True))
    outcome = fix_text(text, path.name, config)
    assert outcome.refused is None
    assert outcome.text != text
    assert _same_meaning(text, outcome.text)
    assert [f for f in lint_text(outcome.text, path.name, parsed, fixes=True) if f.fix] == []


def test_fix_everything_in_a_messy_template() -> None:
    text = (
        "unique template messy;\n"
        "include {'a/b'};\n"
        "'/x/'=nlist('a',1+2 ,'b',list(1,2)) ;\n"
        "variable ITEMS = {\n"
        "\tresult = list();\n"
        "  foreach (k;v;value('/x')) {\n"
        "         result[length(result)]=k;\n"
        "  };\n"
        "   result;   \n"
        "};\n"
        "'/y' = if (is_nlist(value('/x'))) error(format('%s: %d', 'x', 1));\n"
    )
    outcome = fix_text(text, "messy.pan", Config())
    assert outcome.refused is None
    assert outcome.text == (
        "unique template messy;\n"
        "include 'a/b';\n"
        "'/x' = dict('a', 1 + 2 , 'b', list(1, 2));\n"
        "variable ITEMS = {\n"
        "    result = list();\n"
        "    foreach (k; v; value('/x')) {\n"
        "        result[length(result)] = k;\n"
        "    };\n"
        "    result;\n"
        "};\n"
        "'/y' = if (is_dict(value('/x'))) error('%s: %d', 'x', 1);\n"
    )
    assert _same_meaning(text, outcome.text)


def test_indentation_follows_bracket_depth() -> None:
    text = "unique template indent;\n'/a' = dict(\n  'k', list(\n          1,\n   ),\n      );\n"
    outcome = fix_text(text, "indent.pan", Config(select=("LP001",)))
    assert outcome.text == ("unique template indent;\n'/a' = dict(\n    'k', list(\n        1,\n    ),\n);\n")


def test_template_that_does_not_parse_is_not_fixed() -> None:
    text = "unique template broken;\n'/a' = 1  ;\n'/b' = ;\n"
    outcome = fix_text(text, "broken.pan", Config())
    assert outcome.text == text
    assert outcome.refused is not None


def test_meaning_sees_a_changed_string() -> None:
    before = "unique template m;\n'/a' = 'x  ';\n"
    after = "unique template m;\n'/a' = 'x';\n"
    assert not _same_meaning(before, after)


def test_apply_fixes_takes_each_fix_whole_or_not_at_all() -> None:
    text = "abcdef\n"
    first = Fix("one", (Edit(1, 1, 1, 3, "X"), Edit(1, 5, 1, 6, "Y")))
    overlapping = Fix("two", (Edit(1, 2, 1, 4, "Z"),))
    result, count = apply_fixes(text, [first, overlapping])
    assert (result, count) == ("XcdYf\n", 1)


def _scramble_layout(text: str, rng: random.Random) -> str:
    """Damage the layout outside strings: odd indentation, tabs, trailing and missing blanks."""
    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if stripped.startswith(("#", "'", '"', "}", "variable", "type", "function")) and rng.random() < 0.3:
            line = " " * rng.choice((1, 2, 3, 5, 6)) + stripped
        elif rng.random() < 0.1:
            line = line + rng.choice((" ", "\t", "   "))
        elif line.startswith("    ") and rng.random() < 0.1:
            line = "\t" + line[4:]
        lines.append(line)
    return "\n".join(lines)


def test_fixes_on_scrambled_real_templates_never_change_meaning() -> None:
    rng = random.Random(7)
    sources = sorted(corpus_dir().rglob("*.pan"))
    config = Config(select=("ALL",))
    for path in rng.sample(sources, 20):
        text = _scramble_layout(path.read_text(encoding="utf-8"), rng)
        if parse(text, path.name).diagnostics:
            continue  # the scramble hit a heredoc or a continued string: nothing to compare
        outcome = fix_text(text, path.name, config)
        assert outcome.refused is None, path
        assert _same_meaning(text, outcome.text)
        parsed = Config(select=("ALL",), preview=True)
        remaining = [f for f in lint_text(outcome.text, path.name, parsed, fixes=True) if f.fix]
        assert remaining == [], (path, remaining[:3])
