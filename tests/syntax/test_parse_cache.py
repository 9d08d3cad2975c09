"""The parse cache: keys, disk entries, corruption, concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panc.syntax import parse
from panc.syntax.cache import FORMAT_VERSION, LazyParseResult, ParseCache, default_cache, parse_cached

TEXT = "object template t;\n# c\n@{doc} variable X = list(1, 'a', <<EOT);\nbody\nEOT\n'/a' = X;\n"


@pytest.fixture(autouse=True, name="cache_home")
def fixture_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_entries_live_under_xdg_cache_home(cache_home: Path) -> None:
    cache = ParseCache()
    cache.parse(TEXT, "t.pan")
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    assert entry.is_file()
    assert entry.is_relative_to(cache_home / "pan-tools")


def test_cached_result_equals_a_fresh_parse() -> None:
    ParseCache().parse(TEXT, "t.pan")
    cache = ParseCache()
    result = cache.parse(TEXT, "t.pan")
    assert (cache.hits, cache.misses) == (1, 0)
    assert isinstance(result, LazyParseResult)
    fresh = parse(TEXT, "t.pan")
    assert result.ast == fresh.ast
    assert result.tokens == fresh.tokens
    assert result.comments == fresh.comments
    assert result.annotations == fresh.annotations
    assert result.diagnostics == fresh.diagnostics


def test_diagnostics_are_cached_too() -> None:
    text = "object template t;\n'/a' = 08;\n"
    ParseCache().parse(text, "d.pan")
    result = ParseCache().parse(text, "d.pan")
    assert [d.message for d in result.diagnostics] == ["invalid octal literal (08)"]


def test_key_depends_on_content_and_name() -> None:
    cache = ParseCache()
    keys = {cache.key(TEXT, "t.pan"), cache.key(TEXT + " ", "t.pan"), cache.key(TEXT, "u.pan")}
    assert len(keys) == 3
    other_name = cache.parse(TEXT, "u.pan")
    assert other_name.ast.span.file == "u.pan"


def test_memo_answers_repeated_requests() -> None:
    cache = ParseCache()
    first = cache.parse(TEXT, "t.pan")
    assert cache.parse(TEXT, "t.pan") is first
    assert (cache.hits, cache.misses) == (1, 1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: b"not a pickle at all",
        lambda data: data[:-40] + bytes(40),
    ],
)
def test_corrupt_entries_are_ignored_and_replaced(damage) -> None:
    cache = ParseCache()
    cache.parse(TEXT, "t.pan")
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    entry.write_bytes(damage(entry.read_bytes()))
    again = ParseCache()
    result = again.parse(TEXT, "t.pan")
    assert again.misses == 1
    assert result.ast == parse(TEXT, "t.pan").ast
    assert ParseCache().parse(TEXT, "t.pan").ast == result.ast  # rewritten


def test_entry_stored_under_another_key_is_not_trusted() -> None:
    cache = ParseCache()
    cache.parse(TEXT, "t.pan")
    other = "object template other;\n"
    source = cache.entry_path(cache.key(TEXT, "t.pan"))
    target = cache.entry_path(cache.key(other, "t.pan"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    result = ParseCache().parse(other, "t.pan")
    assert result.ast.name == "other"


def test_unwritable_cache_still_parses(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ParseCache(blocker)
    assert cache.parse(TEXT, "t.pan").ast.name == "t"


def test_default_cache_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parse_cached(TEXT, "t.pan")
    assert default_cache().directory.is_relative_to(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other"))
    assert default_cache().directory.is_relative_to(tmp_path / "other")


def _write_many(home: str, rounds: int) -> int:
    os.environ["XDG_CACHE_HOME"] = home
    cache = ParseCache()
    for _ in range(rounds):
        cache.clear_memo()
        cache._store(cache.key(TEXT, "t.pan"), parse(TEXT, "t.pan"))  # pylint: disable=protected-access
        assert cache.parse(TEXT, "t.pan").ast.name == "t"
    return cache.hits


def test_concurrent_writers_never_expose_a_partial_entry(cache_home: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        hits = pool.starmap(_write_many, [(str(cache_home), 15)] * 3)
    assert sum(hits) == 45  # every read found a complete entry
    leftovers = list((cache_home / "pan-tools").rglob(".tmp-*"))
    assert not leftovers


def test_results_too_deep_to_pickle_are_still_returned() -> None:
    text = "object template t;\n'/a' = " + "{" * 3000 + "1" + "}" * 3000 + ";\n"
    cache = ParseCache()
    assert not cache.parse(text, "deep.pan").diagnostics
    assert ParseCache().parse(text, "deep.pan").ast.statements[0].path == "/a"


def test_deferred_entries_are_written_on_flush() -> None:
    cache = ParseCache()
    cache.defer_writes()
    cache.parse(TEXT, "t.pan")
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    assert not entry.exists()
    cache.flush()
    assert entry.is_file()
    assert ParseCache().parse(TEXT, "t.pan").ast == parse(TEXT, "t.pan").ast
    cache.parse(TEXT, "u.pan")  # flushing ended the deferral
    assert cache.entry_path(cache.key(TEXT, "u.pan")).is_file()


def _wait_for(path: Path, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_detached_flush_writes_in_another_process(cache_home: Path) -> None:
    cache = ParseCache()
    cache.defer_writes()
    cache.parse(TEXT, "t.pan")
    entry = cache.entry_path(cache.key(TEXT, "t.pan"))
    cache.flush_detached()
    assert _wait_for(entry)
    assert ParseCache().parse(TEXT, "t.pan").ast.name == "t"
    assert not list((cache_home / "pan-tools").rglob(".tmp-*"))


def _parse_in_fork(home: str) -> None:
    os.environ["XDG_CACHE_HOME"] = home
    default_cache().parse(TEXT, "forked.pan")


def test_a_forked_worker_of_a_deferring_process_writes_at_once(cache_home: Path) -> None:
    cache = default_cache()
    cache.defer_writes()
    try:
        worker = multiprocessing.get_context("fork").Process(target=_parse_in_fork, args=(str(cache_home),))
        worker.start()
        worker.join()
        assert worker.exitcode == 0
        assert cache.entry_path(cache.key(TEXT, "forked.pan")).is_file()
    finally:
        cache.flush()


def test_the_panc_command_fills_the_cache_after_it_exits(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "obj.pan").write_text("object template obj;\ninclude 'lib';\n'/a' = X;\n")
    (source / "lib.pan").write_text("template lib;\nvariable X = 1;\n")
    (tmp_path / "out").mkdir()
    repository = Path(__file__).resolve().parents[2]
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(repository))
    # capture_output: returns only once every holder of the pipes is gone, the writer included
    done = subprocess.run([sys.executable, "-m", "panc", "--output-dir", str(tmp_path / "out"), "obj.pan"],
                          cwd=source, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    entries = cache_home / "pan-tools" / f"parse-v{FORMAT_VERSION}"
    deadline = time.monotonic() + 10
    while len(list(entries.glob("*.pickle"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(list(entries.glob("*.pickle"))) == 2  # obj.pan and lib.pan, written by the detached writer


def test_waiting_for_the_detached_writer(cache_home: Path) -> None:
    cache = ParseCache()
    cache.defer_writes()
    texts = [f"template t{i};\n" + "variable X = 1;\n" * 200 for i in range(150)]
    for i, text in enumerate(texts):
        cache.parse(text, f"t{i}.pan")
    cache.flush_detached()
    cache.wait_for_writers()  # returns only when the writer is done: no polling needed
    assert all(cache.entry_path(cache.key(text, f"t{i}.pan")).is_file() for i, text in enumerate(texts))
    assert not list((cache_home / "pan-tools").rglob(".tmp-*"))
