"""Exceptions that steer evaluation, and panc's way of locating evaluation errors.

panc (the Java compiler) fills in an error's position piece by piece as it unwinds: the
operation that fails may know its source range, the enclosing DML block or statement adds
its own range when the error has none yet, and the first layer that knows the current
template adds that file and the ``>>>`` call trace (``addExceptionInfo``). The printed
``[file:range]`` therefore often names the range of one place and the file of another; we
reproduce it exactly. ``EvaluationError.span`` keeps the innermost range with its real
file for the tools (editor, debugger).

``EvalFailure`` is an evaluation error that knows nothing yet (panc's ``new
EvaluationException(message)``): helpers deep in the evaluator raise it and the layers
above fill it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from panc.diagnostics import EvaluationError, TraceEntry
from panc.evaluation.values import Value, deep_copy
from panc.source import Span

if TYPE_CHECKING:
    from collections.abc import Sequence


class CallContext(Protocol):
    """What locating an error needs from the object being built: panc's template stack."""

    current_file: str | None
    """The source of the template that runs (panc's ``currentTemplate``)."""

    def traceback(self, where: Span | None) -> list[TraceEntry]:
        """panc's ``getTraceback(range)``: ``where`` in the current template, then the callers."""


class EvalFailure(EvaluationError):
    """An evaluation error with no position, file or trace yet."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


STACK_OVERFLOW = "stack overflow; check for circular data structure"
"""panc's message when a resource that holds itself is copied (its recursion overflows)."""


def duplicate(value: Value) -> Value:
    """panc's ``duplicate()`` of a resource: a deep copy; copying one that holds itself is
    panc's stack overflow, an evaluation error where the copy was made."""
    try:
        return deep_copy(value)
    except RecursionError:
        raise EvalFailure(STACK_OVERFLOW) from None


class ReturnSignal(Exception):
    """``return(v)``: unwinds to the enclosing function call or top-level DML block."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value


class NotConstant(Exception):
    """A compile-time evaluation touched something only known at run time."""


class _NotConstantValue:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_CONSTANT"


NOT_CONSTANT = _NotConstantValue()
"""What stands for an expression's value when it is not known at compile time."""


def not_constant(value: object) -> bool:
    """Whether ``value`` stands for a value not known at compile time (``NOT_CONSTANT``)."""
    return value is NOT_CONSTANT


def error_at(
    message: str, where: Span | None, kind: type[EvaluationError] = EvaluationError
) -> EvaluationError:
    """panc's ``new EvaluationException(message, range)``: a range, no file, no trace (``kind``:
    a distinct kind of evaluation error, ``UserError``...)."""
    error = kind(message)
    _set_range(error, where)
    return error


def unplaced(message: str, span: Span | None) -> EvalFailure:
    """An error panc raises with no position (``new EvaluationException(message)``) that tools
    may still show at ``span``: what is printed is filled in by the enclosing layers."""
    error = EvalFailure(message)
    error.span = span
    return error


def error_in(
    message: str,
    where: Span | None,
    context: CallContext | None,
    kind: type[EvaluationError] = EvaluationError,
) -> EvaluationError:
    """panc's ``new EvaluationException(message, range, context)``: the range, the current
    template's file, and (with a range) the call trace as it is now."""
    error = error_at(message, where, kind)
    if context is not None and context.current_file is not None:
        error.file = context.current_file
        if where is not None:
            _set_traceback(error, context.traceback(where))
    return error


def add_info(error: EvaluationError, where: Span | None, context: CallContext | None) -> EvaluationError:
    """panc's ``addExceptionInfo(range, context)``: fill in what ``error`` lacks, and recompute
    the trace from ``where`` when anything was filled in. Returns ``error``."""
    changed = False
    if error.range is None and where is not None:
        _set_range(error, where)
        changed = True
    if error.file is None and context is not None and context.current_file is not None:
        error.file = context.current_file
        changed = True
    if changed and where is not None and context is not None:
        _set_traceback(error, context.traceback(where))
    return error


def add_file(error: EvaluationError, file: str | None) -> EvaluationError:
    """panc's ``addExceptionInfo(null, file, null)``: only a missing file is filled in."""
    if error.file is None and file is not None:
        error.file = file
    return error


def located(message: str, span: Span, kind: type[EvaluationError] = EvaluationError) -> EvaluationError:
    """An evaluation error (or one of its kinds: ``UserError``...) fully located at ``span``:
    its range, its file and a one-line trace."""
    return kind(message, span, [span])


def _set_range(error: EvaluationError, where: Span | None) -> None:
    error.range = where
    if where is not None and error.span is None:
        error.span = where


def _set_traceback(error: EvaluationError, entries: Sequence[TraceEntry]) -> None:
    error.traceback = list(entries)
    error.trace = [where for _, where in entries if where is not None]
