"""The differences from the old panlint listed in ``panlint/DIFFERENCES.md`` that no case file shows.

The case files (``cases/*.pan``, ``expect-old``/``expect-preview`` markers) show most of the
``--preview`` differences; the command-line ones are in ``test_panlint_cli.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from panlint_support import isolated, run_cli

from panlint.checking import lint_text
from panlint.config import Config

pytestmark = pytest.mark.usefixtures(isolated.__name__)
run = run_cli


def test_a_file_that_is_not_utf8_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    Path("latin1.pan").write_bytes(b"unique template latin1;\n\n'/a' = '\xe9t\xe9' ;\n")
    code, out, err = run(capsys, "latin1.pan")
    assert (code, err) == (1, "")
    assert out.startswith("\nlatin1.pan:3: Whitespace before semicolon\n")


def test_a_path_given_twice_is_reported_once(capsys: pytest.CaptureFixture[str]) -> None:
    Path("style.pan").write_text("unique template style;\n\n'/a' = 1 ;\n", encoding="utf-8")
    code, out, _ = run(capsys, "--summary", "style.pan", "style.pan", "./style.pan")
    assert code == 1 and out.count("Whitespace before semicolon") == 2  # style.pan and ./style.pan
    assert "2 problems found in 2 lines" in out


def test_debug_describes_each_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    Path("d.pan").write_text(
        "# licence\nunique template d;\n\n# panlint disable=LP008\n'/a' = 1 ; # why\n@{\ndoc\n}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--debug", "d.pan")
    assert (code, out) == (0, "")
    kinds = [line.split()[2] for line in err.splitlines()]
    assert kinds == ["comment", "code", "empty", "directive", "code", "skipped", "skipped", "skipped"]
    assert "|'/a' = 1 ;\n" in err  # the part of the line the checks read


def test_preview_counts_lines_as_the_parser() -> None:
    text = "unique template ff;\n'/a' = 1;\x0c'/b' = 2 ;\n"
    old = lint_text(text, "ff.pan", Config(select=("LP008",)))
    preview = lint_text(text, "ff.pan", Config(select=("LP008",), preview=True))
    assert [f.span.start_line for f in old] == [3]  # the old tool split the line at the form feed
    assert [f.span.start_line for f in preview] == [2]


def test_a_components_own_source_templates() -> None:
    text = "unique template components/foo/config;\n'/software/components/foo/active' = true;\n"
    path = "ncm-foo/src/main/pan/components/foo/config.pan"
    old = lint_text(text, path, Config(select=("CU001",)))
    assert [f.message for f in old] == ["Component foo in use, but component config has not been included"]
    assert lint_text(text, path, Config(select=("CU001",), preview=True)) == []
    assert lint_text(text, "site/foo.pan", Config(select=("CU001",), preview=True)) != []


def test_an_unreadable_file_is_named_and_the_others_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old tool stopped with a traceback (exit 1); panlint reports the others and exits 2."""
    import panlint.runner  # pylint: disable=import-outside-toplevel

    Path("style.pan").write_text("unique template style;\n\n'/a' = 1 ;\n", encoding="utf-8")
    Path("locked.pan").write_text("unique template locked;\n", encoding="utf-8")
    original = panlint.runner.read_source

    def read(path: str) -> str:
        if path == "locked.pan":
            raise PermissionError(13, "Permission denied")
        return original(path)

    monkeypatch.setattr(panlint.runner, "read_source", read)
    code, out, err = run(capsys, "--no-cache", "locked.pan", "style.pan")
    assert code == 2 and err == "panlint: locked.pan: cannot read: Permission denied\n"
    assert "style.pan:3: Whitespace before semicolon" in out
