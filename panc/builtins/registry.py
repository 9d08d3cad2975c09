"""The table of builtin functions.

Two kinds of builtins exist:

* **pure** builtins get their arguments already evaluated and return a value:
  ``impl(args: list[Value]) -> Value``. They know nothing of templates, variables or the
  profile; a user mistake raises ``BuiltinError`` with panc's message, which the evaluator
  turns into an ``evaluation error`` at the call's position.
* **context** builtins need the evaluator (they read variables, the profile, templates, or
  evaluate their arguments lazily): ``impl(compiler, call)`` runs when the call is compiled,
  gets the ``DmlCompiler`` and the ``ast.Call`` node, and returns the closure
  ``code(frame) -> Value`` the evaluator runs (see ``panc.builtins.context``).

Each family module registers its functions with ``@builtin(...)``; ``panc.builtins`` imports
every family so that ``BUILTINS`` is complete once the package is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

BuiltinKind = Literal["pure", "context"]


ErrorPlace = Literal["context", "range", "bare", "java"]


class BuiltinError(Exception):
    """A user error inside a builtin; ``message`` is what panc prints.

    ``where`` says how panc's builtin created the error, which decides what it prints: at
    the call with the current template and trace (``context``, most builtins), at the call
    alone (``range``) or with no position at all (``bare``, filled in by the enclosing
    statement); ``java`` is a Java runtime exception panc does not catch, printed as its
    message alone.
    """

    def __init__(self, message: str, where: ErrorPlace = "context") -> None:
        super().__init__(message)
        self.message = message
        self.where = where


@dataclass(frozen=True, slots=True)
class Builtin:
    name: str
    impl: Callable[..., Any]
    min_args: int
    max_args: int | None
    """``None`` means no upper limit."""
    kind: BuiltinKind
    doc: str
    """First paragraph of the docstring: shown by the language server's hover and completion."""
    signature: str
    """How the reference documents the call, e.g. ``substr(str, start[, length])``."""
    deprecated: bool = False
    arity_message: str | None = None
    """panc's own message for a wrong number of arguments (a syntax error at the call)."""
    compile_check: Callable[[list[Any], Any], None] | None = None
    """panc's checks when the call is compiled (its ``getInstance``): called with the constant
    value of each argument (``panc.evaluation.control.NOT_CONSTANT`` for the others) and the
    call's span; raises ``PanSyntaxError``."""
    folds: bool = False
    """Whether panc computes a call whose arguments are all constants when it compiles it
    (``escape('a b')`` is the constant ``'a_20b'``): a failure is then a syntax error."""
    lazy: bool = False
    """Whether panc evaluates the arguments one at a time, checking each before evaluating the
    next (``substr(1, f())`` fails on its first argument even when ``f()`` fails): ``impl``
    must then read ``args[i]`` in order and use ``len(args)``, not slices; after a failed
    argument it gets a sequence that raises that failure when the argument is read."""
    check_before_arity: bool = False
    """Whether ``compile_check`` runs before the count of arguments is checked (panc's matchers
    refuse a constant non-string argument before counting them); it then checks the count."""


BUILTINS: dict[str, Builtin] = {}


def builtin(
    name: str,
    *,
    min_args: int = 0,
    max_args: int | None = None,
    kind: BuiltinKind = "pure",
    signature: str = "",
    deprecated: bool = False,
    arity_message: str | None = None,
    compile_check: Callable[[list[Any], Any], None] | None = None,
    folds: bool = False,
    lazy: bool = False,
    check_before_arity: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``impl`` as the builtin ``name``."""

    def register(impl: Callable[..., Any]) -> Callable[..., Any]:
        if name in BUILTINS:
            raise ValueError(f"builtin {name!r} registered twice")
        doc = (impl.__doc__ or "").strip().split("\n\n")[0]
        BUILTINS[name] = Builtin(
            name=name,
            impl=impl,
            min_args=min_args,
            max_args=max_args,
            kind=kind,
            doc=" ".join(doc.split()),
            signature=signature or f"{name}(...)",
            deprecated=deprecated,
            arity_message=arity_message,
            compile_check=compile_check,
            folds=folds,
            lazy=lazy,
            check_before_arity=check_before_arity,
        )
        return impl

    return register
