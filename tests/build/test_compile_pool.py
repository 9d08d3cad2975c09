"""The compile pool (panc.build.compile_pool): compiles in worker processes that a newer request,
a cancel, a time limit or a memory budget can stop, without stopping the caller."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from panc.build.compile_pool import CANCELLED, CRASHED, DONE, TIMEOUT, CompilePool, CompileRequest

RUNAWAY = "'/a' = match('" + "a" * 200 + "!', '^(a|aa)+$');\n"


@pytest.fixture(name="pool")
def pool_fixture() -> Iterator[CompilePool]:
    pool = CompilePool(workers=1, time_limit=20)
    yield pool
    pool.shutdown()


def _object(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / f"{name}.pan"
    path.write_text(f"object template {name};\n{body}", encoding="utf-8")
    return str(path)


def _request(path: str, tmp_path: Path, **fields: object) -> CompileRequest:
    return CompileRequest(path, (str(tmp_path),), **fields)  # type: ignore[arg-type]


def test_a_compile_comes_back_with_its_profile_and_provenance(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", "'/a' = 1;\n")
    reply = pool.submit(_request(path, tmp_path, provenance=True)).result(timeout=30)
    assert (reply.status, reply.profile, reply.error) == (DONE, {"a": 1}, None)
    assert [(w.path, w.value) for w in reply.writes] == [("/a", "1")]


def test_unsaved_buffers_replace_the_files(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", "'/a' = 1;\n")
    buffers = {path: "object template web;\n'/a' = error('unsaved');\n"}
    reply = pool.submit(_request(path, tmp_path, buffers=buffers)).result(timeout=30)
    assert reply.status == DONE
    assert reply.error is not None and reply.error.message == "[web] user-initiated error: unsaved"
    assert reply.error.span is not None and reply.error.span.start_line == 2


def test_a_newer_request_under_the_same_key_kills_the_running_one(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", RUNAWAY)
    stale = pool.submit(_request(path, tmp_path), key="web")
    time.sleep(1.0)  # running
    worker = next(w.process.pid for w in pool._workers)  # pylint: disable=protected-access
    started = time.monotonic()
    buffers = {path: "object template web;\n'/a' = 2;\n"}
    fresh = pool.submit(_request(path, tmp_path, buffers=buffers), key="web")
    assert stale.result(timeout=5).status == CANCELLED
    assert fresh.result(timeout=10).profile == {"a": 2}
    assert time.monotonic() - started < 2.0
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)  # the stale compile's process is gone


def test_cancel_and_cancel_all(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", RUNAWAY)
    running = pool.submit(_request(path, tmp_path), key="a")
    queued = pool.submit(_request(path, tmp_path), key="b")
    time.sleep(0.5)
    pool.cancel(running)
    assert running.result(timeout=5).status == CANCELLED
    pool.cancel_all(["b"])
    assert queued.result(timeout=5).status == CANCELLED


def test_a_compile_past_its_time_limit_is_stopped(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", RUNAWAY)
    started = time.monotonic()
    reply = pool.submit(_request(path, tmp_path, time_limit=1.0)).result(timeout=10)
    assert reply.status == TIMEOUT
    assert reply.error is not None
    expected = "evaluation error [?:?]\nthe compile was stopped after 1 s (its time limit)\n"
    assert reply.error.format() == expected
    assert time.monotonic() - started < 3.0
    # the pool goes on with a fresh worker
    ok = _object(tmp_path, "ok", "'/a' = 1;\n")
    assert pool.submit(_request(ok, tmp_path)).result(timeout=30).profile == {"a": 1}


def test_a_worker_that_dies_fails_its_compile_only(pool: CompilePool, tmp_path: Path) -> None:
    path = _object(tmp_path, "web", RUNAWAY)
    future = pool.submit(_request(path, tmp_path))
    time.sleep(0.5)
    os.kill(next(w.process.pid for w in pool._workers), 9)  # pylint: disable=protected-access
    reply = future.result(timeout=10)
    assert reply.status == CRASHED
    assert reply.error is not None and "the compile process died" in reply.error.message
    ok = _object(tmp_path, "ok", "'/a' = 1;\n")
    assert pool.submit(_request(ok, tmp_path)).result(timeout=30).profile == {"a": 1}


def test_the_memory_budget_holds_in_the_workers(tmp_path: Path) -> None:
    pool = CompilePool(workers=1, memory_limit=200 << 20)
    try:
        body = "variable S = { s = 'ab'; i = 0; while (i < 100) { s = s + s; i = i + 1; }; s; };\n"
        body += "'/a' = length(S);\n"
        path = _object(tmp_path, "grow", body)
        reply = pool.submit(_request(path, tmp_path, options={"max_memory": 200 << 20})).result(timeout=60)
        assert reply.status == DONE
        assert reply.error is not None and reply.error.message.startswith("memory limit exceeded: ")
    finally:
        pool.shutdown()


def test_most_urgent_first_then_newest(tmp_path: Path) -> None:
    pool = CompilePool(workers=1)
    try:
        blocker = pool.submit(_request(_object(tmp_path, "block", RUNAWAY), tmp_path, time_limit=1.5))
        time.sleep(0.3)
        finished: list[str] = []
        futures = []
        for name, priority in (("old", 1), ("new", 1), ("urgent", 0)):
            request = _request(_object(tmp_path, name, "'/a' = 1;\n"), tmp_path)
            future = pool.submit(request, priority=priority)
            future.add_done_callback(lambda _f, name=name: finished.append(name))
            futures.append(future)
        assert blocker.result(timeout=10).status == TIMEOUT
        for future in futures:
            future.result(timeout=30)
        assert finished == ["urgent", "new", "old"]
    finally:
        pool.shutdown()


def test_shutdown_stops_every_worker(tmp_path: Path) -> None:
    pool = CompilePool(workers=1)
    path = _object(tmp_path, "web", RUNAWAY)
    future = pool.submit(_request(path, tmp_path))
    time.sleep(0.5)
    pids = [w.process.pid for w in pool._workers]  # pylint: disable=protected-access
    pids += [pool._spare.process.pid] if pool._spare else []  # pylint: disable=protected-access
    pool.shutdown()
    assert future.result(timeout=5).status == CANCELLED
    for pid in pids:
        with pytest.raises((ProcessLookupError, ChildProcessError)):
            os.kill(pid, 0)
    with pytest.raises(RuntimeError):
        pool.submit(_request(path, tmp_path))
