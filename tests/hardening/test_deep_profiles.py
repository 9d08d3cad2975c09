"""Profiles nested thousands of levels deep (issue 13): written and read back without RecursionError.

The Java panc writes ``deep/deep.pan`` (a dict and a list nested 3,000 levels) in every format;
the SHA-256 of each of its files is below (``--formats json,pan,text``; its ``dot`` writer
overflows its stack at that depth, so ``dot`` is checked at 1,500 levels, where it succeeds).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import run_panc  # pylint: disable=wrong-import-position

from panc.output import json_format  # pylint: disable=wrong-import-position
from panc.output.reading import read_profile  # pylint: disable=wrong-import-position

DEEP = Path(__file__).resolve().parent / "deep"

JAVA_SHA256 = {
    "deep.json": "842d2c124d00691dbc2b3449d28bc31f3cb1143e47189ee6c752f3e62ca208f1",
    "deep.xml": "08624f0ba506380b99b77ea5ef083e7986c5dcfdc6729f35cd6463a390645069",
    "deep.txt": "b18ebad5b1718915de13bd6f2ca8664137547a1aa6450e2c6a9e9cd21f959177",
    "deep1500.dot": "9b8a375c5f6130efbba137c6ee8e8bc1f1f2bec1bd585285b2171e4e45534026",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deep")
    common = ["--output-dir", str(out), "--include-path", str(DEEP), "--formats"]
    assert run_panc([*common, "json,pan,text,dep", str(DEEP / "deep.pan")]) == (0, "", "")
    assert run_panc([*common, "dot", str(DEEP / "deep1500.pan")]) == (0, "", "")
    return out


@pytest.mark.parametrize("name", sorted(JAVA_SHA256))
def test_deep_profile_bytes_are_the_java_panc_ones(written: Path, name: str) -> None:
    assert _sha256(written / name) == JAVA_SHA256[name]


def test_deep_profile_dependencies(written: Path) -> None:
    assert (written / "deep.dep").read_text() == f"deep PAN file:{DEEP}/\n"


def test_deep_profiles_are_read_back(written: Path) -> None:
    from_json = read_profile(written / "deep.json")
    from_xml = read_profile(written / "deep.xml")
    expected = (written / "deep.json").read_text()
    assert json_format.render(from_xml) == json_format.render(from_json) == expected  # type: ignore[arg-type]


def test_deep_profiles_are_compared(written: Path, tmp_path: Path) -> None:
    from cli_support import dispatch_panc  # pylint: disable=import-outside-toplevel

    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    text = (written / "deep.json").read_text()
    (old / "deep.json").write_text(text)
    (new / "deep.json").write_text(text.replace('"leaf": "v"', '"leaf": "w"'))
    code, stdout, stderr = dispatch_panc(["diff", str(old), str(new)])
    assert (code, stderr) == (1, "")
    assert f"  ~ /a{'/k' * 3000}/leaf: 'v' -> 'w'\n" in stdout
