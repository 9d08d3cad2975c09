"""Compiling a parsed template into runnable statements.

``compile_template`` checks what panc checks at compile time beyond the parser's checks
(constant defaults and includes, everything ``DmlCompiler`` checks) and turns each
statement into a closure ``run(frame)``. The result, ``CompiledTemplate``, is
shared by every object that includes the template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from panc.diagnostics import PanError, PanSyntaxError
from panc.evaluation.constant import evaluate_constant
from panc.evaluation.control import EvalFailure, located
from panc.evaluation.dml import Code, CompileEnv, DmlCompiler, constant_of, is_constant
from panc.evaluation.frames import SelfRef
from panc.evaluation.static import needs_self
from panc.evaluation.terms import Term, format_path, parse_path_text
from panc.evaluation.tree import MISSING
from panc.evaluation.values import NULL, UNDEF, Value, deep_copy
from panc.syntax import ast
from panc.types import TypeDefinitionCache

if TYPE_CHECKING:
    from panc.evaluation.frames import Frame
    from panc.evaluation.tree import Tree
    from panc.loader import TemplateSource

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
) -> CompiledTemplate:
    """Compile ``template``; raises ``PanSyntaxError`` for compile-time errors.

    ``template`` must come from a parse without errors: the checks the parser makes (which
    statements a template kind may hold, assignment paths, restricted contexts...) are not
    made again.
    """
    kind = template.kind or "ordinary"
    name = template.name or source.name
    env = CompileEnv(name, source.path, hooks, debug_enabled)  # type: ignore[arg-type]
    compiler = StatementCompiler(env, kind, name, expressions or ExpressionTable())
    compiled = CompiledTemplate(name, kind, source, template)
    for statement in template.statements:
        if isinstance(statement, ast.PrefixStatement):
            continue
        code = compiler.compile(statement)
        definition = isinstance(statement, _DEFINITIONS)
        compiled.statements.append(CompiledStatement(code, statement, definition))
    return compiled


def _statement_path(statement: ast.Assignment) -> tuple[Term, ...]:
    """The terms of an assignment's path (the parser checked that it suits the template)."""
    try:
        return parse_path_text(statement.path)[2]
    except EvalFailure as failure:
        raise PanSyntaxError(failure.message, statement.path_span) from None


class StatementCompiler:
    """Compiles the statements of one template."""

    def __init__(self, env: CompileEnv, kind: str, name: str, expressions: ExpressionTable) -> None:
        self.env = env
        self.expressions = expressions
        self.kind = kind
        self.name = name
        self.dml = DmlCompiler(env)
        self.hooks = env.hooks
        self._dispatch: dict[type, Callable[[Any], StatementCode]] = {
            ast.Assignment: self._assignment,
            ast.Include: self._include,
            ast.VariableStatement: self._variable,
            ast.FunctionStatement: self._function,
            ast.TypeStatement: self._type,
            ast.BindStatement: self._bind,
            ast.ValidStatement: self._valid,
            ast.PrefixStatement: self._prefix,
        }

    def compile(self, statement: ast.Statement) -> StatementCode:
        code: StatementCode = self._dispatch[type(statement)](statement)
        if self.hooks is not None:
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
            except PanError as error:
                hooks.on_statement_error(statement, frame, error)
                raise

        return code

    # ------------------------------------------------------------------ assignment

    def _assignment(self, statement: ast.Assignment) -> StatementCode:
        terms = _statement_path(statement)
        dml = self.dml.top_level(statement.value)
        span = statement.span
        conditional = statement.conditional
        final = statement.final
        with_self = needs_self(statement.value)
        constant = constant_of(dml)
        copy_result = not is_constant(dml) or type(constant) in (list, dict)
        path_text = format_path(terms)
        hooks = self.hooks
        template_name = self.name

        def assign(frame: Frame) -> None:
            tree: Tree = frame.tree
            try:
                if conditional:
                    current = tree.get(terms)
                    if current is not MISSING and current is not UNDEF:
                        if final:
                            tree.mark_final(terms)
                        return
                tree.check_writable(terms)
                frame.locals = {}
                frame.iterators = None
                if with_self:
                    ref = SelfRef(tree.ensure(terms), _path_writer(tree, terms))
                    frame.self_ref = ref
                    value = dml(frame)
                    if (
                        copy_result
                        and value is not ref.value
                        and (type(value) is dict or type(value) is list)
                    ):
                        value = deep_copy(value)
                else:
                    frame.self_ref = None
                    value = dml(frame)
                    if copy_result and (type(value) is dict or type(value) is list):
                        value = deep_copy(value)
                tree.put(terms, value)
                if final:
                    tree.mark_final(terms)
            except EvalFailure as failure:
                raise located(failure.message, span) from None
            if hooks is not None and tree is frame.build.tree:  # not the scratch tree of a create()
                hooks.on_path_write(path_text, value, span, template_name)

        return assign

    # ------------------------------------------------------------------ include

    def _include(self, statement: ast.Include) -> StatementCode:
        target = self.dml.top_level(statement.target)
        span = statement.span
        kind = self.kind
        constant = constant_of(target)
        if is_constant(target):
            if constant is UNDEF or constant is NULL:
                return _no_op
            if type(constant) is not str:
                raise PanSyntaxError(
                    "include requires a string (template name), undef or null", statement.target.span
                )
            name = constant

            def include_static(frame: Frame) -> None:
                frame.build.include(name, frame, span, kind)

            return include_static

        def include_computed(frame: Frame) -> None:
            frame.locals = {}
            frame.self_ref = None
            value = target(frame)
            if value is UNDEF or value is NULL:
                return
            if type(value) is not str:
                raise located("include requires a string (template name), undef or null", span)
            frame.build.include(value, frame, span, kind, computed=True)

        return include_computed

    # ------------------------------------------------------------------ globals

    def _variable(self, statement: ast.VariableStatement) -> StatementCode:
        name = statement.name
        dml = self.dml.top_level(statement.value)
        span = statement.span
        conditional = statement.conditional
        final = statement.final

        def define(frame: Frame) -> None:
            build = frame.build
            scope = build.globals
            current = scope.get(name, MISSING)
            if conditional and current is not MISSING and current is not UNDEF:
                if final:
                    build.final_globals.add(name)
                return
            if name in build.final_globals:
                raise located(f"cannot modify final global variable '{name}'", span)
            if current is MISSING:
                scope[name] = current = UNDEF
            frame.locals = {}
            frame.iterators = None
            frame.self_ref = SelfRef(current, _global_writer(scope, name))
            value = dml(frame)
            try:
                build.set_global(name, value)
            except EvalFailure as failure:
                raise located(failure.message, span) from None
            if final:
                build.final_globals.add(name)

        return define

    def _function(self, statement: ast.FunctionStatement) -> StatementCode:
        body = self.dml.statement(statement.body)  # a debugger steps into one-expression bodies too
        name = statement.name
        span = statement.span
        template_name = self.name

        def define(frame: Frame) -> None:
            frame.build.define_function(name, body, template_name, span)

        return define

    # ------------------------------------------------------------------ types

    def _type(self, statement: ast.TypeStatement) -> StatementCode:
        self._check_defaults(statement.spec)
        path = self.env.source_path
        cache = TypeDefinitionCache(statement)  # the compiled type, shared by the objects of a build

        def define(frame: Frame) -> None:
            frame.build.define_type(statement, path, cache)

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
            frame.build.bind(statement.path, spec, statement.span, path)

        return bind

    def _check_defaults(self, spec: ast.FullTypeSpec) -> None:
        """Defaults must be compile-time constants; ``with`` clauses must compile."""
        for full in _full_specs(spec):
            if full.validation is not None:
                self.expressions.add_code(full.validation, self.dml.top_level(full.validation))
            if full.default is not None:
                self.constant_default(full.default)

    def constant_default(self, expr: ast.Expr) -> Value:
        """Evaluate a default value now; anything not constant is a syntax error."""
        value = evaluate_constant(self.dml.top_level(expr), expr.span)
        self.expressions.add_constant(expr, value)
        return value

    def _prefix(self, statement: ast.PrefixStatement) -> StatementCode:
        del statement
        return _no_op


def _no_op(frame: Frame) -> None:
    del frame


def _path_writer(tree: Tree, terms: tuple[Term, ...]) -> Callable[[Value], None]:
    def write(value: Value) -> None:
        tree.put(terms, value)

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


def run_statements(template: CompiledTemplate, frame: Frame, first: bool) -> None:
    """Execute a template's statements in ``frame`` (definitions only at the first load)."""
    for statement in template.statements:
        if first or not statement.definition:
            statement.code(frame)
