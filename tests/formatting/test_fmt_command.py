"""``panc fmt [--check] [--diff] PATH...``: rewrites, checks and diffs, with CI exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from panc.cli import dispatch

MESSY = "template site/a;\n'/x'=list( 1,2 );\n"
TIDY = "template site/a;\n'/x' = list(1, 2);\n"


def fmt(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = dispatch(["fmt", *argv], stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.pan").write_text(MESSY)
    (tmp_path / "site" / "b.tpl").write_text("template site/b;\n")
    (tmp_path / "site" / "notes.txt").write_text("'/x'=1;\n")
    return tmp_path


def test_files_are_rewritten_in_place(site: Path) -> None:
    target = site / "site" / "a.pan"
    os.chmod(target, 0o640)
    code, stdout, stderr = fmt(str(site / "site"))
    assert code == 0 and stdout == ""
    assert target.read_text() == TIDY
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert stderr == f"reformatted {target}\n1 file reformatted, 1 left unchanged\n"
    assert (site / "site" / "notes.txt").read_text() == "'/x'=1;\n"
    assert fmt(str(target)) == (0, "", "0 files reformatted, 1 left unchanged\n")


def test_check_writes_nothing_and_fails_when_a_file_would_change(site: Path) -> None:
    target = site / "site" / "a.pan"
    code, stdout, stderr = fmt("--check", str(site / "site"))
    assert (code, stdout) == (1, "")
    assert stderr == f"would reformat {target}\n1 file would be reformatted, 1 left unchanged\n"
    assert target.read_text() == MESSY
    target.write_text(TIDY)
    assert fmt("--check", str(target))[0] == 0


def test_diff_prints_the_changes(site: Path) -> None:
    target = site / "site" / "a.pan"
    code, stdout, stderr = fmt("--diff", str(target))
    assert (code, stderr) == (0, "")
    assert stdout == (
        f"--- {target}\n+++ {target}\n@@ -1,2 +1,2 @@\n"
        " template site/a;\n-'/x'=list( 1,2 );\n+'/x' = list(1, 2);\n"
    )
    assert target.read_text() == MESSY
    assert fmt("--diff", "--check", str(target))[0] == 1


def test_standard_input_to_standard_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(MESSY))
    assert fmt("-") == (0, TIDY, "")


def test_syntax_errors_are_reported_and_the_file_left_alone(site: Path) -> None:
    broken = site / "site" / "broken.pan"
    broken.write_text("template site/broken;\n'/x' = (1;\n")
    code, _, stderr = fmt(str(site / "site"))
    assert code == 2
    assert broken.read_text() == "template site/broken;\n'/x' = (1;\n"
    assert f"parse error [{broken}:2." in stderr
    assert f"{broken}: not formatted: the template has syntax errors\n" in stderr
    assert (site / "site" / "a.pan").read_text() == TIDY  # the others are still formatted
    assert "1 could not be formatted" in stderr


def test_missing_paths_and_bad_options(tmp_path: Path) -> None:
    missing = str(tmp_path / "nothing.pan")
    summary = "0 files reformatted, 0 left unchanged, 1 could not be formatted\n"
    assert fmt(missing) == (2, "", f"{missing}: no such file or directory\n{summary}")
    assert fmt("--line-length", "0", missing)[0] == 2
    code, _, stderr = fmt()
    assert code == 2 and stderr.startswith("OPTIONS ERROR:")


def test_line_ends_and_undecodable_bytes_survive(tmp_path: Path) -> None:
    target = tmp_path / "w.pan"
    target.write_bytes(b"template w;\r\n# caf\xe9\r\n'/x'=1;\r\n")
    assert fmt(str(target))[0] == 0
    assert target.read_bytes() == b"template w;\r\n# caf\xe9\r\n'/x' = 1;\r\n"


def test_the_console_command(site: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "panc", "fmt", "--check", str(site / "site")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert "would reformat" in completed.stderr
