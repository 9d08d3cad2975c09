"""``panc SUBCOMMAND ...``: the tools beside the panc-compatible compiler command line.

- ``panc build``: see ``panc.cli`` (panc's options, incremental and parallel);
- ``panc annotations``: panc-annotations (``panc.annotations.cli``);
- ``panc docs``: a template library's annotations as Markdown or HTML (``panc.annotations.docs``);
- ``panc diff``: per object, the profile paths added, removed and changed (``panc.build.profile_diff``);
- ``panc impact``: the object templates a change to some templates affects (``panc.build.impact``);
- ``panc explain``: where the value at a profile path came from (``panc.explain``);
- ``panc fmt``: templates in the canonical layout (``panc.formatting.command``).

Every one of these commands, and ``panc`` itself, reads its options with ``OptionsParser``.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

MODULES = {
    "annotations": "panc.annotations.cli",
    "docs": "panc.annotations.docs",
    "diff": "panc.build.profile_diff",
    "impact": "panc.build.impact",
    "explain": "panc.explain",
    "fmt": "panc.formatting.command",
}
"""Each subcommand besides ``build`` and the module whose ``run(argv, stdout, stderr, prog)`` it is."""


class OptionsError(Exception):
    """A bad command line; the command prints ``OPTIONS ERROR: <message>`` and stops."""


class HelpShown(Exception):
    """``--help`` was asked for and printed: the command stops there, successfully."""


class OptionsParser(argparse.ArgumentParser):
    """``argparse`` that leaves the stopping to the command: a bad command line raises
    ``OptionsError`` and ``-h``/``--help`` (when the parser adds it) is written to ``stdout``,
    the command's own stream, then raises ``HelpShown``; nothing calls ``sys.exit``."""

    def __init__(self, *, stdout: TextIO | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stdout = stdout

    def error(self, message: str) -> NoReturn:
        raise OptionsError(message)

    def print_help(self, file: TextIO | None = None) -> None:
        if file is None:
            file = self.stdout
        super().print_help(file)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # reached only after --help: errors go through error()
        raise HelpShown


def run(name: str, argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    """Run subcommand ``name`` with its arguments; returns the exit code."""
    module = importlib.import_module(MODULES[name])
    code: int = module.run(argv, stdout, stderr, prog=f"panc {name}")
    return code
