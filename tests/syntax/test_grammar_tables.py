"""The grammar analysis shipped with the package (``panc/syntax/grammar_tables.py``).

Lark numbers the LALR states differently from one process to the next, so the shipped
tables are compared with a fresh analysis by what they parse, not entry by entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from panc.syntax import grammar_tables, language, parser
from panc.syntax.grammar import grammar_hash, grammar_text

REGENERATE = "the grammar changed: regenerate the tables with `python -m panc.syntax.language`"
CORE = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "template-library-core"
SAMPLES = [
    "object template t;\n'/a' = list(1, 2.5, 'x', \"y\\n\", true, null, undef);\n",
    "structure template s;\n'a' ?= dict('k', 1);\n'b' = if (1 < 2) { 'x' } else { 'y' };\n",
    "declaration template d;\ntype r = extensible { 'a' ? long(0..5) = 3 'b' : string[] } with true;\n"
    "function f = { foreach (k; v; ARGV) { v; }; SELF[ARGV[0]] ??= -1 ** 2; };\n",
    "unique template u;\nvariable X ?= <<EOT;\nbody\nEOT\nbind '/a' = long{};\nvalid '/b' = f(1);\n",
    "object template broken;\n'/a' = (1 + ;\n'/b' = 2\n'/c' = 3;\n",
]


def _parse_all(tables: dict[str, Any], texts: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setattr(language, "_shipped_analysis", lambda digest: tables)
    monkeypatch.setattr(language, "_load_analysis", lambda path, digest: None)
    monkeypatch.setattr(language, "_store_analysis", lambda path, digest, analysis: None)
    monkeypatch.setattr(language, "_LANGUAGE", None)
    results = [parser.parse(text, name) for name, text in texts]
    return [(r.ast, r.diagnostics, r.tokens, r.comments, r.annotations) for r in results]


def test_shipped_tables_are_of_the_grammar() -> None:
    assert grammar_hash() == grammar_tables.GRAMMAR_HASH, REGENERATE


def test_shipped_tables_parse_as_a_fresh_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [(f"sample{index}.pan", text) for index, text in enumerate(SAMPLES)]
    if CORE.is_dir():
        texts += [(str(path), path.read_text(encoding="utf-8", errors="surrogateescape"))
                  for path in sorted(CORE.rglob("*.pan"))[:150]]
    fresh = _parse_all(language.analyse(grammar_text()), texts, monkeypatch)
    shipped = _parse_all(grammar_tables.ANALYSIS, texts, monkeypatch)
    assert shipped == fresh
    assert any(diagnostics for _, diagnostics, *_ in shipped), "error recovery was exercised"


def test_the_generator_writes_the_current_grammar() -> None:
    namespace: dict[str, Any] = {}
    exec(language.tables_module_text(), namespace)  # pylint: disable=exec-used  # our own generated module
    assert namespace["GRAMMAR_HASH"] == grammar_hash()
    assert set(namespace["ANALYSIS"]) == set(grammar_tables.ANALYSIS)


def test_tables_of_another_grammar_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert language._shipped_analysis(grammar_hash()) is grammar_tables.ANALYSIS  # pylint: disable=protected-access
    monkeypatch.setattr(grammar_tables, "GRAMMAR_HASH", "0" * 64)
    assert language._shipped_analysis(grammar_hash()) is None  # pylint: disable=protected-access


def test_a_cold_cache_directory_gets_the_shipped_tables_without_lark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def no_lark(text: str) -> None:
        raise AssertionError(f"Lark was run on {len(text)} characters")

    monkeypatch.setattr(language, "analyse", no_lark)
    built = language._build()  # pylint: disable=protected-access
    assert built.grammar_hash == grammar_hash()
    assert list((tmp_path / "pan-tools").glob("grammar-*.pickle")), "the tables were cached"
