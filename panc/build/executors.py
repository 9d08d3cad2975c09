"""Where files are compiled: in this process, in forked worker processes, or on a Dask cluster.

Every executor takes the command-line files to compile and yields ``(index, outcome)`` pairs
as files finish, in any order; the build puts them back in command-line order. Each worker
keeps its ``FileWorker`` (two compilers) for the whole build, so a template is parsed and
compiled once per worker, not once per object.

Parsed templates reach the workers through the on-disk parse cache (``panc.syntax.cache``):
each worker process parses a template only if no process parsed that text before, on this
machine or (with a shared cache directory) elsewhere. Forked workers start empty rather
than from a warmed parent, so that the parent does no compiling at all and a no-change
rebuild stays cheap.
"""

from __future__ import annotations

import threading
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

    Outputs are put in place (synced together, see ``FileWorker.commit``) every
    ``_COMMIT_OBJECTS`` objects or ``_COMMIT_SECONDS``, whichever comes first; the outcomes
    are reported then.
    """

    def __init__(self, make_compiler: CompilerFactory, settings: BuildSettings) -> None:
        self.worker = FileWorker(make_compiler, settings)

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        import time  # pylint: disable=import-outside-toplevel  # see the note at the imports

        built: set[str] = set()
        waiting: list[tuple[int, FileOutcome]] = []
        since = 0.0
        for index, path in enumerate(paths):
            outcome = self.worker.describe(path)
            name = outcome.object_name
            if name is not None and name not in built:
                built.add(name)
                self.worker.build(outcome)
            if not waiting:
                since = time.monotonic()
            waiting.append((index, outcome))
            if len(waiting) >= _COMMIT_OBJECTS or time.monotonic() - since >= _COMMIT_SECONDS:
                self.worker.commit()
                yield from waiting
                waiting = []
        self.worker.commit()
        yield from waiting


_COMMIT_OBJECTS = 16
_COMMIT_SECONDS = 0.5


# ---------------------------------------------------------------------- forked worker processes

_PROCESS_WORKER: dict[str, FileWorker] = {}


def _start_process_worker(
    make_compiler: CompilerFactory, settings: BuildSettings, build: LifelineEnds, inherited: FileWorker | None
) -> None:
    bind_to_build(build)
    _PROCESS_WORKER["worker"] = inherited or FileWorker(make_compiler, settings)


def _run_in_process(paths: Sequence[str]) -> list[tuple[Any, ...]]:
    worker = _PROCESS_WORKER["worker"]
    outcomes = [worker.run(path) for path in paths]
    worker.commit()  # the batch's outputs synced together
    return [portable_outcome(outcome) for outcome in outcomes]


def batches(count: int, workers: int, largest: int) -> list[range]:
    """Consecutive index ranges covering ``count`` files, to hand out to ``workers``.

    Every task has a cost besides its compiles (for forked workers about 0.3 ms of the
    build process's CPU in queues, pickling and wake-ups, CPU the workers could use; more
    on a cluster's scheduler), so files go out in batches of up to ``largest``; there are
    still at least ``_MIN_BATCHES_PER_WORKER`` per worker, so that a slow object holds back
    at most a few others, the workers finish together, and a lost worker only delays its own.
    """
    size = max(1, min(largest, count // (max(1, workers) * _MIN_BATCHES_PER_WORKER)))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


_MIN_BATCHES_PER_WORKER = 8
_MAX_FILES_PER_BATCH = 8


class ProcessExecutor:
    """Forked worker processes, each compiling whole files (and writing their outputs).

    Files are handed out in small batches (see ``batches``). The workers end with this
    process, even when it is killed (``panc.build.lifeline``).

    With more files than workers, the first is compiled here before the workers are forked:
    they inherit what it parsed and compiled (a site's objects share most of their
    templates), where each worker would otherwise parse, compile and cache the same library
    again. On the SCDB example site (10 hosts, 2 workers, empty caches) this took the build
    from 1.6 s to ~1.2 s.
    """

    def __init__(self, make_compiler: CompilerFactory, settings: BuildSettings, workers: int) -> None:
        self.make_compiler = make_compiler
        self.settings = settings
        self.workers = workers

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, FileOutcome]]:
        # fork: the workers inherit the loaded modules and the (unpicklable) compiler factory
        # pylint: disable-next=import-outside-toplevel  # see the note at the imports
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed  # pylint: disable=import-outside-toplevel

        context = multiprocessing.get_context("fork")
        first = 0
        inherited = None
        if len(paths) > self.workers:
            inherited = FileWorker(self.make_compiler, self.settings)
            outcome = inherited.run(paths[0])
            inherited.commit()
            yield 0, outcome
            first = 1
        # the workers exit as soon as this process does, even when it is killed (see lifeline)
        with Lifeline() as lifeline, ProcessPoolExecutor(
            min(self.workers, len(paths) - first) or 1, mp_context=context, initializer=_start_process_worker,
            initargs=(self.make_compiler, self.settings, lifeline, inherited),
        ) as pool:
            pending: dict[Future[list[tuple[Any, ...]]], range] = {
                pool.submit(_run_in_process, [paths[i] for i in batch]): batch
                for batch in (
                    range(first + b.start, first + b.stop)
                    for b in batches(len(paths) - first, self.workers, _MAX_FILES_PER_BATCH)
                )
            }
            # as_completed, not repeated wait(): linear in the number of batches
            for future in as_completed(pending):
                batch = pending[future]
                yield from zip(batch, _outcomes_of(future, [paths[i] for i in batch]), strict=True)


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
