"""Templates that allocate without bound (issue 13) end with an evaluation error in bounded memory.

The Java panc runs out of heap on each of ``memory/*.pan`` ("Java heap space", with -Xmx256m);
ours stops at its budget (``--max-memory``) with an evaluation error at the expression that
would break it. Each case runs in a process of its own, whose peak resident memory is measured.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from panc.evaluation import memory
from panc.evaluation.memory import MemoryLimitError, check_growth, parse_size

MEMORY = Path(__file__).resolve().parent / "memory"
LIMIT_MB = 200

# case -> where the evaluation error is (the builtin call that would break the budget)
CASES = {
    "grow": "grow.pan:5.19-5.43",  # s = s + s in a loop (an operator's error: at its block, as panc)
    "merge": "merge.pan:5.25-5.35",  # l = merge(l, l)
    "replace": "replace.pan:5.25-5.42",  # s = replace('a', s, s)
    "format": "format.pan:2.15-2.40",  # format('%999999999s', 'x')
    "join": "join.pan:9.3-9.14",  # join(a 1 MB separator, 5,000 strings)
    "accumulate": "accumulate.pan:8.21-8.69",  # 10,000 strings of 1 MB in a list
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unbounded_allocation_ends_with_an_evaluation_error_in_bounded_memory(
    case: str, tmp_path: Path
) -> None:
    # VmHWM, the peak of this process's own memory (ru_maxrss would include what the process
    # had when it was forked from the test runner, before its exec)
    code = (
        "import sys\n"
        "from panc.cli import main\n"
        "code = main()\n"
        "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
        "sys.stderr.write(f'PEAK {peak.split()[1]}\\n')\n"
        "sys.exit(code)\n"
    )
    args = ["--max-memory", f"{LIMIT_MB}M", "--output-dir", str(tmp_path), "--formats", "json", f"{case}.pan"]
    command = [sys.executable, "-c", code, *args]
    result = subprocess.run(command, cwd=MEMORY, capture_output=True, text=True, timeout=120, check=False)
    peak_mb = int(result.stderr.rsplit("PEAK ", 1)[1]) // 1024
    assert result.returncode == 1
    assert result.stdout.startswith(f"evaluation error [{MEMORY}/{CASES[case]}]\nmemory limit exceeded: ")
    assert "(--max-memory)\n>>> call stack trace" in result.stdout
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())
    # the budget holds, give or take the one value being built when it was checked
    assert peak_mb < 2 * LIMIT_MB, peak_mb


def test_the_budget_is_checked_before_a_large_value_is_built() -> None:
    with memory.limited(64 << 20):
        with pytest.raises(MemoryLimitError, match="a value of 1,073,741,824 bytes would take the compiler"):
            check_growth(1 << 30)
        check_growth(1 << 10)  # small values are only counted
    with memory.limited(0):
        check_growth(1 << 40)  # no limit


@pytest.mark.parametrize(
    ("text", "size"), [("512M", 512 << 20), ("2g", 2 << 30), ("1.5G", 3 << 29), ("100000", 100000), ("0", 0)]
)
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_java_heap_option_is_the_budget_unless_max_memory_is_given(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
    from cli_support import run_panc  # pylint: disable=import-outside-toplevel

    common = ["--output-dir", str(tmp_path), "--formats", "json", "--include-path", str(MEMORY)]
    _, stdout, _ = run_panc([*common, "--java-opts", "-Xmx100m", str(MEMORY / "format.pan")])
    assert "past its limit of 100 MB (--max-memory)" in stdout
    both = ["--java-opts", "-Xmx100m", "--max-memory", "150M"]
    _, stdout, _ = run_panc([*common, *both, str(MEMORY / "format.pan")])
    assert "past its limit of 150 MB (--max-memory)" in stdout
    assert run_panc([*common, "--max-memory", "lots", str(MEMORY / "format.pan")])[0] != 0
