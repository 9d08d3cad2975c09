"""Formatter benchmark: ``panc fmt --check`` over the real corpora, against parsing them.

    python bench/format.py [--runs N]

For each corpus (template-library-core, the metaconfig templates and profiles, the SCDB example
site's ``cfg/``), two fresh processes with the grammar tables cached: the real command
``python -m panc fmt --check CORPUS`` (it formats every template, parses the result again to
compare the trees, and writes nothing), and a baseline that only parses every template once.
Prints the best of ``--runs`` runs (default 3), wall and CPU time, the ratio of the two CPU
times (less sensitive to other load on the machine), and how many templates would change.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
CORPORA = REPOSITORY.parent / "shared" / "corpora"
FOLDERS = ("template-library-core", "metaconfig", "scdb-example-site/cfg")

BASELINE = """
import sys
from pathlib import Path
from panc.syntax import parse
for path in sorted(Path(sys.argv[1]).rglob("*.pan")):
    parse(path.read_text(encoding="utf-8"), str(path))
"""


def timed(argv: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall and CPU seconds of one child process, and what it printed."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, completed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    missing = [folder for folder in FOLDERS if not (CORPORA / folder).is_dir()]
    if missing:
        print(f"corpora not found under {CORPORA}: {', '.join(missing)}", file=sys.stderr)
        return 2
    print(f"panc fmt --check against parsing only, best of {args.runs}, {os.cpu_count()} cores")
    print(f"  load average: {os.getloadavg()[0]:.1f} (a busy machine inflates wall times)")
    for folder in FOLDERS:
        corpus = str(CORPORA / folder)
        best_fmt = best_parse = (float("inf"), float("inf"))
        summary = ""
        for _ in range(args.runs):
            wall, cpu, completed = timed([sys.executable, "-c", BASELINE, corpus])
            if completed.returncode != 0:
                sys.exit(f"parsing {folder} failed:\n{completed.stderr}")
            best_parse = min(best_parse, (cpu, wall))
            wall, cpu, completed = timed([sys.executable, "-m", "panc", "fmt", "--check", corpus])
            if completed.returncode not in (0, 1):
                sys.exit(f"panc fmt failed on {folder} ({completed.returncode}):\n{completed.stderr[-2000:]}")
            best_fmt = min(best_fmt, (cpu, wall))
            summary = completed.stderr.strip().splitlines()[-1]
        files = sum(1 for _ in Path(corpus).rglob("*.pan"))
        print(f"  {folder} ({files} templates): {summary}")
        print(
            f"    fmt --check {best_fmt[1]:6.2f} s wall {best_fmt[0]:6.2f} s CPU;"
            f" parse only {best_parse[1]:6.2f} s wall {best_parse[0]:6.2f} s CPU;"
            f" ratio {best_fmt[0] / best_parse[0]:.2f}x CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
