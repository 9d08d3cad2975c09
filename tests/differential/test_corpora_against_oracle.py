"""Every real corpus of ``../shared/corpora`` compiles the same with our panc as with the Java panc.

Each run of ``corpus_comparison.CORPUS_RUNS`` (the SCDB example site, tlc-all-templates, each
metaconfig folder; every uncompressed format) is compiled by both; the exit code, the errors, the
sorted standard error and every file written must match, except the divergences listed for that
run in ``open_divergences.txt`` (each of which must still occur). Skipped when the oracle or the
corpora are not available. tests/corpora holds the comparisons with the Java outputs stored in
the corpora, which need no oracle.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from corpus_comparison import CORPUS_RUNS, CorpusRun, compare_corpus_run
from java_oracle import JavaOracle, oracle_unavailable
from open_divergences import load

REASON = oracle_unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def oracle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JavaOracle]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        with JavaOracle(time_limit=600) as java:
            yield java


@pytest.mark.parametrize("run", CORPUS_RUNS, ids=lambda r: r.name)
def test_corpus_compiles_as_with_the_java_panc(run: CorpusRun, oracle: JavaOracle, tmp_path) -> None:
    if not run.available():
        pytest.skip(f"{run.folder} is not available")
    listed = load().get(f"corpus {run.name}", set())
    divergences = compare_corpus_run(run, oracle, tmp_path)
    found = {d.group for d in divergences}
    unlisted = [d for d in divergences if d.group not in listed]
    assert not unlisted, "\n".join(
        f"{d.aspect}\n  java: {d.java[:300]}\n  ours: {d.ours[:300]}" for d in unlisted[:5]
    )
    assert not listed - found, "fixed (remove from open_divergences.txt): " + "\n".join(
        sorted(listed - found)
    )
