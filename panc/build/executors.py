"""Where files are compiled: in this process, in forked worker processes, or on a Dask cluster.

Every executor takes the command-line files to compile and yields ``(index, outcome)`` pairs
as files finish, in any order; the build puts them back in command-line order. Each worker
keeps its ``FileWorker`` (two compilers) for the whole build, so a template is parsed and
compiled once per worker, not once per object.

Parsed templates reach later builds through the on-disk parse cache (``panc.syntax.cache``):
a process parses a template only if no process parsed that text before, on this machine or
(with a shared cache directory) elsewhere. Every process of a build stores what it parsed
once its work is done, in a detached writer, as ``panc`` itself does.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from panc.build.lifeline import Lifeline, LifelineEnds, bind_to_build
from panc.build.outcomes import BuildError, BuildSettings, FileOutcome, portable_outcome, restored_outcome
from panc.build.steps import FileWorker, ObjectCompiler

if TYPE_CHECKING:
    from concurrent.futures import Future

# multiprocessing, concurrent.futures and uuid are imported by the executors that use them:
# together they cost a one-file build (SequentialExecutor) about 50 ms of start-up.

CompilerFactory = Callable[[], ObjectCompiler]


class Executor(Protocol):
    """Runs the per-file work somewhere."""

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        """Compile ``paths``; yield each file's index and outcome as it finishes."""


class SequentialExecutor:
    """Everything in this process, one file after the other; an object is built once.

    Outcomes are reported once their outputs are in place (``_LocalCommits``).
    """

    def __init__(self, make_compiler: CompilerFactory, settings: BuildSettings) -> None:
        self.worker = FileWorker(make_compiler, settings)

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        built: set[str] = set()
        commits = _LocalCommits(self.worker)
        for index, path in enumerate(paths):
            outcome = self.worker.describe(path)
            name = outcome.object_name
            if name is not None and name not in built:
                built.add(name)
                self.worker.build(outcome)
            yield from commits.add(index, outcome)
        yield from commits.flush()


class _LocalCommits:
    """The outcomes of files compiled in this process, reported once their outputs are in
    place: one commit (one sync of the file system, see ``FileWorker.commit``) every
    ``_COMMIT_OBJECTS`` objects or ``_COMMIT_SECONDS``, whichever comes first."""

    def __init__(self, worker: FileWorker) -> None:
        self.worker = worker
        self._waiting: list[tuple[int, FileOutcome]] = []
        self._since = 0.0

    def add(self, index: int, outcome: FileOutcome) -> list[tuple[int, FileOutcome]]:
        """Record an outcome; the outcomes to report now (after a commit), if any."""
        if not self._waiting:
            self._since = time.monotonic()
        self._waiting.append((index, outcome))
        if len(self._waiting) >= _COMMIT_OBJECTS or time.monotonic() - self._since >= _COMMIT_SECONDS:
            return self.flush()
        return []

    def flush(self) -> list[tuple[int, FileOutcome]]:
        """Commit what is waiting; the outcomes to report."""
        self.worker.commit()
        waiting, self._waiting = self._waiting, []
        return waiting


_COMMIT_OBJECTS = 16
_COMMIT_SECONDS = 0.5


# ---------------------------------------------------------------------- forked worker processes

_PROCESS_WORKER: dict[str, FileWorker] = {}


def _start_process_worker(make_compiler: CompilerFactory, settings: BuildSettings,
                          build: LifelineEnds) -> None:
    bind_to_build(build)
    _PROCESS_WORKER["worker"] = FileWorker(make_compiler, settings)
    _store_parsed_templates_at_exit()


def _store_parsed_templates_at_exit() -> None:
    """Store what this worker parses as the build process does: in a detached writer once the
    work is done (at the worker's exit), not each template as it is parsed (encoding one costs
    about half its parse, on the build's time)."""
    cache = sys.modules.get("panc.syntax.cache")
    if cache is not None and cache.default_cache().defer_like_parent():
        from multiprocessing.util import Finalize  # pylint: disable=import-outside-toplevel

        Finalize(None, cache.default_cache().flush_detached, exitpriority=0)


def _run_in_process(paths: Sequence[str]) -> list[tuple[Any, ...]]:
    worker = _PROCESS_WORKER["worker"]
    outcomes = [worker.run(path) for path in paths]
    worker.commit()  # the batch's outputs synced together
    return [portable_outcome(outcome) for outcome in outcomes]


def batch_size(count: int, workers: int, largest: int) -> int:
    """How many of ``count`` files go out together to one of ``workers``.

    Every task has a cost besides its compiles (for forked workers about 0.3 ms of the
    build process's CPU in queues, pickling and wake-ups, CPU the workers could use; more
    on a cluster's scheduler), so files go out in batches of up to ``largest``; there are
    still at least ``_MIN_BATCHES_PER_WORKER`` per worker, so that a slow object holds back
    at most a few others, the workers finish together, and a lost worker only delays its own.
    """
    return max(1, min(largest, count // (max(1, workers) * _MIN_BATCHES_PER_WORKER)))


def batches(count: int, workers: int, largest: int) -> list[range]:
    """Consecutive index ranges covering ``count`` files, to hand out to ``workers`` (see
    ``batch_size``)."""
    size = batch_size(count, workers, largest)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


_MIN_BATCHES_PER_WORKER = 8
_MAX_FILES_PER_BATCH = 8


class _TwoEnds:
    """The files of a build: this process takes them one by one from the front, the workers
    take batches from the back; they meet where the work runs out."""

    def __init__(self, count: int, batch: int) -> None:
        self._front = 0
        self._back = count
        self._batch = batch
        self._lock = threading.Lock()
        self.batches_out = 0
        """Batches taken from the back so far (final once the front finds nothing left)."""

    def front(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._front += 1
            return self._front - 1

    def back(self) -> range | None:
        with self._lock:
            if self._front >= self._back:
                return None
            start = max(self._front, self._back - self._batch)
            taken = range(start, self._back)
            self._back = start
            self.batches_out += 1
            return taken


class ProcessExecutor:
    """This process and ``workers - 1`` forked worker processes, each compiling whole files
    (and writing their outputs).

    The workers are forked at once and take batches of files (see ``batch_size``) from the
    back of the list while this process compiles from the front, one file at a time, until
    they meet. So every core works from the first moment: each process parses and compiles
    the library it needs once, at the same time as the others (on the SCDB example site, 10
    hosts on 2 cores with empty caches, the first host is 40 % of the build). Neighbours on a
    command line (``wn``, ``wn2``, ``wn3``) tend to share templates, and each end stays with
    its neighbours. Forking the workers later, from a process that has compiled a first
    object, would spare them that compile but costs more: the other cores wait meanwhile, and
    each page of its heap a worker touches is copied (SCDB site, empty caches: 0.93 s against
    0.82 s, median wall of 12 runs).

    The workers end with this process, even when it is killed (``panc.build.lifeline``). A
    worker that dies fails the files it was compiling; the files not handed out yet are
    compiled here.
    """

    def __init__(self, make_compiler: CompilerFactory, settings: BuildSettings, workers: int) -> None:
        self.make_compiler = make_compiler
        self.settings = settings
        self.workers = workers

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        # fork: the workers inherit the loaded modules and the (unpicklable) compiler factory
        # pylint: disable-next=import-outside-toplevel  # see the note at the imports
        import multiprocessing
        import queue  # pylint: disable=import-outside-toplevel
        from concurrent.futures import ProcessPoolExecutor  # pylint: disable=import-outside-toplevel

        ends = _TwoEnds(len(paths), batch_size(len(paths), self.workers, _MAX_FILES_PER_BATCH))
        here = FileWorker(self.make_compiler, self.settings)
        commits = _LocalCommits(here)
        # (batch, its future, or None when it could not be handed out and is compiled here)
        finished: queue.SimpleQueue[tuple[range, Future[list[tuple[Any, ...]]] | None]] = queue.SimpleQueue()
        children = max(1, min(self.workers - 1, len(paths) - 1))
        # the workers exit as soon as this process does, even when it is killed (see lifeline)
        with Lifeline() as lifeline, ProcessPoolExecutor(
            children, mp_context=multiprocessing.get_context("fork"),
            initializer=_start_process_worker, initargs=(self.make_compiler, self.settings, lifeline),
        ) as pool:

            def hand_out() -> None:
                """Give the next batch from the back to a worker (from the worker pool's
                thread when one finishes a batch)."""
                batch = ends.back()
                if batch is None:
                    return
                try:
                    future = pool.submit(_run_in_process, [paths[i] for i in batch])
                except RuntimeError:  # a broken pool (a worker died): this process compiles them
                    finished.put((batch, None))
                    return
                future.add_done_callback(lambda done: (finished.put((batch, done)), hand_out()))

            for _ in range(children):
                hand_out()  # (the first submission forks the workers, from this thread)
            received = 0

            def report(batch: range, future: Future[list[tuple[Any, ...]]] | None,
                       ) -> Iterator[tuple[int, FileOutcome]]:
                if future is None:
                    for index in batch:
                        yield from commits.add(index, here.run(paths[index]))
                    yield from commits.flush()
                else:
                    yield from zip(batch, _outcomes_of(future, [paths[i] for i in batch]), strict=True)

            while (index := ends.front()) is not None:
                yield from commits.add(index, here.run(paths[index]))
                while not finished.empty():
                    received += 1
                    yield from report(*finished.get())
            yield from commits.flush()
            while received < ends.batches_out:
                received += 1
                yield from report(*finished.get())


def _outcomes_of(future: Future[list[tuple[Any, ...]]], paths: list[str]) -> list[FileOutcome]:
    try:
        return [restored_outcome(data) for data in future.result()]
    except Exception as error:  # pylint: disable=broad-exception-caught
        # a worker that died (killed, out of memory) fails its batch only
        return [_failed(path, error) for path in paths]


def _failed(path: str, error: Exception) -> FileOutcome:
    outcome = FileOutcome(path)
    outcome.errors.append(BuildError(f"compiler error while compiling {path}: {error!r}"))
    return outcome


# ---------------------------------------------------------------------- Dask distributed

_DASK_WORKERS: dict[tuple[str, int], FileWorker] = {}
_MAX_FILES_PER_DASK_TASK = 16
_DASK_LOCK = threading.Lock()


def run_on_dask_worker(build_id: str, make_compiler: CompilerFactory, settings: BuildSettings,
                       paths: Sequence[str]) -> list[tuple[Any, ...]]:
    """The task a Dask worker runs for a few files: their outcomes with the rendered outputs.

    Compilers are kept per build and per worker thread (a compiler serves one thread), so a
    worker compiles each template once per build. Outputs are sent back, not written: the
    client writes them into its own output directory.
    """
    key = (build_id, threading.get_ident())
    with _DASK_LOCK:
        worker = _DASK_WORKERS.get(key)
        if worker is None:
            for old in [k for k in _DASK_WORKERS if k[0] != build_id]:
                del _DASK_WORKERS[old]
            worker = _DASK_WORKERS[key] = FileWorker(make_compiler, settings, write=False)
    return [portable_outcome(worker.run(path)) for path in paths]


class DaskExecutor:
    """Files compiled as tasks on an existing Dask distributed cluster.

    Workers must see the templates at the same paths (shared file system or identical
    checkout). A worker lost mid-build only delays its files: the scheduler runs its
    tasks again elsewhere. ``make_compiler`` must pickle (``functools.partial(Compiler,
    options)`` does).
    """

    def __init__(self, make_compiler: CompilerFactory, settings: BuildSettings, scheduler: Any) -> None:
        self.make_compiler = make_compiler
        self.settings = settings
        self.scheduler = scheduler
        """A scheduler address (``tcp://host:port``) or a ``distributed.Client``."""

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        from distributed import Client  # pylint: disable=import-outside-toplevel
        from distributed import as_completed as dask_completed  # pylint: disable=import-outside-toplevel

        own_client = not isinstance(self.scheduler, Client)
        client = Client(self.scheduler) if own_client else self.scheduler
        try:
            import uuid  # pylint: disable=import-outside-toplevel  # see the note at the imports

            build_id = uuid.uuid4().hex
            workers = len(client.scheduler_info().get("workers", {}))
            chunks = batches(len(paths), workers, _MAX_FILES_PER_DASK_TASK)
            futures = [
                client.submit(run_on_dask_worker, build_id, self.make_compiler, self.settings,
                              [paths[i] for i in chunk], pure=False, key=f"panc-{build_id}-{number}")
                for number, chunk in enumerate(chunks)
            ]
            chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks, strict=True)}
            for future in dask_completed(futures):
                chunk = chunk_of[future.key]
                try:
                    outcomes = [restored_outcome(data) for data in future.result()]
                except Exception as error:  # pylint: disable=broad-exception-caught
                    outcomes = [_failed(paths[i], error) for i in chunk]
                yield from zip(chunk, outcomes, strict=True)
        finally:
            if own_client:
                client.close()
