"""Observation points into the evaluator, for debuggers, tracers and provenance recorders.

Subclass ``EvaluationHooks`` and override what you need; every method does nothing by
default. A compiler built without hooks (``hooks=None``) compiles templates without any
hook call, so unhooked compiles pay nothing.

The evaluator calls the hooks on the thread that evaluates the object; a debugger may
block inside ``on_statement`` to pause execution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from panc.diagnostics import PanError
    from panc.evaluation.frames import Frame
    from panc.source import Span
    from panc.syntax import ast
    from panc.types.binding import Binding


class EvaluationHooks:
    """No-op hooks; override the ones you need."""

    wants_expressions: bool = False
    """Set to ``True`` to get ``on_expression`` for every evaluated expression (slow)."""

    wants_defaults: bool = False
    """Set to ``True`` to get ``on_default`` for every type default inserted (the compiler then
    compares the profile before and after the defaults: a copy of it)."""

    def on_statement(self, node: ast.Statement | ast.Expr, frame: Frame) -> None:
        """Before a template statement or a statement of a DML block runs."""

    def on_statement_error(self, node: ast.Statement | ast.Expr, frame: Frame, error: PanError) -> None:
        """A statement failed with ``error``; its ``frame`` is still live.

        Every enclosing statement reports the same error as it unwinds, innermost first.
        """

    def on_expression(self, node: ast.Expr, frame: Frame) -> None:
        """Before an expression is evaluated (only when ``wants_expressions`` is set)."""

    def on_include_enter(self, template: str, span: Span) -> None:
        """A template starts executing; ``span`` is the include (or create) call site."""

    def on_include_exit(self, template: str, span: Span) -> None:
        """A template finished executing (also when it failed)."""

    def on_function_enter(self, name: str, span: Span, frame: Frame) -> None:
        """A user function starts; ``frame`` is its new frame (ARGV/ARGC set)."""

    def on_function_exit(self, name: str, span: Span, frame: Frame) -> None:
        """A user function returns (also when it failed)."""

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        """An assignment statement wrote ``value`` (``NULL`` for a deletion) at ``path``."""

    def on_structure_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        """An assignment wrote ``value`` at the relative ``path`` (``a/b``) of the structure
        that a ``create()`` is building."""

    def on_built(self, root: dict[str, Any], bindings: list[Binding]) -> None:
        """The object's templates ran: ``root`` is its profile (the defaults are inserted into
        it next, in place, then it is validated) and ``bindings`` its ``bind`` and ``valid``
        statements."""

    def on_default(self, path: str, value: Any, span: Span, type_name: str) -> None:
        """A default of the type ``type_name`` (declared at ``span``) was inserted at ``path``
        (only with ``wants_defaults``)."""

    def on_deprecation(self, message: str, span: Span) -> None:
        """``deprecated()`` at ``span`` reported ``message`` (``--warnings on``; with ``fatal`` it
        raises ``DeprecationFailure`` instead)."""

    def on_error(self, error: PanError) -> None:
        """The compile of an object stopped with ``error``."""
