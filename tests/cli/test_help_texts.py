"""Every option and argument of every command has a help text in ``--help``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COMMANDS = {
    "panc": ["panc"],
    "panc build": ["panc", "build"],
    "panc annotations": ["panc", "annotations"],
    "panc docs": ["panc", "docs"],
    "panc diff": ["panc", "diff"],
    "panc impact": ["panc", "impact"],
    "panc explain": ["panc", "explain"],
    "panc-annotations": ["panc.annotations.cli"],
    "panlint": ["panlint"],
    "panls": ["panls"],
    "pandbg": ["pandbg"],
}
SECTIONS = ("positional arguments:", "options:", "optional arguments:")


def entries_without_help(text: str) -> list[str]:
    """The entries of argparse's help sections that have no text after them."""
    lines = text.splitlines()
    missing, in_section = [], False
    for index, line in enumerate(lines):
        if line and not line.startswith(" "):
            in_section = line in SECTIONS
            continue
        if not in_section or not line.startswith("  ") or line.startswith("   "):
            continue
        follows = lines[index + 1] if index + 1 < len(lines) else ""
        if not re.search(r"\S {2,}\S", line[2:]) and not follows.startswith("    "):
            missing.append(line.strip())
    return missing


def test_the_check_finds_a_missing_help() -> None:
    text = (
        "usage: x\n\npositional arguments:\n  OLD\n  NEW         the new one\n\n"
        "options:\n  --long-option-name VALUE\n                 what it does\n  --format {a,b}\n"
    )
    assert entries_without_help(text) == ["OLD", "--format {a,b}"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_has_a_help_text(name: str) -> None:
    module, *rest = COMMANDS[name]
    run = subprocess.run(
        [sys.executable, "-m", module, *rest, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"},
    )
    assert run.returncode == 0, run.stderr
    assert "usage:" in run.stdout
    assert entries_without_help(run.stdout) == [], run.stdout
