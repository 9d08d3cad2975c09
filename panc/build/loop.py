"""The build loop: choose what to compile, hand it to an executor, report and record in order.

The CLI hands ``build`` the template files of the command line. Each file is parsed; an object
template is then compiled by its template name (found through the include path, as panc does),
validated, and its output files are written; any other template is only syntax-checked. One
failing object never stops the others: its errors are collected in the report, it writes
nothing, and the build goes on.

With a ``DependencyCheck`` the manifest beside the outputs first says which files are up to
date; those are not even read. Outcomes are reported (``on_outcome``) in command-line order
whatever order workers finish in, so the output is the same as a sequential build's.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from panc.build.manifest import DependencyChecker, Manifest
from panc.build.outcomes import BuildReport, BuildSettings, FileOutcome, OutputWriteError
from panc.build.progress import Progress
from panc.build.steps import ObjectCompiler

if TYPE_CHECKING:
    from panc.build.executors import Executor

_MANIFEST_SAVE_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class DependencyCheck:
    """Incremental building: skip files whose dependencies did not change since the last build."""

    include_path: tuple[str, ...]
    options_key: str
    """``manifest.options_key`` of the compiler options: any change rebuilds everything."""
    force: bool = False
    """Compile everything, but still record the manifest for the next build."""


def build(
    paths: Iterable[str],
    make_compiler: Callable[[], ObjectCompiler],
    settings: BuildSettings,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    workers: int = 1,
    *,
    check: DependencyCheck | None = None,
    scheduler: Any = None,
    progress: Progress | None = None,
    before_compiling: Callable[[], None] | None = None,
) -> BuildReport:
    """Compile every file; ``on_outcome`` sees each file's outcome, in order, once it is known.

    ``make_compiler`` makes a compiler with the build's options. With ``workers`` > 1 (and more
    than one file to compile) files are compiled in that many forked worker processes, each
    with its own compilers; with a Dask ``scheduler`` (address or client) on that cluster. The
    outcomes are the same in every case. The same object named by two files is reported once,
    for the first. ``progress`` is told of every compiled file. ``before_compiling`` is called
    once, in this process, when some file is to be compiled (not when all are up to date).
    """
    started = time.monotonic()
    paths = list(paths)
    outcomes: list[FileOutcome | None] = [None] * len(paths)
    manifest = None
    if check is not None:
        manifest = Manifest.load(settings.output_dir, check.options_key)
        if not check.force:
            _mark_up_to_date(paths, outcomes, manifest, check, settings)
    stale = [i for i, outcome in enumerate(outcomes) if outcome is None]
    stale_paths = [paths[i] for i in stale]
    if stale and before_compiling is not None:
        before_compiling()
    executor = _executor(make_compiler, settings, workers, scheduler, len(stale)) if stale else None
    if progress is not None:
        progress.start(len(stale))

    emitted = 0
    seen_objects: set[str] = set()
    last_save = time.monotonic()
    save_interval = _MANIFEST_SAVE_SECONDS

    def emit_ready() -> None:
        nonlocal emitted
        while emitted < len(paths) and outcomes[emitted] is not None:
            outcome = outcomes[emitted]
            assert outcome is not None
            _forget_repeat(outcome, seen_objects)
            if on_outcome is not None:
                on_outcome(outcome)
            emitted += 1

    emit_ready()
    for position, outcome in executor.run(stale_paths) if executor is not None else ():
        if outcome.rendered:
            _write_rendered(outcome, settings)
        outcomes[stale[position]] = outcome
        if progress is not None:
            progress.advance(outcome.failed)
        if manifest is not None:
            manifest.record(outcome)
            if time.monotonic() - last_save >= save_interval:
                # saving costs CPU the workers could use: at most 2% of the time
                saving = time.monotonic()
                _save(manifest)
                last_save = time.monotonic()
                save_interval = max(_MANIFEST_SAVE_SECONDS, 50 * (last_save - saving))
        emit_ready()
    if progress is not None:
        progress.finish()
    _sync_output_directories(outcomes, settings)
    if manifest is not None:
        _save(manifest)
        _remove_orphans(settings.output_dir, manifest.started_ns)
    finished = [o for o in outcomes if o is not None]
    return BuildReport(finished, len(settings.formats), time.monotonic() - started)


def _mark_up_to_date(paths: list[str], outcomes: list[FileOutcome | None], manifest: Manifest,
                     check: DependencyCheck, settings: BuildSettings) -> None:
    checker = DependencyChecker(manifest, check.include_path, len(settings.formats))
    for index, path in enumerate(paths):
        entry = checker.up_to_date(path)
        if entry is not None:
            outcomes[index] = FileOutcome(path, parsed=True, object_name=entry.object_name,
                                          up_to_date=True)


def _executor(make_compiler: Callable[[], ObjectCompiler], settings: BuildSettings, workers: int,
              scheduler: Any, stale: int) -> Executor:
    # imported here: a build with nothing to compile needs neither processes nor a cluster
    # (and multiprocessing only when several files may be compiled in parallel)
    from panc.build.executors import (  # pylint: disable=import-outside-toplevel
        DaskExecutor,
        ProcessExecutor,
        SequentialExecutor,
    )

    if scheduler is not None:
        return DaskExecutor(make_compiler, settings, scheduler)
    if workers > 1 and stale > 1:
        import multiprocessing  # pylint: disable=import-outside-toplevel

        if "fork" in multiprocessing.get_all_start_methods():
            return ProcessExecutor(make_compiler, settings, workers)
    return SequentialExecutor(make_compiler, settings)


def _forget_repeat(outcome: FileOutcome, seen: set[str]) -> None:
    """Clear what a second file of an already reported object produced (workers built it twice)."""
    name = outcome.object_name
    if name is None or outcome.up_to_date:
        return
    if name in seen:
        outcome.errors.clear()
        outcome.messages.clear()
        outcome.written = []
    seen.add(name)


def _write_rendered(outcome: FileOutcome, settings: BuildSettings) -> None:
    """Write the outputs a remote worker rendered, into this machine's output directory."""
    from panc.output import FORMATS, write_object_outputs  # pylint: disable=import-outside-toplevel

    assert outcome.object_name is not None
    rendered = [(FORMATS[key], data) for key, data in outcome.rendered]
    outcome.rendered = []
    try:
        outcome.written = write_object_outputs(settings.output_dir, outcome.object_name, rendered,
                                               outcome.timestamp)
    except OSError as error:
        outcome.errors.append(OutputWriteError.of(error))


def _sync_output_directories(outcomes: Iterable[FileOutcome | None], settings: BuildSettings) -> None:
    """Make the names of the profiles written durable (their data are synced already): once
    per directory for the whole build, before the manifest records them."""
    written = [path for outcome in outcomes if outcome is not None for path in outcome.written]
    if written:
        from panc.output.writing import output_directories, sync_directories  # pylint: disable=import-outside-toplevel

        sync_directories(output_directories(settings.output_dir, written))


def _remove_orphans(output_dir: str, started_ns: int) -> None:
    """Delete the temporary files a killed build left (``.<output>.<random>.tmp``).

    Only those older than this build: a file being written is renamed within moments.
    """
    for directory, _, names in os.walk(output_dir):
        for name in names:
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            path = os.path.join(directory, name)
            with contextlib.suppress(OSError):
                if os.stat(path).st_mtime_ns < started_ns:
                    os.unlink(path)


def _save(manifest: Manifest) -> None:
    if not manifest.dirty and manifest.path.exists():
        return  # a no-change rebuild rewrites nothing
    # the profiles are written; without a manifest the next build just compiles everything
    with contextlib.suppress(OSError):
        manifest.save()
        manifest.dirty = False
