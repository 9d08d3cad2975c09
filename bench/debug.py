"""Benchmark: what debugging costs when no breakpoint is set (target: at most 1.2x).

    python bench/debug.py [--runs 5]

The real-world compile of ``../shared/corpora/tlc-all-templates`` (one object including 577
library templates; it ends in the validation error the Java panc also reports) is run,
alternately, in the same process:

* ``plain``: ``panc.compiler.Compiler.compile_object``, as the ``panc`` command does;
* ``debug``: a ``pandbg`` session (launch checks, hooks on every statement, provenance of
  every profile write, the compile on the session's worker thread), no breakpoint set.

Both sides parse through panc's parse cache, as the ``panc`` command does; after the first
run its in-process memo serves every parse, so the figures are the evaluator's (where the
hooks cost), not the parser's. The cyclic garbage collector is paused in each timed region
and run between them: panc pauses it for a compile anyway, and the collection it owes
afterwards would otherwise land in whichever run comes next. Reported: best and median CPU
seconds of the process (steady on a shared machine) and best wall seconds; ratio = debug /
plain of the best runs.

A last line runs the whole thing through the protocol: ``python -m pandbg`` driven over
stdio (initialize, launch, configurationDone, until ``terminated``) against
``python -m panc`` on the same object, both fresh processes (start-up included).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# pylint: disable=wrong-import-position  # the repository must be importable first
from debugpy.common import messaging  # noqa: E402

from panc.compiler import CompileOptions, Compiler  # noqa: E402
from pandbg.session import DebugSession, LaunchConfig, StopInfo  # noqa: E402

CORPORA = (REPO / ".." / "shared" / "corpora").resolve()
LIBRARY = CORPORA / "template-library-core"
TESTS = CORPORA / "tlc-all-templates"
PROGRAM = TESTS / "test.pan"


class _Quiet:
    """A session listener that only notes the end of the run."""

    def __init__(self) -> None:
        self.exit_code: int | None = None
        self.stops = 0

    def stopped(self, stop: StopInfo) -> None:
        del stop
        self.stops += 1

    def output(self, text: str, category: str) -> None:
        del text, category

    def finished(self, exit_code: int) -> None:
        self.exit_code = exit_code


def plain() -> None:
    options = CompileOptions(include_path=[str(LIBRARY), str(TESTS)])
    result = Compiler(options).compile_object("test")
    assert result.error is not None and result.error.format().startswith("validation error")


def debug() -> None:
    listener = _Quiet()
    session = DebugSession(listener)
    session.launch(
        LaunchConfig(program=str(PROGRAM), include_path=[str(LIBRARY), str(TESTS)], formats="none")
    )
    session.start()
    session.wait()
    assert listener.exit_code == 1 and listener.stops == 0


def _time(work: Callable[[], None]) -> tuple[float, float]:
    """(CPU, wall) seconds of ``work``, the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        return time.process_time() - cpu, time.perf_counter() - wall
    finally:
        gc.enable()


def _compare(runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    plain()  # parser tables and parse memo, for both sides
    plain_times, debug_times = [], []
    for _ in range(runs):
        plain_times.append(_time(plain))
        debug_times.append(_time(debug))
    return plain_times, debug_times


def _dap_run(cache: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=cache)
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", "pandbg"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    ) as process:
        stream = messaging.JsonIOStream.from_process(process, "pandbg")
        sequence = itertools.count(1)
        launch = {"program": str(PROGRAM), "includePath": [str(LIBRARY), str(TESTS)], "formats": "none"}
        for command, arguments in (
            ("initialize", {"adapterID": "pan"}),
            ("launch", launch),
            ("configurationDone", {}),
        ):
            stream.write_json(
                {"seq": next(sequence), "type": "request", "command": command, "arguments": arguments}
            )
        while stream.read_json().get("event") != "terminated":
            pass
        elapsed = time.perf_counter() - start
        stream.write_json({"seq": next(sequence), "type": "request", "command": "disconnect"})
        process.wait(30)
    return elapsed


def _panc_run(cache: str, output: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=cache)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "panc",
            "--formats",
            "none",
            "--output-dir",
            output,
            "--include-path",
            f"{LIBRARY}:{TESTS}",
            str(PROGRAM),
        ],
        env=env,
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - start


def _line(label: str, plain_times: list[float], debug_times: list[float], unit: str) -> str:
    return (
        f"{label:<22} plain best {min(plain_times):.2f}s median {statistics.median(plain_times):.2f}s | "
        f"debug best {min(debug_times):.2f}s median {statistics.median(debug_times):.2f}s | "
        f"ratio {min(debug_times) / min(plain_times):.2f}x ({unit})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not PROGRAM.exists():
        print(f"corpus not found: {PROGRAM}")
        return 1
    plain_times, debug_times = _compare(args.runs)
    print(_line("in process", [c for c, _ in plain_times], [c for c, _ in debug_times], "CPU"))
    print(_line("in process", [w for _, w in plain_times], [w for _, w in debug_times], "wall"))
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as output:
        _panc_run(cache, output)  # parser tables into the cache, for both sides
        panc_times, dap_times = [], []
        for _ in range(args.runs):
            panc_times.append(_panc_run(cache, output))
            dap_times.append(_dap_run(cache))
    print(_line("DAP vs panc processes", panc_times, dap_times, "wall, start-up included"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
