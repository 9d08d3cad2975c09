"""``python -m panc`` leaves without the interpreter's teardown: nothing it printed may be lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_buffered_output_reaches_both_pipes_before_the_fast_exit(tmp_path):
    # 3,000 debug lines (stderr, buffered) and an error text (stdout) larger than a pipe's buffer
    padding = "x" * 40
    lines = "".join(f'"/d/{i}" = debug("line {i} {padding}");\n' for i in range(3000))
    (tmp_path / "obj.pan").write_text(f"object template obj;\n{lines}'/e' = error('{'y' * 70000}');\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "panc", "--debug", "--output-dir", str(tmp_path), "obj.pan"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith(f"evaluation error [{tmp_path}/obj.pan:3002.8-3002.")
    assert "y" * 70000 in done.stdout
    assert done.stdout.endswith("\n\n\n")
    debug_lines = done.stderr.splitlines()
    assert len(debug_lines) == 3000
    assert debug_lines[-1].endswith("line 2999 " + "x" * 40)


def test_exit_code_of_a_good_compile_is_zero(tmp_path):
    (tmp_path / "obj.pan").write_text("object template obj;\n'/a' = 1;\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "panc", "--formats", "json", "obj.pan"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert (tmp_path / "obj.json").read_text() == '{\n  "a": 1\n}'


def test_strings_utf8_cannot_encode_are_printed_as_java_prints_them(tmp_path):
    """A lone surrogate (substr() cutting an emoji in two) in a debug line and an error message:
    '?' as the Java panc prints it (tests/oracle/cases/console-lone-surrogates), no traceback."""
    cut = "substr('a\U0001f600b', 0, 2)"
    template = f"object template obj;\n'/a' = debug({cut});\n'/b' = error({cut});\n"
    (tmp_path / "obj.pan").write_text(template, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["PYTHONIOENCODING"] = "utf-8"  # strict, as a UTF-8 terminal
    done = subprocess.run([sys.executable, "-m", "panc", "--debug", "--output-dir", str(tmp_path), "obj.pan"],
                          cwd=tmp_path, env=env, capture_output=True, check=False)
    assert done.returncode == 1
    assert b"[obj] user-initiated error: a?\n" in done.stdout
    assert done.stderr == b"[obj] a?\n"


def test_a_byte_that_is_not_utf8_is_printed_as_the_replacement_character(tmp_path):
    """A template byte that is not UTF-8, quoted in an error: U+FFFD as Java reads and prints it."""
    (tmp_path / "obj.pan").write_bytes(b"object template obj;\n'/b' = error('x\xffy');\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["PYTHONIOENCODING"] = "utf-8"  # strict, as a UTF-8 terminal
    done = subprocess.run([sys.executable, "-m", "panc", "--output-dir", str(tmp_path), "obj.pan"],
                          cwd=tmp_path, env=env, capture_output=True, check=False)
    assert done.returncode == 1
    assert done.stderr == b""
    assert "[obj] user-initiated error: x\ufffdy\n".encode() in done.stdout
