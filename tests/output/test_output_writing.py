"""Writing outputs: paths, atomic replacement, shared modification time."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from panc.output import FORMATS, output_path, write_object_outputs, writing
from panc.output.writing import PendingOutputs, output_directories, write_atomically


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


class _SyncLog:
    """Records the syncs and renames of a write, in order ('file'/'dir' for each sync)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[str, str]] = []
        real_fsync, real_replace = os.fsync, os.replace

        def sync(descriptor: int) -> None:
            kind = "dir" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"
            self.events.append(("sync", kind))
            real_fsync(descriptor)

        def replace(source, target) -> None:
            real_replace(source, target)
            self.events.append(("rename", Path(target).name))

        def sync_file_system(descriptor: int) -> int:
            self.events.append(("sync", "file system"))
            os.sync()
            return 0

        monkeypatch.setattr(os, "fsync", sync)
        monkeypatch.setattr(os, "fdatasync", sync, raising=False)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(writing, "_syncfs", lambda: sync_file_system)


def test_the_data_are_synced_before_the_rename_and_the_directory_after(tmp_path, monkeypatch):
    log = _SyncLog(monkeypatch)
    write_atomically(tmp_path / "o.json", b"{}")
    assert log.events == [("sync", "file"), ("rename", "o.json"), ("sync", "dir")]


def test_an_object_syncs_its_files_renames_them_then_syncs_its_directory(tmp_path, monkeypatch):
    log = _SyncLog(monkeypatch)
    write_object_outputs(tmp_path, "web01", [(FORMATS["pan"], b"<x/>"), (FORMATS["json"], b"{}")])
    assert log.events == [("sync", "file system"), ("rename", "web01.xml"), ("rename", "web01.json"),
                          ("sync", "dir")]


def test_pending_outputs_of_several_objects_are_synced_before_any_is_renamed(tmp_path, monkeypatch):
    log = _SyncLog(monkeypatch)
    pending: PendingOutputs[str] = PendingOutputs()
    for name in ("a", "b", "c"):
        written = pending.add(name, tmp_path, name, [(FORMATS["json"], name.encode())])
        assert written == [tmp_path / f"{name}.json"]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []
    assert pending.commit() == [("a", None), ("b", None), ("c", None)]
    renames = [("rename", "a.json"), ("rename", "b.json"), ("rename", "c.json")]
    assert log.events == [("sync", "file system"), *renames]
    assert (tmp_path / "b.json").read_bytes() == b"b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "c.json"]


def test_without_syncfs_each_file_is_synced_before_any_is_renamed(tmp_path, monkeypatch):
    log = _SyncLog(monkeypatch)
    monkeypatch.setattr(writing, "_syncfs", lambda: None)
    write_object_outputs(tmp_path, "web01", [(FORMATS["pan"], b"<x/>"), (FORMATS["json"], b"{}")])
    assert log.events == [("sync", "file"), ("sync", "file"), ("rename", "web01.xml"),
                          ("rename", "web01.json"), ("sync", "dir")]


def test_one_object_that_cannot_be_put_in_place_does_not_stop_the_others(tmp_path):
    (tmp_path / "b.json").mkdir()
    pending: PendingOutputs[str] = PendingOutputs()
    for name in ("a", "b", "c"):
        pending.add(name, tmp_path, name, [(FORMATS["json"], b"{}")])
    results = dict(pending.commit())
    assert results["a"] is None and results["c"] is None
    assert isinstance(results["b"], IsADirectoryError) and results["b"].filename == str(tmp_path / "b.json")
    # and no temporary file is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "c.json"]


def test_the_directories_to_sync_go_up_to_the_output_directory(tmp_path):
    out = tmp_path / "out"
    paths = [out / "a.json", out / "profiles" / "x" / "b.json", out / "c.json"]
    assert output_directories(out, paths) == [out, out / "profiles" / "x", out / "profiles"]


def test_a_new_subdirectory_is_synced_into_its_parent(tmp_path, monkeypatch):
    log = _SyncLog(monkeypatch)
    synced: list[str] = []
    real_open = os.open

    def opening(path, flags, *args):
        if flags & getattr(os, "O_DIRECTORY", 0):
            synced.append(str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", opening)
    write_object_outputs(tmp_path, "profiles/web01", [(FORMATS["json"], b"{}")])
    assert log.events[-2:] == [("sync", "dir"), ("sync", "dir")]
    assert synced == [str(tmp_path / "profiles"), str(tmp_path)]


def test_a_failed_write_names_the_profile_not_the_temporary_file(tmp_path):
    (tmp_path / "o.json").mkdir()  # where the file should go
    with pytest.raises(OSError) as raised:
        write_atomically(tmp_path / "o.json", b"{}")
    assert raised.value.filename == str(tmp_path / "o.json")
    assert ".tmp" not in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["o.json"]
    (tmp_path / "file").write_text("")
    with pytest.raises(OSError) as raised:
        write_atomically(tmp_path / "file" / "o.json", b"{}")  # its directory is a file
    assert raised.value.filename == str(tmp_path / "file" / "o.json")
