"""Written profiles read back: the inverse of the pan XML and JSON formats, used by panc diff."""

from collections.abc import Callable
from pathlib import Path

import pytest

from panc.build.profile_diff import read_leaves
from panc.output import FORMATS
from panc.output.reading import ProfileReadError, read_profile

PROFILE = {
    "text": {"plain": "hello", "control": "bell\x07 and nul-free", "unicode": "café ☃", "empty": ""},
    "nums": {"long": -7, "double": 1e10, "zero": 0.0},
    "flags": [True, False],
    "empty": {"list": [], "dict": {}},
}


def _write(tmp_path: Path, key: str) -> Path:
    output = FORMATS[key]
    path = tmp_path / f"p{output.suffix}"
    path.write_bytes(output.render(PROFILE, []))
    return path


@pytest.mark.parametrize("key", ["pan", "pan.gz", "json", "json.gz"])
def test_a_written_profile_reads_back_as_the_same_value(tmp_path: Path, key: str) -> None:
    assert read_profile(_write(tmp_path, key)) == PROFILE


def test_base64_strings_are_decoded(tmp_path: Path) -> None:
    xml = _write(tmp_path, "pan")
    assert 'encoding="base64"' in xml.read_text()
    assert read_profile(xml)["text"]["control"] == PROFILE["text"]["control"]


def test_xml_and_json_of_one_profile_have_the_same_leaves(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "j").mkdir()
    assert read_leaves(_write(tmp_path / "x", "pan")) == read_leaves(_write(tmp_path / "j", "json"))


def test_a_file_that_is_no_profile_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><nlist><widget/></nlist>")
    with pytest.raises(ProfileReadError, match="unknown pan XML element <widget>"):
        read_profile(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(ProfileReadError):
        read_profile(broken)


@pytest.mark.parametrize("damage", [
    lambda data: data[:15],  # cut short
    lambda data: b"not gzip at all",
    lambda data: data[:10] + b"x" * 20,  # a gzip header, then no deflate stream
])
def test_a_damaged_gzipped_profile_is_a_clear_error(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    path = _write(tmp_path, "json.gz")
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ProfileReadError, match=r"p\.json\.gz"):
        read_profile(path)
