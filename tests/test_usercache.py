"""Cached pickles are loaded only from a cache nobody but the user can write to.

Each test plants a pickle that would create a marker file when loaded, where a tool would
load it from, in a cache directory that someone else could have written; the tool must
neither run it nor fail (it works without the cache), and says once why.
"""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from panc import usercache
from panc.analysis.index import WorkspaceIndex
from panc.build import revision_builds
from panc.syntax import language
from panc.syntax.cache import ParseCache
from panc.syntax.grammar import grammar
from panlint.cache import LintCache

TEXT = "object template t;\n'/a' = 1;\n"
OTHER_UID = 65534  # nobody


class _Planted:
    """Loading it opens (creates) the marker file: the code a planted pickle runs."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _plant(path: Path, marker: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(_Planted(marker)))
    path.chmod(0o600)


def _writable_by_others(directory: Path) -> None:
    directory.chmod(0o777)


def _owned_by_someone_else(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:
        os.chown(directory, OTHER_UID, OTHER_UID)
    else:  # only root can give a file away: be another user instead
        monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)


@pytest.fixture(autouse=True, name="home")
def fixture_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def _parse_cache_with_planted_entry(home: Path) -> tuple[ParseCache, Path]:
    cache = ParseCache(home / "cache" / "pan-tools")
    marker = home / "marker"
    _plant(cache.entry_path(cache.key(TEXT, "t.pan")), marker)
    return cache, marker


def test_a_parse_cache_others_can_write_to_is_not_loaded(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache, marker = _parse_cache_with_planted_entry(home)
    _writable_by_others(cache.directory)
    result = cache.parse(TEXT, "t.pan")
    assert not marker.exists()
    assert result.ast is not None and result.ast.name == "t"
    assert "other users can write into it" in capsys.readouterr().err
    cache.parse(TEXT + "\n", "t.pan")
    assert list(cache.directory.glob("*.pickle")) == [cache.entry_path(cache.key(TEXT, "t.pan"))], \
        "nothing is written there either"


def test_a_parse_cache_of_another_user_is_not_loaded(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cache, marker = _parse_cache_with_planted_entry(home)
    _owned_by_someone_else(cache.directory, monkeypatch)
    assert cache.parse(TEXT, "t.pan").ast is not None
    assert not marker.exists()
    assert "belongs to uid" in capsys.readouterr().err


def test_an_entry_others_can_write_is_not_loaded_from_a_private_directory(home: Path) -> None:
    cache, marker = _parse_cache_with_planted_entry(home)
    cache.directory.chmod(0o700)
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    entry.chmod(0o666)
    assert cache.parse(TEXT, "t.pan").ast is not None
    assert not marker.exists()


def test_a_symlinked_entry_is_not_followed(home: Path) -> None:
    cache, marker = _parse_cache_with_planted_entry(home)
    cache.directory.chmod(0o700)
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    elsewhere = home / "elsewhere.pickle"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert cache.parse(TEXT, "t.pan").ast is not None
    assert not marker.exists()


def test_a_group_writable_cache_of_a_shared_group_is_not_loaded(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, marker = _parse_cache_with_planted_entry(home)
    cache.directory.chmod(0o770)
    monkeypatch.setattr(os, "getegid", lambda: os.getgid() + 1)  # the directory's group is not ours
    assert cache.parse(TEXT, "t.pan").ast is not None
    assert not marker.exists()


def test_a_private_cache_is_created_for_the_user_only_and_used(home: Path) -> None:
    cache = ParseCache()
    first = cache.parse(TEXT, "t.pan")
    assert stat.S_IMODE(cache.directory.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "cache" / "pan-tools").stat().st_mode) == 0o700
    again = ParseCache().parse(TEXT, "t.pan")
    assert type(again).__name__ == "LazyParseResult", "read back from the disk"
    assert again.ast == first.ast


def test_the_grammar_analysis_is_not_loaded_from_a_cache_others_can_write_to(home: Path) -> None:
    digest = grammar()[1]
    stored = home / "cache" / "pan-tools" / f"grammar-{digest[:32]}.pickle"
    marker = home / "marker"
    _plant(stored, marker)
    _writable_by_others(stored.parent)
    assert language._load_analysis(stored, digest) is None  # pylint: disable=protected-access
    assert not marker.exists()
    stored.parent.chmod(0o700)
    language._load_analysis(stored, digest)  # pylint: disable=protected-access
    assert marker.exists(), "the same file in a private directory is read (the check is what stops it)"


def test_the_index_is_not_loaded_from_a_cache_others_can_write_to(home: Path) -> None:
    (home / "ws").mkdir()
    (home / "ws" / "a.pan").write_text("template a;\n")
    index = WorkspaceIndex([str(home / "ws")])
    marker = home / "marker"
    _plant(index._cache_file(), marker)  # pylint: disable=protected-access
    _writable_by_others(index._cache_file().parent)  # pylint: disable=protected-access
    stats = index.refresh()
    assert not marker.exists()
    assert stats.files == 1


def test_the_lint_cache_is_not_read_from_a_cache_others_can_write_to(home: Path) -> None:
    directory = home / "cache" / "pan-tools" / "panlint"
    cache = LintCache(directory, "config")
    cache.put("a.pan", TEXT, [])
    cache.save()
    assert LintCache(directory, "config").get("a.pan", TEXT) == []
    _writable_by_others(directory)
    assert LintCache(directory, "config").get("a.pan", TEXT) is None, "planted findings would hide problems"


def test_untrusted_reason_names_the_problem() -> None:
    info = os.stat_result((stat.S_IFDIR | 0o755, 0, 0, 1, OTHER_UID, 0, 0, 0, 0, 0))
    assert usercache.untrusted_reason(info) == f"it belongs to uid {OTHER_UID}, not to uid {os.geteuid()}"


def test_a_revision_is_not_exported_into_a_cache_others_can_write_to(home: Path) -> None:
    exports = home / "cache" / "pan-tools" / "diff-exports"
    exports.mkdir(parents=True)
    _writable_by_others(exports)
    with revision_builds._export_directory("abc123", str(home / "private")) as root:  # pylint: disable=protected-access
        assert root == str(home / "private")
    exports.chmod(0o700)
    with revision_builds._export_directory("abc123", str(home / "private")) as root:  # pylint: disable=protected-access
        assert root == str(exports / "abc123")
