"""The README's Emacs recipe (pan-mode + eglot), run by Emacs in batch mode on
template-library-core: the file gets pan-mode, eglot connects to panls, hover and diagnostics
arrive. Skipped when ``emacs`` or eglot is absent (.ci/run installs Debian's emacs-nox and
elpa-eglot: Emacs 28.2, eglot 1.9)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from editor_support import ACCOUNTS, CORPUS, REPO, hover_position, readme_block, tool_on_path

EMACS = shutil.which("emacs")


def _has_eglot() -> bool:
    if EMACS is None:
        return False
    probe = subprocess.run(
        [EMACS, "--batch", "-q", "--eval", "(require 'eglot)"], capture_output=True, check=False
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.skipif(
        not _has_eglot(), reason="emacs with eglot is absent (apt-get install emacs-nox elpa-eglot)"
    ),
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/template-library-core is absent"),
]


def readme_recipe() -> str:
    return readme_block("### Emacs", "elisp")


def test_readme_recipe_with_eglot(tmp_path: Path) -> None:
    # eglot's project root is the version-control root (project.el): a git checkout of the library
    library = tmp_path / "template-library-core"
    shutil.copytree(CORPUS, library)
    subprocess.run(["git", "init", "-q", str(library)], check=True)
    accounts = library / ACCOUNTS.relative_to(CORPUS)
    bin_dir = tool_on_path(tmp_path / "bin", "panls")
    (tmp_path / "recipe.el").write_text(readme_recipe(), encoding="utf-8")
    line, column = hover_position(accounts, "pkg_repl")
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        "PAN_EMACS_FILE": str(accounts),
        "PAN_EMACS_HOVER": f"{line + 1}:{column}",
        "PAN_EMACS_OUT": str(tmp_path / "seen.json"),
    }
    driver = Path(__file__).with_name("emacs_driver.el")
    run = subprocess.run(
        [EMACS, "--batch", "-q", "-l", str(tmp_path / "recipe.el"), "-l", str(driver)],
        cwd=library,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (tmp_path / "seen.json").exists(), run.stdout[-3000:] + run.stderr[-3000:]
    seen = json.loads((tmp_path / "seen.json").read_text())
    assert "error" not in seen, (seen, run.stderr[-3000:])
    assert seen["mode"] == "pan-mode"
    assert seen["attached"]
    assert "pkg_repl" in seen["hover"] and "Replace package" in seen["hover"], seen["hover"]
    broken = [
        d for d in seen["diagnostics"] if d["line"] == seen["broken-line"] and d["type"] == "eglot-error"
    ]
    assert broken, seen["diagnostics"]
