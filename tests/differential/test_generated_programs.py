"""Generated pan programs compile the same with our panc as with the Java panc.

Objects 0..FIXED_COUNT-1 of the run with seed FIXED_SEED (``open_divergences.py``) are compiled
one by one by both compilers and compared (outcome, error category and message, standard output
and error, every output file). A divergence must be listed in ``open_divergences.txt`` and a
listed divergence must still occur. Skipped when the Java oracle is not available here.
``python tools/differential.py`` runs the same comparison at scale.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from differential_comparison import KnownJavaBugs
from differential_runner import ObjectComparison, compare_objects
from generated_programs import generate_object
from java_oracle import JavaOracle, oracle_unavailable
from open_divergences import FIXED_COUNT, FIXED_SEED, load

REASON = oracle_unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ObjectComparison]]:
    workdir = tmp_path_factory.mktemp("differential")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(workdir / "cache"))  # our parse cache: not the user's
        with JavaOracle() as oracle:
            objects = (generate_object(FIXED_SEED, i) for i in range(FIXED_COUNT))
            yield list(compare_objects(objects, oracle, Path(workdir), KnownJavaBugs.load()))


def test_every_divergence_is_a_listed_open_one(comparisons: list[ObjectComparison]) -> None:
    listed = load().get("generated", set())
    unlisted = [c for c in comparisons if c.cause is not None and c.cause.group not in listed]
    assert not unlisted, "\n\n".join(
        f"{c.generated.name}: {c.cause}\n{c.generated.source_text()}" for c in unlisted[:5] if c.cause
    )


def test_every_listed_divergence_still_occurs(comparisons: list[ObjectComparison]) -> None:
    found = {c.cause.group for c in comparisons if c.cause is not None}
    fixed = load().get("generated", set()) - found
    assert not fixed, "fixed (remove from open_divergences.txt): " + "\n".join(sorted(fixed))


def test_the_set_exercises_both_outcomes(comparisons: list[ObjectComparison]) -> None:
    """The generator is tuned so that objects both compile and fail (each for its own reason)."""
    failures = sum(c.java.run.rc != 0 for c in comparisons)
    assert 0.2 * len(comparisons) < failures < 0.8 * len(comparisons)
    assert sum(bool(c.java.outputs) for c in comparisons) == len(comparisons) - failures
