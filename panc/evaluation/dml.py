"""Compiling DML expressions into Python closures.

Each AST expression becomes a closure ``code(frame) -> value``; evaluating a template is
calling closures, with no dispatch on node types at run time. Compilation also does what
panc does at compile time and the parser cannot: constant folding (a binary operation on
constants that fails is a syntax error) and the argument-count checks of builtins. The
restricted contexts (``SELF = ...``, ``return``/``error`` used as an argument...) are the
parser's checks (``panc.syntax.builder``).

A compiled closure for a constant carries the constant in its ``pan_constant`` attribute
so that enclosing nodes can fold further. Constant resources are deep-copied each time
they are evaluated: templates are shared by every object of a compilation.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from panc.builtins.registry import BUILTINS, BuiltinError
from panc.diagnostics import EvaluationError, PanError, PanSyntaxError
from panc.evaluation import operators
from panc.evaluation.control import EvalFailure, ReturnSignal, located
from panc.evaluation.memory import LARGE_VALUE, MemoryLimitError, check_resident, over_limit_message
from panc.evaluation.terms import key_term, value_term
from panc.evaluation.tree import MISSING, check_replacement, child_of, descend, fresh_container, set_child
from panc.evaluation.values import (
    LONG_MAX,
    LONG_MIN,
    NULL,
    UNDEF,
    Value,
    deep_copy,
    sorted_keys,
    type_name,
    wrap_long,
)
from panc.names import TYPE_TEST_FUNCTIONS
from panc.source import Span
from panc.syntax import ast

if TYPE_CHECKING:
    from panc.evaluation.frames import Frame
    from panc.evaluation.hooks import EvaluationHooks

Code = Callable[["Frame"], Value]

_NO_NULL_ARGUMENTS = frozenset({"join"})
"""Builtins for which a literal ``null`` argument is a compile-time error."""

_NUMBER_WORDS = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four"}

_MISSING_CONST = object()


def constant_of(code: Code) -> Any:
    """The constant a compiled closure always returns, or ``_MISSING_CONST``."""
    return getattr(code, "pan_constant", _MISSING_CONST)


def is_constant(code: Code) -> bool:
    return hasattr(code, "pan_constant")


def constant_code(value: Value) -> Code:
    """A closure returning ``value`` (a fresh copy for lists and dicts)."""
    if type(value) is list or type(value) is dict:

        def code(_frame: Frame) -> Value:
            return deep_copy(value)

    else:

        def code(_frame: Frame) -> Value:
            return value

    code.pan_constant = value  # type: ignore[attr-defined]
    return code


def keyword_span(span: Span, keyword: str) -> Span:
    """The span of the keyword that starts ``span`` (panc locates loop errors there)."""
    return Span(
        span.file, span.start_line, span.start_column, span.start_line, span.start_column + len(keyword) - 1
    )


def arity_message(name: str, minimum: int, maximum: int | None) -> str:
    """panc's wording for a builtin called with the wrong number of arguments."""
    if maximum == minimum:
        word = _NUMBER_WORDS.get(minimum, str(minimum))
        plural = "" if minimum == 1 else "s"
        return f"{name}() requires exactly {word} argument{plural}"
    if maximum is None:
        plural = "" if minimum == 1 else "s"
        return f"{name}() requires at least {_NUMBER_WORDS.get(minimum, str(minimum))} argument{plural}"
    return f"{name}() requires between {minimum} and {maximum} arguments"


class CompileEnv:
    """What compilation needs to know about the template being compiled."""

    __slots__ = ("debug_enabled", "hooks", "source_path", "template_name")

    def __init__(
        self,
        template_name: str,
        source_path: str,
        hooks: EvaluationHooks | None = None,
        debug_enabled: bool = False,
    ) -> None:
        self.template_name = template_name
        self.source_path = source_path
        self.hooks = hooks
        self.debug_enabled = debug_enabled


class DmlCompiler:
    """Turns DML expressions of one template into closures."""

    def __init__(self, env: CompileEnv) -> None:
        self.env = env
        self.hooks = env.hooks
        self._wants_expressions = bool(env.hooks is not None and env.hooks.wants_expressions)
        self._dispatch: dict[type, Callable[[Any], Code]] = {
            ast.Literal: self._literal,
            ast.Variable: self._variable,
            ast.Index: self._index,
            ast.Call: self._call,
            ast.Unary: self._unary,
            ast.Binary: self._binary,
            ast.Assign: self._assign,
            ast.Block: self._block,
            ast.If: self._if,
            ast.While: self._while,
            ast.For: self._for,
            ast.Foreach: self._foreach,
        }

    # ------------------------------------------------------------------ entry points

    def expr(self, node: ast.Expr) -> Code:
        """The closure evaluating ``node``."""
        code = self._dispatch[type(node)](node)
        if self._wants_expressions and not is_constant(code):
            code = self._expression_hook(node, code)
        return code

    def statement(self, node: ast.Expr) -> Code:
        """Like ``expr`` for a statement of a block: reports ``on_statement`` when hooked."""
        code = self.expr(node)
        if self.hooks is not None and not isinstance(node, ast.Block):
            code = self._statement_hook(node, code)  # a block's own statements report themselves
        return code

    def top_level(self, node: ast.Expr) -> Code:
        """The DML of a statement: ``return()`` ends it with its value."""
        inner = self.expr(node)
        if is_constant(inner):
            return inner

        def code(frame: Frame) -> Value:
            try:
                return inner(frame)
            except ReturnSignal as signal:
                return signal.value

        return code

    def syntax(self, message: str, span: Span) -> PanSyntaxError:
        return PanSyntaxError(message, span)

    # ------------------------------------------------------------------ hooks

    def _statement_hook(self, node: ast.Expr, inner: Code) -> Code:
        hooks = self.hooks
        assert hooks is not None

        def code(frame: Frame) -> Value:
            frame.span = node.span
            hooks.on_statement(node, frame)
            try:
                return inner(frame)
            except PanError as error:
                hooks.on_statement_error(node, frame, error)
                raise

        return code

    def _expression_hook(self, node: ast.Expr, inner: Code) -> Code:
        hooks = self.hooks
        assert hooks is not None

        def code(frame: Frame) -> Value:
            hooks.on_expression(node, frame)
            return inner(frame)

        return code

    # ------------------------------------------------------------------ leaves

    def _literal(self, node: ast.Literal) -> Code:
        return constant_code(node.value)

    def _variable(self, node: ast.Variable) -> Code:
        name = node.name
        span = node.span
        if name == "SELF":

            def read_self(frame: Frame) -> Value:
                ref = frame.self_ref
                if ref is None:
                    raise located("SELF is not defined in this context", span)
                return ref.value

            return read_self
        if name in ("OBJECT", "TEMPLATE", "FUNCTION"):
            return self._automatic(name, span)

        def read(frame: Frame) -> Value:
            value = frame.locals.get(name, MISSING)
            if value is MISSING:
                value = frame.build.read_global(name, span)
                if type(value) is dict or type(value) is list:
                    return deep_copy(value)
            return value

        return read

    def _automatic(self, name: str, span: Span) -> Code:
        def read(frame: Frame) -> Value:
            value = automatic_value(frame, name)
            if value is MISSING:
                raise located(f"variable named '{name}' is undefined", span)
            return value

        return read

    # ------------------------------------------------------------------ variables without copies

    def raw(self, node: ast.Variable | ast.Index) -> Code:
        """Read a variable or child without copying (for read-only uses); missing is an error."""
        lookup = self.lookup(node)
        span = node.span
        if isinstance(node, ast.Variable):
            name = node.name

            def read_var(frame: Frame) -> Value:
                value = lookup(frame)
                if value is MISSING:
                    raise located(f"variable named '{name}' is undefined", span)
                return value

            return read_var

        def read_child(frame: Frame) -> Value:
            value = lookup(frame)
            if value is MISSING:
                raise located("referenced element does not exist", span)
            return value

        return read_child

    def lookup(self, node: ast.Variable | ast.Index) -> Code:
        """Read a variable reference without copying; ``MISSING`` when it does not exist.

        Used by ``exists``, ``is_*``, iterators and indexing. An invalid index term is
        still an error.
        """
        if isinstance(node, ast.Variable):
            name = node.name
            if name in ("SELF", "OBJECT", "TEMPLATE", "FUNCTION"):

                def read_automatic(frame: Frame) -> Value:
                    return automatic_value(frame, name)

                return read_automatic

            def read_variable(frame: Frame) -> Value:
                value = frame.locals.get(name, MISSING)
                if value is MISSING:
                    value = frame.build.globals.get(name, MISSING)
                return value

            return read_variable
        base = self.lookup(node.base)
        index = self._index_term(node.index)
        span = node.span

        def read_index(frame: Frame) -> Value:
            container = base(frame)
            if container is MISSING:
                return MISSING
            try:
                term = index(frame)
            except EvalFailure as failure:
                raise located(failure.message, span) from None
            return child_of(container, term)

        return read_index

    def _index_term(self, node: ast.Expr, target: bool = False) -> Code:
        """A closure computing a path term from an index expression.

        A constant index that is not a valid term is a syntax error in an assignment
        target (``a[1.0] = 1``), and an evaluation error when read (as in panc).
        """
        code = self.expr(node)
        constant = constant_of(code)
        if constant is not _MISSING_CONST:
            try:
                term = value_term(constant)
            except EvalFailure as failure:
                if target:
                    raise self.syntax(failure.message, node.span) from None
                return _failing_term(failure.message)

            def const_term(_frame: Frame) -> Value:
                return term

            return const_term

        def term_of(frame: Frame) -> Value:
            value = code(frame)
            t = type(value)
            if t is int:
                return value
            return value_term(value)

        return term_of

    def _index(self, node: ast.Index) -> Code:
        root, _ = _index_chain(node)
        lookup = self.lookup(node)
        span = node.span
        if isinstance(root, ast.Variable) and root.name == "SELF":

            def read_self_child(frame: Frame) -> Value:
                value = lookup(frame)
                if value is MISSING:
                    raise _missing_child(frame, root, span)
                return value

            return read_self_child
        name = root.name

        def read_child(frame: Frame) -> Value:
            value = lookup(frame)
            if value is MISSING:
                raise _missing_child(frame, root, span)
            if (type(value) is dict or type(value) is list) and name not in frame.locals:
                return deep_copy(value)  # children of globals are copies too
            return value

        return read_child

    # ------------------------------------------------------------------ operators

    def _unary(self, node: ast.Unary) -> Code:
        operand = self.expr(node.operand)
        op = operators.UNARY[node.op]
        span = node.span
        constant = constant_of(operand)
        if constant is not _MISSING_CONST:
            try:
                return constant_code(op(constant))
            except EvalFailure:
                # unlike a binary operation, panc does not refuse a failing unary one at
                # compile time: ``- "foo"`` is an evaluation error when it runs (its operator5)
                pass

        def code(frame: Frame) -> Value:
            try:
                return op(operand(frame))
            except EvalFailure as failure:
                raise located(failure.message, span) from None

        return code

    def _binary(self, node: ast.Binary) -> Code:
        if node.op in ("&&", "||"):
            return self._logical(node)
        left = self.expr(node.left)
        right = self.expr(node.right)
        op = operators.BINARY[node.op]
        span = node.span
        lc, rc = constant_of(left), constant_of(right)
        if lc is not _MISSING_CONST and rc is not _MISSING_CONST:
            try:
                return constant_code(op(lc, rc))
            except EvalFailure as failure:
                raise self.syntax(failure.message, span) from None
        if op is operators.add:
            return _add_code(left, right, span)
        if node.op in _LONG_FAST_PATHS:
            return _long_fast_code(node.op, op, left, right, span)

        def code(frame: Frame) -> Value:
            a = left(frame)
            b = right(frame)
            try:
                return op(a, b)
            except EvalFailure as failure:
                raise located(failure.message, span) from None

        return code

    def _logical(self, node: ast.Binary) -> Code:
        left = self.expr(node.left)
        right = self.expr(node.right)
        span = node.span
        op = node.op
        short = op == "||"  # the value of the left operand that decides alone
        lc = constant_of(left)
        if lc is not _MISSING_CONST and type(lc) is bool and lc is short:
            return constant_code(short)

        def code(frame: Frame) -> Value:
            a = left(frame)
            if a is short:
                return short
            if type(a) is not bool:
                raise located(f"{op} requires boolean arguments, got {type_name(a)}", span)
            b = right(frame)
            if type(b) is not bool:
                raise located(f"{op} requires boolean arguments, got {type_name(b)}", span)
            return b

        return code

    # ------------------------------------------------------------------ assignment

    def _assign(self, node: ast.Assign) -> Code:
        target = node.target
        value = self.expr(node.value)
        span = node.span
        copy_value = _may_alias(node.value)
        if isinstance(target, ast.Variable):
            return self._assign_variable(target, value, copy_value, span)
        return self._assign_child(target, value, span)

    def _assign_variable(self, target: ast.Variable, value: Code, copy_self: bool, span: Span) -> Code:
        name = target.name
        if name in ("OBJECT", "TEMPLATE", "FUNCTION"):
            raise self.syntax(f"cannot modify the automatic variable {name}", target.span)

        def code(frame: Frame) -> Value:
            result = value(frame)
            if copy_self and (type(result) is dict or type(result) is list):
                result = deep_copy(result)
            scope = frame.locals
            old = scope.get(name, MISSING)
            if old is MISSING:
                if name in frame.build.globals:
                    raise located(f"cannot modify global variable '{name}' from DML", span)
                if result is not NULL:
                    scope[name] = result
                return result
            if result is NULL:
                del scope[name]
                return result
            if type(old) is not type(result):
                try:
                    check_replacement(old, result)
                except EvalFailure as failure:
                    raise located(failure.message, span) from None
            scope[name] = result
            return result

        return code

    def _assign_child(self, target: ast.Index, value: Code, span: Span) -> Code:
        root, indexes = _index_chain(target)
        name = root.name
        if name in ("OBJECT", "TEMPLATE", "FUNCTION"):
            raise self.syntax(f"cannot modify the automatic variable {name}", root.span)
        terms = [self._index_term(index, target=True) for index in indexes]
        is_self = name == "SELF"

        def code(frame: Frame) -> Value:
            result = value(frame)
            if type(result) is dict or type(result) is list:
                result = deep_copy(result)  # a resource put in another one is always a copy
            try:
                keys = [term(frame) for term in terms]
                if is_self:
                    ref = frame.self_ref
                    if ref is None:
                        raise EvalFailure("SELF is not defined in this context")
                    if ref.readonly:
                        raise EvalFailure("cannot modify SELF from validation function")
                    container = ref.value
                    if container is UNDEF or container is NULL:
                        container = fresh_container(keys[0])
                        ref.replace(container)
                else:
                    scope = frame.locals
                    container = scope.get(name, MISSING)
                    if container is MISSING or container is UNDEF or container is NULL:
                        if container is MISSING and name in frame.build.globals:
                            raise EvalFailure(f"cannot modify global variable '{name}' from DML")
                        container = fresh_container(keys[0])
                        scope[name] = container
                last = len(keys) - 1
                for position in range(last):
                    container = descend(container, keys[position], keys[position + 1])
                set_child(container, keys[last], result)
            except EvalFailure as failure:
                raise located(failure.message, span) from None
            return result

        return code

    # ------------------------------------------------------------------ control flow

    def _block(self, node: ast.Block) -> Code:
        codes = [self.statement(item) for item in node.body]
        if len(codes) == 1:
            return codes[0]
        if all(is_constant(c) for c in codes) and codes:
            return codes[-1]
        if len(codes) == 2:
            first, second = codes

            def block2(frame: Frame) -> Value:
                first(frame)
                return second(frame)

            return block2
        if len(codes) == 3:
            first, second, third = codes

            def block3(frame: Frame) -> Value:
                first(frame)
                second(frame)
                return third(frame)

            return block3
        body = tuple(codes)

        def block(frame: Frame) -> Value:
            result = UNDEF
            for item in body:
                result = item(frame)
            return result

        return block

    def _if(self, node: ast.If) -> Code:
        condition = self.expr(node.condition)
        then = self.statement(node.then)
        otherwise = self.statement(node.otherwise) if node.otherwise is not None else None
        span = node.condition.span

        def code(frame: Frame) -> Value:
            test = condition(frame)
            if test is True:
                return then(frame)
            if test is False:
                return otherwise(frame) if otherwise is not None else UNDEF
            raise located(f"if condition must be a boolean, got {type_name(test)}", span)

        return code

    def _while(self, node: ast.While) -> Code:
        return self._loop("while", None, node.condition, node.body, None, node.span)

    def _for(self, node: ast.For) -> Code:
        return self._loop("for", node.init, node.condition, node.body, node.step, node.span)

    def _loop(
        self,
        keyword: str,
        init_node: ast.Expr | None,
        condition_node: ast.Expr,
        body_node: ast.Expr,
        step_node: ast.Expr | None,
        node_span: Span,
    ) -> Code:
        """A ``while`` (no init, no step) or ``for`` loop; its value is the last body's, or the
        init's (undef for ``while``) when the body never runs."""
        init = self.expr(init_node) if init_node is not None else None
        condition = self.expr(condition_node)
        step = self.expr(step_node) if step_node is not None else None
        body = self.statement(body_node)
        span = keyword_span(node_span, keyword)

        def code(frame: Frame) -> Value:
            limit = frame.build.max_iteration
            count = 0
            result = init(frame) if init is not None else UNDEF
            while True:
                test = condition(frame)
                if test is not True:
                    if test is False:
                        return result
                    raise located(f"{keyword} condition must be a boolean, got {type_name(test)}", span)
                count += 1
                if count > limit > 0:
                    raise located(f"loop iteration count ({limit:,}) has been exceeded", span)
                if not count & _MEMORY_CHECK_EVERY:
                    _check_memory(span)
                result = body(frame)
                if step is not None:
                    step(frame)

        return code

    def _foreach(self, node: ast.Foreach) -> Code:
        resource = self.expr(node.resource)
        body = self.statement(node.body)
        key_name = node.key_name
        value_name = node.value_name
        span = keyword_span(node.span, "foreach")

        def code(frame: Frame) -> Value:
            target = resource(frame)
            scope = frame.locals
            result = UNDEF
            if type(target) is list:
                index = 0
                while index < len(target):
                    if index & _MEMORY_CHECK_EVERY == _MEMORY_CHECK_EVERY:
                        _check_memory(span)
                    scope[key_name] = index
                    scope[value_name] = target[index]
                    result = body(frame)
                    index += 1
                return result
            if type(target) is dict:
                size = len(target)
                for key in sorted_keys(target):
                    if len(target) != size or key not in target:
                        raise located("resource was modified during foreach iteration", span)
                    scope[key_name] = key
                    scope[value_name] = target[key]
                    result = body(frame)
                return result
            raise located(f"foreach requires a list or dict, got {type_name(target)}", span)

        return code

    # ------------------------------------------------------------------ calls

    def _call(self, node: ast.Call) -> Code:
        builtin = BUILTINS.get(node.name)
        if builtin is None:
            return self._user_call(node)
        count = len(node.args)
        if count < builtin.min_args or (builtin.max_args is not None and count > builtin.max_args):
            raise self.syntax(arity_message(node.name, builtin.min_args, builtin.max_args), node.span)
        if builtin.kind == "context":
            return builtin.impl(self, node)
        if node.name in ("dict", "nlist"):
            self._check_dict_keys(node)
        if node.name in _NO_NULL_ARGUMENTS:
            for arg in node.args:
                if isinstance(arg, ast.Literal) and arg.value is NULL:
                    raise self.syntax(f"{node.name}() does not accept a null argument", arg.span)
        if (
            node.name in TYPE_TEST_FUNCTIONS
            and count == 1
            and isinstance(node.args[0], (ast.Variable, ast.Index))
        ):
            return self._type_test(node, builtin.impl)
        return self._pure_call(node, builtin.impl)

    def _check_dict_keys(self, node: ast.Call) -> None:
        """Constant keys of ``dict()``/``nlist()`` must be valid and distinct (panc checks it statically)."""
        seen: set[str] = set()
        for position in range(0, len(node.args), 2):
            arg = node.args[position]
            if not isinstance(arg, ast.Literal):
                continue
            try:
                key = key_term(arg.value)
            except EvalFailure as failure:
                raise self.syntax(failure.message, node.span) from None
            if key in seen:
                raise self.syntax(f"duplicate key '{key}' in {node.name}()", node.span)
            seen.add(key)

    def _pure_call(self, node: ast.Call, impl: Callable[[list[Value]], Value]) -> Code:
        args = [self.expr(arg) for arg in node.args]
        name = node.name
        span = node.span
        constants = [constant_of(a) for a in args]
        if all(c is not _MISSING_CONST for c in constants):
            try:
                return constant_code(impl([deep_copy(c) for c in constants]))
            except BuiltinError as problem:
                if name == "escape":  # the one builtin panc checks when it compiles the call
                    raise self.syntax(problem.message, span) from None
            except Exception:  # pylint: disable=broad-exception-caught
                # panc does not fold builtin calls: with constant arguments too, a failure is an
                # evaluation error when the call runs (json_decode('[[') in its tests). The
                # closure below reports it then.
                pass
        if len(args) == 1:
            (only,) = args

            def call1(frame: Frame) -> Value:
                value = only(frame)  # outside the try: a return() in it is no failure of the call
                try:
                    return impl([value])
                except Exception as problem:  # pylint: disable=broad-exception-caught
                    raise _builtin_failure(name, problem, span) from None

            return call1

        def call(frame: Frame) -> Value:
            values = [a(frame) for a in args]
            try:
                return impl(values)
            except Exception as problem:  # pylint: disable=broad-exception-caught
                raise _builtin_failure(name, problem, span) from None

        return call

    def _type_test(self, node: ast.Call, impl: Callable[[list[Value]], Value]) -> Code:
        arg = node.args[0]
        lookup = self.lookup(arg)  # type: ignore[arg-type]
        name = node.name
        span = node.span

        def call(frame: Frame) -> Value:
            value = lookup(frame)
            if value is MISSING:
                return False
            try:
                return impl([value])
            except Exception as problem:  # pylint: disable=broad-exception-caught
                raise _builtin_failure(name, problem, span) from None

        return call

    def _user_call(self, node: ast.Call) -> Code:
        args = [self.expr(arg) for arg in node.args]
        name = node.name
        span = node.span

        def call(frame: Frame) -> Value:
            function = frame.build.functions.get(name)
            if function is None:
                raise located(f"function '{name}' is not defined", span)
            return frame.build.call_function(function, [a(frame) for a in args], frame, span)

        return call


def automatic_value(frame: Frame, name: str) -> Value:
    """``SELF``, ``OBJECT``, ``TEMPLATE`` or ``FUNCTION`` in ``frame``; ``MISSING`` if unset."""
    if name == "SELF":
        ref = frame.self_ref
        return MISSING if ref is None else ref.value
    if name == "OBJECT":
        return frame.build.object_name
    if name == "TEMPLATE":
        return frame.template
    if name == "FUNCTION":
        return frame.function if frame.function is not None else MISSING
    return MISSING


def _index_chain(node: ast.Index) -> tuple[ast.Variable, list[ast.Expr]]:
    """The variable at the root of ``a[i][j]`` and its index expressions in order."""
    indexes: list[ast.Expr] = []
    current: ast.Variable | ast.Index = node
    while isinstance(current, ast.Index):
        indexes.append(current.index)
        current = current.base
    indexes.reverse()
    return current, indexes


def _failing_term(message: str) -> Code:
    """A term that is an error when read (the reader locates it at its index)."""

    def fail(_frame: Frame) -> Value:
        raise EvalFailure(message)

    return fail


_MEMORY_CHECK_EVERY = 1023
"""Loops check the memory budget every 1,024 iterations."""


def _check_memory(span: Span) -> None:
    try:
        check_resident()
    except MemoryLimitError as failure:
        raise located(failure.message, span) from None


def _builtin_failure(name: str, problem: Exception, span: Span) -> Exception:
    """What an exception out of a pure builtin becomes at its call.

    A ``BuiltinError`` (or ``EvalFailure``) is the user's mistake, located at the call; a
    ``PanError`` or ``RecursionError`` passes through; anything else is a bug of the builtin,
    still reported at the call rather than crashing the compiler.
    """
    if isinstance(problem, (BuiltinError, EvalFailure)):
        return located(problem.message, span)
    if isinstance(problem, (PanError, RecursionError)):
        return problem
    if isinstance(problem, MemoryError):
        return located(over_limit_message(), span)
    return located(f"{name}() failed: {problem!r}", span)


def _missing_child(frame: Frame, root: ast.Variable, span: Span) -> EvaluationError:
    name = root.name
    if (
        name not in frame.locals
        and name not in frame.build.globals
        and automatic_value(frame, name) is MISSING
    ):
        return located(f"variable named '{name}' is undefined", span)
    return located("referenced element does not exist", span)


def _may_alias(node: ast.Expr) -> bool:
    """Whether assigning ``node``'s value to a local must copy it (``x = SELF`` copies SELF)."""
    return isinstance(node, ast.Variable) and node.name == "SELF"


_LONG_FAST_PATHS: dict[str, tuple[Callable[[Any, Any], Any], bool]] = {
    "-": (operator.sub, True),
    "*": (operator.mul, True),
    "<": (operator.lt, False),
    "<=": (operator.le, False),
    ">": (operator.gt, False),
    ">=": (operator.ge, False),
    "==": (operator.eq, False),
    "!=": (operator.ne, False),
}
"""Operators computed directly when both operands are longs (the loop counters' case);
``True`` marks those whose result may overflow and must wrap."""

_ORDERINGS = frozenset({"<", "<=", ">", ">="})
"""Operators that compare numbers as doubles (``operators.lt``...): directly only for longs
a double holds exactly."""
_EXACT_IN_DOUBLE = 2**53


def _long_fast_code(
    symbol: str, op: Callable[[Value, Value], Value], left: Code, right: Code, span: Span
) -> Code:
    fast, wraps = _LONG_FAST_PATHS[symbol]
    limit = _EXACT_IN_DOUBLE if symbol in _ORDERINGS else LONG_MAX

    def code(frame: Frame) -> Value:
        a = left(frame)
        b = right(frame)
        if type(a) is int and type(b) is int and -limit <= a <= limit and -limit <= b <= limit:
            result = fast(a, b)
            if wraps and not LONG_MIN <= result <= LONG_MAX:
                return wrap_long(result)
            return result
        try:
            return op(a, b)
        except EvalFailure as failure:
            raise located(failure.message, span) from None

    return code


def _add_code(left: Code, right: Code, span: Span) -> Code:
    """``+``, specialised: it is by far the most frequent operator (string building)."""
    add = operators.add

    def code(frame: Frame) -> Value:
        a = left(frame)
        b = right(frame)
        ta = type(a)
        if ta is type(b):
            if ta is str and len(a) + len(b) < LARGE_VALUE:  # larger: add() checks the memory
                return a + b
            if ta is int:
                result = a + b
                if LONG_MIN <= result <= LONG_MAX:
                    return result
        try:
            return add(a, b)
        except EvalFailure as failure:
            raise located(failure.message, span) from None

    return code
