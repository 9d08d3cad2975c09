"""The subcommands' command lines (``panc docs``, ``diff``, ``impact``, ``annotations``, ``fmt``): help and
bad options go to the streams ``dispatch`` is given, and nothing exits the process."""

from __future__ import annotations

import pytest
from cli_support import dispatch_panc

# subcommand -> (exit code, stream) of a bad option: each keeps its own convention
BAD_OPTION = {
    "docs": (1, "stdout"),
    "annotations": (1, "stdout"),
    "diff": (2, "stderr"),
    "impact": (2, "stderr"),
    "explain": (2, "stderr"),
    "fmt": (2, "stderr"),
}


@pytest.mark.parametrize("name", sorted(BAD_OPTION))
def test_help_is_written_to_the_given_stdout(name: str, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = dispatch_panc([name, "--help"])
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"usage: panc {name} ")


@pytest.mark.parametrize("name", sorted(BAD_OPTION))
def test_a_bad_option_is_an_options_error(name: str, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = dispatch_panc([name, "--no-such-option", "x"])
    expected_code, stream = BAD_OPTION[name]
    shown = stdout if stream == "stdout" else stderr
    assert code == expected_code
    assert shown == "OPTIONS ERROR: unrecognized arguments: --no-such-option\n"
