"""The README's ``.pre-commit-config.yaml`` works as written, run by pre-commit itself in a fresh
git repository, and the repository's ``.pre-commit-hooks.yaml`` is a valid hook manifest."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from editor_support import REPO, readme_block, tool_on_path

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None, reason="pre-commit is absent (the test extra installs it)"
)


def readme_config() -> str:
    """The complete .pre-commit-config.yaml of the README's panlint section."""
    return readme_block("## panlint", "yaml", starts="repos:")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_readme_config_runs_panlint_on_commit(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # `panlint` on PATH, as in the environment pan-tools is installed in
    bin_dir = tool_on_path(tmp_path / "bin", "panlint")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    (site / ".pre-commit-config.yaml").write_text(readme_config(), encoding="utf-8")
    (site / "good.pan").write_text("unique template good;\n\n'/a' = 1;\n", encoding="utf-8")
    (site / "bad.tpl").write_text("unique template bad;\n\n'/a' = 1;   \n", encoding="utf-8")
    (site / "notes.txt").write_text("not pan   \n", encoding="utf-8")
    assert _run(["git", "init", "-q"], site, env).returncode == 0
    assert _run(["git", "add", "."], site, env).returncode == 0

    failing = _run([str(PRE_COMMIT), "run", "--all-files"], site, env)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.tpl:3: Trailing whitespace" in failing.stdout  # the old panlint's report
    assert "good.pan" not in failing.stdout and "notes.txt" not in failing.stdout

    (site / "bad.tpl").write_text("unique template bad;\n\n'/a' = 1;\n", encoding="utf-8")
    assert _run(["git", "add", "."], site, env).returncode == 0
    passing = _run([str(PRE_COMMIT), "run", "--all-files"], site, env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert re.search(r"panlint\.+Passed", passing.stdout), passing.stdout


def test_hook_manifest_is_valid() -> None:
    run = subprocess.run(
        [str(PRE_COMMIT), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
