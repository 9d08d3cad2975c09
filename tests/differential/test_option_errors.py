"""Bad command lines: ``panc`` prints what the Java panc prints (``panc.option_errors``).

Each command line runs in the oracle's long-lived JVM and in this process, both from ``/`` (the
server's working directory, against which relative paths resolve), and everything printed
must be equal. Skipped when the Java oracle is not available here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from java_oracle import JavaOracle, oracle_unavailable, run_ours

REASON = oracle_unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

COMMAND_LINES = [
    ["--x", "a.pan"],
    ["--x", "--y", "-x", "a.pan"],
    ["--aaaaaaaaa", "--bbbbbbbbbbbb", "a.pan"],  # 72 columns: one line
    ["--aaaaaaaaaa", "--bbbbbbbbbbbb", "a.pan"],  # 73: one message per line
    ["-xv", "a.pan"],
    ['--a"\\b', "a.pan"],
    ["--x=1", "--debug=3", "a.pan"],
    ["--formats"],
    ["--output-dir"],
    ["--no-debug", "--formats"],
    ["--formats", "xyz", "a.pan"],
    ["--formats", "", "a.pan"],
    ["--formats", " json", "a.pan"],
    ["--formats", ",json", "a.pan"],
    ["--nthread", "abc", "a.pan"],
    ["--nthread", "-1", "a.pan"],
    ["--nthread", "1.5", "a.pan"],
    ["--nthread", "+2", "--max-iteration", "-0", "a.pan"],
    ["--max-iteration", "x", "a.pan"],
    ["--max-iteration", "99999999999", "a.pan"],
    ["--max-recursion", "0", "a.pan"],
    ["--warnings", "maybe", "a.pan"],
    ["--warnings", "ON", "a.pan"],
    ["--include-path", "/nonexistent:tmp:/nope2//", "a.pan"],
    ["--include-path", "relative/x:.//missing/", "a.pan"],
    ["--output-dir", "nodir", "a.pan"],
    ["--include-path", "/nonexistent", "--output-dir", "nodir", "a.pan"],
    ["--max-recursion", "0", "--warnings", "x", "--nthread", "y", "--max-iteration", "0",
     "--output-dir", "nodir", "--include-path", "/nonexistent", "--formats", "bad", "a.pan"],
    ["--max-recursion", "0", "--warnings", "x", "--nthread", "y", "--max-iteration", "0",
     "--output-dir", "nodir", "--include-path", "/nonexistent", "a.pan"],
    ["--max-recursion", "0", "--warnings", "x", "--nthread", "y", "--max-iteration", "0",
     "--output-dir", "nodir"],
    ["--max-recursion", "0", "--warnings", "x", "--nthread", "y", "--max-iteration", "0"],
    ["--max-recursion", "0", "--warnings", "x", "--max-iteration", "0"],
    ["--max-recursion", "0", "--max-iteration", "0"],
]


@pytest.fixture(scope="module")
def oracle() -> Iterator[JavaOracle]:
    with JavaOracle() as java:
        yield java


@pytest.mark.parametrize("arguments", COMMAND_LINES, ids=" ".join)
def test_bad_command_lines_print_what_the_java_panc_prints(arguments: list[str], oracle: JavaOracle,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert not Path("/nodir").exists()  # (the cases rely on it)
    monkeypatch.chdir("/")
    java = oracle.run(arguments)
    assert java.rc == 1 and java.stdout, java
    assert run_ours(arguments) == java
