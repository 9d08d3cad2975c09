"""Compiling a parsed template into runnable statements, as panc's statement classes do.

``compile_template`` turns each statement into a closure ``run(frame)``. Like panc
(``J:statement``), it first tries to evaluate the DML of an assignment, a variable or an
include statement at compile time (``panc.evaluation.constant``): when that succeeds the
statement stores a constant and its DML never runs; when it fails for any reason the DML
runs when the statement does. That decides, among other things, that a statement reading
no global, profile path or function (``'/a' = { G = 2; G; }``) does not see the object at
all, and that ``deprecated()`` in such a statement says nothing.

Errors are located as panc locates them: each statement adds its range, the current
template and the call trace to an error that lacks them.

The result, ``CompiledTemplate``, is shared by every object that includes the template.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from panc.diagnostics import EvaluationError
from panc.evaluation.constant import compile_time_value, evaluate_constant
from panc.evaluation.control import NOT_CONSTANT, STACK_OVERFLOW, EvalFailure, add_info, duplicate
from panc.evaluation.dml import Code, CompileEnv, DmlCompiler, constant_of, dml_range, is_constant
from panc.evaluation.frames import SelfRef
from panc.evaluation.resources import InvalidTerm
from panc.evaluation.terms import Term, format_path, path_of
from panc.evaluation.tree import MISSING
from panc.evaluation.values import NULL, UNDEF, Value, deep_copy, is_circular
from panc.syntax import ast
from panc.syntax.paths import is_valid_include_name
from panc.types import TypeDefinitionCache
from panc.types.compiler import check_range_order

if TYPE_CHECKING:
    from panc.evaluation.frames import Frame
    from panc.evaluation.hooks import EvaluationHooks
    from panc.evaluation.tree import Tree
    from panc.loader import TemplateSource
    from panc.source import Span

StatementCode = Callable[["Frame"], None]

_DEFINITIONS = (ast.FunctionStatement, ast.TypeStatement, ast.BindStatement, ast.ValidStatement)
_WRAPPERS = (ast.ListOf, ast.DictOf, ast.LinkOf)


@dataclass(slots=True)
class CompiledStatement:
    code: StatementCode
    node: ast.Statement
    definition: bool
    """``function``/``type``/``bind``/``valid``: run only at the first include in an object."""


@dataclass(slots=True)
class CompiledTemplate:
    """A template ready to run: its statements, kind and where it came from."""

    name: str
    kind: str
    source: TemplateSource
    ast: ast.Template
    statements: list[CompiledStatement] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.source.path


class ExpressionTable:
    """Closures and constant values of expressions that run outside statements.

    ``with`` clauses and default values are compiled (and defaults evaluated) with their
    template; the type system asks for them again by node when it validates an object.
    Entries keep their node alive, so the ``id`` keys stay unique.
    """

    def __init__(self) -> None:
        self._codes: dict[int, tuple[ast.Expr, Code]] = {}
        self._constants: dict[int, tuple[ast.Expr, Value]] = {}

    def code(self, expr: ast.Expr) -> Code | None:
        entry = self._codes.get(id(expr))
        return entry[1] if entry is not None and entry[0] is expr else None

    def add_code(self, expr: ast.Expr, code: Code) -> None:
        self._codes[id(expr)] = (expr, code)

    def constant(self, expr: ast.Expr) -> Value:
        """The compile-time value of a default (a fresh copy), or ``MISSING``."""
        entry = self._constants.get(id(expr))
        if entry is None or entry[0] is not expr:
            return MISSING
        return deep_copy(entry[1])

    def add_constant(self, expr: ast.Expr, value: Value) -> None:
        self._constants[id(expr)] = (expr, value)


def compile_template(
    template: ast.Template,
    source: TemplateSource,
    hooks: object | None = None,
    debug_enabled: bool = False,
    expressions: ExpressionTable | None = None,
    before_statement: Callable[[ast.Statement], None] | None = None,
) -> CompiledTemplate:
    """Compile ``template``; raises the first compile-time error (``PanSyntaxError``, or an
    ``EvaluationError`` where panc raises one while compiling).

    ``template`` must come from a parse without errors: the checks the parser makes are not
    made again. ``before_statement`` is called before each statement is compiled (the
    compiler reports the parser's findings for that statement there, in panc's order).
    """
    kind = template.kind or "ordinary"
    name = template.name or source.name
    env = CompileEnv(name, source.path, hooks, debug_enabled)  # type: ignore[arg-type]
    compiler = StatementCompiler(env, kind, name, expressions or ExpressionTable())
    compiled = CompiledTemplate(name, kind, source, template)
    for statement in template.statements:
        if before_statement is not None:
            before_statement(statement)
        if isinstance(statement, ast.PrefixStatement):
            continue
        code = compiler.compile(statement)
        if code is None:
            continue
        definition = isinstance(statement, _DEFINITIONS)
        compiled.statements.append(CompiledStatement(code, statement, definition))
    return compiled


def _report_write(
    hooks: EvaluationHooks, in_profile: bool, path_text: str, value: Value, span: Span, template_name: str
) -> None:
    """Tell ``hooks`` of a write: into the profile, or into the structure a ``create()`` builds."""
    if in_profile:
        hooks.on_path_write(path_text, value, span, template_name)
    else:
        hooks.on_structure_write(path_text.lstrip("/"), value, span, template_name)


def _statement_terms(statement: ast.Assignment) -> tuple[Term, ...]:
    """The terms of an assignment's path (the parser checked it and resolved the prefix)."""
    try:
        return path_of(statement.path, True).terms
    except EvaluationError:
        return ()


class StatementCompiler:
    """Compiles the statements of one template."""

    def __init__(self, env: CompileEnv, kind: str, name: str, expressions: ExpressionTable) -> None:
        self.env = env
        self.expressions = expressions
        self.kind = kind
        self.name = name
        self.dml = DmlCompiler(env)
        self.hooks = env.hooks
        self._dispatch: dict[type, Callable[[Any], StatementCode | None]] = {
            ast.Assignment: self._assignment,
            ast.Include: self._include,
            ast.VariableStatement: self._variable,
            ast.FunctionStatement: self._function,
            ast.TypeStatement: self._type,
            ast.BindStatement: self._bind,
            ast.ValidStatement: self._valid,
        }

    def compile(self, statement: ast.Statement) -> StatementCode | None:
        """The statement's closure; ``None`` for one that does nothing (``include null;``)."""
        code = self._dispatch[type(statement)](statement)
        if code is not None and self.hooks is not None:
            code = self._hooked(statement, code)
        return code

    def _hooked(self, statement: ast.Statement, inner: StatementCode) -> StatementCode:
        hooks = self.hooks
        assert hooks is not None

        def code(frame: Frame) -> None:
            frame.span = statement.span
            frame.locals = {}  # what the statement will see (locals live for one statement)
            frame.self_ref = None
            hooks.on_statement(statement, frame)
            try:
                inner(frame)
            except EvaluationError as error:
                hooks.on_statement_error(statement, frame, error)
                raise

        return code

    def _value(self, expr: ast.Expr) -> tuple[Code, Value]:
        """A statement's DML and its compile-time value (``NOT_CONSTANT`` when it has none)."""
        dml = self.dml.top_level(expr)
        if is_constant(dml):
            return dml, constant_of(dml)
        return dml, compile_time_value(dml)

    # ------------------------------------------------------------------ assignment

    def _assignment(self, statement: ast.Assignment) -> StatementCode:
        terms = _statement_terms(statement)
        dml, constant = self._value(statement.value)
        if constant is NOT_CONSTANT:
            return self._computed_assignment(statement, terms, dml)
        if constant is NULL:
            return self._delete_assignment(statement, terms)
        return self._constant_assignment(statement, terms, constant)

    def _computed_assignment(
        self, statement: ast.Assignment, terms: tuple[Term, ...], dml: Code
    ) -> StatementCode:
        """panc's ``AbsoluteAssignmentStatement``/``RelativeAssignmentStatement``."""
        span = statement.span
        conditional = statement.conditional
        final = statement.final
        absolute = statement.path.startswith("/")
        path_text = format_path(terms)
        hooks = self.hooks
        template_name = self.name

        def assign(frame: Frame) -> None:
            tree: Tree = frame.tree
            build = frame.build
            try:
                current = _element(tree, terms, statement)
                if current is None:
                    _put(tree, terms, UNDEF, statement, build)
                    current = UNDEF
                if absolute and current is not UNDEF and tree.is_final(terms):
                    raise EvalFailure(tree.final_reason(terms))
                if not conditional or current is UNDEF:
                    frame.locals = {}
                    frame.iterators = None
                    ref = SelfRef(current, _path_writer(tree, terms, statement, build))
                    frame.self_ref = ref
                    value = dml(frame)
                    if ref.circular and is_circular(value):
                        raise EvalFailure(STACK_OVERFLOW)
                    # panc copies any result but the element SELF held when the statement began
                    # (a protected one written to is a copy by then, see panc.evaluation.protection)
                    if value is not current and (type(value) is dict or type(value) is list):
                        value = duplicate(value)
                    _put(tree, terms, value, statement, build)
                    if hooks is not None:
                        _report_write(hooks, tree is build.tree, path_text, value, span, template_name)
                if absolute and final:
                    tree.mark_final(terms)
                frame.self_ref = None
            except EvaluationError as error:
                raise add_info(error, span, build) from None

        return assign

    def _constant_assignment(
        self, statement: ast.Assignment, terms: tuple[Term, ...], constant: Value
    ) -> StatementCode:
        """panc's ``ConstantAssignmentStatement``: the value computed when compiling."""
        span = statement.span
        conditional = statement.conditional
        final = statement.final
        absolute = statement.path.startswith("/")
        path_text = format_path(terms)
        hooks = self.hooks
        template_name = self.name
        copy = type(constant) is dict or type(constant) is list

        def assign(frame: Frame) -> None:
            tree: Tree = frame.tree
            build = frame.build
            try:
                write = True
                if conditional:
                    current = _element(tree, terms, statement)
                    write = current is None or current is UNDEF
                if write:
                    if absolute and tree.is_final(terms):
                        raise EvalFailure(tree.final_reason(terms))
                    value = duplicate(constant) if copy else constant  # (one that holds itself overflows)
                    _put(tree, terms, value, statement, build)
                    if copy:
                        build.protection.protect(value)  # panc stores the constant itself
                    if hooks is not None:
                        _report_write(hooks, tree is build.tree, path_text, value, span, template_name)
                if absolute and final:
                    tree.mark_final(terms)
            except EvaluationError as error:
                raise add_info(error, span, build) from None

        return assign

    def _delete_assignment(self, statement: ast.Assignment, terms: tuple[Term, ...]) -> StatementCode:
        """panc's ``DeleteAssignmentStatement`` (``'/a' = null;``)."""
        span = statement.span
        conditional = statement.conditional
        final = statement.final
        absolute = statement.path.startswith("/")
        path_text = format_path(terms)
        hooks = self.hooks
        template_name = self.name

        def delete(frame: Frame) -> None:
            tree: Tree = frame.tree
            build = frame.build
            try:
                if not conditional:
                    if absolute and tree.is_final(terms):
                        raise EvalFailure(tree.final_reason(terms))
                    _put(tree, terms, NULL, statement, build)
                    if hooks is not None:
                        _report_write(hooks, tree is build.tree, path_text, NULL, span, template_name)
                if absolute and final:
                    tree.mark_final(terms)
            except EvaluationError as error:
                raise add_info(error, span, build) from None

        return delete

    # ------------------------------------------------------------------ include

    def _include(self, statement: ast.Include) -> StatementCode | None:
        """panc's ``IncludeStatement.newIncludeStatement``: a name known at compile time is a
        static include, undef or null none at all."""
        dml, constant = self._value(statement.target)
        span = statement.span
        kind = self.kind
        if constant is UNDEF or constant is NULL:
            return None
        if constant is not NOT_CONSTANT:
            if type(constant) is not str:
                raise self.dml.syntax("DML block must evaluate to a string property, null, or undef", span)
            if not is_valid_include_name(constant):
                raise self.dml.syntax(f"invalid identifier ({constant})", span)
            name = constant

            def include_static(frame: Frame) -> None:
                frame.build.include(name, frame, span, kind)

            return include_static

        def include_computed(frame: Frame) -> None:
            frame.locals = {}
            frame.iterators = None
            frame.self_ref = None
            value = dml(frame)
            if value is UNDEF or value is NULL:
                return
            if type(value) is not str:
                raise EvalFailure(
                    "DML block for computed include statement didn't evaluate to undef, null, or a string"
                )
            if not is_valid_include_name(value):
                raise add_info(EvalFailure(f"invalid identifier for include: {value}"), span, None)
            frame.build.include(value, frame, span, kind)

        return include_computed

    # ------------------------------------------------------------------ globals

    def _variable(self, statement: ast.VariableStatement) -> StatementCode:
        """panc's ``ConstantVariableStatement``/``ComputedVariableStatement`` (and their
        ``LOADPATH`` forms, which then set the relative load paths)."""
        name = statement.name
        dml, constant = self._value(statement.value)
        span = statement.span
        conditional = statement.conditional
        final = statement.final
        is_loadpath = name == "LOADPATH"
        computed = constant is NOT_CONSTANT
        copy = type(constant) is dict or type(constant) is list

        def define(frame: Frame) -> None:
            build = frame.build
            try:
                scope = build.globals
                current = scope.get(name, MISSING)
                if current is MISSING:
                    scope[name] = current = UNDEF
                if not conditional or current is UNDEF:
                    if computed:
                        frame.locals = {}
                        frame.iterators = None
                        frame.self_ref = SelfRef(current, _global_writer(scope, name))
                        value = dml(frame)
                        frame.self_ref = None
                    else:
                        value = _constant_copy(constant) if copy else constant
                    build.set_global(name, value)
                    if final:
                        build.final_globals.add(name)
                    else:
                        build.final_globals.discard(name)
                elif final:
                    build.final_globals.add(name)
            except EvaluationError as error:
                raise add_info(error, span, build) from None
            if is_loadpath:
                build.set_loadpath()

        return define

    def _function(self, statement: ast.FunctionStatement) -> StatementCode:
        body = self.dml.dml(statement.body)
        if self.hooks is not None and not isinstance(statement.body, ast.Block):
            body = self.dml.statement(statement.body)  # a debugger steps into one-expression bodies too
        name = statement.name
        span = statement.span
        template_name = self.name

        def define(frame: Frame) -> None:
            try:
                frame.build.define_function(name, body, template_name, span)
            except EvaluationError as error:
                raise add_info(error, span, frame.build) from None

        return define

    # ------------------------------------------------------------------ types

    def _type(self, statement: ast.TypeStatement) -> StatementCode:
        self._check_defaults(statement.spec)
        path = self.env.source_path
        span = statement.span
        cache = TypeDefinitionCache(statement)  # the compiled type, shared by the objects of a build

        def define(frame: Frame) -> None:
            try:
                frame.build.define_type(statement, path, cache)
            except EvaluationError as error:
                raise add_info(error, span, frame.build) from None

        return define

    def _bind(self, statement: ast.BindStatement) -> StatementCode:
        self._check_defaults(statement.spec)
        path = self.env.source_path

        def bind(frame: Frame) -> None:
            frame.build.bind(statement.path, statement.spec, statement.span, path)

        return bind

    def _valid(self, statement: ast.ValidStatement) -> StatementCode:
        # valid 'p' = dml;  is  bind 'p' = element with dml;
        spec = ast.FullTypeSpec(
            statement.span, ast.TypeRef(statement.path_span, "element", None), None, statement.expr
        )
        self.expressions.add_code(statement.expr, self.dml.top_level(statement.expr))
        path = self.env.source_path

        def bind(frame: Frame) -> None:
            frame.build.bind(statement.path, spec, statement.span, path, positioned=False)

        return bind

    def _check_defaults(self, spec: ast.FullTypeSpec) -> None:
        """Defaults must be compile-time constants; ``with`` clauses must compile."""
        for full in _full_specs(spec):
            for type_range in _ranges(full.spec):
                check_range_order(type_range)
            if full.validation is not None:
                self.expressions.add_code(full.validation, self.dml.top_level(full.validation))
            if full.default is not None:
                self.constant_default(full.default)

    def constant_default(self, expr: ast.Expr) -> Value:
        """Evaluate a default value now; anything not constant is a syntax error."""
        value = evaluate_constant(self.dml.top_level(expr), default_range(expr))
        self.expressions.add_constant(expr, value)
        return value


def default_range(expr: ast.Expr) -> Span | None:
    """The range panc gives a default's DML (where its errors are reported)."""
    where = dml_range(expr)
    if where is not None:
        return where
    while isinstance(expr, ast.Block):
        expr = expr.body[0]
    if isinstance(expr, ast.Binary):
        return None
    if isinstance(expr, ast.Unary):
        return expr.span._replace(end_line=expr.span.start_line, end_column=expr.span.start_column)
    return expr.span


def _element(tree: Tree, terms: tuple[Term, ...], statement: ast.Assignment) -> Value | None:
    """The value at ``terms`` (panc's ``getElement(path, false)``), or ``None``."""
    try:
        return tree.get_element(terms)
    except InvalidTerm as problem:
        raise EvalFailure(_path_message(problem, statement, terms)) from None


def _constant_copy(constant: Value) -> Value:
    """A global's copy of its folded value. panc stores a value folded when compiling as it
    is, even one that holds itself (``{ x = list(1); append(x, x); x }``): such a copy keeps
    its cycle, and what copies it later (a local set to it, a path) is panc's stack overflow."""
    try:
        return deep_copy(constant)
    except RecursionError:
        return deepcopy(constant)


def _put(tree: Tree, terms: tuple[Term, ...], value: Value, statement: ast.Assignment, build: Any) -> None:
    build.protection.writable_path(tree.root, terms)
    try:
        tree.put_element(terms, value)
    except InvalidTerm as problem:
        raise EvalFailure(_path_message(problem, statement, terms)) from None


def _path_message(problem: InvalidTerm, statement: ast.Assignment, terms: tuple[Term, ...]) -> str:
    absolute = statement.path.startswith("/")
    shown = format_path(terms) if absolute else "/".join(str(term) for term in terms)
    return problem.path_message(shown, "/" if absolute else "")


def _path_writer(
    tree: Tree, terms: tuple[Term, ...], statement: ast.Assignment, build: Any
) -> Callable[[Value], None]:
    def write(value: Value) -> None:
        _put(tree, terms, value, statement, build)

    return write


def _global_writer(scope: dict[str, Value], name: str) -> Callable[[Value], None]:
    def write(value: Value) -> None:
        scope[name] = value

    return write


def _full_specs(spec: ast.FullTypeSpec) -> list[ast.FullTypeSpec]:
    """``spec`` and every full type spec nested in it (record fields)."""
    found = [spec]
    pending: list[object] = [spec.spec]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.RecordType):
            for member in node.members:
                if isinstance(member, ast.Field):
                    found.append(member.spec)
                    pending.append(member.spec.spec)
        elif isinstance(node, _WRAPPERS):
            pending.append(node.element)
    return found


def _ranges(spec: ast.TypeSpec) -> list[ast.Range]:
    """The ranges of a spec and of the specs it wraps (not those of record fields)."""
    found = []
    node: object = spec
    while True:
        rng = getattr(node, "range", None)
        if rng is not None:
            found.append(rng)
        if not isinstance(node, _WRAPPERS):
            return found
        node = node.element


def run_statements(template: CompiledTemplate, frame: Frame, first: bool) -> None:
    """Execute a template's statements in ``frame`` (definitions only at the first load)."""
    for statement in template.statements:
        if first or not statement.definition:
            statement.code(frame)
