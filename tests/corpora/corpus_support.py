"""Where the real-world corpora live (../shared/corpora) and how to run panc on them in-process."""

from __future__ import annotations

import io
from pathlib import Path

CORPORA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora").resolve()


def run_panc(argv: list[str]) -> tuple[int, str, str]:
    """``panc ARGV`` in this process: exit code, stdout, stderr."""
    from panc.cli import run  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = run(argv, stdout, stderr)
    return returncode, stdout.getvalue(), stderr.getvalue()
