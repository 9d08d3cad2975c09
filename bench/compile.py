"""Benchmark: compiling the real-world corpora with ``panc``, cold and warm.

    python bench/compile.py [--runs 3] [--panc "python -m panc"] [--only scdb|tlc|metaconfig]
                            [--oracle PATH | --no-oracle]

Scenarios (``../shared/corpora``, see its README):

* ``scdb``: the SCDB example site, the 10 hosts of its grid cluster in one ``panc`` run, as
  SCDB's ant task compiles them (1.8-1.9 s wall with the Java panc there);
* ``tlc-all-templates``: one object including 566 library templates; it ends in a validation
  error, as with the Java panc (2.2-2.6 s wall there, start-up included);
* ``metaconfig``: the 154 test profiles, one ``panc`` run per folder (66 runs; 97 s with Java).

The Java panc (``../shared/oracle/java-panc/panc`` when it can run) is measured in the same run
on the same invocations, and the ratios to it are printed: the machine's speed drifts, so only
figures of one run compare.

Each run is a fresh process. *cold* means an empty cache directory (``XDG_CACHE_HOME`` points
to a new temporary folder: no parser tables, no parsed templates); *warm* reuses the cache the
cold run filled. Python's bytecode cache is on and filled first, as for an installed panc
(pip compiles the modules; ``PYTHONDONTWRITEBYTECODE`` would make every start-up recompile
them), in a temporary folder out of the work tree; ``--no-bytecode-cache`` measures the latter.

Reported: best and median wall seconds over the runs, the best CPU seconds
(user + system of the panc processes, steadier on a shared machine), and the peak resident
memory of the panc process (``wait4`` rusage of each child; the largest for metaconfig).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = (REPO / ".." / "shared" / "corpora").resolve()
ORACLE = (REPO / ".." / "shared" / "oracle" / "java-panc" / "panc").resolve()


@dataclass(frozen=True)
class Invocation:
    """One panc process: its arguments and working directory."""

    args: list[str]
    cwd: Path
    expected_returncode: int
    expected_output: str = ""
    """Text the output must contain (so that a crash with the same exit code is not timed)."""


@dataclass(frozen=True)
class Measurement:
    wall_seconds: float
    cpu_seconds: float
    """User + system time of the panc processes: steadier than wall time on a busy machine."""
    peak_rss_mb: float


def _run(command: Sequence[str], invocation: Invocation, cache_home: Path, base_env: dict[str, str],
         ) -> Measurement:
    """Wall and CPU seconds and peak RSS of one process; fails loudly on an unexpected exit code."""
    env = dict(base_env, XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(REPO))
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        # pylint: disable-next=consider-using-with
        process = subprocess.Popen([*command, *invocation.args], cwd=invocation.cwd, env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
        # wait4 instead of wait: it also returns the resource usage of this one child
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
        if process.returncode != invocation.expected_returncode or invocation.expected_output not in text:
            raise SystemExit(f"unexpected result (exit code {process.returncode}) for "
                             f"{shlex.join(invocation.args)}:\n{text[-3000:]}")
    return Measurement(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def tlc_invocations(corpora: Path, out: Path) -> list[Invocation]:
    # the message line of panc's validation error: the run must get that far
    message = (corpora / "tlc-all-templates" / "expected-panc-output.txt").read_text().splitlines()[1]
    return [Invocation(["--output-dir", str(out), "--include-path", "template-library-core:tlc-all-templates",
                        "tlc-all-templates/test.pan"], corpora, 1, message)]


def metaconfig_invocations(corpora: Path, out: Path) -> list[Invocation]:
    metaconfig = corpora / "metaconfig"
    invocations = []
    for folder in sorted(p for p in (metaconfig / "profiles").glob("**/tests/profiles") if p.is_dir()):
        relative = folder.relative_to(metaconfig)
        objects = sorted(str(relative / p.name) for p in folder.glob("*.pan")
                         if "object template" in p.read_text(encoding="utf-8"))
        target = out / relative
        target.mkdir(parents=True, exist_ok=True)
        include_path = f"{relative}:templates:{corpora / 'template-library-core'}"
        invocations.append(Invocation(["--formats", "json,pan", "--output-dir", str(target),
                                       "--include-path", include_path, *objects], metaconfig, 0))
    return invocations


def scdb_invocations(corpora: Path, out: Path) -> list[Invocation]:
    site = corpora / "scdb-example-site"
    cfg = site / "cfg"
    cluster = cfg / "clusters" / "grid" / "umd4"
    include_path = ":".join(str(p) for p in (
        cluster, cluster / "profiles", cluster / "site", cfg / "sites" / "example", cfg / "grid" / "umd-4",
        cfg / "os", cfg / "quattor" / "dev", cfg / "standard"))
    hosts = sorted(str(p) for p in (cluster / "profiles").glob("*.example.org.pan"))
    return [Invocation(["--formats", "json,pan", "--max-iteration", "5000", "--warnings", "on",
                        "--output-dir", str(out), "--include-path", include_path, *hosts], site, 0)]


def measure(command: Sequence[str], invocations: list[Invocation], cache_home: Path,
            base_env: dict[str, str]) -> Measurement:
    """Run every invocation once, in order: total wall and CPU time, and the largest peak RSS."""
    runs = [_run(command, invocation, cache_home, base_env) for invocation in invocations]
    return Measurement(sum(m.wall_seconds for m in runs), sum(m.cpu_seconds for m in runs),
                       max(m.peak_rss_mb for m in runs))


def _wait_for_cache_writers(cache_home: Path) -> None:
    sys.path.insert(0, str(REPO))
    from panc.syntax.cache import ParseCache  # pylint: disable=import-outside-toplevel

    ParseCache(cache_home / "pan-tools").wait_for_writers()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario and cache state (default 3)")
    parser.add_argument("--panc", default=f"{shlex.quote(sys.executable)} -m panc",
                        help="the compiler command (default: this Python's -m panc)")
    parser.add_argument("--only", choices=("scdb", "tlc", "metaconfig"), help="run one scenario")
    parser.add_argument("--oracle", type=Path, default=ORACLE,
                        help="the Java panc to measure beside (default: ../shared/oracle/java-panc/panc)")
    parser.add_argument("--no-oracle", action="store_true", help="do not measure the Java panc")
    parser.add_argument("--corpora", type=Path, default=CORPORA,
                        help="the corpora folder (default: ../shared/corpora beside the checkout)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="recompile the Python modules in every run (PYTHONDONTWRITEBYTECODE=1)")
    args = parser.parse_args(argv)
    corpora = args.corpora.resolve()
    if not corpora.is_dir():
        print(f"{corpora} not found", file=sys.stderr)
        return 2
    command = shlex.split(args.panc)
    with tempfile.TemporaryDirectory(prefix="panc-bench-pycache-") as pycache:
        return _benchmark(args, command, corpora, _environment(args.no_bytecode_cache, Path(pycache)))


def _environment(no_bytecode_cache: bool, pycache: Path) -> dict[str, str]:
    """The environment of the panc runs; with bytecode caching, the cache filled beforehand."""
    if no_bytecode_cache:
        return dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "panc")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return env


def _oracle_command(args: argparse.Namespace) -> list[str] | None:
    """The Java panc's command, if it is there and runs (``--version``)."""
    if args.no_oracle or not args.oracle.is_file():
        return None
    done = subprocess.run([str(args.oracle), "--version"], capture_output=True, check=False)
    return [str(args.oracle)] if done.returncode == 0 else None


def _benchmark(args: argparse.Namespace, command: list[str], corpora: Path, base_env: dict[str, str]) -> int:
    scenarios = {"scdb": ("scdb-example-site (10 hosts)", scdb_invocations),
                 "tlc": ("tlc-all-templates", tlc_invocations),
                 "metaconfig": ("metaconfig (66 runs, 154 objects)", metaconfig_invocations)}
    oracle = _oracle_command(args)
    print(f"{'scenario':36} {'run':5} {'best wall s':>11} {'median wall s':>13} {'best cpu s':>10} "
          f"{'peak RSS MB':>11}")
    for key, (label, make_invocations) in scenarios.items():
        if args.only not in (None, key):
            continue
        cold: list[Measurement] = []
        warm: list[Measurement] = []
        java: list[Measurement] = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="panc-bench-") as scratch:
                cache_home, out = Path(scratch, "cache"), Path(scratch, "out")
                cache_home.mkdir()
                out.mkdir()
                invocations = make_invocations(corpora, out)
                if oracle is not None:
                    java.append(measure(oracle, invocations, cache_home, base_env))
                cold.append(measure(command, invocations, cache_home, base_env))
                # panc writes the cache after it exits: "warm" starts once it is all written
                _wait_for_cache_writers(cache_home)
                warm.append(measure(command, invocations, cache_home, base_env))
                _wait_for_cache_writers(cache_home)  # before the folder is removed
        for state, runs in (("java", java), ("cold", cold), ("warm", warm)):
            if not runs:
                continue
            walls = [m.wall_seconds for m in runs]
            cpu = min(m.cpu_seconds for m in runs)
            peak = max(m.peak_rss_mb for m in runs)
            print(f"{label:36} {state:5} {min(walls):11.2f} {statistics.median(walls):13.2f} {cpu:10.2f} "
                  f"{peak:11.0f}")
        if java:
            java_wall = statistics.median(m.wall_seconds for m in java)
            for state, runs in (("cold", cold), ("warm", warm)):
                ratio = statistics.median(m.wall_seconds for m in runs) / java_wall
                print(f"{'':36} {state:5} {ratio:.2f}x the Java panc's median wall time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
