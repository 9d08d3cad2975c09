"""Exceptions that steer evaluation: unlocated failures, ``return``, non-constant defaults.

Helpers deep in the evaluator (operators, tree updates, term checks) do not know which
source position failed; they raise ``EvalFailure`` and the closure of the AST node that
called them turns it into a located ``EvaluationError`` with ``located``.
"""

from __future__ import annotations

from panc.diagnostics import EvaluationError
from panc.source import Span


class EvalFailure(Exception):
    """A user error whose position is not known yet."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReturnSignal(Exception):
    """``return(v)``: unwinds to the enclosing function call or top-level DML block."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value


class NotConstant(Exception):
    """A compile-time evaluation touched something only known at run time."""


def located(message: str, span: Span, kind: type[EvaluationError] = EvaluationError) -> EvaluationError:
    """An evaluation error (or one of its kinds: ``UserError``...) at ``span`` whose call trace
    starts there."""
    return kind(message, span, [span])
