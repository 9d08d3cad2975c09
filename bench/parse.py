"""Parse benchmark: the whole template-library-core corpus, cold and warm.

    python bench/parse.py [CORPUS_DIR] [--runs N]

Each measurement is a fresh Python process (interpreter start-up and imports included),
run with its own ``XDG_CACHE_HOME``:

- ``first``: nothing cached at all (Lark analyses the grammar, every file is parsed);
- ``cold``:  grammar tables cached, parse cache empty (every file is parsed);
- ``warm``:  parse cache filled by a previous run (every file comes from the cache).

Targets on the project's 2-core machine, for the 1.35 MB corpus: cold <= 1.5 s, warm <= 0.2 s.
Prints the best of ``--runs`` runs (default 3) per measurement, in seconds, with the time
spent inside the parse loop and the total wall time of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpora" / "template-library-core"

# Runs in the child process: parse every file through the cache, report the loop's time.
CHILD = """
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from panc.syntax.cache import default_cache
files = sorted(Path(sys.argv[1]).rglob("*.pan"))
texts = [(str(path), path.read_text(encoding="utf-8")) for path in files]
loop = time.perf_counter()
cache = default_cache()
diagnostics = sum(len(cache.parse(text, name).diagnostics) for name, text in texts)
end = time.perf_counter()
print(json.dumps({"files": len(texts), "bytes": sum(len(t.encode()) for _, t in texts),
                  "diagnostics": diagnostics, "hits": cache.hits, "misses": cache.misses,
                  "loop": end - loop, "in_process": end - start}))
"""


def run_child(corpus: Path, cache_home: Path) -> dict[str, float]:
    """One fresh process; returns its report plus its wall time."""
    environment = dict(os.environ, XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(REPOSITORY))
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    report = json.loads(completed.stdout)
    report["wall"] = wall
    return report


def measure(corpus: Path, runs: int) -> dict[str, dict[str, float]]:
    """Best-of-``runs`` reports for the first, cold and warm measurements."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        home = Path(tempfile.mkdtemp(prefix="pan-bench-"))
        try:
            results = {"first": run_child(corpus, home)}
            shutil.rmtree(home / "pan-tools" / "parse-v1", ignore_errors=True)
            results["cold"] = run_child(corpus, home)
            results["warm"] = run_child(corpus, home)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        for name, report in results.items():
            if name not in best or report["wall"] < best[name]["wall"]:
                best[name] = report
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    if not arguments.corpus.is_dir():
        print(f"corpus not found: {arguments.corpus}", file=sys.stderr)
        return 2
    best = measure(arguments.corpus, arguments.runs)
    cold = best["cold"]
    print(f"corpus: {arguments.corpus} ({int(cold['files'])} files, {cold['bytes'] / 1e6:.2f} MB)")
    for name in ("first", "cold", "warm"):
        report = best[name]
        print(
            f"{name:5}  wall {report['wall']:.3f} s  (parse loop {report['loop']:.3f} s; "
            f"{int(report['hits'])} cached, {int(report['misses'])} parsed, "
            f"{int(report['diagnostics'])} diagnostics)"
        )
    print(f"load average: {os.getloadavg()[0]:.2f} (the machine is shared; timings vary with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
