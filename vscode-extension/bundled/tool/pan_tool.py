"""Run one pan-tools command from the libraries bundled with the VS Code extension.

    python -I -X pycache_prefix=CACHE pan_tool.py panls [ARGS...]

As in Microsoft's Python tool extensions (pylint, black, ruff), the extension carries pan-tools
and its pure-Python dependencies in ``bundled/libs`` and runs them with an interpreter it found.
``-I`` keeps the user's environment out (no user site-packages, no PYTHON* variables, no current
directory on sys.path) and the bundled libraries come first, so an older pygls installed on the
system is never picked up. Standard library only: nothing is importable before sys.path is set.
"""

import os
import runpy
import sys

MINIMUM_PYTHON = (3, 11)
TOOLS = ("panls", "pandbg", "panc", "panlint")
LIBS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "libs")

WRONG_PYTHON = 3
"""Exit status when the interpreter is too old (the extension explains it to the user)."""


def main() -> None:
    if sys.version_info < MINIMUM_PYTHON:
        wanted = ".".join(map(str, MINIMUM_PYTHON))
        found = sys.version.split()[0]
        sys.stderr.write(f"pan-tools needs Python {wanted} or later; {sys.executable} is {found}\n")
        sys.exit(WRONG_PYTHON)
    if len(sys.argv) < 2 or sys.argv[1] not in TOOLS:
        sys.stderr.write(f"usage: pan_tool.py {{{','.join(TOOLS)}}} [ARGS...]\n")
        sys.exit(2)
    tool = sys.argv[1]
    sys.argv = [tool, *sys.argv[2:]]
    sys.path.insert(0, LIBS)
    runpy.run_module(tool, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
