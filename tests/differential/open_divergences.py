"""The divergences from the Java panc that are known and not fixed yet: ``open_divergences.txt``.

The differential tests (the fixed-seed set of generated objects, the builtin probes, the
corpora) require that every divergence they find is listed there, and that every listed
divergence still occurs, like a strict xfail: a fix must remove its line, a regression cannot
hide. Each line is ``<where> | <group key>``: ``<where>`` is ``generated``, ``probes`` or
``corpus <run name>``, the group key is ``Divergence.group``.
``python tools/differential.py --write-open-divergences`` rewrites the file from what the tests'
runs find today.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

OPEN_DIVERGENCES = Path(__file__).resolve().with_name("open_divergences.txt")
FIXED_SEED = 12
FIXED_COUNT = 400
"""The generated objects of the normal test run: objects 0..FIXED_COUNT-1 of seed FIXED_SEED."""

_HEADER = """\
# Divergences from the Java panc that are known and not fixed yet, one per line:
# `<where> | <group key>` (see tests/differential/open_divergences.py). A divergence the tests
# find must be listed; a listed one must still occur. Rewrite with
# `python tools/differential.py --write-open-divergences` after a fix (and review the diff).
"""


def load(path: Path = OPEN_DIVERGENCES) -> dict[str, set[str]]:
    """``where`` -> the group keys listed for it."""
    listed: dict[str, set[str]] = {}
    if not path.exists():
        return listed
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, _, key = line.partition(" | ")
            listed.setdefault(where.strip(), set()).add(key.strip())
    return listed


def render(found: dict[str, Iterable[str]]) -> str:
    lines = [_HEADER]
    for where in sorted(found, key=lambda w: (w not in ("generated", "probes"), w)):
        lines += [f"{where} | {key}" for key in sorted(set(found[where]))]
    return "\n".join(lines) + "\n"
