"""Running ``panc`` in this process, and where panc's reference outputs live."""

from __future__ import annotations

import io
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLES = (SHARED / "reference" / "panc-output-samples").resolve()

_STATISTICS_FIGURES = re.compile(
    r"errors, [\d,]+ ms, [\d,]+ MB/[\d,]+ MB heap, -?[\d,]+ MB/-?[\d,]+ MB nonheap"
)


def run_panc(argv: list[str]) -> tuple[int, str, str]:
    """``panc ARGV`` in this process: exit code, stdout, stderr."""
    from panc.cli import run  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = run(argv, stdout, stderr)
    return returncode, stdout.getvalue(), stderr.getvalue()


def dispatch_panc(argv: list[str]) -> tuple[int, str, str]:
    """``panc ARGV`` in this process, subcommands included: exit code, stdout, stderr."""
    from panc.cli import dispatch  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = dispatch(argv, stdout, stderr)
    return returncode, stdout.getvalue(), stderr.getvalue()


def without_machine_figures(text: str) -> str:
    """``panc -v`` output with the time and memory figures (which vary by run) blanked."""
    return _STATISTICS_FIGURES.sub("errors, T ms, M MB/M MB heap, N MB/N MB nonheap", text)
