"""Every builtin, called with right and wrong arguments, gives the Java panc's result or message.

``builtin_probes.probe_objects()`` (one call per object, the arguments coming from functions so
that nothing is folded at compile time) compiled by both compilers and compared like the
generated programs; a divergence must be listed under ``probes`` in ``open_divergences.txt``
and a listed one must still occur. Skipped when the Java oracle is not available here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builtin_probes import probe_objects
from differential_comparison import KnownJavaBugs
from differential_runner import ObjectComparison, compare_objects
from java_oracle import JavaOracle, oracle_unavailable
from open_divergences import load

REASON = oracle_unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ObjectComparison]]:
    workdir = tmp_path_factory.mktemp("probes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(workdir / "cache"))
        with JavaOracle() as oracle:
            yield list(compare_objects(probe_objects(), oracle, Path(workdir), KnownJavaBugs.load()))


def _call(comparison: ObjectComparison) -> str:
    return comparison.generated.templates[comparison.generated.main_file].statements[-1]


def test_every_probe_divergence_is_a_listed_open_one(comparisons: list[ObjectComparison]) -> None:
    listed = load().get("probes", set())
    unlisted = [c for c in comparisons if c.cause is not None and c.cause.group not in listed]
    assert not unlisted, "\n".join(f"{_call(c)}\n  {c.cause}" for c in unlisted[:10])


def test_every_listed_probe_divergence_still_occurs(comparisons: list[ObjectComparison]) -> None:
    found = {c.cause.group for c in comparisons if c.cause is not None}
    fixed = load().get("probes", set()) - found
    assert not fixed, "fixed (remove from open_divergences.txt): " + "\n".join(sorted(fixed))


def test_every_java_builtin_is_probed() -> None:
    import panc.builtins.context  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import
    from panc.builtins import BUILTINS  # pylint: disable=import-outside-toplevel
    from panc.names import IPV6_EXTENSION_FUNCTIONS  # pylint: disable=import-outside-toplevel

    calls = (o.templates[o.main_file].statements[-1] for o in probe_objects())
    probed = {call.split("= ", 1)[1].split("(")[0] for call in calls}
    skipped = {"append", "prepend", "first", "next", "delete", "is_valid"}  # they take variables or types
    assert probed == set(BUILTINS) - set(IPV6_EXTENSION_FUNCTIONS) - skipped
