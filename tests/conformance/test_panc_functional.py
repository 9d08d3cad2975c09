"""panc's own functional test suite (../shared/conformance/panc-functional) through our ``panc``.

Every case is judged exactly as ``../shared/tools/pan_conformance.py`` judges it: this test
imports that runner and only swaps how the compiler is started (in this process, through
``panc.cli.run``, instead of a new process per case: same command line, same streams, a time
limit, and several times faster).

``known_failures.txt`` (beside this file) lists each case we fail, with the reason. A case not
listed must pass; a listed case must still fail (strict xfail), so the list stays honest.
"""

from __future__ import annotations

import importlib.util
import io
import signal
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
RUNNER = SHARED / "tools" / "pan_conformance.py"
CASES = SHARED / "conformance" / "panc-functional"
KNOWN_FAILURES = Path(__file__).with_name("known_failures.txt")
TIME_LIMIT_SECONDS = 20.0


class _TimeLimitExceeded(Exception):
    pass


def _load_runner() -> ModuleType | None:
    if not RUNNER.is_file() or not CASES.is_dir():
        return None
    spec = importlib.util.spec_from_file_location("pan_conformance_runner", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the module up in sys.modules while the class bodies execute
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _run_in_process(cmd: list[str], cwd: str, timeout: float) -> tuple[int | None, str, float]:
    """The runner's ``_run`` contract, with ``panc`` called in this process."""
    from panc.cli import run  # pylint: disable=import-outside-toplevel

    del cwd  # every path of the command line is absolute
    stdout, stderr = io.StringIO(), io.StringIO()

    def on_alarm(signum: int, frame: object) -> None:
        raise _TimeLimitExceeded

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    returncode: int | None
    try:
        returncode = run(cmd[1:], stdout, stderr)
    except _TimeLimitExceeded:
        returncode = None
    except Exception:  # pylint: disable=broad-exception-caught
        # a crash is a failing case (with the traceback as its output), not a broken test run
        returncode = 70
        stderr.write(traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    text, etext = stdout.getvalue(), stderr.getvalue()
    if text and etext and not text.endswith("\n"):
        text += "\n"
    return returncode, text + etext, time.monotonic() - started


def _known_failures() -> dict[str, str]:
    """Case id -> reason, from ``known_failures.txt`` (``<case id>: <reason>`` lines, ``#`` comments)."""
    known: dict[str, str] = {}
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            case_id, _, reason = line.partition(":")
            known[case_id.strip()] = reason.strip()
    return known


RUNNER_MODULE = _load_runner()
if RUNNER_MODULE is not None:
    RUNNER_MODULE._run = _run_in_process  # pylint: disable=protected-access
    _, ALL_CASES = RUNNER_MODULE.discover(str(CASES))
else:
    ALL_CASES = []
KNOWN = _known_failures()


def _params() -> list[object]:
    params = []
    for case in ALL_CASES:
        marks = []
        if case.id in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[case.id], strict=True))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


@pytest.mark.skipif(RUNNER_MODULE is None, reason="../shared (conformance cases and runner) is not available")
def test_known_failures_name_real_cases():
    ids = {case.id for case in ALL_CASES}
    assert sorted(set(KNOWN) - ids) == []
    assert len(ALL_CASES) == 311


@pytest.mark.skipif(RUNNER_MODULE is None, reason="../shared (conformance cases and runner) is not available")
@pytest.mark.parametrize("case", _params())
def test_case(case):
    assert RUNNER_MODULE is not None
    result = RUNNER_MODULE.run_case(case, ["panc"], TIME_LIMIT_SECONDS)
    assert result.status == "pass", f"{result.reason}\n{result.output[-2000:]}"
