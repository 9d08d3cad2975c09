"""panlint side by side with the old panlint: cold, warm, and the SARIF report.

    python bench/lint.py [--runs N] [--oracle-python PYTHON]

Over the SCDB example site's ``sites/``, ``standard/`` and ``grid/`` templates (2,108 files of
``../shared/corpora``), each round runs, in fresh processes and in this order:

- old: the old panlint (``../shared/oracle/old-panlint/panlint.py``) under an interpreter with
  its three dependencies (``--oracle-python`` or ``PANLINT_ORACLE_PYTHON``);
- cold: ``panlint`` with an empty result cache (it writes the cache);
- warm: ``panlint`` again, nothing changed (every file's findings from the cache);
- text and sarif: ``panlint --no-cache`` writing the text report, then ``--format sarif``, to
  files (the SARIF run computes every finding's fix).

It prints the best and the median of N rounds for each, as wall and CPU time (CPU includes
child processes), and the ratios against the old tool measured in the same rounds: the goals
are cold <= 0.5x and warm <= 0.1x the old tool's wall time, SARIF <= 1.5x the text report's
time and <= 1 KB per result. A busy machine inflates wall times: compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
ORACLE = SHARED / "oracle" / "old-panlint" / "panlint.py"
SITE = SHARED / "corpora" / "scdb-example-site"
FOLDERS = ("cfg/sites", "cfg/standard", "cfg/grid")
GOALS = {"cold": 0.5, "warm": 0.1}


def corpus_files() -> list[str]:
    """The templates, relative to the site folder (both tools are run from there)."""
    return sorted(
        str(path.relative_to(SITE)) for folder in FOLDERS for path in (SITE / folder).rglob("*.pan")
    )


def timed(command: list[str], env: dict[str, str], output: Path | None = None) -> tuple[float, float]:
    """Wall and CPU time (user + system of the child) of one run; its output goes to ``output``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(output or os.devnull, "w", encoding="utf-8") as sink:
        completed = subprocess.run(
            command, env=env, cwd=SITE, stdout=sink, stderr=subprocess.PIPE, check=False
        )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(
            f"{' '.join(command[:4])}... failed ({completed.returncode}):\n"
            + completed.stderr.decode()[-2000:]
        )
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def oracle_python(given: str | None) -> str | None:
    candidate = given or os.environ.get("PANLINT_ORACLE_PYTHON") or sys.executable
    probe = subprocess.run(
        [candidate, "-c", "import six, colorama, prettytable"], capture_output=True, check=False
    )
    return candidate if probe.returncode == 0 else None


def one_round(files: list[str], python: str | None, scratch: Path) -> dict[str, tuple[float, float]]:
    """One measurement of each kind of run."""
    cache_home = Path(tempfile.mkdtemp(prefix="cache-", dir=scratch))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(REPO), "PYTHONUTF8": "1"}
    panlint = [sys.executable, "-m", "panlint", "--always_exit_success"]
    times = {}
    if python is not None:
        times["old"] = timed([python, str(ORACLE.resolve()), "--always_exit_success", *files], env)
    times["cold"] = timed([*panlint, *files], env)
    times["warm"] = timed([*panlint, *files], env)
    times["text"] = timed([*panlint, "--no-cache", *files], env, scratch / "report.txt")
    times["sarif"] = timed(
        [*panlint, "--no-cache", "--format", "sarif", *files], env, scratch / "report.sarif"
    )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--oracle-python", help="an interpreter with six, colorama and prettytable")
    args = parser.parse_args()
    if not SITE.is_dir():
        print(f"corpus not found: {SITE}", file=sys.stderr)
        return 2
    files = corpus_files()
    python = oracle_python(args.oracle_python) if ORACLE.is_file() else None
    rounds: list[dict[str, tuple[float, float]]] = []
    with tempfile.TemporaryDirectory(prefix="panlint-bench-") as folder:
        scratch = Path(folder)
        for _ in range(args.runs):
            rounds.append(one_round(files, python, scratch))
        sarif = json.loads((scratch / "report.sarif").read_text(encoding="utf-8"))
        sarif_size = (scratch / "report.sarif").stat().st_size
    results = len(sarif["runs"][0]["results"])
    with_fix = sum(1 for result in sarif["runs"][0]["results"] if result.get("fixes"))
    size = sum((SITE / name).stat().st_size for name in files)
    print(f"{len(files)} templates ({size / 1e6:.2f} MB) of the SCDB example site, {args.runs} rounds,")
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (a busy machine inflates wall times)"
    )
    print(
        f"{'run':<6} {'best wall':>10} {'median wall':>12} {'best CPU':>9}   ratio (median wall, per round)"
    )
    medians = {kind: statistics.median(r[kind][0] for r in rounds) for kind in rounds[0]}
    for kind in rounds[0]:
        best = min(r[kind][0] for r in rounds)
        cpu = min(r[kind][1] for r in rounds)
        line = f"{kind:<6} {best:9.2f}s {medians[kind]:11.2f}s {cpu:8.2f}s"
        if kind in GOALS and "old" in medians:
            ratio = statistics.median(r[kind][0] / r["old"][0] for r in rounds)
            verdict = "ok" if ratio <= GOALS[kind] else "over the goal"
            line += f"   {ratio:.2f}x the old tool (goal <= {GOALS[kind]}x: {verdict})"
        if kind == "sarif":
            ratio = statistics.median(r["sarif"][0] / r["text"][0] for r in rounds)
            line += f"   {ratio:.2f}x the text report (goal <= 1.5x)"
        print(line)
    if python is None:
        print("(the old panlint could not run: pass --oracle-python or set PANLINT_ORACLE_PYTHON)")
    print(
        f"SARIF: {results} results ({with_fix} with a fix), {sarif_size / 1e6:.2f} MB, "
        f"{sarif_size / max(results, 1):.0f} bytes per result (goal <= 1024)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
