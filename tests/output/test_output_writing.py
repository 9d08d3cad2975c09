"""Writing outputs: paths, atomic replacement, shared modification time."""

from __future__ import annotations

import os

import pytest

from panc.output import FORMATS, output_path, write_object_outputs
from panc.output.writing import write_atomically


def test_namespaced_object_names_create_subdirectories(tmp_path):
    rendered = [(FORMATS["pan"], b"<x/>"), (FORMATS["json"], b"{}")]
    paths = write_object_outputs(tmp_path, "profiles/web01", rendered, mtime=1_000_000_000)
    assert paths == [tmp_path / "profiles" / "web01.xml", tmp_path / "profiles" / "web01.json"]
    assert paths[0].read_bytes() == b"<x/>"
    assert {p.stat().st_mtime for p in paths} == {1_000_000_000}
    assert output_path(tmp_path, "a/b", FORMATS["dep.gz"]) == tmp_path / "a" / "b.dep.gz"


def test_no_temporary_file_is_left_behind(tmp_path):
    write_atomically(tmp_path / "o.xml", b"new")
    write_atomically(tmp_path / "o.xml", b"newer")
    assert [p.name for p in tmp_path.iterdir()] == ["o.xml"]
    assert (tmp_path / "o.xml").read_bytes() == b"newer"


def test_files_get_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    write_atomically(tmp_path / "o.xml", b"x")
    assert (tmp_path / "o.xml").stat().st_mode & 0o777 == 0o666 & ~mask


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "o.xml"
    target.write_bytes(b"old")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["o.xml"]
