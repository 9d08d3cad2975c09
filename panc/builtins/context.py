"""Builtins that need the evaluator: variables, SELF, the profile, templates, files, messages.

A context builtin is registered with ``kind="context"``; its ``impl(compiler, call)`` runs
when the call is *compiled*: it receives the ``DmlCompiler`` and the ``ast.Call`` node,
makes panc's compile-time checks (its ``getInstance``: a bad call is a syntax error) and
returns the closure ``code(frame) -> value`` that the evaluator runs. Each follows panc's
class of the same name (``J:dml/functions``): which argument is a variable reference,
what fails at compile time, the message and position of every error, and what it does
when the statement is evaluated at compile time (most of them refuse, which keeps the
statement for run time).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import TYPE_CHECKING

from panc.builtins.formatting import java_format_values
from panc.builtins.interpolation import InterpolationCycle, interpolate
from panc.builtins.registry import BuiltinError, builtin
from panc.builtins.typetests import TYPE_TESTS
from panc.diagnostics import DeprecationFailure, EvaluationError, JavaRuntimeFailure, UserError
from panc.evaluation.control import EvalFailure, ReturnSignal, add_info, error_at, error_in
from panc.evaluation.dml import (
    AUTOMATIC_GLOBALS,
    automatic_value,
    constant_code,
    constant_of,
    index_chain,
    is_constant,
)
from panc.evaluation.resources import InvalidTerm, rget_list
from panc.evaluation.terms import PathTextError, is_valid_template_name, path_of, value_term
from panc.evaluation.tree import MISSING
from panc.evaluation.values import (
    NULL,
    UNDEF,
    Value,
    deep_copy,
    java_to_string,
    java_type,
    reaches,
    sorted_keys,
)
from panc.syntax import ast

if TYPE_CHECKING:
    from panc.evaluation.dml import Code, DmlCompiler
    from panc.evaluation.frames import Frame
    from panc.source import Span

_REFERENCES = (ast.Variable, ast.Index)


def _reference(compiler: DmlCompiler, node: ast.Expr) -> ast.Variable | ast.Index | None:
    """The variable reference an argument is, if it is one (panc's ``instanceof Variable``:
    the argument's DML is a single variable operation once folded)."""
    operation = compiler.sole_operation(node)
    return operation if isinstance(operation, _REFERENCES) else None


def _compile_time(frame: Frame, name: str, where: Span) -> None:
    """panc's ``throwExceptionIfCompileTimeContext``: keeps the statement for run time."""
    if frame.build.compile_time:
        raise error_at(f"invalid use of {name} in compile-time context", where)


def _formatted(values: list[Value], where: Span, frame: Frame) -> str:
    """panc's ``Formatter.format`` (``format``, and ``error``/``debug`` with several arguments)."""
    first = values[0]
    if type(first) is not str:
        raise error_in("first argument to format() must be a string", where, frame.build)
    try:
        return java_format_values(first, values[1:])
    except BuiltinError as error:
        raise error_in(error.message, where, frame.build) from None


# --------------------------------------------------------------------------- return, error


@builtin(
    "return",
    min_args=1,
    max_args=1,
    kind="context",
    signature="return(value)",
    arity_message="return() requires exactly one argument",
)
def return_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Leave the current function (or top-level DML block) with the given value."""
    value = compiler.dml(call.args[0])

    def code(frame: Frame) -> Value:
        raise ReturnSignal(value(frame))

    return code


@builtin(
    "error",
    min_args=1,
    kind="context",
    signature="error(message | format, ...)",
    arity_message="error() requires at least one argument",
)
def error_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Abort the compilation of the object with a user message (``format`` arguments allowed)."""
    args = [compiler.dml(arg) for arg in call.args]
    where = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        if len(values) == 1:
            if type(values[0]) is not str:
                raise error_at("the first argument for error() needs to be a string", where)
            message = values[0]
        else:
            message = _formatted(values, where, frame)
        build = frame.build
        raise error_in(f"[{build.object_name}] user-initiated error: {message}", where, build, UserError)

    return code


# --------------------------------------------------------------------------- debug output


def _compiled_message_arguments(name: str, compiler: DmlCompiler, call: ast.Call) -> list[Code]:
    """The arguments of ``debug()``/``traceback()``, built even when debugging is off (as panc's
    parser builds them: their compile-time errors stand); one constant that is not a string is
    refused."""
    args = [compiler.dml(arg) for arg in call.args]
    if len(args) == 1 and is_constant(args[0]) and type(constant_of(args[0])) is not str:
        raise compiler.syntax(f"{name}() requires exactly one string argument", call.span)
    return args


@builtin(
    "debug",
    min_args=1,
    kind="context",
    signature="debug(message | format, ...)",
    arity_message="debug() requires at least one argument",
)
def debug_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Print ``[OBJECT] message`` when debugging is enabled for the template; return the message."""
    args = _compiled_message_arguments("debug", compiler, call)
    if not compiler.env.debug_enabled:
        return constant_code(UNDEF)  # panc's DebugSuppressed is the constant undef
    where = call.span

    def code(frame: Frame) -> Value:
        _compile_time(frame, "debug", where)
        values = [a(frame) for a in args]
        build = frame.build
        message = values[0] if len(values) == 1 else _formatted(values, where, frame)
        if type(message) is not str:
            raise error_in("debug() requires exactly one string argument", where, build)
        build.emit(f"[{build.object_name}] {message}\n")
        return message

    return code


@builtin(
    "traceback",
    min_args=1,
    max_args=1,
    kind="context",
    signature="traceback(message)",
    arity_message="traceback() requires exactly one string argument",
)
def traceback_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Print the message and the call stack when debugging is enabled; return the message."""
    (message_code,) = _compiled_message_arguments("traceback", compiler, call)
    if not compiler.env.debug_enabled:
        return constant_code(UNDEF)
    where = call.span

    def code(frame: Frame) -> Value:
        _compile_time(frame, "traceback", where)
        message = message_code(frame)
        build = frame.build
        if type(message) is not str:
            raise error_in("traceback() requires exactly one string argument", where, build)
        lines = [f"{message}\n", ">>> call stack trace \n"]
        for file, place in build.traceback(where):
            shown = place.range_text() if place is not None else "?"
            lines.append(f">>> [{file if file is not None else '?'}:{shown}]\n")
        lines.append(">>> ====================\n\n\n")
        build.emit("".join(lines))
        return message

    return code


_FIRST_DEPRECATED = "first argument of deprecated() must be a non-negative long"
_SECOND_DEPRECATED = "second argument of deprecated() must be a string"


@builtin(
    "deprecated",
    min_args=2,
    max_args=2,
    kind="context",
    signature="deprecated(level, message)",
    arity_message="deprecated() requires exactly two arguments",
)
def deprecated_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Report a deprecation: printed with ``--warnings on``, an error with ``fatal``. Evaluated
    at compile time it is just true: it says nothing and checks nothing."""
    level = compiler.dml(call.args[0])
    message_code = compiler.dml(call.args[1])
    if is_constant(level):
        value = constant_of(level)
        if type(value) is not int or value < 0:
            raise compiler.syntax(_FIRST_DEPRECATED, call.span)
    if is_constant(message_code) and type(constant_of(message_code)) is not str:
        raise compiler.syntax(_SECOND_DEPRECATED, call.span)
    where = call.span

    def code(frame: Frame) -> Value:
        build = frame.build
        if build.compile_time:
            return True
        number = level(frame)
        message = message_code(frame)
        if type(number) is not int:
            raise error_in(_FIRST_DEPRECATED, where, build)
        if type(message) is not str:
            raise error_in(_SECOND_DEPRECATED, where, build)
        if number < 0:
            raise error_in(_FIRST_DEPRECATED, where, build)
        mode = build.warnings
        if mode == "on":
            build.emit(message + "\n")
            hooks = build.hooks
            if hooks is not None:
                hooks.on_deprecation(message, where)
        elif mode == "fatal":
            raise error_in(f"deprecation error: {message}", where, build, DeprecationFailure)
        return True

    return code


# --------------------------------------------------------------------------- variables


def _register_type_tests() -> None:
    for name, entry in TYPE_TESTS.items():

        def impl(compiler: DmlCompiler, call: ast.Call, test: Callable[[Value], bool] = entry.test) -> Code:
            return type_test(compiler, call, test)

        impl.__doc__ = entry.doc
        builtin(
            name,
            min_args=1,
            max_args=1,
            kind="context",
            signature=f"{name}(arg)",
            deprecated=entry.deprecated,
            # panc's is_nlist is is_dict (the oracle: "is_dict() requires exactly one argument")
            arity_message=f"{'is_dict' if name == 'is_nlist' else name}() requires exactly one argument",
        )(impl)


def type_test(compiler: DmlCompiler, call: ast.Call, test: Callable[[Value], bool]) -> Code:
    """``is_string(x)`` and the other type tests (``J:IsOfType``): on a variable reference, a
    variable that does not exist is not of the type; on any other argument, its value."""
    reference = _reference(compiler, call.args[0])
    name = call.name
    where = call.span
    if reference is not None:
        lookup = compiler.lookup(reference)

        def test_variable(frame: Frame) -> Value:
            _compile_time(frame, "IsVariableOfType", where)
            value = lookup(frame)
            return value is not None and test(value)

        return test_variable
    value_code = compiler.dml(call.args[0])
    del name

    def test_value(frame: Frame) -> Value:
        return test(value_code(frame))

    return test_value


@builtin(
    "exists",
    min_args=1,
    max_args=1,
    kind="context",
    signature="exists(variable | path | template)",
    arity_message="exists() requires exactly one argument",
)
def exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether a variable (or its child), an absolute/external path or a template exists."""
    where = call.span
    reference = _reference(compiler, call.args[0])
    if reference is not None:
        lookup = compiler.lookup(reference)

        def exists_variable(frame: Frame) -> Value:
            _compile_time(frame, "exists", where)
            try:
                return lookup(frame) is not None
            except EvaluationError as error:
                raise add_info(error, where, frame.build) from None

        return exists_variable
    value_code = compiler.dml(call.args[0])
    wrong = "exists() requires one variable reference or string argument"
    if is_constant(value_code) and type(constant_of(value_code)) is not str:
        raise compiler.syntax(wrong, where)

    def exists_name(frame: Frame) -> Value:
        _compile_time(frame, "exists", where)
        name = value_code(frame)
        build = frame.build
        if type(name) is not str:
            raise error_in(wrong, where, build)
        try:
            parsed = path_of(name)
        except EvaluationError:
            parsed = None
        if parsed is not None and not parsed.is_relative:
            return build.path_value(name, where) is not MISSING
        if not is_valid_template_name(name):
            raise error_in(
                "exists() requires a valid external path, absolute path, or template name", where, build
            )
        return build.template_exists(name)

    return exists_name


def _list_reference(compiler: DmlCompiler, node: ast.Variable | ast.Index, where: Span) -> Code:
    """panc's ``ListVariable``: the list a reference names, edited in place (``append``); a
    variable that is missing, undef or null becomes an empty list, as does a missing child."""
    if isinstance(node, ast.Variable):
        name = node.name
        if name == "SELF":
            return _self_list(None, where)

        def variable_list(frame: Frame) -> Value:
            scope = frame.locals
            value = scope.get(name)
            build = frame.build
            if value is None:
                if build.compile_time:
                    raise error_at("invalid use of SimpleListVariable in compile-time context", where)
                if name in build.globals:
                    raise error_at(f"global variable '{name}' cannot be modified from DML block", where)
                value = scope[name] = []
            elif value is UNDEF or value is NULL:
                value = scope[name] = []
            if type(value) is not list:
                raise error_at(f"referenced variable of type {java_type(value)} is not a list", where)
            return value

        return variable_list
    root, indexes = index_chain(node)
    term_codes = compiler.index_terms(indexes)
    if root.name == "SELF":
        return _self_list(term_codes, where)
    name = root.name

    def child_list(frame: Frame) -> Value:
        build = frame.build
        try:
            terms = [value_term(term(frame)) for term in term_codes]
        except EvaluationError as error:
            raise add_info(error, where, build) from None
        scope = frame.locals
        value = scope.get(name)
        if value is None:
            if build.compile_time:
                raise error_at("invalid use of NestedListVariable in compile-time context", where)
            if name in build.globals:
                raise error_at(f"global variable '{name}' cannot be modified from DML block", where)
            value = scope[name] = []
        elif value is UNDEF or value is NULL:
            value = scope[name] = []
        try:
            return rget_list(value, terms, 0)
        except InvalidTerm as problem:
            raise EvalFailure(problem.variable_message(name)) from None

    return child_list


def _self_list(term_codes: list[Code] | None, where: Span) -> Code:
    """``SelfSimpleListVariable``/``SelfNestedListVariable``."""

    def self_list(frame: Frame) -> Value:
        build = frame.build
        if build.compile_time:
            raise error_at("invalid use of SelfListVariable in compile-time context", where)
        terms = None
        if term_codes is not None:
            try:
                terms = [value_term(term(frame)) for term in term_codes]
            except EvaluationError as error:
                raise add_info(error, where, build) from None
        ref = frame.self_ref
        if ref is None:
            raise error_in("SELF is not defined", where, build)
        if ref.readonly:
            raise add_info(EvalFailure("cannot modify SELF from validation function"), where, build)
        value = build.protection.writable_path(ref.value, (*(terms or ()), None), ref.replace)
        if value is UNDEF or value is NULL:
            value = []
            ref.replace(value)
        if terms is None:
            if type(value) is not list:
                raise error_at(f"referenced variable of type {java_type(value)} is not a list", where)
            return value
        try:
            return rget_list(value, terms, 0)
        except InvalidTerm as problem:
            raise EvalFailure(problem.variable_message("SELF")) from None

    return self_list


def _append_like(compiler: DmlCompiler, call: ast.Call, at_end: bool) -> Code:
    """``append``/``prepend`` (``J:Append``/``J:Prepend``)."""
    name = call.name
    where = call.span
    value_node = call.args[-1]
    value_code = compiler.dml(value_node)
    if is_constant(value_code) and constant_of(value_code) is NULL:
        raise compiler.syntax(f"value cannot be null for {name}()", where)
    not_list = f"first argument of {name}() must be a variable reference or a list"
    if len(call.args) == 1:
        target = _self_list(None, where)
    else:
        reference = _reference(compiler, call.args[0])
        if reference is not None:
            target = _list_reference(compiler, reference, reference.span)
        else:
            target = compiler.dml(call.args[0])
            if is_constant(target) and type(constant_of(target)) is not list:
                raise compiler.syntax(not_list, where)

    def code(frame: Frame) -> Value:
        container = target(frame)
        value = value_code(frame)
        if value is NULL:
            raise error_at(f"value cannot be null for {name}()", where)
        if type(container) is not list:
            raise error_at(not_list, where)
        ref = frame.self_ref
        if (type(value) is list or type(value) is dict) and ref is not None and reaches(value, container):
            ref.circular = True  # panc's copy of the statement's result may overflow
        if at_end:
            container.append(value)
        else:
            container.insert(0, value)
        return container

    return code


@builtin(
    "append",
    min_args=1,
    max_args=2,
    kind="context",
    signature="append([list,] value)",
    arity_message="append() requires exactly one or two arguments",
)
def append_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Add a value at the end of a list (of SELF with one argument); a variable is edited in place."""
    return _append_like(compiler, call, at_end=True)


@builtin(
    "prepend",
    min_args=1,
    max_args=2,
    kind="context",
    signature="prepend([list,] value)",
    arity_message="prepend() requires exactly one or two arguments",
)
def prepend_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Add a value at the front of a list (of SELF with one argument); a variable is edited in place."""
    return _append_like(compiler, call, at_end=False)


@builtin(
    "delete",
    min_args=1,
    max_args=1,
    kind="context",
    signature="delete(variable)",
    arity_message="delete() requires exactly one argument",
)
def delete_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Delete a local variable or one of its children (``J:Delete``); returns undef."""
    reference = _reference(compiler, call.args[0])
    if reference is None:
        raise compiler.syntax("first argument of delete() must be a variable reference", call.span)
    if isinstance(reference, ast.Variable) and reference.name == "SELF":
        raise compiler.syntax("SELF variable may not be set directly", reference.span)
    setter = compiler.setter(reference)

    def code(frame: Frame) -> Value:
        setter(frame, NULL)
        return UNDEF

    return code


# --------------------------------------------------------------------------- iteration


def _iteration_setter(
    compiler: DmlCompiler, node: ast.Expr, where: Span
) -> Callable[[Frame, Value], Value] | None:
    """The key or value argument of ``first``/``next``: a variable reference, or undef."""
    reference = _reference(compiler, node)
    if reference is not None:
        return compiler.setter(reference)
    code = compiler.dml(node)
    if is_constant(code) and constant_of(code) is UNDEF:
        return None
    raise compiler.syntax("argument must be a variable reference or undef", where)


class _Iteration:
    __slots__ = ("keys", "position", "resource")

    def __init__(self, resource: Value) -> None:
        self.resource = resource
        self.keys: list[str] | None = sorted_keys(resource) if type(resource) is dict else None
        self.position = 0

    def next_entry(self) -> tuple[Value, Value] | None:
        resource = self.resource
        position = self.position
        keys = self.keys
        if keys is None:
            if position >= len(resource):
                return None
            self.position += 1
            return position, resource[position]
        while position < len(keys) and keys[position] not in resource:
            position += 1
        if position >= len(keys):
            self.position = position
            return None
        self.position = position + 1
        key = keys[position]
        return key, resource[key]


def _resource_reader(compiler: DmlCompiler, node: ast.Expr) -> Code:
    """The resource of ``first``/``next``: a variable is read without a copy, so that the same
    object is found again by the next call (panc keys its iterators by identity)."""
    reference = _reference(compiler, node)
    if isinstance(reference, ast.Variable) and reference.name != "SELF":
        name = reference.name
        read = compiler.expr(reference)

        def read_variable(frame: Frame) -> Value:
            value = frame.locals.get(name)
            if value is None:
                value = frame.build.globals.get(name)
            return value if value is not None else read(frame)

        return read_variable
    return compiler.dml(node)


def _iterator(compiler: DmlCompiler, call: ast.Call, restart: bool) -> Code:
    """``first``/``next`` (``J:First``/``J:Next``)."""
    name = call.name
    where = call.span
    set_key = _iteration_setter(compiler, call.args[1], where)
    set_value = _iteration_setter(compiler, call.args[2], where)
    resource_code = _resource_reader(compiler, call.args[0])

    def code(frame: Frame) -> Value:
        resource = resource_code(frame)
        build = frame.build
        if type(resource) is not list and type(resource) is not dict:
            raise error_in(f"first argument to {name}() must be a resource", where, build)
        iterators = frame.iterators
        if iterators is None:
            iterators = frame.iterators = {}
        if restart:
            if set_key is not None:
                set_key(frame, UNDEF)
            if set_value is not None:
                set_value(frame, UNDEF)
            state = iterators[id(resource)] = _Iteration(resource)
        else:
            state = iterators.get(id(resource))
            if state is None or state.resource is not resource:
                raise error_in("no valid iterator found for resource", where, build)
        entry = state.next_entry()
        if entry is None:
            return False
        if set_key is not None:
            set_key(frame, entry[0])
        if set_value is not None:
            if not restart:
                set_value(frame, UNDEF)
            set_value(frame, entry[1])
        return True

    return code


@builtin(
    "first",
    min_args=3,
    max_args=3,
    kind="context",
    signature="first(resource, key, value)",
    arity_message="first() requires exactly three arguments",
)
def first_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Start iterating a resource: set key and value variables; false when it is empty."""
    return _iterator(compiler, call, restart=True)


@builtin(
    "next",
    min_args=3,
    max_args=3,
    kind="context",
    signature="next(resource, key, value)",
    arity_message="next() requires exactly three arguments",
)
def next_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Continue an iteration started by ``first``; false when there is no more entry."""
    return _iterator(compiler, call, restart=False)


@builtin(
    "substitute",
    min_args=1,
    max_args=2,
    kind="context",
    signature="substitute(template[, dict])",
    arity_message="substitute() requires exactly one or two arguments",
)
def substitute_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Replace ``${name}`` by the value of a variable (or of the dict's key), interpolating
    inserted values in turn; ``$${`` escapes (``panc.builtins.interpolation``)."""
    args = [compiler.dml(arg) for arg in call.args]
    where = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        build = frame.build
        text = values[0]
        if type(text) is not str:
            raise error_in("first argument to substitute() must be a string", where, build)
        table = None
        if len(values) == 2:
            table = values[1]
            if type(table) is not dict:
                raise error_in("second argument to substitute() must be an nlist", where, build)

        def lookup(name: str) -> str:
            if table is not None:
                value = table.get(name)  # panc looks any name up as a key ('0', ' a ': undefined)
            else:
                value = frame.locals.get(name)
                if value is None:
                    value = build.globals.get(name)
                if value is None and name in AUTOMATIC_GLOBALS:  # the oracle: ${OBJECT}, ${TEMPLATE}
                    value = automatic_value(frame, name)
            if value is None:
                raise error_in(f"variable ({name}) undefined in substitute()", where, build)
            return java_to_string(value)

        try:
            return interpolate(text, lookup)
        except InterpolationCycle as cycle:
            raise JavaRuntimeFailure(str(cycle), where) from None

    return code


# --------------------------------------------------------------------------- the profile


@builtin(
    "value",
    min_args=1,
    max_args=2,
    kind="context",
    signature="value(path[, default])",
    arity_message="value() requires exactly one or two arguments",
)
def value_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """A copy of the element at a path (``J:Value``): absolute, external, or relative to the
    structure a ``create()`` is building; the default when it is absent or undef."""
    args = [compiler.dml(arg) for arg in call.args]
    where = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        _compile_time(frame, "value", where)
        build = frame.build
        path = values[0]
        if type(path) is not str:
            raise error_in(f"value() requires one string argument; {java_type(path)} found", where, build)
        try:
            found = build.path_value(path, where, build.relative_root(frame))
        except PathTextError as error:
            raise error_in(error.message, where, build) from None
        if found is MISSING:
            if len(values) != 2:
                raise error_in(f"referenced path ({path_of(path)}) doesn't exist", where, build)
            found = values[1]
        elif found is UNDEF and len(values) == 2:
            found = values[1]
        if type(found) is dict or type(found) is list:
            return deep_copy(found)
        return found

    return code


_RELATIVE_PATH_NOT_ALLOWED = "relative path is not allowed"
_PATH_EXISTS_STRING = "{0}() requires exactly one string argument"  # panc forgets to fill it in


@builtin(
    "path_exists",
    min_args=1,
    max_args=1,
    kind="context",
    signature="path_exists(path)",
    arity_message="path_exists() requires exactly one argument",
)
def path_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether an absolute or external path exists (``J:PathExists``)."""
    path_code = compiler.dml(call.args[0])
    where = call.span
    if is_constant(path_code):
        constant = constant_of(path_code)
        if type(constant) is not str:
            raise compiler.syntax(_PATH_EXISTS_STRING, where)
        try:
            relative = path_of(constant).is_relative
        except PathTextError as error:
            raise compiler.syntax(error.message, None) from None
        if relative:
            raise compiler.syntax(_RELATIVE_PATH_NOT_ALLOWED, where)

    def code(frame: Frame) -> Value:
        _compile_time(frame, "path_exists", where)
        path = path_code(frame)
        build = frame.build
        if type(path) is not str:
            raise error_in(_PATH_EXISTS_STRING, where, build)
        try:
            parsed = path_of(path)
        except PathTextError as error:
            raise error_in(error.format(), where, build) from None
        if parsed.is_relative:
            raise error_in(_RELATIVE_PATH_NOT_ALLOWED, where, build)
        return build.path_value(path, where) is not MISSING

    return code


@builtin(
    "is_valid",
    min_args=2,
    max_args=2,
    kind="context",
    signature="is_valid(type, value)",
    arity_message="is_valid() requires exactly two arguments",
)
def is_valid_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether the value validates as the named type (``J:IsValid``)."""
    reference = _reference(compiler, call.args[0])
    if reference is None:
        raise compiler.syntax("is_valid() requires the first argument to be a type", call.span)
    where = call.span
    value_code = compiler.dml(call.args[1])
    type_name = reference.name if isinstance(reference, ast.Variable) else None

    def code(frame: Frame) -> Value:
        _compile_time(frame, "is_valid", where)
        if type_name is None:
            raise error_at("is_valid() requires the first argument to be a type", where)
        checked = value_code(frame)
        build = frame.build
        if build.types.get(type_name) is None:
            raise error_at(f"type lookup failed for '{type_name}'", where)
        try:
            return build.types.is_valid(type_name, checked, build)
        except EvaluationError as error:
            raise add_info(error, where, build) from None

    return code


# --------------------------------------------------------------------------- templates and files


@builtin(
    "create",
    min_args=1,
    kind="context",
    signature="create(template, key, value, ...)",
    arity_message="create() requires an odd number of arguments",
)
def create_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """A dict built by a structure template, with the given keys overridden (``J:Create``)."""
    if len(call.args) % 2 == 0:
        raise compiler.syntax("create() requires an odd number of arguments", call.span)
    args = [compiler.dml(arg) for arg in call.args]
    where = call.span

    def code(frame: Frame) -> Value:
        _compile_time(frame, "create", where)
        values = [a(frame) for a in args]
        return frame.build.create(values[0], values[1:], frame, where)

    return code


@builtin(
    "if_exists",
    min_args=1,
    max_args=1,
    kind="context",
    signature="if_exists(template)",
    arity_message="if_exists() requires exactly one string argument",
)
def if_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """The template name if the template can be found, else undef (``J:IfExists``)."""
    name_code = compiler.dml(call.args[0])
    where = call.span

    def code(frame: Frame) -> Value:
        _compile_time(frame, "if_exists", where)
        name = name_code(frame)
        build = frame.build
        if type(name) is not str:
            raise error_in(f"if_exists argument is not a string: {java_type(name)}", where, build)
        if not is_valid_template_name(name):
            raise error_in(f"invalid template name: {name}", where, build)
        return name if build.template_exists(name) else UNDEF

    return code


def _relative_file(value: Value) -> str | None:
    """panc's ``verifyRelativePath``: a non-empty string not starting with ``/``."""
    if type(value) is not str or value == "" or value.startswith("/"):
        return None
    return value


@builtin(
    "file_contents",
    min_args=1,
    max_args=2,
    kind="context",
    signature="file_contents(file[, 'gzip'])",
    arity_message="file_contents() requires exactly one or two arguments",
)
def file_contents_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """The contents of a file found on the include path (``'gzip'`` decompresses it)."""
    args = [compiler.dml(arg) for arg in call.args]
    where = call.span
    required = "file_contents() requires a relative file name"
    if is_constant(args[0]) and _relative_file(constant_of(args[0])) is None:
        raise compiler.syntax(required, where)

    def code(frame: Frame) -> Value:
        _compile_time(frame, "file_contents", where)
        values = [a(frame) for a in args]
        name = _relative_file(values[0])
        if name is None:
            raise error_at(required, where)
        if not is_valid_template_name(name):  # '..', hidden files: the Java panc's words
            raise error_at(f"invalid template name ({name})", where)
        option = values[1] if len(values) == 2 else None
        found = frame.build.find_file(name)
        if found is None:
            raise error_at(f"file ({name}) does not exist", where)
        data = found.data
        try:
            if option == "gzip":
                data = gzip.decompress(data)
            return data.decode("utf-8", errors="replace")
        except (OSError, EOFError) as problem:
            raise error_at(f"cannot read file '{name}': {problem}", where) from None

    return code


@builtin(
    "file_exists",
    min_args=1,
    max_args=1,
    kind="context",
    signature="file_exists(file)",
    arity_message="file_exists() requires exactly one argument",
)
def file_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether a file can be found on the include path."""
    name_code = compiler.dml(call.args[0])
    where = call.span
    required = "file_exists() requires a relative file name"
    if is_constant(name_code) and _relative_file(constant_of(name_code)) is None:
        raise compiler.syntax(required, where)

    def code(frame: Frame) -> Value:
        _compile_time(frame, "file_exists", where)
        name = _relative_file(name_code(frame))
        if name is None:
            raise error_at(required, where)
        if not is_valid_template_name(name):
            raise error_at(f"invalid template name ({name})", where)
        return frame.build.find_file(name) is not None

    return code


_register_type_tests()
