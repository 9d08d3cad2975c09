"""Benchmark panlint over the template-library-core corpus: cold, then with nothing changed.

    python bench/lint.py [--runs N] [--corpus DIR]

Each measurement runs the real command (``python -m panlint CORPUS``) in a fresh process,
as CI and pre-commit do. "cold" starts from an empty result cache; "warm" runs again with
nothing changed, so every file's findings come from the cache. Best of N runs; targets on
the 2-core machine: cold <= 2 s, warm <= 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpora" / "template-library-core"
TARGETS = {"cold": 2.0, "warm": 0.3}


def timed_run(corpus: Path, cache_home: str) -> tuple[float, int]:
    """Wall time and exit code of one panlint run over the corpus."""
    env = {**os.environ, "XDG_CACHE_HOME": cache_home, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "panlint", "--always_exit_success", "--summary", str(corpus)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"panlint failed ({completed.returncode}):\n{completed.stderr}")
    return elapsed, completed.stdout.count("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    files = sum(1 for _ in corpus.rglob("*.pan"))
    size = sum(path.stat().st_size for path in corpus.rglob("*.pan"))
    best = {"cold": float("inf"), "warm": float("inf")}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="panlint-bench-") as cache_home:
            cold, _lines = timed_run(corpus, cache_home)
            warm, _lines = timed_run(corpus, cache_home)
        best["cold"] = min(best["cold"], cold)
        best["warm"] = min(best["warm"], warm)
    print(
        f"panlint over {files} files ({size / 1e6:.2f} MB), best of {args.runs} runs, {os.cpu_count()} cores"
    )
    for kind, seconds in best.items():
        verdict = "ok" if seconds <= TARGETS[kind] else "over target"
        print(f"  {kind:<5} {seconds:6.2f} s   (target <= {TARGETS[kind]} s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
