"""Literals and escapes that broke the compiler (issue 13): pan errors, printed as the Java panc prints them.

``cases/<case>.pan`` with the Java panc's output beside it (``<case>.stdout``, and ``<case>.json``
when it writes a profile), made by ``regenerate_expected.sh``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import run_panc  # pylint: disable=wrong-import-position

from panc.syntax import parse  # pylint: disable=wrong-import-position

CASES = Path(__file__).resolve().parent / "cases"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.pan")))
def test_compiles_as_the_java_panc(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    _, stdout, stderr = run_panc(["--output-dir", str(tmp_path), "--formats", "json", f"{case}.pan"])
    assert stdout.replace(f"{CASES}/", "") == (CASES / f"{case}.stdout").read_text(encoding="utf-8")
    assert "Traceback" not in stderr
    expected_json = CASES / f"{case}.json"
    written = tmp_path / f"{case}.json"
    assert written.is_file() == expected_json.is_file()
    if expected_json.is_file():
        assert written.read_bytes() == expected_json.read_bytes()


@pytest.mark.parametrize("digits", [30, 4300, 5000, 100_000])
def test_a_long_literal_of_any_length_is_out_of_range(digits: int) -> None:
    # The Java panc fails with an "unexpected system exception" (a Java stack trace) from 20 digits
    # on; ours reports them all as the syntax error it gives a 20-digit literal.
    number = "1" * digits
    result = parse(f"object template x;\n'/a' = {number};\n", "x.pan")
    (diagnostic,) = result.diagnostics
    assert diagnostic.category.name == "SYNTAX"
    assert diagnostic.message == f"long literal out of range ({number})"
