"""Evaluating DML at compile time, as panc's ``CompileTimeContext`` does.

panc tries to evaluate the DML of assignments, variable and include statements, type
defaults and ``--initial-data`` when it compiles a template. The evaluation runs against
``ConstantBuild``, a stand-in for an object build that has nothing only known at run time:
no global variables (assigning one makes a local), no profile, no templates, files or user
functions, no ``SELF``, ``OBJECT``, ``TEMPLATE`` or ``FUNCTION``; loops stop after 1,000
iterations; ``deprecated()`` returns true without a word. Local variables, operators and
pure builtins work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from panc.diagnostics import EvaluationError, PanSyntaxError, TraceEntry
from panc.evaluation.control import NOT_CONSTANT, NotConstant, ReturnSignal
from panc.evaluation.frames import Frame
from panc.evaluation.protection import Protection
from panc.evaluation.tree import Tree
from panc.evaluation.values import NULL, UNDEF, Value

if TYPE_CHECKING:
    from panc.evaluation.dml import Code
    from panc.source import Span

MSG_NOT_CONSTANT = "DML block for default value does not evaluate to a compile-time constant"
MSG_UNDEF_DEFAULT = "undef is not a valid default value"


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise NotConstant()


class ConstantBuild:
    """The build seen by compile-time evaluation: no state, every lookup refused."""

    compile_time = True
    max_iteration = 1000
    max_recursion = 50
    warnings = "off"
    hooks = None
    current_file = None
    object_name = "empty"

    def __init__(self) -> None:
        self.globals: dict[str, Value] = {}
        self.final_globals: set[str] = set()
        self.functions: dict[str, Any] = {}
        self.tree = Tree()
        self.protection = Protection()
        self.messages: list[str] = []
        self.call_stack: list[TraceEntry] = []

    def traceback(self, where: Span | None) -> list[TraceEntry]:
        return [(None, where)]

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


def compile_time_value(code: Code) -> Value:
    """The value of a statement's DML computed at compile time, or ``NOT_CONSTANT`` when it
    cannot be (it touched the object, or failed: then it runs, and fails, with the object)."""
    build = ConstantBuild()
    frame = Frame(build, build.tree, "")  # type: ignore[arg-type]
    try:
        return code(frame)
    except ReturnSignal as signal:
        return signal.value
    except (NotConstant, EvaluationError, MemoryError, RecursionError):
        return NOT_CONSTANT


def evaluate_constant(code: Code, where: Span | None, message: str = MSG_NOT_CONSTANT) -> Value:
    """A type default (panc's ``runDefaultDml``): ``PanSyntaxError`` at ``where`` unless the DML
    is a compile-time constant other than undef and null."""
    value = compile_time_value(code)
    if value is NOT_CONSTANT:
        raise PanSyntaxError(message, where)
    if value is UNDEF or value is NULL:
        raise PanSyntaxError(MSG_UNDEF_DEFAULT, where)
    return value
