"""Building profiles: choose the object templates, compile each, write its outputs atomically.

The CLI hands ``build`` the template files of the command line. Each file is parsed; an object
template is then compiled by its template name (found through the include path, as panc does),
validated, and its output files are written; any other template is only syntax-checked. One
failing object never stops the others: its errors are collected in the report, it writes
nothing, and the build goes on.

Work is done per file by ``compile_file``, a plain function over picklable values, so that a
process pool can later run it in parallel (the build-system work); the loop here is sequential.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Container, Iterable, Sequence
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


@dataclass(frozen=True, slots=True)
class Compilers:
    """The two compilers of a build process.

    ``checker`` reads the files named on the command line (syntax, misnamed template, which
    object they declare); ``builder`` builds objects by name through the include path only.
    Keeping them apart mirrors panc, where the include path wins over the file given, and
    keeps the command-line reading of a file from standing in for the include-path one.
    """

    checker: ObjectCompiler
    builder: ObjectCompiler


def compile_file(
    path: str, compilers: Compilers, settings: BuildSettings, done: Container[str] = ()
) -> FileOutcome:
    """Parse one command-line file; if it is an object template, compile it and write its outputs.

    An object already in ``done`` (the same object given twice) is not built again.
    """
    outcome = FileOutcome(path)
    try:
        _compile_file(outcome, compilers, settings, done)
    except OSError as error:
        outcome.errors.append(BuildError(f"cannot write the profile of {path}: {error}"))
    except Exception as error:  # pylint: disable=broad-exception-caught
        # A compiler bug must cost one object, not the whole build (panc's "compiler error").
        outcome.messages.append(traceback.format_exc())
        outcome.errors.append(BuildError(f"compiler error while compiling {path}: {error!r}"))
    return outcome


def _compile_file(outcome: FileOutcome, compilers: Compilers, settings: BuildSettings,
                  done: Container[str]) -> None:
    path = outcome.path
    name, diagnostics = compilers.checker.describe_file(path)
    if diagnostics:
        outcome.errors.extend(diagnostics)
        return
    outcome.parsed = True
    if name is None:
        return
    outcome.object_name = name
    if name in done:
        return
    result = compilers.builder.compile_object(name)
    outcome.messages.extend(result.messages)
    if result.error is not None or result.profile is None:
        if result.error is not None:
            outcome.errors.append(result.error)
        return
    rendered = [(fmt, fmt.render(result.profile, result.dependencies)) for fmt in settings.formats]
    # panc stamps every output of an object with one time: when the object finished validating
    outcome.written = write_object_outputs(settings.output_dir, name, rendered, time.time())


def build(
    paths: Iterable[str],
    make_compiler: Callable[[], ObjectCompiler],
    settings: BuildSettings,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> BuildReport:
    """Compile every file; ``on_outcome`` sees each file's outcome as soon as it is known.

    ``make_compiler`` makes a compiler with the build's options (a worker process will call
    it to get its own).
    """
    started = time.monotonic()
    compilers = Compilers(make_compiler(), make_compiler())
    outcomes: list[FileOutcome] = []
    done: set[str] = set()
    for path in paths:
        outcome = compile_file(path, compilers, settings, done)
        outcomes.append(outcome)
        if outcome.object_name is not None:
            done.add(outcome.object_name)
        if on_outcome is not None:
            on_outcome(outcome)
    return BuildReport(outcomes, len(settings.formats), time.monotonic() - started)
