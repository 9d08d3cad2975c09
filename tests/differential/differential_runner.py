"""Run generated objects through both compilers, group the divergences, minimize an example of each.

``compare_objects`` writes a batch of generated objects under a work folder, compiles each
object on its own with the Java panc (in the oracle's JVM, on a second thread) and with ours (in
this process, with a time limit), and yields one ``ObjectComparison`` per object.
``summarize`` groups the objects that diverge by the cause of their first divergence;
``minimize`` drops statements, templates and options from an example while the divergence stays.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import resource
import shutil
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from differential_comparison import CompileResult, Divergence, KnownJavaBugs, compare, real
from generated_programs import GeneratedObject
from java_oracle import TIME_LIMIT_SECONDS, JavaOracle, PancRun, run_ours, timeout_run


@dataclass
class ObjectComparison:
    generated: GeneratedObject
    java: CompileResult
    ours: CompileResult
    divergences: list[Divergence]

    @property
    def agrees(self) -> bool:
        return not real(self.divergences)

    @property
    def cause(self) -> Divergence | None:
        """The first divergence no known Java bug accepts."""
        remaining = real(self.divergences)
        return remaining[0] if remaining else None


class _OurTimeLimit(BaseException):
    """The time limit, raised by an alarm wherever our panc is: a ``BaseException``, so that
    panc's guard against its own bugs (which reports any ``Exception`` as a compiler error
    of the file) lets it through, as it does ``KeyboardInterrupt``."""


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expired(_signum: int, _frame: object) -> None:
        raise _OurTimeLimit

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_ours_guarded(argv: list[str]) -> PancRun:
    """Our panc on ``argv``; a crash or a hang is a result (rc -1), not the end of the run."""
    try:
        with _time_limit(TIME_LIMIT_SECONDS):
            return run_ours(argv)
    except _OurTimeLimit:
        return timeout_run(TIME_LIMIT_SECONDS)
    except (Exception, RecursionError):  # pylint: disable=broad-exception-caught
        return PancRun(-1, "CRASH: " + traceback.format_exc(), "")


ADDRESS_SPACE_LIMIT = 4 * 2**30


def _serve(connection: Connection) -> None:
    """The loop of ``OurWorker``'s process: argv in, ``PancRun`` out, until the pipe closes."""
    # a runaway program (a string doubled in a loop) fails with a MemoryError, reported as a crash
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, hard))
    while True:
        try:
            argv = connection.recv()
        except EOFError:
            return
        connection.send(run_ours_guarded(argv))


class OurWorker:
    """Our panc in a child process, for large runs: a crash there (a segmentation fault from a
    C stack overflow, the memory limit) is a result (rc -1), and a new child takes over."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")  # the child starts with panc loaded
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_serve, args=(child_end,), daemon=True)
        self._process.start()
        child_end.close()

    def run(self, argv: list[str]) -> PancRun:
        try:
            self._connection.send(argv)
            if self._connection.poll(TIME_LIMIT_SECONDS + 30):
                result: PancRun = self._connection.recv()
                return result
            problem = "did not answer"
        except (EOFError, OSError) as error:
            problem = f"ended ({type(error).__name__})"
        self._process.kill()
        self._process.join()
        code = self._process.exitcode
        self._start()
        return PancRun(-1, f"CRASH: our panc's process {problem}, exit code {code}\n", "")

    def close(self) -> None:
        self._connection.close()
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _layout(workdir: Path, generated: GeneratedObject) -> tuple[Path, Path, Path]:
    """Source root, Java output folder and our output folder of one object."""
    root = workdir / "src" / generated.name
    return root, workdir / "java" / generated.name, workdir / "ours" / generated.name


def _prepare(workdir: Path, generated: GeneratedObject) -> tuple[list[str], list[str]]:
    root, java_out, ours_out = _layout(workdir, generated)
    for folder in (root, java_out, ours_out):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    generated.write(root)
    return generated.argv(root, java_out), generated.argv(root, ours_out)


def compare_objects(
    objects: Iterable[GeneratedObject],
    oracle: JavaOracle,
    workdir: Path,
    bugs: KnownJavaBugs,
    keep_files: bool = False,
    worker: OurWorker | None = None,
) -> Iterator[ObjectComparison]:
    """Each object compiled by both compilers and compared, in the order given (ours in this
    process, or in ``worker``)."""
    objects = list(objects)
    argvs = [_prepare(workdir, g) for g in objects]
    java_runs: queue.Queue[PancRun | BaseException] = queue.Queue()

    def java_side() -> None:
        try:
            for java_argv, _ in argvs:
                java_runs.put(oracle.run(java_argv))
        except BaseException as error:  # pylint: disable=broad-exception-caught
            java_runs.put(error)

    thread = threading.Thread(target=java_side, daemon=True)
    thread.start()
    for generated, (_, our_argv) in zip(objects, argvs, strict=True):
        ours_run = worker.run(our_argv) if worker is not None else run_ours_guarded(our_argv)
        java_run = java_runs.get()
        if isinstance(java_run, BaseException):
            raise java_run
        _, java_out, ours_out = _layout(workdir, generated)
        java, ours = CompileResult.collect(java_run, java_out), CompileResult.collect(ours_run, ours_out)
        yield ObjectComparison(generated, java, ours, bugs.honour(compare(java, ours)))
        if not keep_files:
            for folder in _layout(workdir, generated):
                shutil.rmtree(folder, ignore_errors=True)
    thread.join()


# --------------------------------------------------------------------------- grouping


EXAMPLES_KEPT = 4
"""Objects kept per group (the smallest): a large run must not keep every output it compared."""


def _size(comparison: ObjectComparison) -> tuple[int, int]:
    return comparison.generated.statement_count(), len(comparison.generated.source_text())


@dataclass
class DivergenceGroup:
    key: str
    aspect: str
    count: int = 0
    names: list[str] = field(default_factory=list)
    """The first objects of the group, by name."""
    examples: list[ObjectComparison] = field(default_factory=list)
    """The smallest objects of the group (at most ``EXAMPLES_KEPT``)."""

    def add(self, comparison: ObjectComparison) -> None:
        self.count += 1
        if len(self.names) < 8:
            self.names.append(comparison.generated.name)
        # the outputs are dropped (a minimized example is compiled again): a large run must fit
        slim = ObjectComparison(comparison.generated, CompileResult(comparison.java.run, {}),
                                CompileResult(comparison.ours.run, {}), comparison.divergences)
        self.examples.append(slim)
        self.examples.sort(key=_size)
        del self.examples[EXAMPLES_KEPT:]

    def smallest(self) -> ObjectComparison:
        return self.examples[0]


@dataclass
class Summary:
    total: int = 0
    agreeing: int = 0
    java_failures: int = 0
    accepted: dict[str, int] = field(default_factory=dict)
    groups: dict[str, DivergenceGroup] = field(default_factory=dict)

    @property
    def agreement(self) -> float:
        return 100.0 * self.agreeing / self.total if self.total else 100.0

    def add(self, comparison: ObjectComparison) -> None:
        self.total += 1
        self.java_failures += comparison.java.run.rc != 0
        for divergence in comparison.divergences:
            if divergence.accepted_as is not None:
                self.accepted[divergence.accepted_as] = self.accepted.get(divergence.accepted_as, 0) + 1
        cause = comparison.cause
        if cause is None:
            self.agreeing += 1
            return
        self.groups.setdefault(cause.group, DivergenceGroup(cause.group, cause.aspect)).add(comparison)

    def ranked(self) -> list[DivergenceGroup]:
        return sorted(self.groups.values(), key=lambda g: (-g.count, g.key))


def summarize(comparisons: Iterable[ObjectComparison]) -> Summary:
    summary = Summary()
    for comparison in comparisons:
        summary.add(comparison)
    return summary


# --------------------------------------------------------------------------- minimizing


def minimize(
    comparison: ObjectComparison,
    oracle: JavaOracle,
    workdir: Path,
    bugs: KnownJavaBugs,
    budget: int = 400,
    worker: OurWorker | None = None,
) -> ObjectComparison:
    """A smaller object whose first divergence is in the same group (statements, templates and
    options dropped one at a time while that holds; at most ``budget`` compilations each side)."""
    cause = comparison.cause
    assert cause is not None
    best = comparison
    tries = 0

    def still_diverges(candidate: GeneratedObject) -> ObjectComparison | None:
        nonlocal tries
        tries += 1
        result = next(compare_objects([candidate], oracle, workdir, bugs, worker=worker))
        return result if result.cause is not None and result.cause.group == cause.group else None

    changed = True
    while changed and tries < budget:
        changed = False
        for candidate in _smaller_variants(best.generated):
            if tries >= budget:
                break
            result = still_diverges(candidate)
            if result is not None:
                best, changed = result, True
                break
    return best


def _smaller_variants(generated: GeneratedObject) -> Iterator[GeneratedObject]:
    """Each object one step smaller: a template less, a statement less, an option less."""
    for file in sorted(generated.templates):
        if file != generated.main_file:
            yield GeneratedObject(
                generated.name,
                {f: t for f, t in generated.templates.items() if f != file},
                generated.files,
                generated.options,
            )
    for file, template in sorted(generated.templates.items()):
        for position in reversed(range(len(template.statements))):
            yield generated.without(file, position)
    for file in sorted(generated.files):
        yield GeneratedObject(
            generated.name,
            generated.templates,
            {f: t for f, t in generated.files.items() if f != file},
            generated.options,
        )
    options = list(generated.options)
    for i, option in enumerate(options):
        if option.startswith("--") and option != "--formats":
            takes_value = option in ("--warnings", "--max-iteration", "--max-recursion")
            smaller = options[:i] + options[i + 2 if takes_value else i + 1 :]
            yield GeneratedObject(generated.name, generated.templates, generated.files, tuple(smaller))


def report_group(group: DivergenceGroup, example: ObjectComparison, write: Callable[[str], None]) -> None:
    """One group in the report: its key, its count, a minimal example with both compilers' words."""
    cause = example.cause
    write(f"\n### {group.count} objects: {group.key}\n")
    write(f"objects: {', '.join(group.names)}{' ...' if group.count > len(group.names) else ''}\n")
    write("minimal example:\n")
    write(example.generated.source_text())
    if cause is not None:
        write(f"java: {cause.java}\nours: {cause.ours}\n")
