"""What a build produces: per-file outcomes, the whole report, and errors that cross processes."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from panc.diagnostics import Diagnostic, PanError

if TYPE_CHECKING:
    from panc.output import OutputFormat


class BuildError(PanError):
    """A failure of the build rather than of the templates: an output that cannot be written,
    or a bug in the compiler. Printed as its message alone."""

    def format(self) -> str:
        return f"{self.message}\n"


class OutputWriteError(BuildError):
    """An output file that cannot be written, named as panc names it: ``/abs/out/x.json (Is a
    directory)`` (the profile, never the temporary file it was being written to)."""

    def format(self) -> str:
        return self.message

    @classmethod
    def of(cls, error: OSError) -> OutputWriteError:
        if error.filename is None:
            return cls(str(error))
        return cls(f"{os.path.abspath(error.filename)} ({error.strerror})")


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """Where and how to write: the output directory and the chosen formats."""

    output_dir: str
    formats: tuple[OutputFormat, ...]


Lookup = tuple[str, str, tuple[str, ...], str | None, str | None]
"""One include-path lookup an object depended on: ``T`` (template) or ``F`` (data file), the name,
the LOADPATH, the file found (``None``: absent) and the digest of its content."""


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
    written_states: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Output path -> (modification time in ns, size) as the writer left it, taken where it was
    written (a worker process), so that the build's process need not ``stat`` every output."""
    lookups: list[Lookup] = field(default_factory=list)
    """The lookups the object's profile depends on (for incremental builds)."""
    source_digest: str | None = None
    """The digest of the command-line file as it was read."""
    up_to_date: bool = False
    """Skipped: nothing it depends on changed since the last build (nothing was compiled)."""
    rendered: list[tuple[str, bytes]] = field(default_factory=list)
    """Outputs rendered but not yet written (format key, bytes): remote workers send them back."""
    timestamp: float = 0.0
    """When the object finished validating (panc stamps every output with it)."""

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
        return sum(o.object_name is not None and not o.up_to_date for o in self.outcomes) * self.formats

    @property
    def up_to_date(self) -> int:
        """Objects skipped because nothing they depend on changed."""
        return sum(o.up_to_date and o.object_name is not None for o in self.outcomes)

    @property
    def compiled(self) -> int:
        """Objects compiled (not skipped) without error."""
        return sum(o.object_name is not None and not o.up_to_date and not o.failed for o in self.outcomes)

    @property
    def not_objects(self) -> int:
        """Templates that parsed (in this build or, unchanged, before) but are not object
        templates: nothing is built from them."""
        return sum(o.object_name is None and not o.failed for o in self.outcomes)

    @property
    def failures(self) -> int:
        return sum(o.failed for o in self.outcomes)

    @property
    def errors(self) -> list[PanError | Diagnostic]:
        return [e for o in self.outcomes for e in o.errors]

    @property
    def failed(self) -> bool:
        return any(o.failed for o in self.outcomes)


# ---------------------------------------------------------------------- crossing processes


def portable_outcome(outcome: FileOutcome) -> tuple[Any, ...]:
    """``outcome`` as plain data that pickles without losing error details."""
    return (
        outcome.path, outcome.parsed, outcome.object_name, [portable_error(e) for e in outcome.errors],
        outcome.messages, [str(p) for p in outcome.written], outcome.written_states, outcome.lookups,
        outcome.source_digest, outcome.rendered, outcome.timestamp,
    )


def restored_outcome(data: Sequence[Any]) -> FileOutcome:
    """The ``FileOutcome`` that ``portable_outcome`` made ``data`` of."""
    path, parsed, name, errors, messages, written, states, lookups, digest, rendered, timestamp = data
    return FileOutcome(
        path, parsed, name, [restored_error(e) for e in errors], list(messages),
        [Path(p) for p in written], dict(states), [(k, n, tuple(lp), f, d) for k, n, lp, f, d in lookups],
        source_digest=digest, rendered=list(rendered), timestamp=timestamp,
    )


def portable_error(error: PanError | Diagnostic) -> tuple[Any, ...]:
    """An error in a form that crosses processes intact.

    Pickling an exception keeps only its ``args``: a ``PanError`` would lose its span, trace
    and object file. Diagnostics are plain data and travel as they are.
    """
    if isinstance(error, PanError):
        return ("error", type(error), error.args, dict(vars(error)))
    return ("diagnostic", error)


def restored_error(portable: tuple[Any, ...]) -> PanError | Diagnostic:
    """The error ``portable_error`` made ``portable`` of."""
    if portable[0] == "diagnostic":
        diagnostic: Diagnostic = portable[1]
        return diagnostic
    _, cls, args, state = portable
    error: PanError = cls.__new__(cls)
    Exception.__init__(error, *args)
    vars(error).update(state)
    return error
