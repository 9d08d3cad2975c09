"""The work done for one command-line file: read it, then compile, validate and render its object.

``describe_file`` reads the file (syntax, which object it declares); ``build_object`` compiles
the object by name and renders its outputs; ``FileWorker`` does both with two compilers kept
for the whole run, wherever it runs (this process, a forked worker, a Dask worker). It also
records which include-path lookups each object made, for incremental builds.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from panc.build.outcomes import BuildError, BuildSettings, FileOutcome, Lookup, OutputWriteError
from panc.diagnostics import Diagnostic, EvaluationError, PanError
from panc.evaluation.memory import MemoryLimitError, over_limit_message
from panc.loader import DataFile, Loader, TemplateSource

if TYPE_CHECKING:
    from panc.output.writing import PendingOutputs


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


def content_digest(data: bytes) -> str:
    """The digest incremental builds compare file contents by."""
    # imported here: a no-change build finds every digest in the manifest's stat cache
    import hashlib  # pylint: disable=import-outside-toplevel

    return hashlib.sha256(data).hexdigest()


def _text_digest(text: str) -> str:
    # loaders decode with surrogateescape: encoding back gives the file's bytes
    return content_digest(text.encode("utf-8", "surrogateescape"))


class RecordingLoader:
    """A loader that remembers every lookup made through it, with the file found and its digest.

    The compiler memoises template lookups for the whole run, so an object only reaches the
    loader for templates no earlier object used; what each object depends on is therefore read
    from its ``.dep`` names, and this loader says under which LOADPATHs each name was looked up
    and what was found. The digest is of the text the compiler really got, so a file edited
    during the build cannot be recorded as up to date. Data-file lookups are not memoised by
    the compiler and are also kept per object (found or not: a ``file_exists`` that failed
    depends on the file staying absent).
    """

    def __init__(self, inner: Loader) -> None:
        self.inner = inner
        self.templates: dict[str, dict[tuple[str, ...], tuple[str | None, str | None]]] = {}
        self.files: dict[str, dict[tuple[str, ...], tuple[str | None, str | None]]] = {}
        self.object_files: set[tuple[str, tuple[str, ...]]] = set()
        self.read_digests: dict[str, str] = {}

    def find_template(self, name: str, loadpath: Sequence[str] = ()) -> TemplateSource | None:
        found = self.inner.find_template(name, loadpath)
        state = (None, None) if found is None else (found.path, _text_digest(found.text))
        self.templates.setdefault(name, {})[tuple(loadpath)] = state
        return found

    def find_file(self, name: str, loadpath: Sequence[str] = ()) -> DataFile | None:
        found = self.inner.find_file(name, loadpath)
        state = (None, None) if found is None else (found.path, content_digest(found.data))
        self.files.setdefault(name, {})[tuple(loadpath)] = state
        self.object_files.add((name, tuple(loadpath)))
        return found

    def read_path(self, path: str) -> str | None:
        text = self.inner.read_path(path)
        if text is not None:
            self.read_digests[path] = _text_digest(text)
        return text

    def lookups_of(self, object_name: str, dependencies: Sequence[Any]) -> list[Lookup]:
        """The lookups an object with these ``.dep`` entries depended on, sorted."""
        found: set[Lookup] = set()

        def add(kind: str, name: str, table: dict[str, dict[tuple[str, ...], tuple[str | None, str | None]]],
                ) -> None:
            for loadpath, (path, digest) in table.get(name, {(): (None, "?")}).items():
                found.add((kind, name, loadpath, path, digest))

        add("T", object_name, self.templates)
        for dependency in dependencies:
            if dependency.kind in ("TEXT", "ABSENT_TEXT"):
                add("F", dependency.name, self.files)
            else:
                add("T", dependency.name, self.templates)
        for name, loadpath in self.object_files:
            path, digest = self.files[name][loadpath]
            found.add(("F", name, loadpath, path, digest))
        return sorted(found, key=lambda lookup: (lookup[0], lookup[1], lookup[2]))


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
        record_crash(outcome, error)
        return outcome
    if diagnostics:
        outcome.errors.extend(diagnostics)
        return outcome
    outcome.parsed = True
    outcome.object_name = name
    return outcome


def build_object(
    outcome: FileOutcome, builder: ObjectCompiler, settings: BuildSettings, write: bool = True,
    pending: PendingOutputs[FileOutcome] | None = None,
) -> None:
    """Compile, validate and render the object of ``outcome``, recording what happened in it.

    With ``write`` the outputs are written to the output directory (through ``pending`` when
    given: in place once it is committed, see ``FileWorker.commit``); otherwise they are kept
    in ``outcome.rendered`` for the caller to write (a remote worker's output directory is
    not the user's).
    """
    from panc.output import write_object_outputs  # pylint: disable=import-outside-toplevel

    name = outcome.object_name
    assert name is not None
    recorder = getattr(builder, "loader", None)
    if isinstance(recorder, RecordingLoader):
        recorder.object_files.clear()
    try:
        result = builder.compile_object(name)
        outcome.messages.extend(result.messages)
        if result.error is not None:
            outcome.errors.append(result.error)
            return
        if result.profile is None:
            return
        if isinstance(recorder, RecordingLoader):
            outcome.lookups = recorder.lookups_of(name, result.dependencies)
        else:
            # without a recording loader nothing is known of the files: never up to date
            outcome.lookups = [("T", name, (), None, "?")]
        rendered = [(fmt, fmt.render(result.profile, result.dependencies)) for fmt in settings.formats]
        # panc stamps every output of an object with one time: when the object finished validating
        outcome.timestamp = time.time()
        if write and pending is not None:
            outcome.written = pending.add(outcome, settings.output_dir, name, rendered, outcome.timestamp)
        elif write:
            outcome.written = write_object_outputs(settings.output_dir, name, rendered, outcome.timestamp)
            outcome.written_states = _file_states(outcome.written)
        else:
            outcome.rendered = [(fmt.key, data) for fmt, data in rendered]
    except OSError as error:
        outcome.errors.append(OutputWriteError.of(error))
    except (MemoryError, MemoryLimitError) as error:  # rendering a profile too large for the budget
        outcome.errors.append(EvaluationError(getattr(error, "message", None) or over_limit_message()))
    except Exception as error:  # pylint: disable=broad-exception-caught
        record_crash(outcome, error)


def _file_states(paths: Sequence[Path]) -> dict[str, tuple[int, int]]:
    states = {}
    for path in paths:
        info = os.stat(path)
        states[str(path)] = (info.st_mtime_ns, info.st_size)
    return states


def record_crash(outcome: FileOutcome, error: Exception) -> None:
    """A compiler bug costs one object, not the whole build (panc's "compiler error")."""
    import traceback  # pylint: disable=import-outside-toplevel  # only when a compiler bug shows

    outcome.messages.append(traceback.format_exc())
    outcome.errors.append(BuildError(f"compiler error while compiling {outcome.path}: {error!r}"))


class FileWorker:
    """Reads and builds command-line files with compilers made once, on first need."""

    def __init__(self, make_compiler: Callable[[], ObjectCompiler], settings: BuildSettings,
                 write: bool = True) -> None:
        self.make_compiler = make_compiler
        self.settings = settings
        self.write = write
        self._checker: ObjectCompiler | None = None
        self._builder: ObjectCompiler | None = None
        self._pending: PendingOutputs[FileOutcome] | None = None

    def describe(self, path: str) -> FileOutcome:
        """``describe_file`` with this worker's checker."""
        if self._checker is None:
            self._checker = _recording(self.make_compiler())
        outcome = describe_file(path, self._checker)
        loader = getattr(self._checker, "loader", None)
        if isinstance(loader, RecordingLoader):
            outcome.source_digest = loader.read_digests.pop(path, None)
        return outcome

    def build(self, outcome: FileOutcome) -> None:
        """``build_object`` with this worker's builder (whose lookups are recorded)."""
        if self._builder is None:
            self._builder = _recording(self.make_compiler())
        if self.write and self._pending is None:
            from panc.output.writing import PendingOutputs  # pylint: disable=import-outside-toplevel

            self._pending = PendingOutputs()
        build_object(outcome, self._builder, self.settings, self.write, self._pending)

    def commit(self) -> None:
        """Put the outputs written since the last commit in place, synced together (one flush
        of the file system for several objects); an object whose files cannot be, fails."""
        if self._pending is None:
            return
        for outcome, error in self._pending.commit():
            if error is None:
                outcome.written_states = _file_states(outcome.written)
            else:
                outcome.errors.append(OutputWriteError.of(error))
                outcome.written = []

    def run(self, path: str) -> FileOutcome:
        """Read ``path`` and build its object, if it declares one (its outputs are in place
        after the next ``commit``)."""
        outcome = self.describe(path)
        if outcome.object_name is not None:
            self.build(outcome)
        return outcome


@dataclass(frozen=True, slots=True)
class CompilerFactory:
    """Makes ``panc.compiler.Compiler`` objects from ``CompileOptions`` keywords.

    The compiler is imported on the first call only, so a build with nothing to compile never
    loads it (a no-change rebuild stays a fraction of a second); the factory pickles, for Dask.
    """

    options: dict[str, Any]

    def __call__(self) -> ObjectCompiler:
        from panc.compiler import CompileOptions, Compiler  # pylint: disable=import-outside-toplevel

        return Compiler(CompileOptions(**self.options))


def _recording(compiler: ObjectCompiler) -> ObjectCompiler:
    """``compiler`` with its loader (when it has one: ``Compiler.loader``) wrapped to record lookups."""
    loader = getattr(compiler, "loader", None)
    if loader is not None and not isinstance(loader, RecordingLoader):
        compiler.loader = RecordingLoader(loader)  # type: ignore[attr-defined]
    return compiler
