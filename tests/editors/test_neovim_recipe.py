"""The README's Neovim recipe, run by Neovim's own LSP client (headless) on template-library-core:
the file gets the pan filetype, panls attaches, and hover, diagnostics and completion arrive.

Skipped when ``nvim`` is absent (.ci/run installs Debian's, 0.7.2) or the corpus is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from editor_support import ACCOUNTS, CORPUS, REPO, hover_position, readme_block, tool_on_path

NVIM = shutil.which("nvim")

pytestmark = [
    pytest.mark.skipif(NVIM is None, reason="nvim is absent (apt-get install neovim)"),
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/template-library-core is absent"),
]


def readme_recipe() -> str:
    """The first Lua block of the README's Neovim section: what users copy into init.lua."""
    return readme_block("### Neovim", "lua")


def test_recipe_configures_panls_with_init_options() -> None:
    recipe = readme_recipe()
    assert 'cmd = { "panls" }' in recipe
    assert "init_options = { pan = { includePath" in recipe
    assert "settings" not in recipe, "settings never reach panls at startup: use init_options"


def test_readme_recipe_in_headless_neovim(tmp_path: Path) -> None:
    bin_dir = tool_on_path(tmp_path / "bin", "panls")  # what `cmd = { "panls" }` finds on PATH
    (tmp_path / "init.lua").write_text(readme_recipe(), encoding="utf-8")
    line, character = hover_position(ACCOUNTS, "pkg_repl")
    params = {
        "file": str(ACCOUNTS),
        "hover": {"line": line, "character": character},
        "out": str(tmp_path / "seen.json"),
    }
    (tmp_path / "params.json").write_text(json.dumps(params), encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        "PAN_NVIM_PARAMS": str(tmp_path / "params.json"),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # Neovim's lsp.log
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    driver = Path(__file__).with_name("neovim_driver.lua")
    run = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(tmp_path / "init.lua"), "-c", f"luafile {driver}"],
        cwd=CORPUS,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (tmp_path / "seen.json").exists(), run.stdout + run.stderr
    seen = json.loads((tmp_path / "seen.json").read_text())
    assert "error" not in seen, seen
    assert seen["filetype"] == "pan"
    assert seen["attached"], "panls attached to the buffer"
    assert seen["hover"] and "pkg_repl" in seen["hover"], seen["hover"]
    last = len(ACCOUNTS.read_text().splitlines())
    errors = [d for d in seen["diagnostics"] if d["line"] == last and d["severity"] == 1]
    assert errors, seen["diagnostics"]
    assert "pkg_repl" in seen["completion"], seen["completion"][:20]
