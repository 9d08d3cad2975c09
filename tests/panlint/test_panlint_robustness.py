"""Bad input never raises out of the linter: mutated corpus files and odd texts."""

from __future__ import annotations

import random

import pytest
from panlint_support import CASES, corpus_dir

from panlint.checking import lint_text
from panlint.config import Config
from panlint.fixes import fix_text

ODD_TEXTS = [
    "",
    "\n\n\n",
    "template",
    "unique template x;\n'/a' = <<EOT;\nnever closed\n",
    "unique template x;\n@{ unterminated annotation\n",
    "unique template x;\n'/a' = 'unterminated;\n",
    "unique template x;\n'/a' = dict(\n",
    "unique template x;\n}}}}))))\n",
    "\ufeffunique template bom;\r\n'/a' = 1 ;\r\n",
    "unique template x;\n\t\t'/a' = 1;\t \n",
    "${componentschema}\n",
]


@pytest.mark.parametrize("preview", (False, True))
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_text_gives_findings_not_exceptions(text: str, preview: bool) -> None:
    config = Config(select=("ALL",), allow_mvn_templates=True, preview=preview)
    findings = lint_text(text, "odd.pan", config, fixes=True)
    assert all(finding.span.file == "odd.pan" for finding in findings)
    fix_text(text, "odd.pan", config)


def test_broken_template_reports_parse_error_and_layout() -> None:
    findings = lint_text("unique template x;\n'/a' = ;   \n", "broken.pan", Config(preview=True))
    assert {"PE001", "LP003"} <= {finding.rule_id for finding in findings}


def test_random_mutations_of_real_templates() -> None:
    rng = random.Random(20261122)
    sources = sorted(corpus_dir().rglob("*.pan")) if _has_corpus() else sorted(CASES.glob("*.pan"))
    configs = [Config(select=("ALL",)), Config(select=("ALL",), preview=True)]
    alphabet = "{}()[];,'\"<>=+-#@\n\t $"
    for path in rng.sample(sources, min(25, len(sources))):
        text = path.read_text(encoding="utf-8")
        for _ in range(4):
            chars = list(text)
            for _ in range(rng.randint(1, 6)):
                position = rng.randrange(len(chars) + 1)
                if rng.random() < 0.5 and position < len(chars):
                    del chars[position]
                else:
                    chars.insert(position, rng.choice(alphabet))
            for config in configs:
                lint_text("".join(chars), path.name, config, fixes=True)


def _has_corpus() -> bool:
    try:
        corpus_dir()
    except pytest.skip.Exception:
        return False
    return True
