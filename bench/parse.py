"""Parse benchmark: the whole template-library-core corpus, cold and warm.

    python bench/parse.py [CORPUS_DIR] [--runs N]

Each measurement is a fresh Python process (interpreter start-up and imports included)
with its own ``XDG_CACHE_HOME``; compiled modules are kept between runs, as for an installed
package:

- ``first``:    nothing cached at all: Lark analyses the grammar, then every file is parsed;
- ``cold``:     grammar tables cached, no parse cache: ``parse()`` on every file;
- ``fill``:     empty parse cache: ``parse_cached()`` on every file (parse + write entries);
- ``warm``:     filled parse cache: ``parse_cached()`` on every file; results are lazy, their
                diagnostics are read at once and their AST and tokens on first use;
- ``warm+ast``: as ``warm``, then the AST of every result is used.

``--baseline`` also times a plain Lark LALR parser building a parse tree (same grammar,
Lark's contextual lexer; no AST, no checks) against ``parse()``, alternately in one process,
and prints the CPU time ratio, which depends less on the machine's load.

Targets on the project's 2-core machine, for the 1.35 MB corpus: cold <= 1.5 s, warm <= 0.2 s.
Prints the best of ``--runs`` runs (default 3) of each: the process's wall time, its CPU
time (less sensitive to other load on the machine) and the wall time of its parse loop alone.
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
MODES = ("first", "cold", "fill", "warm", "warm+ast")

# Runs in the child process: read the corpus, parse it as the mode says, report the loop's time.
CHILD = """
import json, sys, time
from pathlib import Path
mode = sys.argv[2]
if mode in ("first", "cold"):
    from panc.syntax import parse
else:  # a run served by the cache does not need to load the parser
    from panc.syntax.cache import default_cache
files = sorted(Path(sys.argv[1]).rglob("*.pan"))
texts = [(str(path), path.read_text(encoding="utf-8")) for path in files]
loop = time.perf_counter()
if mode in ("first", "cold"):
    results = [parse(text, name) for name, text in texts]
else:
    cache = default_cache()
    results = [cache.parse(text, name) for name, text in texts]
    if mode == "warm+ast":
        assert all(result.ast is not None for result in results)
diagnostics = sum(len(result.diagnostics) for result in results)
end = time.perf_counter()
import resource
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"files": len(texts), "bytes": sum(len(t.encode()) for _, t in texts),
                  "diagnostics": diagnostics, "loop": end - loop, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def child_environment(cache_home: Path, bytecode: Path) -> dict[str, str]:
    """The children's environment: their own cache home, and compiled modules kept (under
    ``bytecode``, outside the repository) as an installed package has them, even where
    ``PYTHONDONTWRITEBYTECODE`` is set."""
    environment = dict(os.environ, XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(REPOSITORY))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return environment


def run_child(corpus: Path, cache_home: Path, mode: str, bytecode: Path) -> dict[str, float]:
    """One fresh process; returns its report plus its wall time."""
    environment = child_environment(cache_home, bytecode)
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), mode],
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
    """Best-of-``runs`` reports for each mode."""
    best: dict[str, dict[str, float]] = {}
    bytecode = Path(tempfile.mkdtemp(prefix="pan-bench-bytecode-"))
    try:
        warm_up = Path(tempfile.mkdtemp(prefix="pan-bench-"))
        run_child(corpus, warm_up, "cold", bytecode)  # compiles the modules once
        shutil.rmtree(warm_up, ignore_errors=True)
        for _ in range(runs):
            home = Path(tempfile.mkdtemp(prefix="pan-bench-"))
            try:
                results = {mode: run_child(corpus, home, mode, bytecode) for mode in MODES}
            finally:
                shutil.rmtree(home, ignore_errors=True)
            for mode, report in results.items():
                if mode not in best or report["wall"] < best[mode]["wall"]:
                    best[mode] = report
    finally:
        shutil.rmtree(bytecode, ignore_errors=True)
    return best


BASELINE = """
import sys, time
from pathlib import Path
import lark
from panc.syntax import parse
from panc.syntax.language import grammar_text
plain = lark.Lark(grammar_text(), parser="lalr", lexer="contextual")
texts = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[1]).rglob("*.pan"))]
parse("object template warm_up;", "w.pan")
best_plain = best_ours = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    for name, text in texts:
        plain.parse(text)
    best_plain = min(best_plain, time.process_time() - start)
    start = time.process_time()
    for name, text in texts:
        parse(text, name)
    best_ours = min(best_ours, time.process_time() - start)
print(f"{best_plain:.3f} {best_ours:.3f}")
"""


def baseline(corpus: Path, runs: int) -> tuple[float, float]:
    """CPU seconds of a plain Lark parser (same grammar, contextual lexer, parse tree) and of
    ``parse()`` over the corpus, measured alternately in one process (best of ``runs``)."""
    environment = dict(os.environ, PYTHONPATH=str(REPOSITORY))
    completed = subprocess.run(
        [sys.executable, "-c", BASELINE, str(corpus), str(runs)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    plain, ours = completed.stdout.split()
    return float(plain), float(ours)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline", action="store_true", help="also compare with a plain Lark parser (CPU time ratio)"
    )
    arguments = parser.parse_args()
    if not arguments.corpus.is_dir():
        print(f"corpus not found: {arguments.corpus}", file=sys.stderr)
        return 2
    best = measure(arguments.corpus, arguments.runs)
    cold = best["cold"]
    print(f"corpus: {arguments.corpus} ({int(cold['files'])} files, {cold['bytes'] / 1e6:.2f} MB)")
    for mode in MODES:
        report = best[mode]
        print(
            f"{mode:9} wall {report['wall']:.3f} s   cpu {report['cpu']:.3f} s"
            f"   parse loop {report['loop']:.3f} s"
            f"   ({int(report['diagnostics'])} diagnostics)"
        )
    if arguments.baseline:
        plain, ours = baseline(arguments.corpus, arguments.runs)
        print(f"baseline  plain Lark {plain:.3f} s cpu, parse() {ours:.3f} s cpu: {plain / ours:.2f}x faster")
    print(f"load average: {os.getloadavg()[0]:.2f} (the machine is shared; timings vary with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
