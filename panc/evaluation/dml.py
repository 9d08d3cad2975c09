"""Compiling DML expressions into Python closures, with panc's exact semantics.

Each AST expression becomes a closure ``code(frame) -> value``; evaluating a template is
calling closures, with no dispatch on node types at run time. The closures follow panc's
operation classes one for one (``J:dml/operators``, ``J:dml/DML``):

- **Positions.** panc's operations carry source ranges of their own making: a binary
  operator has none, a unary operator has its operator token, ``if``/``while``/``for``/
  ``foreach`` their keyword, a variable its name up to the last ``]``, a call its name to
  ``)``, a block of several statements its braces. Errors are located as panc locates them
  (``panc.evaluation.control``): created with a range, or bare and filled in by the enclosing
  DML block or statement.
- **Compile time.** Like panc's ``newOperation`` methods, an operator whose operands are
  constants is computed now. Where the operand types cannot be used at all (``"a" - 1``)
  panc raises an *evaluation* error out of the compile; where the values fail the operation
  (``1/0``, ``"a" + 1``) a *syntax* error. Calls are never computed here: a whole statement
  may be, by the statement compiler (``panc.evaluation.statements``).
- **DML blocks.** Where panc's grammar has a DML (a statement's value, a function argument,
  an index, the parts of ``if`` and loops) nested blocks are flattened and an ``if`` with a
  constant test is replaced by its branch (before a function argument is checked for
  ``return()`` or looked at as a variable reference); a DML of more than one operation adds
  its range (``dml_range``) to the errors that cross it.

A compiled closure for a constant carries the constant in its ``pan_constant`` attribute
(panc's ``Element`` operands) so that enclosing operators can fold further. Constant
resources are deep-copied each time they are evaluated: templates are shared by every object
of a compilation.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from panc.builtins.registry import BUILTINS, BuiltinError
from panc.diagnostics import EvaluationError, JavaRuntimeFailure, PanError, PanSyntaxError
from panc.evaluation.control import (
    NOT_CONSTANT,
    EvalFailure,
    ReturnSignal,
    add_info,
    duplicate,
    error_at,
    error_in,
    unplaced,
)
from panc.evaluation.memory import LARGE_VALUE, MemoryLimitError, check_resident, over_limit_message
from panc.evaluation.operators import BINARY, UNARY, Mismatch, add, is_number
from panc.evaluation.resources import InvalidTerm, check_replacement, rget, rput
from panc.evaluation.terms import value_term
from panc.evaluation.values import (
    LONG_MAX,
    LONG_MIN,
    NULL,
    UNDEF,
    Value,
    deep_copy,
    sorted_keys,
    wrap_long,
)
from panc.source import Span
from panc.syntax import ast

if TYPE_CHECKING:
    from panc.evaluation.frames import Frame
    from panc.evaluation.hooks import EvaluationHooks

Code = Callable[["Frame"], Value]

_NUMBER_WORDS = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four"}
AUTOMATIC_GLOBALS = ("OBJECT", "TEMPLATE", "FUNCTION")
"""Automatic variables that panc keeps as global variables (``ARGV``/``ARGC`` are locals)."""


def constant_of(code: Code) -> Any:
    """The constant a compiled closure always returns, or ``NOT_CONSTANT``."""
    return getattr(code, "pan_constant", NOT_CONSTANT)


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


def token_span(span: Span, length: int = 1) -> Span:
    """The first ``length`` characters of ``span`` (an operator or a keyword)."""
    line, column = span.start_line, span.start_column
    return Span(span.file, line, column, line, column + length - 1)


def keyword_span(span: Span, keyword: str) -> Span:
    """The span of the keyword that starts ``span`` (panc locates loop errors there)."""
    return token_span(span, len(keyword))


def arity_message(name: str, minimum: int, maximum: int | None) -> str:
    """A generic wording for a builtin called with the wrong number of arguments."""
    if maximum == minimum:
        word = _NUMBER_WORDS.get(minimum, str(minimum))
        plural = "" if minimum == 1 else "s"
        return f"{name}() requires exactly {word} argument{plural}"
    if maximum is None:
        plural = "" if minimum == 1 else "s"
        return f"{name}() requires at least {_NUMBER_WORDS.get(minimum, str(minimum))} argument{plural}"
    return f"{name}() requires between {minimum} and {maximum} arguments"


def dml_range(node: ast.Expr, enclosed: bool = False) -> Span | None:
    """The range panc gives the DML at a position holding ``node`` (an operand, a branch, a
    statement's value): the range of that DML's one child in panc's syntax tree. Braces around
    several statements are a node of their own (their range); braces around one statement, and
    parentheses, leave the DML's child a DML without a range (``None``: an error crossing it
    gets no call trace); an ``if`` is its keyword. Other expressions never make a DML of
    several operations, so their range is never used. ``enclosed``: the DML is the one of the
    (innermost) parentheses around ``node`` (an operand), not of a position holding them: a
    second pair, ``!(({ ... }))``, hides the range again."""
    hidden = isinstance(node, ast.Block | ast.If) and node.parentheses > (1 if enclosed else 0)
    if isinstance(node, ast.Block):
        return node.span if len(node.body) > 1 and not hidden else None
    if isinstance(node, ast.If):
        return None if hidden else keyword_span(node.span, "if")
    return None


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
        self._conditions: dict[int, tuple[ast.If, Code]] = {}
        self._restricted = 0
        """How many function arguments and index terms enclose what is being compiled."""
        self._wants_expressions = bool(env.hooks is not None and env.hooks.wants_expressions)
        self._dispatch: dict[type, Callable[[Any], Code]] = {
            ast.Literal: self._literal,
            ast.Variable: self._variable,
            ast.Index: self._index,
            ast.Call: self._call,
            ast.Unary: self._unary,
            ast.Binary: self._binary,
            ast.Assign: self._assign,
            ast.Block: self._enclosed_dml,
            ast.If: self._if,
            ast.While: self._while,
            ast.For: self._for,
            ast.Foreach: self._foreach,
        }

    # ------------------------------------------------------------------ entry points

    def expr(self, node: ast.Expr) -> Code:
        """The closure of one operation."""
        code = self._dispatch[type(node)](node)
        if self._wants_expressions and not is_constant(code):
            code = self._expression_hook(node, code)
        return code

    def dml(self, node: ast.Expr, enclosed: bool = False) -> Code:
        """The closure of a DML (panc's ``DML.getInstance``): its flattened operations in turn;
        an error crossing a DML of several operations gets the DML's range (``dml_range``;
        ``enclosed``: the DML is that of the parentheses around ``node``)."""
        codes = self._operations(node, True)
        if len(codes) == 1:
            return codes[0]
        where = dml_range(node, enclosed)  # never a constant: panc folds no DML of several operations

        def block(frame: Frame) -> Value:
            result = UNDEF
            try:
                for item in codes:
                    result = item(frame)
            except EvaluationError as error:
                raise add_info(error, where, frame.build) from None
            return result

        return block

    def _operations(self, node: ast.Expr, root: bool) -> list[Code]:
        """The compiled operations of the DML of ``node``, in panc's order: nested blocks
        flattened into their parent, and an ``if`` with a constant test replaced by the
        operations of the branch it picks (``J:IfElse.newOperation``; the other branch is
        compiled too, for its errors)."""
        if isinstance(node, ast.Block):
            found: list[Code] = []
            for item in node.body:
                found += self._operations(item, False)
            return found
        if isinstance(node, ast.If):
            test = constant_of(self._condition(node))
            if type(test) is bool:
                picked = node.then if test else node.otherwise
                found = [constant_code(UNDEF)]
                for branch in (node.then, node.otherwise):
                    if branch is None:
                        continue
                    if branch is picked:
                        found = self._operations(branch, False)
                    else:
                        self._dead_branch(branch)
                if self.hooks is not None and not root:  # the ``if`` still reports itself as a statement
                    found[0] = self._statement_hook(node, found[0])
                return found
        return [self.expr(node) if root else self.statement(node)]

    def sole_operation(self, node: ast.Expr) -> ast.Expr | None:
        """The one operation of the DML of ``node`` once folded (blocks of one statement
        unwrapped, constant ``if`` tests resolved); ``None`` when there are several or the
        folding leaves a constant undef."""
        while True:
            if isinstance(node, ast.Block):
                if len(node.body) != 1:
                    return None
                node = node.body[0]
                continue
            if isinstance(node, ast.If):
                test = constant_of(self._condition(node))
                if type(test) is bool:
                    picked = node.then if test else node.otherwise
                    if picked is None:
                        return None
                    node = picked
                    continue
            return node

    def _dead_branch(self, branch: ast.Expr) -> None:
        """Compile the branch a constant test drops, for its own errors only: it is no longer
        part of any argument or index (a ``return()`` there is allowed)."""
        restricted, self._restricted = self._restricted, 0
        try:
            self.dml(branch)
        finally:
            self._restricted = restricted

    def _condition(self, node: ast.If) -> Code:
        """The closure of an ``if`` test, compiled once (``_operations`` looks at it first)."""
        known = self._conditions.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        code = self.dml(node.condition)
        self._conditions[id(node)] = (node, code)
        return code

    def _enclosed_dml(self, node: ast.Block) -> Code:
        """A block as an operand: the DML of its parentheses."""
        return self.dml(node, enclosed=True)

    def statement(self, node: ast.Expr) -> Code:
        """Like ``expr`` for a statement of a block: reports ``on_statement`` when hooked."""
        code = self.expr(node)
        if self.hooks is not None and not isinstance(node, ast.Block):
            code = self._statement_hook(node, code)  # a block's own statements report themselves
        return code

    def top_level(self, node: ast.Expr) -> Code:
        """The DML of a statement (panc's ``executeDmlBlock``): ``return()`` ends it with its value."""
        inner = self.dml(node)
        if is_constant(inner):
            return inner

        def code(frame: Frame) -> Value:
            try:
                return inner(frame)
            except ReturnSignal as signal:
                return signal.value

        return code

    def syntax(self, message: str, span: Span | None, printed: bool = True) -> PanSyntaxError:
        """A compile-time error at ``span``; without ``printed`` panc gives it no range (a binary
        operation has none), tools still show it there."""
        error = PanSyntaxError(message, span)
        if not printed:
            error.range = None
        return error

    # ------------------------------------------------------------------ hooks

    def _statement_hook(self, node: ast.Expr, inner: Code) -> Code:
        hooks = self.hooks
        assert hooks is not None

        def code(frame: Frame) -> Value:
            if frame.build.hooks is None:  # evaluated at compile time
                return inner(frame)
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
            if frame.build.hooks is not None:
                hooks.on_expression(node, frame)
            return inner(frame)

        return code

    # ------------------------------------------------------------------ leaves

    def _literal(self, node: ast.Literal) -> Code:
        return constant_code(node.value)

    def _variable(self, node: ast.Variable) -> Code:
        """A variable read (``J:SimpleVariable``): a local, else a global (a copy)."""
        name = node.name
        where = node.span
        if name == "SELF":

            def read_self(frame: Frame) -> Value:
                build = frame.build
                if build.compile_time:
                    raise error_at("invalid use of SelfSimpleVariable in compile-time context", where)
                ref = frame.self_ref
                if ref is None:
                    raise error_in("SELF is not defined", where, build)
                return ref.value

            return read_self
        if name in AUTOMATIC_GLOBALS:

            def read_automatic(frame: Frame) -> Value:
                value = automatic_value(frame, name)
                if value is None:
                    raise error_in(f"variable named '{name}' is undefined", where, frame.build)
                return value

            return read_automatic

        def read(frame: Frame) -> Value:
            value = frame.locals.get(name)
            if value is None:
                build = frame.build
                value = build.globals.get(name)
                if value is None:
                    raise error_in(f"variable named '{name}' is undefined", where, build)
                if type(value) is dict or type(value) is list:
                    return duplicate(value)
            return value

        return read

    # ------------------------------------------------------------------ indexed variables

    def index_terms(self, indexes: list[ast.Expr]) -> list[Code]:
        """The closures of the index DMLs of ``x[i][j]`` (a restricted context, see ``_call``)."""
        self._restricted += 1
        try:
            return [self.dml(index) for index in indexes]
        finally:
            self._restricted -= 1

    def _index(self, node: ast.Index) -> Code:
        return self.nested_read(node, lookup_only=False)

    def nested_read(self, node: ast.Index, lookup_only: bool) -> Code:
        """``x[i]...`` read (``J:NestedVariable``); with ``lookup_only`` (``exists``, ``is_*``)
        a missing child is ``None`` instead of an error."""
        root, indexes = index_chain(node)
        name = root.name
        where = node.span
        term_codes = self.index_terms(indexes)
        if name == "SELF":
            return self._nested_self_read(term_codes, where, lookup_only)
        automatic = name in AUTOMATIC_GLOBALS

        def read(frame: Frame) -> Value:
            build = frame.build
            try:
                terms = [value_term(code(frame)) for code in term_codes]
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            from_global = False
            element = frame.locals.get(name)
            if element is None:
                from_global = True
                element = automatic_value(frame, name) if automatic else build.globals.get(name)
            try:
                if element is not None:
                    element = None if element is UNDEF else rget(element, terms, 0, lookup_only)
            except InvalidTerm as problem:
                if not lookup_only:
                    raise add_info(EvalFailure(problem.variable_message(name)), where, build) from None
                element = None
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            if element is None:
                if lookup_only:
                    return None
                shown = name + "".join(f"[{term}]" for term in terms)
                raise error_in(f"variable named '{shown}' is undefined", where, build)
            if from_global and (type(element) is dict or type(element) is list):
                return duplicate(element)
            return element

        return read

    def _nested_self_read(self, term_codes: list[Code], where: Span, lookup_only: bool) -> Code:
        """``SELF[i]...`` read (``J:SelfNestedVariable``)."""

        def read(frame: Frame) -> Value:
            build = frame.build
            if build.compile_time:
                raise error_at("invalid use of SelfNestedVariable in compile-time context", where)
            ref = frame.self_ref
            if ref is None:
                raise error_in("SELF is not defined", where, build)
            element = ref.value
            terms: list[Value] = []
            found: Value = None
            if element is not UNDEF:
                try:
                    terms = [value_term(code(frame)) for code in term_codes]
                except EvaluationError as error:
                    raise add_info(error, where, build) from None
                try:
                    found = rget(element, terms, 0, False)
                except InvalidTerm as problem:
                    if not lookup_only:
                        raise add_info(EvalFailure(problem.variable_message("SELF")), where, build) from None
                    found = None
                except EvaluationError as error:
                    raise add_info(error, where, build) from None
            if found is None and not lookup_only:
                shown = "SELF" + "".join(f"[{term}]" for term in terms)
                raise error_in(f"variable named '{shown}' is undefined", where, build)
            return found

        return read

    def lookup(self, node: ast.Variable | ast.Index) -> Code:
        """A variable reference read as panc's look-up-only variables (``exists``, ``is_*``):
        the value, or ``None`` when it does not exist."""
        if isinstance(node, ast.Index):
            return self.nested_read(node, lookup_only=True)
        name = node.name
        if name == "SELF":

            def read_self(frame: Frame) -> Value:
                ref = frame.self_ref
                return None if ref is None else ref.value

            return read_self
        if name in AUTOMATIC_GLOBALS:

            def read_automatic(frame: Frame) -> Value:
                return automatic_value(frame, name)

            return read_automatic

        def read(frame: Frame) -> Value:
            value = frame.locals.get(name)
            if value is None:
                value = frame.build.globals.get(name)
            return value

        return read

    def raw(self, node: ast.Variable | ast.Index) -> Code:
        """Read a variable reference (an error when it does not exist)."""
        return self.expr(node)

    # ------------------------------------------------------------------ operators

    def _unary(self, node: ast.Unary) -> Code:
        operand = self.expr(node.operand)
        where = token_span(node.span)
        op = node.op
        value = constant_of(operand)
        if value is not NOT_CONSTANT:
            if op == "+":
                if not is_number(value):
                    raise self.syntax("argument for unary plus (+) operation must be a long or double", where)
                return constant_code(value)
            return constant_code(UNARY[op](value, where))
        if op == "+":
            return operand  # panc's unary plus returns its operand, whatever its type
        apply = UNARY[op]

        def code(frame: Frame) -> Value:
            return apply(operand(frame), where)

        return code

    def _binary(self, node: ast.Binary) -> Code:
        if node.op in ("&&", "||"):
            return self._logical(node)
        left = self.expr(node.left)
        right = self.expr(node.right)
        op = BINARY[node.op]
        span = node.span
        lc, rc = constant_of(left), constant_of(right)
        if lc is not NOT_CONSTANT and rc is not NOT_CONSTANT:
            try:
                return constant_code(op(lc, rc))
            except Mismatch as problem:
                # the values fail the operation: panc's SyntaxException (with no range: a
                # binary operation has none)
                raise self.syntax(problem.message, span, printed=False) from None
            except EvalFailure as failure:
                # an operand of a type the operation cannot take at all: panc's evaluation
                # error, unlocated, escapes the compile as it is
                raise unplaced(failure.message, span) from None
        if op is add:
            return _add_code(left, right, span)
        fast = _LONG_FAST_PATHS.get(node.op)
        if fast is not None:
            return _long_fast_code(node.op, fast, op, left, right, span)

        def code(frame: Frame) -> Value:
            a = left(frame)
            b = right(frame)
            try:
                return op(a, b)
            except Mismatch as problem:
                raise unplaced(problem.message, span) from None
            except EvalFailure as failure:
                raise unplaced(failure.message, span) from None

        return code

    def _logical(self, node: ast.Binary) -> Code:
        """``&&``/``||`` (``J:LogicalAnd``/``LogicalOr``): booleans only, short-circuiting."""
        left = self.expr(node.left)
        right = self.expr(node.right)
        is_and = node.op == "&&"
        name = "logical-and (&&)" if is_and else "logical-or (||)"
        first = f"first argument for {name} operation must be a boolean value"
        second = f"second argument for {name} operation must be a boolean value"
        decides = not is_and  # the left value that decides alone
        span = node.span
        lc, rc = constant_of(left), constant_of(right)
        if lc is not NOT_CONSTANT:
            if type(lc) is not bool:
                raise self.syntax(first, span, printed=False)
            if lc is decides:
                return constant_code(decides)
        if rc is not NOT_CONSTANT and type(rc) is not bool:
            raise self.syntax(second, span, printed=False)
        if lc is not NOT_CONSTANT and rc is not NOT_CONSTANT:
            return constant_code(rc)

        def code(frame: Frame) -> Value:
            a = left(frame)
            if type(a) is not bool:
                raise unplaced(first, span)
            if a is decides:
                return a
            b = right(frame)
            if type(b) is not bool:
                raise unplaced(second, span)
            return b

        return code

    # ------------------------------------------------------------------ assignment

    def _assign(self, node: ast.Assign) -> Code:
        """``target = value`` (``J:Assign`` with a ``SetValue``): the value is not a DML."""
        value = self.expr(node.value)
        store = self.setter(node.target)

        def code(frame: Frame) -> Value:
            return store(frame, value(frame))

        return code

    def setter(self, target: ast.Variable | ast.Index) -> Callable[[Frame, Value], Value]:
        """Storing into a variable reference (``J:SetValue``/``J:SetSelf``): ``store(frame,
        value)`` returns what an assignment gives (a copy for a child); ``None`` deletes."""
        if isinstance(target, ast.Variable):
            if target.name == "SELF":
                raise self.syntax("SELF variable may not be set directly", target.span)
            return self._local_setter(target.name, target.span)
        root, indexes = index_chain(target)
        term_codes = self.index_terms(indexes)
        self._check_static_indexes(term_codes, target.span)
        if root.name == "SELF":
            return self._self_setter(term_codes, target.span)
        return self._child_setter(root.name, term_codes, target.span)

    def _check_static_indexes(self, term_codes: list[Code], where: Span) -> None:
        """A constant index of an assignment target must be a valid term (``checkStaticIndexes``)."""
        for position, code in enumerate(term_codes):
            constant = constant_of(code)
            if constant is NOT_CONSTANT:
                continue
            try:
                value_term(constant)
            except EvaluationError:
                raise self.syntax(f"index {position:,} is not a valid term", where) from None

    def _local_setter(self, name: str, where: Span) -> Callable[[Frame, Value], Value]:
        def store(frame: Frame, value: Value) -> Value:
            build = frame.build
            if name in build.globals:
                raise add_info(
                    EvalFailure(f"global variable '{name}' cannot be modified from DML block"), where, build
                )
            scope = frame.locals
            if value is None:
                scope.pop(name, None)
                return value
            value = build.protection.local_value(value)  # a copy of a protected resource
            old = scope.get(name)
            scope[name] = value  # null too: a local holds null (panc's LocalVariableMap)
            if old is not None and type(old) is not type(value):
                try:
                    check_replacement(old, value)
                except EvaluationError as error:
                    raise add_info(error, where, build) from None
            return value

        return store

    def _child_setter(
        self, name: str, term_codes: list[Code], where: Span
    ) -> Callable[[Frame, Value], Value]:
        def store(frame: Frame, value: Value) -> Value:
            build = frame.build
            try:
                terms = [value_term(term(frame)) for term in term_codes]
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            if type(value) is dict or type(value) is list:
                value = duplicate(value)  # a resource put in another one is always a copy
            try:
                if name in build.globals:
                    raise EvalFailure(f"global variable '{name}' cannot be modified from DML block")
                scope = frame.locals
                container = scope.get(name)
                if container is None or container is UNDEF:
                    container = {} if type(terms[0]) is str else []
                    scope[name] = container
                container = build.protection.writable_path(container, terms, partial(scope.__setitem__, name))
                rput(container, terms, 0, NULL if value is None else value)
            except InvalidTerm as problem:
                raise add_info(EvalFailure(problem.variable_message(name)), where, build) from None
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            return value

        return store

    def _self_setter(self, term_codes: list[Code], where: Span) -> Callable[[Frame, Value], Value]:
        """``SELF[...] = v`` (``J:SetSelf``): stores the value, returns a copy."""

        def store(frame: Frame, value: Value) -> Value:
            build = frame.build
            if build.compile_time:
                raise error_at("invalid use of SetSelf in compile-time context", where)
            try:
                terms = [value_term(term(frame)) for term in term_codes]
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            copy = duplicate(value) if type(value) is dict or type(value) is list else value
            ref = frame.self_ref
            try:
                if ref is None:
                    raise EvalFailure("SELF is not defined")
                if ref.readonly:
                    raise EvalFailure("cannot modify SELF from validation function")
                container = build.protection.writable_path(ref.value, terms, ref.replace)
                if container is UNDEF:
                    container = {} if type(terms[0]) is str else []
                    ref.replace(container)
                # the value itself, as panc: SELF['b'] = SELF holds SELF as it was when SELF was
                # protected (it became a copy), else SELF itself (a cycle: panc's stack overflow)
                rput(container, terms, 0, NULL if value is None else value)
            except InvalidTerm as problem:
                raise add_info(EvalFailure(problem.variable_message("SELF")), where, build) from None
            except EvaluationError as error:
                raise add_info(error, where, build) from None
            return copy

        return store

    # ------------------------------------------------------------------ control flow

    def _if(self, node: ast.If) -> Code:
        """``if`` (``J:IfElse``): a constant test picks its branch now (as an operand: the DML
        of the parentheses around the ``if``)."""
        condition = self._condition(node)
        test = constant_of(condition)
        if type(test) is bool:
            return self.dml(node, enclosed=True)
        then = self.dml(node.then)
        otherwise = self.dml(node.otherwise) if node.otherwise is not None else constant_code(UNDEF)
        where = keyword_span(node.span, "if")
        message = "if-else test must evaluate to a boolean property"
        if test is not NOT_CONSTANT:
            raise self.syntax(message, where)

        def code(frame: Frame) -> Value:
            value = condition(frame)
            if value is True:
                return then(frame)
            if value is False:
                return otherwise(frame)
            raise error_at(message, where)

        return code

    def _while(self, node: ast.While) -> Code:
        where = keyword_span(node.span, "while")
        condition = self.dml(node.condition)
        test = constant_of(condition)
        if test is not NOT_CONSTANT:
            if type(test) is not bool:
                raise self.syntax("loop test must evaluate to a boolean property", where)
            if not test:
                return constant_code(UNDEF)
        return self._loop(None, condition, self.dml(node.body), None, where)

    def _for(self, node: ast.For) -> Code:
        where = keyword_span(node.span, "for")
        return self._loop(
            self.dml(node.init), self.dml(node.condition), self.dml(node.body), self.dml(node.step), where
        )

    def _loop(self, init: Code | None, condition: Code, body: Code, step: Code | None, where: Span) -> Code:
        """A ``while`` (no init, no step) or ``for`` loop (``J:While``, ``J:For``); its value is the
        last body's, or the init's (undef for ``while``) when the body never runs."""
        bad_test = "loop test must evaluate to a boolean property"

        def code(frame: Frame) -> Value:
            build = frame.build
            result = init(frame) if init is not None else UNDEF
            test = condition(frame)
            if type(test) is not bool:
                raise error_in(bad_test, where, build)
            limit = build.max_iteration
            count = 0
            while test:
                count += 1
                if count > limit > 0:  # 0: no limit (an API choice; panc's command line wants > 0)
                    raise error_in(f"loop iteration count ({limit:,}) has been exceeded", where, build)
                if not count & _MEMORY_CHECK_EVERY:
                    _check_memory(where, build)
                result = body(frame)
                if step is not None:
                    step(frame)
                test = condition(frame)
                if type(test) is not bool:
                    raise error_in(bad_test, where, build)
            return result

        return code

    def _foreach(self, node: ast.Foreach) -> Code:
        """``foreach (k; v; resource) body`` (``J:Foreach``)."""
        resource = self.dml(node.resource)
        body = self.dml(node.body)
        where = keyword_span(node.span, "foreach")
        set_key = self._local_setter(node.key_name, node.key_span or where)
        set_value = self._local_setter(node.value_name, node.value_span or where)

        def code(frame: Frame) -> Value:
            target = resource(frame)
            kind = type(target)
            if kind is not list and kind is not dict:
                raise error_at("third foreach argument does not evaluate to a resource", where)
            set_key(frame, UNDEF)
            set_value(frame, UNDEF)
            result = UNDEF
            if kind is list:
                index = 0
                while index < len(target):
                    if index & _MEMORY_CHECK_EVERY == _MEMORY_CHECK_EVERY:
                        _check_memory(where, frame.build)
                    set_key(frame, index)
                    set_value(frame, UNDEF)
                    set_value(frame, target[index])
                    result = body(frame)
                    index += 1
                return result
            size = len(target)
            for key in sorted_keys(target):
                if len(target) != size or key not in target:
                    raise error_at("resource changed structurally during iteration", where)
                set_key(frame, key)
                set_value(frame, UNDEF)
                set_value(frame, target[key])
                result = body(frame)
            return result

        return code

    # ------------------------------------------------------------------ calls

    def _call(self, node: ast.Call) -> Code:
        """A function call; its arguments are a restricted context (panc's
        ``checkRestrictedContext``: no ``return()`` or ``error()`` in them once folded)."""
        self._restricted += 1
        try:
            code = self._function_call(node)
        finally:
            self._restricted -= 1
        if self._restricted and node.name in _RESTRICTED_CALLS:  # after its own arguments' checks
            raise self.syntax(
                f"{node.name}() may not appear in a restricted context "
                "(either variable indices or function arguments)",
                node.span,
            )
        return code

    def _function_call(self, node: ast.Call) -> Code:
        builtin = BUILTINS.get(node.name)
        if builtin is None:
            return self._user_call(node)
        if builtin.kind == "context":
            try:
                self._check_arity(node, builtin)
                return builtin.impl(self, node)  # type: ignore[no-any-return]
            except PanSyntaxError:
                # panc builds the arguments before the function: their errors come first
                for arg in node.args:
                    self.dml(arg)
                raise
        # panc builds the arguments' operations before the function's (getInstance)
        args = [self.dml(arg) for arg in node.args]
        check = builtin.compile_check
        if check is not None and builtin.check_before_arity:
            check([constant_of(a) for a in args], node.span)
        else:
            self._check_arity(node, builtin)
            if check is not None:
                check([constant_of(a) for a in args], node.span)
        if builtin.folds and all(is_constant(a) for a in args):
            try:
                return constant_code(builtin.impl([deep_copy(constant_of(a)) for a in args]))
            except BuiltinError as error:
                raise self.syntax(error.message, node.span) from None
        if builtin.lazy:
            return self._lazy_call(node, builtin.impl, args)
        return self._pure_call(node, builtin.impl, args)

    def _check_arity(self, node: ast.Call, builtin: Any) -> None:
        count = len(node.args)
        if count < builtin.min_args or (builtin.max_args is not None and count > builtin.max_args):
            message = builtin.arity_message or arity_message(node.name, builtin.min_args, builtin.max_args)
            raise self.syntax(message, node.span)

    def _lazy_call(self, node: ast.Call, impl: Callable[[Any], Value], args: list[Code]) -> Code:
        """A builtin that evaluates its arguments one at a time (see ``Builtin.lazy``).

        The arguments are evaluated in order first, which is the same as long as all succeed
        (the usual case, kept fast). When one fails, panc's template stack is put back as it
        was before it and the builtin runs on the arguments before it: its own check of an
        earlier argument fails first, as in panc; if it reads the failed argument, that
        argument's failure is raised, with the stack it left.
        """
        name = node.name
        where = node.span

        def call(frame: Frame) -> Value:
            build = frame.build
            before = (build.current_file, len(build.call_stack))
            values: list[Value] = []
            for arg in args:
                try:
                    values.append(arg(frame))
                except Exception as failure:  # pylint: disable=broad-exception-caught
                    failed = FailedArgument(failure, len(args), before, where)
                    return _after_failed_argument(name, impl, values, failed, frame)
            try:
                return impl(values)
            except Exception as problem:  # pylint: disable=broad-exception-caught
                raise builtin_failure(name, problem, where, frame) from None

        return call

    def _pure_call(self, node: ast.Call, impl: Callable[[list[Value]], Value], args: list[Code]) -> Code:
        name = node.name
        where = node.span
        if len(args) == 1:
            (only,) = args

            def call1(frame: Frame) -> Value:
                value = only(frame)  # outside the try: a return() in it is no failure of the call
                try:
                    return impl([value])
                except Exception as problem:  # pylint: disable=broad-exception-caught
                    raise builtin_failure(name, problem, where, frame) from None

            return call1

        def call(frame: Frame) -> Value:
            values = [a(frame) for a in args]
            try:
                return impl(values)
            except Exception as problem:  # pylint: disable=broad-exception-caught
                raise builtin_failure(name, problem, where, frame) from None

        return call

    def _user_call(self, node: ast.Call) -> Code:
        """A user function call (``J:Function``)."""
        args = [self.dml(arg) for arg in node.args]
        name = node.name
        where = node.span

        def call(frame: Frame) -> Value:
            build = frame.build
            function = build.functions.get(name)
            if function is None:
                raise error_in(f"undefined function: {name}", where, build)
            return build.call_function(function, [a(frame) for a in args], frame, where)

        return call


def automatic_value(frame: Frame, name: str) -> Value:
    """``SELF``, ``OBJECT``, ``TEMPLATE`` or ``FUNCTION`` in ``frame``; ``None`` if unset (all
    are unset at compile time)."""
    build = frame.build
    if build.compile_time:
        return None
    if name == "SELF":
        ref = frame.self_ref
        return None if ref is None else ref.value
    if name == "OBJECT":
        return build.object_name
    if name == "TEMPLATE":
        # panc sets TEMPLATE when a DML block starts and leaves it while that block runs: the
        # templates a create() runs (and the ones they include) see their caller's template.
        while frame.tree is not build.tree and frame.parent is not None:
            frame = frame.parent
        return frame.template
    if name == "FUNCTION":
        return frame.function
    return None


def index_chain(node: ast.Index) -> tuple[ast.Variable, list[ast.Expr]]:
    """The variable at the root of ``a[i][j]`` and its index expressions in order."""
    indexes: list[ast.Expr] = []
    current: ast.Variable | ast.Index = node
    while isinstance(current, ast.Index):
        indexes.append(current.index)
        current = current.base
    indexes.reverse()
    return current, indexes


class ArgumentFailure(Exception):
    """Raised when a lazy builtin reads the argument whose evaluation failed."""


class PartialArguments:
    """The arguments of a lazy builtin up to one whose evaluation failed (``_lazy_call``)."""

    __slots__ = ("_count", "_values")

    def __init__(self, values: list[Value], count: int) -> None:
        self._values = values
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> Value:
        if index < len(self._values):
            return self._values[index]
        raise ArgumentFailure()


@dataclass(frozen=True, slots=True)
class FailedArgument:
    """An argument of a lazy builtin call that failed: the call's argument count, panc's
    template stack before the arguments were evaluated and where the call is."""

    failure: Exception
    count: int
    before: tuple[str | None, int]
    where: Span


def _after_failed_argument(
    name: str, impl: Callable[[Any], Value], values: list[Value], failed: FailedArgument, frame: Frame
) -> Value:
    """Run a lazy builtin whose argument ``len(values)`` failed, as panc would have before
    evaluating that argument."""
    build = frame.build
    failed_file, failed_stack = build.current_file, list(build.call_stack)
    build.current_file = failed.before[0]
    del build.call_stack[failed.before[1] :]
    try:
        return impl(PartialArguments(values, failed.count))
    except ArgumentFailure:
        build.current_file = failed_file
        build.call_stack[:] = failed_stack
        raise failed.failure from None
    except Exception as problem:  # pylint: disable=broad-exception-caught
        raise builtin_failure(name, problem, failed.where, frame) from None


_RESTRICTED_CALLS = frozenset({"return", "error"})

_MEMORY_CHECK_EVERY = 1023
"""Loops check the memory budget every 1,024 iterations (``panc.evaluation.memory``)."""


def _check_memory(where: Span, build: Any) -> None:
    try:
        check_resident()
    except MemoryLimitError as failure:
        raise error_in(failure.message, where, build) from None


def builtin_failure(name: str, problem: Exception, where: Span, frame: Frame) -> Exception:
    """What an exception out of a pure builtin becomes at its call.

    A ``BuiltinError`` is the user's mistake: by default panc creates it at the call with the
    current template and trace (``where="context"``); some builtins give only the range
    (``"range"``) or nothing (``"bare"``). An ``EvalFailure`` is bare. A ``PanError`` or
    ``RecursionError`` passes through; anything else is a bug of the builtin, still reported
    at the call rather than crashing the compiler.
    """
    if isinstance(problem, BuiltinError):
        if problem.where == "bare":
            return EvalFailure(problem.message)
        if problem.where == "range":
            return error_at(problem.message, where)
        if problem.where == "java":
            return JavaRuntimeFailure(problem.message, where)
        return error_in(problem.message, where, frame.build)
    if isinstance(problem, (MemoryLimitError, MemoryError)):  # the budget, or the system's memory
        return error_in(getattr(problem, "message", None) or over_limit_message(), where, frame.build)
    if isinstance(problem, (PanError, RecursionError)):
        return problem
    return error_in(f"{name}() failed: {problem!r}", where, frame.build)


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

_ORDERINGS = frozenset({"<", "<=", ">", ">=", "==", "!="})
"""Operators that compare numbers as doubles: directly only for longs a double holds exactly."""
_EXACT_IN_DOUBLE = 2**53


def _long_fast_code(
    symbol: str,
    fast: tuple[Callable[[Any, Any], Any], bool],
    op: Callable[[Value, Value], Value],
    left: Code,
    right: Code,
    span: Span,
) -> Code:
    direct, wraps = fast
    limit = _EXACT_IN_DOUBLE if symbol in _ORDERINGS else LONG_MAX

    def code(frame: Frame) -> Value:
        a = left(frame)
        b = right(frame)
        if type(a) is int and type(b) is int and -limit <= a <= limit and -limit <= b <= limit:
            result = direct(a, b)
            if wraps and not LONG_MIN <= result <= LONG_MAX:
                return wrap_long(result)
            return result
        try:
            return op(a, b)
        except Mismatch as problem:
            raise unplaced(problem.message, span) from None
        except EvalFailure as failure:
            raise unplaced(failure.message, span) from None

    return code


def _add_code(left: Code, right: Code, span: Span) -> Code:
    """``+``, specialised: it is by far the most frequent operator (string building)."""

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
        except Mismatch as problem:
            raise unplaced(problem.message, span) from None
        except EvalFailure as failure:
            raise unplaced(failure.message, span) from None

    return code
