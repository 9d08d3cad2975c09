"""What the type system needs from the evaluator, as a protocol.

The type system never executes DML itself: ``with`` clauses, ``valid`` blocks and default
values are evaluated by the host (the evaluator, or a fake in tests) through this interface.
"""

from __future__ import annotations

from typing import Protocol

from panc.evaluation.values import Value
from panc.source import Span
from panc.syntax import ast


class InvalidLinkPath(Exception):
    """``resolve_path``: the string is not a path (panc: ``invalid link path``)."""


class LinkReadError(Exception):
    """``resolve_path``: reading the path failed; the message says why (an external path to
    an object that fails...)."""


class ValidationContext(Protocol):
    """The evaluator services used while compiling types, inserting defaults and validating."""

    def run_with(self, expr: ast.Expr, self_value: Value, span: Span) -> Value:
        """Evaluate a ``with`` expression (or a ``valid`` block) with ``SELF`` bound read-only.

        May raise ``EvaluationError`` (or any ``PanError``); the type system turns that into a
        validation failure, as panc does.
        """

    def evaluate_constant(self, expr: ast.Expr) -> Value:
        """The compile-time constant value of a default expression; raises if it is not constant."""

    def resolve_path(self, path: str) -> Value | None:
        """The value at an absolute path of the profile being built, or at an external
        ``obj:/path``; ``None`` when there is no such element. Used to follow links.

        Raises ``InvalidLinkPath`` when ``path`` is not a path, ``LinkReadError`` when it
        cannot be read (any other ``PanError``, as a malformed term, stops the compile)."""
