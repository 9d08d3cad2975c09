"""Builtins that need the evaluator: variables, SELF, the profile, templates, files, messages.

A context builtin is registered with ``kind="context"``; its ``impl(compiler, call)`` runs
when the call is *compiled*: it receives the ``DmlCompiler`` and the ``ast.Call`` node,
makes its compile-time checks (a bad call is a syntax error, as in panc) and returns the
closure ``code(frame) -> value`` that the evaluator runs. This lets each of them decide how
its arguments are evaluated: lazily (``debug`` when disabled), as variable references
(``exists(x)``, ``append(x, v)``), or as values.
"""

from __future__ import annotations

import gzip
import re
from typing import TYPE_CHECKING

from panc.builtins.registry import BUILTINS, BuiltinError, builtin
from panc.diagnostics import EvaluationError
from panc.evaluation.control import EvalFailure, ReturnSignal, located
from panc.evaluation.dml import constant_code, constant_of, is_constant
from panc.evaluation.terms import parse_path_text, value_term
from panc.evaluation.tree import MISSING, list_index
from panc.evaluation.values import NULL, UNDEF, Value, deep_copy, format_scalar, sorted_keys, type_name
from panc.syntax import ast

if TYPE_CHECKING:
    from panc.evaluation.dml import Code, DmlCompiler
    from panc.evaluation.frames import Frame
    from panc.source import Span

_REFERENCES = (ast.Variable, ast.Index)


def _is_null_literal(node: ast.Expr) -> bool:
    return isinstance(node, ast.Literal) and node.value is NULL


def _is_undef_literal(node: ast.Expr) -> bool:
    return isinstance(node, ast.Literal) and node.value is UNDEF


def _string(value: Value, function: str, span: Span) -> str:
    if type(value) is not str:
        raise located(f"{function}() requires a string argument, not {type_name(value)}", span)
    return value


def _format(arguments: list[Value], span: Span) -> str:
    """``error``/``debug`` with several arguments: the first is a ``format`` string."""
    try:
        return BUILTINS["format"].impl(arguments)  # type: ignore[no-any-return]
    except BuiltinError as error:
        raise located(error.message, span) from None


# --------------------------------------------------------------------------- return, error


@builtin("return", min_args=1, max_args=1, kind="context", signature="return(value)")
def return_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Leave the current function (or top-level DML block) with the given value."""
    value = compiler.expr(call.args[0])

    def code(frame: Frame) -> Value:
        raise ReturnSignal(value(frame))

    return code


@builtin("error", min_args=1, kind="context", signature="error(message | format, ...)")
def error_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Abort the compilation of the object with a user message (``format`` arguments allowed)."""
    args = [compiler.expr(arg) for arg in call.args]
    span = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        if type(values[0]) is not str:
            raise located("the first argument for error() needs to be a string", span)
        message = values[0] if len(values) == 1 else _format(values, span)
        raise located(f"[{frame.build.object_name}] user-initiated error: {message}", span)

    return code


# --------------------------------------------------------------------------- debug output


@builtin("debug", min_args=1, kind="context", signature="debug(message | format, ...)")
def debug_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Print ``[OBJECT] message`` when debugging is enabled for the template; return the message."""
    if not compiler.env.debug_enabled:
        return constant_code(UNDEF)
    args = [compiler.expr(arg) for arg in call.args]
    span = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        message = _string(values[0], "debug", span) if len(values) == 1 else _format(values, span)
        frame.build.emit(f"[{frame.build.object_name}] {message}\n")
        return message

    return code


@builtin("traceback", min_args=1, max_args=1, kind="context", signature="traceback(message)")
def traceback_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Print the message and the call stack when debugging is enabled; return the message."""
    if not compiler.env.debug_enabled:
        return constant_code(UNDEF)
    message_code = compiler.expr(call.args[0])
    span = call.span

    def code(frame: Frame) -> Value:
        message = _string(message_code(frame), "traceback", span)
        lines = [message, ">>> call stack trace ", f">>> [{span}]"]
        current: Frame | None = frame
        while current is not None:
            if current.call_span is not None:
                lines.append(f">>> [{current.call_span}]")
            current = current.parent
        lines.append(">>> ====================\n\n\n")
        frame.build.emit("\n".join(lines))
        return message

    return code


@builtin("deprecated", min_args=2, max_args=2, kind="context", signature="deprecated(level, message)")
def deprecated_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Report a deprecation: printed with ``--warnings on``, an error with ``fatal``."""
    level = compiler.expr(call.args[0])
    message_code = compiler.expr(call.args[1])
    span = call.span

    def code(frame: Frame) -> Value:
        level(frame)
        message = _string(message_code(frame), "deprecated", span)
        mode = frame.build.warnings
        if mode == "fatal":
            raise located(f"deprecation error: {message}", span)
        if mode == "on":
            frame.build.emit(message + "\n")
        return True

    return code


# --------------------------------------------------------------------------- variables


@builtin("is_defined", min_args=1, max_args=1, kind="context", signature="is_defined(arg)")
def is_defined_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether the argument is neither undef nor null (an undefined variable gives false)."""
    arg = call.args[0]
    if isinstance(arg, _REFERENCES):
        lookup = compiler.lookup(arg)

        def code_ref(frame: Frame) -> Value:
            value = lookup(frame)
            return not (value is MISSING or value is UNDEF or value is NULL)

        return code_ref
    value_code = compiler.expr(arg)

    def code(frame: Frame) -> Value:
        value = value_code(frame)
        return not (value is UNDEF or value is NULL)

    return code


@builtin("exists", min_args=1, max_args=1, kind="context", signature="exists(variable | path | template)")
def exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether a variable (or its child), an absolute/external path or a template exists."""
    arg = call.args[0]
    span = call.span
    if isinstance(arg, _REFERENCES):
        lookup = compiler.lookup(arg)

        def code_ref(frame: Frame) -> Value:
            return lookup(frame) is not MISSING

        return code_ref
    value_code = compiler.expr(arg)

    def code(frame: Frame) -> Value:
        name = _string(value_code(frame), "exists", span)
        if name.startswith("/") or ":" in name:
            return frame.build.path_value(name, span) is not MISSING
        return frame.build.template_exists(name)

    return code


def _reference_writer(compiler: DmlCompiler, node: ast.Variable | ast.Index, function: str) -> Code:
    """A closure returning the container a reference names, for ``append``/``prepend`` to edit in
    place: a variable (or SELF) that is missing, undef or null becomes an empty list first; a
    child (``x[0]``) must exist."""
    span = node.span
    if isinstance(node, ast.Variable):
        name = node.name
        if name == "SELF":

            def self_list(frame: Frame) -> Value:
                ref = frame.self_ref
                if ref is None:
                    raise located("SELF is not defined in this context", span)
                value = ref.value
                if value is UNDEF or value is NULL:
                    value = []
                    try:
                        ref.replace(value)
                    except EvalFailure as failure:
                        raise located(failure.message, span) from None
                return value

            return self_list

        def variable_list(frame: Frame) -> Value:
            scope = frame.locals
            value = scope.get(name, MISSING)
            if value is MISSING:
                if name in frame.build.globals:
                    value = frame.build.globals[name]
                    if type(value) is not list:
                        raise located(f"{function}() requires a list, '{name}' is a {type_name(value)}", span)
                    raise located(f"cannot modify global variable '{name}' from DML", span)
                value = scope[name] = []
            elif value is UNDEF or value is NULL:
                value = scope[name] = []
            return value

        return variable_list
    return compiler.raw(node)


def _append_like(compiler: DmlCompiler, call: ast.Call, at_end: bool) -> Code:
    name = call.name
    span = call.span
    for arg in call.args:
        if _is_null_literal(arg):
            raise compiler.syntax(f"{name}() cannot add a null value", arg.span)
    if len(call.args) == 1:
        target = _reference_writer(compiler, ast.Variable(call.span, "SELF"), name)
        value_node = call.args[0]
    else:
        first = call.args[0]
        value_node = call.args[1]
        if isinstance(first, _REFERENCES):
            target = _reference_writer(compiler, first, name)
        else:
            target = compiler.expr(first)
            constant = constant_of(target)
            if is_constant(target) and type(constant) is not list:
                raise compiler.syntax(f"{name}() requires a list as first argument", first.span)
    value_code = compiler.expr(value_node)

    def code(frame: Frame) -> Value:
        container = target(frame)
        value = value_code(frame)
        if type(container) is not list:
            raise located(f"{name}() requires a list, not {type_name(container)}", span)
        if value is NULL:
            raise located(f"{name}() cannot add a null value", span)
        if type(value) is dict or type(value) is list:
            value = deep_copy(value)
        if at_end:
            container.append(value)
        else:
            container.insert(0, value)
        return container

    return code


@builtin("append", min_args=1, max_args=2, kind="context", signature="append([list,] value)")
def append_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Add a value at the end of a list (of SELF with one argument); a variable is edited in place."""
    return _append_like(compiler, call, at_end=True)


@builtin("prepend", min_args=1, max_args=2, kind="context", signature="prepend([list,] value)")
def prepend_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Add a value at the front of a list (of SELF with one argument); a variable is edited in place."""
    return _append_like(compiler, call, at_end=False)


@builtin("delete", min_args=1, max_args=1, kind="context", signature="delete(variable)")
def delete_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Delete a local variable or one of its children; returns undef."""
    arg = call.args[0]
    span = call.span
    if not isinstance(arg, _REFERENCES):
        raise compiler.syntax("delete() requires a variable reference", arg.span)
    if isinstance(arg, ast.Variable):
        name = arg.name

        def delete_variable(frame: Frame) -> Value:
            if name in frame.locals:
                del frame.locals[name]
            elif name in frame.build.globals:
                raise located(f"cannot modify global variable '{name}' from DML", span)
            return UNDEF

        return delete_variable
    parent = compiler.lookup(arg.base)
    index = compiler.expr(arg.index)

    def delete_child(frame: Frame) -> Value:
        container = parent(frame)
        try:
            term = value_term(index(frame))
        except EvalFailure as failure:
            raise located(failure.message, span) from None
        if type(container) is dict:
            if type(term) is str:
                container.pop(term, None)
        elif type(container) is list and type(term) is int:
            try:
                position = list_index(container, term)
            except EvalFailure:
                return UNDEF
            if position < len(container):
                del container[position]
        return UNDEF

    return delete_child


def _iteration_variable(compiler: DmlCompiler, node: ast.Expr, function: str) -> str | None:
    if _is_undef_literal(node):
        return None
    if isinstance(node, ast.Variable) and node.name not in ("SELF", "OBJECT", "TEMPLATE", "FUNCTION"):
        return node.name
    raise compiler.syntax(
        f"{function}() requires variable names (or undef) as second and third arguments", node.span
    )


class _Iteration:
    __slots__ = ("keys", "position", "resource")

    def __init__(self, resource: Value) -> None:
        self.resource = resource
        self.keys: list[str] | None = sorted_keys(resource) if type(resource) is dict else None
        self.position = 0


def _iterator(compiler: DmlCompiler, call: ast.Call, restart: bool) -> Code:
    name = call.name
    span = call.span
    key_name = _iteration_variable(compiler, call.args[1], name)
    value_name = _iteration_variable(compiler, call.args[2], name)
    source = call.args[0]
    resource_code = compiler.raw(source) if isinstance(source, _REFERENCES) else compiler.expr(source)

    def code(frame: Frame) -> Value:
        resource = resource_code(frame)
        if type(resource) is not list and type(resource) is not dict:
            raise located(f"{name}() requires a list or dict, not {type_name(resource)}", span)
        iterators = frame.iterators
        if iterators is None:
            iterators = frame.iterators = {}
        if restart:
            state = iterators[id(resource)] = _Iteration(resource)
        else:
            state = iterators.get(id(resource))
            if state is None or state.resource is not resource:
                raise located("next() called without a preceding first() on this resource", span)
            state.position += 1
        position = state.position
        keys = state.keys
        if keys is None:
            if position >= len(resource):
                return False
            key: Value = position
            value = resource[position]
        else:
            if position >= len(keys):
                return False
            key = keys[position]
            value = resource.get(key, UNDEF)
        if key_name is not None:
            frame.locals[key_name] = key
        if value_name is not None:
            frame.locals[value_name] = value
        return True

    return code


@builtin("first", min_args=3, max_args=3, kind="context", signature="first(resource, key, value)")
def first_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Start iterating a resource: set key and value variables; false when it is empty."""
    return _iterator(compiler, call, restart=True)


@builtin("next", min_args=3, max_args=3, kind="context", signature="next(resource, key, value)")
def next_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Continue an iteration started by ``first``; false when there is no more entry."""
    return _iterator(compiler, call, restart=False)


_SUBSTITUTION = re.compile(r"\$(\$?)\{([^}]*)\}")
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@builtin("substitute", min_args=1, max_args=2, kind="context", signature="substitute(template[, dict])")
def substitute_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Replace ``${name}`` by the value of a variable (or of the dict's key); ``$${`` escapes."""
    text_code = compiler.expr(call.args[0])
    table_code = compiler.expr(call.args[1]) if len(call.args) > 1 else None
    span = call.span

    def code(frame: Frame) -> Value:
        text = _string(text_code(frame), "substitute", span)
        table = table_code(frame) if table_code is not None else None
        if table is not None and type(table) is not dict:
            raise located(f"substitute() requires a dict as second argument, not {type_name(table)}", span)

        def replace(match: re.Match[str]) -> str:
            if match.group(1):
                return "${" + match.group(2) + "}"
            name = match.group(2)
            if not _VARIABLE_NAME.match(name):
                raise located(f"invalid variable name '{name}' in substitute()", span)
            if table is not None:
                value = table.get(name, MISSING)
            else:
                value = frame.locals.get(name, MISSING)
                if value is MISSING:
                    value = frame.build.globals.get(name, MISSING)
            if value is MISSING:
                raise located(f"variable named '{name}' is undefined in substitute()", span)
            if type(value) is dict or type(value) is list:
                raise located(f"substitute() cannot insert a {type_name(value)} for '{name}'", span)
            return format_scalar(value)

        return _SUBSTITUTION.sub(replace, text)

    return code


# --------------------------------------------------------------------------- the profile


@builtin("value", min_args=1, max_args=2, kind="context", signature="value(path[, default])")
def value_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """A copy of the element at an absolute or external path (or the default when absent/undef)."""
    path_code = compiler.expr(call.args[0])
    default_code = compiler.expr(call.args[1]) if len(call.args) > 1 else None
    span = call.span

    def code(frame: Frame) -> Value:
        path = _string(path_code(frame), "value", span)
        build = frame.build
        found = build.path_value(path, span, build.relative_root(frame))
        if default_code is not None and (found is MISSING or found is UNDEF):
            return default_code(frame)
        if found is MISSING:
            raise located(f"no value for path '{path}'", span)
        if type(found) is dict or type(found) is list:
            return deep_copy(found)
        return found

    return code


_RELATIVE_PATH_NOT_ALLOWED = "relative path is not allowed"


def _is_relative(path: str) -> bool:
    """Whether a path text is relative (neither absolute nor external); malformed texts are not."""
    try:
        external, absolute, _ = parse_path_text(path)
    except EvalFailure:
        return False
    return external is None and not absolute


@builtin("path_exists", min_args=1, max_args=1, kind="context", signature="path_exists(path)")
def path_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether an absolute or external path exists."""
    path_code = compiler.expr(call.args[0])
    span = call.span
    constant = constant_of(path_code)
    if type(constant) is str and _is_relative(constant):
        raise compiler.syntax(_RELATIVE_PATH_NOT_ALLOWED, span)

    def code(frame: Frame) -> Value:
        path = _string(path_code(frame), "path_exists", span)
        if _is_relative(path):
            raise located(_RELATIVE_PATH_NOT_ALLOWED, span)
        return frame.build.path_value(path, span) is not MISSING

    return code


@builtin("is_valid", min_args=2, max_args=2, kind="context", signature="is_valid(type, value)")
def is_valid_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether the value validates as the named type."""
    type_node = call.args[0]
    if not isinstance(type_node, ast.Variable):
        raise compiler.syntax("is_valid() requires a type name as first argument", type_node.span)
    type_name_ = type_node.name
    value_code = compiler.expr(call.args[1])
    span = call.span

    def code(frame: Frame) -> Value:
        checked = value_code(frame)
        build = frame.build
        try:
            return build.types.is_valid(type_name_, checked, build)
        except EvaluationError as error:
            raise located(error.message, span) from None

    return code


# --------------------------------------------------------------------------- templates and files


@builtin("create", min_args=1, kind="context", signature="create(template, key, value, ...)")
def create_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """A dict built by a structure template, with the given keys overridden."""
    if len(call.args) % 2 == 0:
        raise compiler.syntax("create() requires a template name and key/value pairs", call.span)
    args = [compiler.expr(arg) for arg in call.args]
    span = call.span

    def code(frame: Frame) -> Value:
        values = [a(frame) for a in args]
        name = _string(values[0], "create", span)
        return frame.build.create(name, values[1:], frame, span)

    return code


@builtin("if_exists", min_args=1, max_args=1, kind="context", signature="if_exists(template)")
def if_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """The template name if the template can be found, else undef."""
    name_code = compiler.expr(call.args[0])
    span = call.span

    def code(frame: Frame) -> Value:
        name = _string(name_code(frame), "if_exists", span)
        return name if frame.build.template_exists(name) else UNDEF

    return code


def _file_name(value: Value, function: str, span: Span) -> str:
    name = _string(value, function, span)
    if name.startswith("/"):
        raise located(f"{function}() requires a relative file name, not '{name}'", span)
    return name


@builtin("file_contents", min_args=1, max_args=2, kind="context", signature="file_contents(file[, 'gzip'])")
def file_contents_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """The contents of a file found on the include path (``'gzip'`` decompresses it)."""
    name_code = compiler.expr(call.args[0])
    option_code = compiler.expr(call.args[1]) if len(call.args) > 1 else None
    span = call.span

    def code(frame: Frame) -> Value:
        name = _file_name(name_code(frame), "file_contents", span)
        option = option_code(frame) if option_code is not None else None
        if option is not None and option != "gzip":
            raise located(f"file_contents() option must be 'gzip', not '{format_scalar(option)}'", span)
        found = frame.build.find_file(name)
        if found is None:
            raise located(f"cannot find file '{name}'", span)
        data = found.data
        try:
            if option == "gzip":
                data = gzip.decompress(data)
            return data.decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as problem:
            raise located(f"cannot read file '{name}': {problem}", span) from None

    return code


@builtin("file_exists", min_args=1, max_args=1, kind="context", signature="file_exists(file)")
def file_exists_builtin(compiler: DmlCompiler, call: ast.Call) -> Code:
    """Whether a file can be found on the include path."""
    name_code = compiler.expr(call.args[0])
    span = call.span

    def code(frame: Frame) -> Value:
        name = _file_name(name_code(frame), "file_exists", span)
        return frame.build.find_file(name) is not None

    return code
