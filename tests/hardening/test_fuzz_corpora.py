"""Mutated real templates through every tool (issue 13): parse, lint, fix, compile and the
language server's features on an edit never raise (``bench/fuzz.py``, here with fixed seeds;
the command runs the large counts)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import fuzz  # pylint: disable=wrong-import-position

import panc.syntax  # pylint: disable=wrong-import-position

CASES = 50

pytestmark = pytest.mark.skipif(not fuzz.Corpus.load().files, reason="../shared/corpora is not available")


@pytest.mark.parametrize("seed", [20261205, 13])
def test_mutated_corpus_templates_crash_no_tool(seed: int) -> None:
    report = fuzz.fuzz(CASES, seed, fuzz.STAGES)
    assert report.cases == dict.fromkeys(fuzz.STAGES, CASES)
    details = "\n".join(f"{name}: {count}\n{detail}" for name, (count, _, detail) in report.classes.items())
    assert not report.classes, details


def test_mutations_are_reproducible_and_hostile() -> None:
    text = (fuzz.LIBRARY / "quattor" / "functions" / "network.pan").read_text(encoding="utf-8")
    first = [fuzz.mutate(text, random.Random(7), [text]) for _ in range(3)]
    assert first == [fuzz.mutate(text, random.Random(7), [text]) for _ in range(3)]
    rng = random.Random(1)
    mutated = [fuzz.mutate(text, rng, [text]) for _ in range(200)]
    assert sum(text != m for m in mutated) >= 190
    assert any(piece in m for m in mutated for piece in fuzz.HOSTILE)


def test_a_crash_is_classified_by_exception_and_place(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, name: str) -> None:
        raise ValueError(f"{name}: {len(text)}")

    monkeypatch.setattr(panc.syntax, "parse", broken)
    report = fuzz.Report()
    fuzzer = fuzz.Fuzzer(["parse"])
    library = (str(fuzz.LIBRARY),)
    fuzzer.run_case("unique template x;\n", fuzz.LIBRARY / "x.pan", library, random.Random(1), report)
    ((name, (count, text, detail)),) = report.classes.items()
    assert name.startswith("parse:ValueError@")
    assert (count, text) == (1, "unique template x;\n")
    assert "ValueError" in detail
