"""The real template library: every file is linted without a crash or a parse error."""

from __future__ import annotations

from collections import Counter

from panlint_support import corpus_dir

from panlint.config import Config
from panlint.runner import lint_files


def test_template_library_core() -> None:
    corpus = corpus_dir()
    files = sorted(str(path) for path in corpus.rglob("*.pan"))
    # The parser-based rules (on with --preview) read the parse: it must succeed everywhere.
    results = lint_files(files, Config(preview=True), cache=None)
    assert len(results) == len(files) > 600
    assert [result.error for result in results if result.error] == []
    counts = Counter(finding.rule_id for result in results for finding in result.findings)
    assert counts["PE001"] == 0
    # Checks that cannot fire on a library that panc compiles:
    assert counts["SM001"] == counts["SM003"] == 0
    # The library is mostly tidy: findings are the exception, not the rule.
    assert sum(counts.values()) < len(files) * 3
