"""Evaluating expressions at compile time: type defaults and ``--initial-data``.

The expression runs against ``ConstantBuild``, a stand-in for an object build that refuses
everything only known at run time (global variables, the profile, templates, files, user
functions). Local variables, operators and pure builtins work, as in panc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from panc.diagnostics import PanError, PanSyntaxError
from panc.evaluation.control import EvalFailure, NotConstant, ReturnSignal
from panc.evaluation.frames import Frame
from panc.evaluation.tree import Tree
from panc.evaluation.values import Value
from panc.source import Span

if TYPE_CHECKING:
    from panc.evaluation.dml import Code

MSG_NOT_CONSTANT = "default value must be a compile-time constant"


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise NotConstant()


class ConstantBuild:
    """The build seen by compile-time evaluation: no state, every lookup refused."""

    max_iteration = 10000
    max_recursion = 50
    warnings = "on"
    hooks = None

    def __init__(self) -> None:
        self.globals: dict[str, Value] = {}
        self.final_globals: set[str] = set()
        self.functions: dict[str, Any] = {}
        self.tree = Tree()
        self.messages: list[str] = []

    @property
    def object_name(self) -> str:
        raise NotConstant()

    read_global = _refuse
    call_function = _refuse
    include = _refuse
    create = _refuse
    find_template = _refuse
    template_exists = _refuse
    path_value = _refuse
    relative_root = _refuse
    referenced = _refuse
    find_file = _refuse
    emit = _refuse
    loadpath = _refuse
    types = property(_refuse)


def evaluate_constant(code: Code, span: Span, message: str = MSG_NOT_CONSTANT) -> Value:
    """Run ``code`` at compile time; ``PanSyntaxError(message)`` if it is not a constant."""
    build = ConstantBuild()
    frame = Frame(build, build.tree, "")  # type: ignore[arg-type]
    try:
        return code(frame)
    except ReturnSignal as signal:
        return signal.value
    except (NotConstant, PanError, EvalFailure):
        raise PanSyntaxError(message, span) from None
