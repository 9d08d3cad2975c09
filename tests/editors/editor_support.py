"""What the tests of the README's editor and pre-commit recipes share: the recipe as the README
shows it, and a command on PATH that runs a pan-tools tool from this checkout."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "template-library-core"
ACCOUNTS = CORPUS / "components" / "accounts" / "config.pan"
"""A real template using ``pkg_repl``, a documented function of another template."""


def readme_block(section: str, language: str, starts: str = "") -> str:
    """The first ```language block after the README heading ``section`` (starting with ``starts``)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = readme[readme.index(section) :]
    match = re.search(rf"```{language}\n({re.escape(starts)}.*?)```", text, re.DOTALL)
    assert match, f"the README shows a {language} block in {section!r}"
    return match.group(1)


def tool_on_path(bin_dir: Path, tool: str) -> Path:
    """``bin_dir/tool``: runs ``python -m tool`` with this interpreter, as an installed console
    script would (the recipes name the tool, not a path); returns ``bin_dir``."""
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / tool
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m {tool} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return bin_dir


def hover_position(path: Path, name: str) -> tuple[int, int]:
    """(0-based line, column inside ``name``) of the first call of ``name`` in ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines) if f"{name}(" in text)
    return line, lines[line].index(name) + 2
