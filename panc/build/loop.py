"""Building profiles: choose the object templates, compile each, write its outputs atomically.

The CLI hands ``build`` the template files of the command line. Each file is parsed; an object
template is then compiled by its template name (found through the include path, as panc does),
validated, and its output files are written; any other template is only syntax-checked. One
failing object never stops the others: its errors are collected in the report, it writes
nothing, and the build goes on.

Two steps: ``describe_file`` reads each command-line file (syntax, which object it declares),
then ``build_object`` compiles and writes each object, in this process or in forked worker
processes (``workers``), with the same outcome either way.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from panc.diagnostics import Diagnostic, PanError
from panc.output import OutputFormat, write_object_outputs


class CompiledObject(Protocol):
    """What the build needs from the compiler's ``ObjectResult``."""

    name: str
    profile: dict[str, Any] | None
    error: PanError | None
    dependencies: Sequence[Any]
    messages: Sequence[str]


class ObjectCompiler(Protocol):
    """The part of ``panc.compiler.Compiler`` the build uses."""

    def compile_object(self, name_or_path: str) -> CompiledObject: ...

    def describe_file(self, path: str) -> tuple[str | None, list[Diagnostic]]: ...


class BuildError(PanError):
    """A failure of the build rather than of the templates: an output that cannot be written,
    or a bug in the compiler. Printed as its message alone."""

    def format(self) -> str:
        return f"{self.message}\n"


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """Where and how to write: the output directory and the chosen formats."""

    output_dir: str
    formats: tuple[OutputFormat, ...]


@dataclass(slots=True)
class FileOutcome:
    """What became of one command-line template."""

    path: str
    """The file as given on the command line."""
    parsed: bool = False
    """The file parsed without error (panc's ``compiled`` count)."""
    object_name: str | None = None
    """The object built from it, ``None`` for other templates or files that did not parse."""
    errors: list[PanError | Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    """``debug``/``traceback``/``deprecated`` output, in order."""
    written: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


@dataclass(slots=True)
class BuildReport:
    """The outcome of a build, in command-line order, and the figures ``panc -v`` prints."""

    outcomes: list[FileOutcome]
    formats: int
    elapsed_seconds: float

    @property
    def templates(self) -> int:
        return len(self.outcomes)

    @property
    def parsed(self) -> int:
        return sum(o.parsed for o in self.outcomes)

    @property
    def objects(self) -> int:
        return sum(o.object_name is not None for o in self.outcomes)

    @property
    def outputs_written(self) -> int:
        return sum(len(o.written) for o in self.outcomes)

    @property
    def outputs_expected(self) -> int:
        return self.objects * self.formats

    @property
    def errors(self) -> list[PanError | Diagnostic]:
        return [e for o in self.outcomes for e in o.errors]

    @property
    def failed(self) -> bool:
        return any(o.failed for o in self.outcomes)


def describe_file(path: str, checker: ObjectCompiler) -> FileOutcome:
    """Read one command-line file: its syntax errors, or the object it declares (if any).

    ``checker`` reads the files named on the command line; objects are then built by name,
    through the include path only, by another compiler. Keeping the two apart mirrors panc,
    where the include path wins over the file given, and keeps the command-line reading of a
    file from standing in for the include-path one.
    """
    outcome = FileOutcome(path)
    try:
        name, diagnostics = checker.describe_file(path)
    except Exception as error:  # pylint: disable=broad-exception-caught
        _record_crash(outcome, error)
        return outcome
    if diagnostics:
        outcome.errors.extend(diagnostics)
        return outcome
    outcome.parsed = True
    outcome.object_name = name
    return outcome


def build_object(outcome: FileOutcome, builder: ObjectCompiler, settings: BuildSettings) -> None:
    """Compile, validate and write the object of ``outcome``, recording what happened in it."""
    name = outcome.object_name
    assert name is not None
    try:
        result = builder.compile_object(name)
        outcome.messages.extend(result.messages)
        if result.error is not None:
            outcome.errors.append(result.error)
            return
        if result.profile is None:
            return
        rendered = [(fmt, fmt.render(result.profile, result.dependencies)) for fmt in settings.formats]
        # panc stamps every output of an object with one time: when the object finished validating
        outcome.written = write_object_outputs(settings.output_dir, name, rendered, time.time())
    except OSError as error:
        outcome.errors.append(BuildError(f"cannot write the profile of {outcome.path}: {error}"))
    except Exception as error:  # pylint: disable=broad-exception-caught
        _record_crash(outcome, error)


def _record_crash(outcome: FileOutcome, error: Exception) -> None:
    # A compiler bug must cost one object, not the whole build (panc's "compiler error").
    outcome.messages.append(traceback.format_exc())
    outcome.errors.append(BuildError(f"compiler error while compiling {outcome.path}: {error!r}"))


def build(
    paths: Iterable[str],
    make_compiler: Callable[[], ObjectCompiler],
    settings: BuildSettings,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    workers: int = 1,
) -> BuildReport:
    """Compile every file; ``on_outcome`` sees each file's outcome, in order, once it is known.

    ``make_compiler`` makes a compiler with the build's options. With ``workers`` > 1 (and more
    than one file) files are compiled in that many forked worker processes, each with its own
    compilers; the outcomes are the same as in one process. The same object named by two files
    is reported once, for the first.
    """
    started = time.monotonic()
    paths = list(paths)
    if workers > 1 and len(paths) > 1 and "fork" in multiprocessing.get_all_start_methods():
        outcomes = _compile_in_processes(paths, make_compiler, settings, min(workers, len(paths)))
        for outcome in _without_repeated_objects(outcomes):
            if on_outcome is not None:
                on_outcome(outcome)
    else:
        checker, builder = make_compiler(), None
        outcomes = []
        built: set[str] = set()
        for path in paths:
            outcome = describe_file(path, checker)
            if outcome.object_name is not None and outcome.object_name not in built:
                built.add(outcome.object_name)
                builder = builder or make_compiler()
                build_object(outcome, builder, settings)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    return BuildReport(outcomes, len(settings.formats), time.monotonic() - started)


def _without_repeated_objects(outcomes: list[FileOutcome]) -> list[FileOutcome]:
    """Clear what a second file of an already reported object produced (workers built it twice)."""
    seen: set[str] = set()
    for outcome in outcomes:
        name = outcome.object_name
        if name is None:
            continue
        if name in seen:
            outcome.errors.clear()
            outcome.messages.clear()
            outcome.written = []
        seen.add(name)
    return outcomes


# ---------------------------------------------------------------------- worker processes

_WORKER_STATE: dict[str, Any] = {}


def _start_worker(make_compiler: Callable[[], ObjectCompiler], settings: BuildSettings) -> None:
    _WORKER_STATE["checker"] = make_compiler()
    _WORKER_STATE["builder"] = make_compiler()
    _WORKER_STATE["settings"] = settings


def _compile_in_worker(path: str) -> tuple[Any, ...]:
    outcome = describe_file(path, _WORKER_STATE["checker"])
    if outcome.object_name is not None:
        build_object(outcome, _WORKER_STATE["builder"], _WORKER_STATE["settings"])
    errors = [_portable(e) for e in outcome.errors]
    return outcome.parsed, outcome.object_name, errors, outcome.messages, outcome.written


def _compile_in_processes(
    paths: list[str], make_compiler: Callable[[], ObjectCompiler], settings: BuildSettings, workers: int
) -> list[FileOutcome]:
    # fork: the workers inherit the loaded modules and the (unpicklable) compiler factory
    context = multiprocessing.get_context("fork")
    outcomes = []
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(make_compiler, settings)) as pool:
        futures = [pool.submit(_compile_in_worker, path) for path in paths]
        for path, future in zip(paths, futures, strict=True):
            outcome = FileOutcome(path)
            outcomes.append(outcome)
            try:
                parsed, name, errors, messages, written = future.result()
            except Exception as error:  # pylint: disable=broad-exception-caught
                # a worker that died (killed, out of memory) fails its file only
                outcome.errors.append(BuildError(f"compiler error while compiling {path}: {error!r}"))
                continue
            outcome.parsed, outcome.object_name, outcome.written = parsed, name, written
            outcome.errors.extend(_restored(e) for e in errors)
            outcome.messages.extend(messages)
    return outcomes


def _portable(error: PanError | Diagnostic) -> tuple[Any, ...]:
    """An error in a form that crosses processes intact.

    Pickling an exception keeps only its ``args``: a ``PanError`` would lose its span, trace
    and object file. Diagnostics are plain data and travel as they are.
    """
    if isinstance(error, PanError):
        return ("error", type(error), error.args, dict(vars(error)))
    return ("diagnostic", error)


def _restored(portable: tuple[Any, ...]) -> PanError | Diagnostic:
    if portable[0] == "diagnostic":
        diagnostic: Diagnostic = portable[1]
        return diagnostic
    _, cls, args, state = portable
    error: PanError = cls.__new__(cls)
    Exception.__init__(error, *args)
    vars(error).update(state)
    return error
