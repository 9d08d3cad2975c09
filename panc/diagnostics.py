"""Diagnostics and errors shared by every tool.

User mistakes are data: stages return ``Diagnostic`` values. Inside the evaluator a user
error travels as a ``PanError`` exception until the compile of that object stops; the CLI
turns it back into text exactly as panc prints it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from panc.source import Span


class Severity(enum.IntEnum):
    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4


class Category(enum.StrEnum):
    """panc's error categories: the phrase that starts each printed error."""

    PARSE = "parse error"
    SYNTAX = "syntax error"
    EVALUATION = "evaluation error"
    VALIDATION = "validation error"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about a source, with where and why.

    ``code`` is a stable identifier (``parse``, ``syntax``, ``LP001``...), ``related`` lists
    other places that explain this one (e.g. the ``>>>`` call trace of an evaluation error).
    """

    category: Category | None
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    code: str = ""
    related: tuple[tuple[str, Span], ...] = ()

    def format(self) -> str:
        """panc's text form: ``<category> [file:L.C-L.C]`` then the message."""
        phrase = self.category.value if self.category else self.code
        return f"{phrase} [{self.span}]\n{self.message}"


class PanError(Exception):
    """A user error that stops the compile of one object."""

    category: Category = Category.EVALUATION

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span

    def format(self) -> str:
        where = f" [{self.span}]" if self.span else ""
        return f"{self.category.value}{where}\n{self.message}\n"

    def to_diagnostic(self) -> Diagnostic:
        span = self.span or Span("?", 0, 0, 0, 0)
        return Diagnostic(self.category, self.message, span, code=self.category.name.lower())


class PanSyntaxError(PanError):
    """A compile-time check failing (bad escape, octal ``08``, misnamed template...)."""

    category = Category.SYNTAX


class PanParseError(PanError):
    """The grammar rejecting the text."""

    category = Category.PARSE


class EvaluationError(PanError):
    """An error while executing templates; ``trace`` holds the call stack, innermost first."""

    category = Category.EVALUATION

    def __init__(self, message: str, span: Span | None = None, trace: list[Span] | None = None) -> None:
        super().__init__(message, span)
        self.trace: list[Span] = trace if trace is not None else []

    def format(self) -> str:
        """Exactly as panc prints it (see panc-output-samples/errors)."""
        where = f" [{self.span}]" if self.span else ""
        lines = [f"evaluation error{where}", self.message, ">>> call stack trace "]
        lines += [f">>> [{span}]" for span in self.trace]
        lines.append(">>> ====================")
        return "\n".join(lines) + "\n"

    def to_diagnostic(self) -> Diagnostic:
        base = super().to_diagnostic()
        related = tuple((">>> called from", span) for span in self.trace[1:])
        return Diagnostic(base.category, base.message, base.span, code=base.code, related=related)


class UserError(EvaluationError):
    """``error()`` called by the templates (``[OBJECT] user-initiated error: ...``)."""


class DeprecationFailure(EvaluationError):
    """``deprecated()`` under ``--warnings fatal`` (``deprecation error: ...``)."""


def same_kind(error: PanError) -> type[EvaluationError]:
    """The class that reports ``error`` again at another place (an external path to an object
    that failed, ``is_valid`` of a type whose check failed): an ``error()`` call or a fatal
    deprecation stays one; anything else is an evaluation error there."""
    return type(error) if isinstance(error, UserError | DeprecationFailure) else EvaluationError


class ValidationError(PanError):
    """A type or undef check failing after the object was built; reported against the object file."""

    category = Category.VALIDATION

    def __init__(self, message: str, object_file: str = "", span: Span | None = None) -> None:
        super().__init__(message, span)
        self.object_file = object_file

    def format(self) -> str:
        return f"validation error [{self.object_file}]\n{self.message}\n"


def error_from_diagnostic(diagnostic: Diagnostic) -> PanError:
    """The error a compile stops with for a diagnostic of the parser or the static checks."""
    if diagnostic.category is Category.PARSE:
        return PanParseError(diagnostic.message, diagnostic.span)
    if diagnostic.category is Category.EVALUATION:
        return EvaluationError(diagnostic.message, diagnostic.span, [diagnostic.span])
    return PanSyntaxError(diagnostic.message, diagnostic.span)
