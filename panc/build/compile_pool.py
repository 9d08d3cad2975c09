"""Compiles of object templates in worker processes that can be cancelled and killed.

For the editor and the debugger, which must stay responsive whatever a template does: a compile
runs in a worker process, never in the caller's; it ends with its result, or is cancelled (a
newer request for the same key replaces it, or the caller gives up), or is killed when it
passes its time limit or its process dies (memory). Killing is the only way to stop a runaway
compile at once (a regular expression backtracking in C code, a huge allocation), so each kill
costs a worker; a spare one started ahead takes its place at once.

    pool = CompilePool(workers=1, time_limit=30.0, memory_limit=2 << 30)
    job = pool.submit(CompileRequest("/site/profiles/web01.pan", ("/site",), buffers), key="web01")
    reply = job.result()          # a concurrent.futures.Future: also asyncio.wrap_future(job)
    reply.status, reply.error, reply.profile, reply.writes

Requests run most urgent first (``priority``, then the newest): the server re-checking the
hosts an edit affects submits the most recently used first, and a new edit replaces the stale
requests under the same keys (``submit(..., key=)``) or drops them all (``cancel_all``).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from panc.build.outcomes import portable_error, restored_error
from panc.diagnostics import EvaluationError, PanError

if TYPE_CHECKING:
    from panc.syntax.result import ParseResult

logger = logging.getLogger(__name__)

DONE, CANCELLED, TIMEOUT, CRASHED = "done", "cancelled", "timeout", "crashed"
_ADDRESS_SPACE_MARGIN = 2 << 30
"""Virtual memory a worker may use beyond its memory budget (thread stacks, libraries, arenas)."""


@dataclass(frozen=True)
class CompileRequest:
    """One object template to compile, with the editor's unsaved buffers over the files."""

    object_path: str
    include_path: tuple[str, ...]
    buffers: dict[str, str] = field(default_factory=dict)
    """path -> text that replaces the file on disk."""
    options: dict[str, Any] = field(default_factory=dict)
    """``CompileOptions`` keywords (``max_iteration``, ``max_recursion``...)."""
    provenance: bool = False
    """Record every path write (``panc.analysis.provenance``)."""
    time_limit: float | None = None
    """Seconds before the compile is killed (``None``: the pool's)."""


@dataclass
class CompileReply:
    """How a compile ended: ``status`` is ``done`` (``profile`` or ``error`` tells how it
    went), ``cancelled``, ``timeout`` or ``crashed`` (its process died); the last two also
    carry an ``error`` saying so."""

    object_path: str
    status: str
    profile: dict[str, Any] | None = None
    error: PanError | None = None
    writes: list[Any] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    dependencies: list[Any] = field(default_factory=list)
    seconds: float = 0.0


def compile_request(request: CompileRequest) -> CompileReply:
    """Compile ``request`` in this process (what a worker does with each request)."""
    # pylint: disable=import-outside-toplevel  # workers import the compiler once, in the forkserver
    from panc.analysis.provenance import ProvenanceRecorder
    from panc.compiler import CompileOptions, Compiler
    from panc.loader import FileSystemLoader, MemoryLoader

    started = time.monotonic()
    options = CompileOptions(include_path=list(request.include_path), **request.options)
    files = FileSystemLoader(options.include_path, restrict_paths=options.restrict_paths)
    recorder = ProvenanceRecorder() if request.provenance else None
    compiler = Compiler(
        options,
        loader=MemoryLoader(fallback=files, buffers=request.buffers),
        hooks=recorder,
        message_sink=lambda _message: None,
        parse=functools.partial(_parse_source, frozenset(request.buffers)),
    )
    result = compiler.compile_object(request.object_path)
    return CompileReply(
        request.object_path,
        DONE,
        result.profile,
        result.error,
        recorder.writes if recorder is not None else [],
        result.messages,
        result.dependencies,
        time.monotonic() - started,
    )


def _parse_source(buffers: frozenset[str], text: str, path: str) -> ParseResult:
    """Files through the parse cache; unsaved buffers not: each keystroke makes a new text, and
    caching them all filled the cache's memory and disk with versions nobody asks for again."""
    # pylint: disable=import-outside-toplevel  # see compile_request
    from panc.syntax import parse
    from panc.syntax.cache import parse_cached

    return parse(text, path) if path in buffers else parse_cached(text, path)


# ---------------------------------------------------------------------- the worker process


def _worker_main(connection: Connection, memory_limit: int | None) -> None:
    """Answer requests until the pool closes the connection (or dies)."""
    if memory_limit:
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource  # pylint: disable=import-outside-toplevel

            # the hard stop behind the compiler's own budget: allocations fail (MemoryError)
            hard = memory_limit + _ADDRESS_SPACE_MARGIN
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    _warm_up()
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = compile_request(request)
        except BaseException as error:  # pylint: disable=broad-exception-caught  # a compiler bug
            logger.exception("compile of %s failed", request.object_path)
            failure = EvaluationError(f"compiler error: {error!r}")
            reply = CompileReply(request.object_path, CRASHED, error=failure)
        try:
            connection.send(_portable(reply))
        except (OSError, ValueError):
            return


def _warm_up() -> None:
    """Import the compiler and load the parser before the first request (a spare worker waits
    ready: a compile replacing a killed one starts at once)."""
    # pylint: disable=import-outside-toplevel
    import panc.compiler  # noqa: F401  # pylint: disable=unused-import
    from panc.syntax import parse

    parse("object template warm;\n'/a' = 1;\n", "warm.pan")


def _portable(reply: CompileReply) -> tuple[Any, ...]:
    error = portable_error(reply.error) if reply.error is not None else None
    return (reply.object_path, reply.status, reply.profile, error, reply.writes, reply.messages,
            reply.dependencies, reply.seconds)


def _restored(data: tuple[Any, ...]) -> CompileReply:
    path, status, profile, error, writes, messages, dependencies, seconds = data
    restored = restored_error(error) if error is not None else None
    return CompileReply(path, status, profile, restored if isinstance(restored, PanError) else None,
                        writes, messages, dependencies, seconds)


class _Worker:
    """A worker process (``python -m panc.build.compile_pool FD MEMORY``): a clean interpreter
    rather than a fork of the caller, which runs threads (an editor server) and may be a script
    that multiprocessing would import again."""

    def __init__(self, memory_limit: int | None) -> None:
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with  # killed by the pool
            [sys.executable, "-m", "panc.build.compile_pool", str(theirs.fileno()), str(memory_limit or 0)],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, close_fds=True,
        )
        theirs.close()
        self.connection = Connection(ours.detach())
        self.job: _Job | None = None
        self.deadline = 0.0

    def kill(self, reap: bool = True) -> None:
        """Stop the process at once; without ``reap`` it is reaped later (``reaped``)."""
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(OSError):
            self.connection.close()
        if reap:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)

    def reaped(self) -> bool:
        return self.process.poll() is not None


@dataclass(eq=False)
class _Job:
    request: CompileRequest
    key: str | None
    priority: int
    order: int
    future: Future[CompileReply]


class CompilePool:
    """Worker processes compiling object templates; see the module docstring."""

    def __init__(
        self,
        workers: int = 1,
        time_limit: float = 60.0,
        memory_limit: int | None = None,
        prestart: bool = False,
    ) -> None:
        """``prestart``: start the workers (and the spare) now rather than at the first request,
        so that the first compiles do not wait for them to import the compiler."""
        self.size = max(1, workers)
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        """Memory budget of each worker (``--max-memory``); ``None``: the compiler's default."""
        self._lock = threading.Lock()
        self._pending: list[_Job] = []
        self._workers: list[_Worker] = []
        self._order = itertools.count()
        self._wake_read, self._wake_write = multiprocessing.Pipe(duplex=False)
        self._spare: _Worker | None = None
        """A worker started ahead, so that one killed is replaced at once."""
        self._dying: list[_Worker] = []
        """Killed workers not reaped yet (the dispatcher does not wait for them)."""
        if prestart:
            self._workers = [_Worker(memory_limit) for _ in range(self.size)]
            self._spare = _Worker(memory_limit)
        self._closed = False
        self._thread = threading.Thread(target=self._dispatch, name="panc-compile-pool", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ public API

    def submit(
        self, request: CompileRequest, key: str | None = None, priority: int = 0
    ) -> Future[CompileReply]:
        """Queue ``request``; a pending or running request under the same ``key`` is cancelled.
        Lower ``priority`` runs first; among equals, the newest."""
        future: Future[CompileReply] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the compile pool is shut down")
            if key is not None:
                self._cancel_where(lambda job: job.key == key)
            self._pending.append(_Job(request, key, priority, next(self._order), future))
        self._wake()
        return future

    def cancel(self, future: Future[CompileReply]) -> None:
        """Drop a request: pending, it never runs; running, its worker is killed."""
        with self._lock:
            self._cancel_where(lambda job: job.future is future)
        self._wake()

    def cancel_all(self, keys: Iterable[str] | None = None) -> None:
        """Drop every request (or those under ``keys``)."""
        chosen = None if keys is None else set(keys)
        with self._lock:
            self._cancel_where(lambda job: chosen is None or job.key in chosen)
        self._wake()

    def shutdown(self) -> None:
        """Cancel everything and stop the workers."""
        with self._lock:
            self._closed = True
            self._cancel_where(lambda _job: True)
        self._wake()
        self._thread.join(timeout=10)

    # ------------------------------------------------------------------ the dispatcher thread

    def _cancel_where(self, chosen: Any, reply: Any = None) -> None:
        """(lock held) End the pending and running jobs ``chosen`` selects with ``reply(path)``
        (default: cancelled)."""
        make = reply or (lambda path: CompileReply(path, CANCELLED))
        for job in [job for job in self._pending if chosen(job)]:
            self._pending.remove(job)
            _resolve(job, make(job.request.object_path))
        for worker in self._workers:
            if worker.job is not None and chosen(worker.job):
                _resolve(worker.job, make(worker.job.request.object_path))
                worker.job = None
                worker.deadline = -1.0  # killed by the dispatcher

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_write.send_bytes(b"x")

    def _dispatch(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._closed:
                        break
                    try:
                        self._reap_and_start()
                    except OSError:  # no process can be started (out of processes, of memory)
                        logger.exception("cannot start a compile worker")
                        self._cancel_where(lambda _job: True, _crashed)
                    timeout = self._next_deadline()
                    busy = {w.connection: w for w in self._workers if w.job is not None}
                ready = wait([self._wake_read, *busy], timeout)
                for connection in ready:
                    if connection is self._wake_read:
                        with contextlib.suppress(OSError, EOFError):
                            while self._wake_read.poll():
                                self._wake_read.recv_bytes()
                    else:
                        self._receive(busy[connection])  # type: ignore[index]
        finally:
            for worker in [*self._workers, *([self._spare] if self._spare else []), *self._dying]:
                worker.kill()
            self._workers.clear()
            self._dying.clear()
            self._spare = None

    def _reap_and_start(self) -> None:
        """(lock held) Kill workers whose job was cancelled or timed out; give idle ones work."""
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.deadline < 0 or (worker.job is not None and now >= worker.deadline):
                if worker.job is not None:
                    limit = worker.job.request.time_limit or self.time_limit
                    message = f"the compile was stopped after {limit:g} s (its time limit)"
                    _resolve(worker.job, CompileReply(worker.job.request.object_path, TIMEOUT,
                                                      error=EvaluationError(message)))
                worker.kill(reap=False)
                self._workers.remove(worker)
                self._dying.append(worker)
        self._dying = [worker for worker in self._dying if not worker.reaped()]
        while self._pending:
            idle = next((w for w in self._workers if w.job is None), None)
            if idle is None and len(self._workers) < self.size:
                idle, self._spare = self._spare or _Worker(self.memory_limit), None
                self._workers.append(idle)
            if idle is None:
                break
            self._pending.sort(key=lambda job: (job.priority, -job.order))
            job = self._pending.pop(0)
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                idle.connection.send(job.request)
            except (OSError, ValueError):  # the worker died while idle
                _resolve(job, _crashed(job.request.object_path))
                idle.kill()
                self._workers.remove(idle)
                continue
            idle.job = job
            idle.deadline = now + (job.request.time_limit or self.time_limit)
        if self._spare is None and self._workers:
            self._spare = _Worker(self.memory_limit)

    def _next_deadline(self) -> float | None:
        deadlines = [w.deadline for w in self._workers if w.job is not None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _receive(self, worker: _Worker) -> None:
        try:
            data = worker.connection.recv()
        except (EOFError, OSError):
            data = None
        with self._lock:
            job, worker.job = worker.job, None
            if data is None:  # the process died: killed by the system, or out of memory
                worker.deadline = -1.0
                if job is not None:
                    _resolve(job, _crashed(job.request.object_path))
            elif job is not None:
                _resolve(job, _restored(data))


def _crashed(path: str) -> CompileReply:
    return CompileReply(path, CRASHED, error=EvaluationError(
        "the compile process died (out of memory, or killed)"))


def _resolve(job: _Job, reply: CompileReply) -> None:
    with contextlib.suppress(InvalidStateError):  # cancelled by its owner meanwhile
        job.future.set_result(reply)


def _worker_entry(argv: list[str]) -> None:
    """``python -m panc.build.compile_pool FD MEMORY``: a worker on the socket ``FD``."""
    descriptor, memory_limit = int(argv[0]), int(argv[1])
    _worker_main(Connection(descriptor), memory_limit or None)


def default_workers() -> int:
    """One worker per two CPUs (an editor's compiles share the machine with the editor)."""
    return max(1, (os.cpu_count() or 2) // 2)


if __name__ == "__main__":
    _worker_entry(sys.argv[1:])
