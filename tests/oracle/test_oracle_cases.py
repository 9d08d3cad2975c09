"""Our panc reproduces the Java panc's output on every case of ``cases/`` (see oracle_cases)."""

from __future__ import annotations

import io

import pytest
from oracle_cases import CASES, case_names, read_expected, run_case


def _run_panc(argv: list[str]) -> tuple[int, str, str]:
    """panc run in this process; its output as its console (``panc.cli.main``) would print it."""
    from panc.cli import run  # pylint: disable=import-outside-toplevel
    from panc.javatext import as_console_prints  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = run(argv, stdout, stderr)
    printed = (as_console_prints(s.getvalue()) for s in (stdout, stderr))
    return returncode, *printed


@pytest.mark.parametrize("name", case_names())
def test_case_matches_the_java_compiler(name, monkeypatch):
    case = CASES / name
    monkeypatch.chdir(case)
    expected = read_expected(case)
    actual = run_case(case, _run_panc)
    assert sorted(actual.printed) == sorted(expected.printed)
    for name, text in expected.printed.items():
        assert actual.printed[name] == text, name
    assert sorted(actual.profiles) == sorted(expected.profiles)
    for file_name, data in expected.profiles.items():
        assert actual.profiles[file_name].decode() == data.decode(), file_name
