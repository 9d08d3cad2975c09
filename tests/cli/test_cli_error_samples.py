"""The Java panc's console output for failing (and chatty) templates, reproduced byte for byte.

Each ``errors/<case>.pan`` of the samples was run as ``panc --output-dir out --formats pan,dep
<case>.pan`` in ``errors/`` (some cases with ``--include-path .``). We run the same command
there, writing to a temporary folder, and compare stdout, stderr and the exit code after cutting
the absolute path of the samples folder, as the samples' README did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import SAMPLES, run_panc, without_machine_figures

ERRORS = SAMPLES / "errors"

# variant suffix of the expected files -> extra options
VARIANTS = {
    "": [],
    ".debug": ["--debug"],
    ".warnings-off": ["--warnings", "off"],
    ".warnings-on": ["--warnings", "on"],
    ".warnings-fatal": ["--warnings", "fatal"],
}


def _cases() -> list[tuple[str, str]]:
    if not ERRORS.is_dir():
        return []
    cases = []
    for stdout in sorted(ERRORS.glob("*.stdout")):
        stem = stdout.name.removesuffix(".stdout")
        for variant in VARIANTS:
            if variant and stem.endswith(variant):
                case = stem.removesuffix(variant)
                break
        else:
            case, variant = stem, ""
        if (ERRORS / f"{case}.pan").is_file():
            cases.append((case, variant))
    return cases


def _expected(stem: str) -> tuple[int, str, str]:
    def text(suffix: str) -> str:
        return (ERRORS / f"{stem}{suffix}").read_text(encoding="utf-8")

    return int(text(".rc")), text(".stdout"), text(".stderr")


def _run_in_errors(args: list[str], out: Path) -> tuple[int, str, str]:
    returncode, stdout, stderr = run_panc(["--output-dir", str(out), "--formats", "pan,dep", *args])
    prefix = f"{SAMPLES}/"
    return returncode, stdout.replace(prefix, ""), stderr.replace(prefix, "")


@pytest.mark.parametrize(("case", "variant"), _cases(), ids=lambda v: v or "plain")
def test_error_sample_is_reproduced(case, variant, tmp_path, monkeypatch):
    monkeypatch.chdir(ERRORS)
    expected = _expected(case + variant)
    include = ["--include-path", "."] if "errors/./" in expected[1] else []
    produced = _run_in_errors([*include, *VARIANTS[variant], f"{case}.pan"], tmp_path)
    assert produced == expected
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ([] if expected[0] else [f"{case}.dep", f"{case}.xml"])


def test_every_sample_case_is_run():
    if not ERRORS.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    assert len(_cases()) == 25


def test_verbose_statistics_with_one_failing_object(tmp_path, monkeypatch):
    if not ERRORS.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    monkeypatch.chdir(ERRORS)
    returncode, stdout, stderr = _run_in_errors(["-v", "error_call.pan", "hello.pan"], tmp_path)
    expected = (ERRORS / "multi_verbose.stdout").read_text(encoding="utf-8")
    assert without_machine_figures(stdout) == without_machine_figures(expected)
    assert (returncode, stderr) == (1, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hello.dep", "hello.xml"]


def test_verbose_statistics_of_a_good_object(tmp_path, monkeypatch):
    if not ERRORS.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    monkeypatch.chdir(ERRORS)
    returncode, stdout, _ = _run_in_errors(["-v", "hello.pan"], tmp_path)
    expected = (ERRORS / "ok_verbose.stdout").read_text(encoding="utf-8")
    assert without_machine_figures(stdout) == without_machine_figures(expected)
    assert returncode == 0


def test_object_outside_the_include_path_cannot_be_found(tmp_path, monkeypatch):
    if not ERRORS.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    monkeypatch.chdir(ERRORS)
    returncode, stdout, _ = _run_in_errors(["-v", "--include-path", "lib", "hello.pan", "../tiny/hello.pan"],
                                           tmp_path)
    expected = (ERRORS / "multi_otherdir_verbose.stdout").read_text(encoding="utf-8")
    assert without_machine_figures(stdout) == without_machine_figures(expected)
    assert returncode == 1
    assert not list(tmp_path.iterdir())
