"""``panc SUBCOMMAND ...``: the tools beside the panc-compatible compiler command line.

- ``panc build``: see ``panc.cli`` (panc's options, incremental and parallel);
- ``panc annotations``: panc-annotations (``panc.annotations.cli``);
- ``panc docs``: a template library's annotations as Markdown or HTML (``panc.annotations.docs``);
- ``panc diff``: per object, the profile paths added, removed and changed (``panc.profile_diff``);
- ``panc impact``: the object templates a change to some templates affects (``panc.build.impact``).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TextIO

_MODULES = {
    "annotations": "panc.annotations.cli",
    "docs": "panc.annotations.docs",
    "diff": "panc.profile_diff",
    "impact": "panc.build.impact",
}


def run(name: str, argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    """Run subcommand ``name`` with its arguments; returns the exit code."""
    module = importlib.import_module(_MODULES[name])
    code: int = module.run(argv, stdout, stderr, prog=f"panc {name}")
    return code
