"""The AST builder: the grammar's callbacks, run by the LALR parser as it reduces.

There is no parse tree: each callback receives the children of one rule (tokens, already
built nodes, or lists for the left-recursive helper rules) and returns an AST node. Checks
that need only the text (escapes, literal ranges, paths, prefixes, what a template kind may
contain) are made here and reported as diagnostics on the current ``BuildContext``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from panc.diagnostics import RESTRICTED_CHECK, TEMPLATE_CHECK, Category, Diagnostic
from panc.names import AUTOMATIC_VARIABLES
from panc.source import Span
from panc.syntax import ast
from panc.syntax.construct import nodes
from panc.syntax.expressions import fold_chain
from panc.syntax.literals import decode_double, decode_double_quoted, decode_long, decode_single_quoted
from panc.syntax.paths import Path, PathSyntaxError, TermError, is_valid_template_name, parse_key, parse_path
from panc.syntax.tokens import Token, new_span
from panc.values import NULL, UNDEF

# Calls that leave the expression (MSG_RESTRICTED_CONTEXT).
_RESTRICTED_CALLS = frozenset({"return", "error"})
# Automatic variables a DML assignment cannot set (panc's SetValue; SELF has its own message).
_DML_AUTOMATIC = frozenset({"OBJECT", "FUNCTION", "TEMPLATE"})
_SUBSTITUTION = re.compile(r"\$\{[^}]*\}")
"""A ``${name}`` of a bind path (commons-lang's ``StrSubstitutor`` default pattern)."""

# What panc's Template constructor refuses, by template kind: statement -> message.
_STRUCTURE_ONLY = "only relative assigment and include statements are allowed in structure templates"
_NOT_ALLOWED: dict[str, dict[str, str]] = {
    "structure": {
        "variable": _STRUCTURE_ONLY,
        "bind": _STRUCTURE_ONLY,
        "valid": _STRUCTURE_ONLY,
        "function": _STRUCTURE_ONLY,
        "type": _STRUCTURE_ONLY,
        "absolute assignment": "structure templates can only contain assignments to relative paths",
    },
    "declaration": {
        "absolute assignment": "statement not allowed in declaration template",
        "relative assignment": "statement not allowed in declaration template",
    },
}
_ABSOLUTE_ONLY = "ordinary, object, and unique templates can only contain assignments to absolute paths"

@dataclass
class BuildContext:
    """Per-parse state shared by the callbacks."""

    file: str
    annotations_before: dict[int, tuple[ast.Annotation, ...]]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kind: str | None = None
    prefix: Path | None = None
    """The prefix applied to relative assignment paths (``None`` when none)."""
    absolute_prefix: Path | None = None
    """The last absolute prefix, which relative prefixes extend (kept by ``prefix ''``)."""

    def error(self, category: Category, message: str, span: Span, code: str = "") -> None:
        self.diagnostics.append(Diagnostic(category, message, span, code=code or category.name.lower()))


@dataclass(frozen=True, slots=True)
class Header:
    """The ``[kind] template NAME;`` line, before it becomes part of ``ast.Template``."""

    span: Span
    kind: str
    name: str
    name_span: Span
    annotations: tuple[ast.Annotation, ...]


def _join(first: Span, last: Span) -> Span:
    return new_span(Span, (first.file, first.start_line, first.start_column, last.end_line, last.end_column))


def _is_token(node: Any, kind: str) -> bool:
    return isinstance(node, Token) and node.type == kind


class AstBuilder:
    """Callbacks named after the grammar's rules and aliases."""

    def __init__(self) -> None:
        self.ctx = BuildContext("", {})

    # ------------------------------------------------------------------ helpers

    def _syntax(self, message: str, span: Span) -> None:
        self.ctx.error(Category.SYNTAX, message, span)

    def _string(self, token: Token) -> str:
        """The decoded value of a quoted string token, reporting bad escapes."""
        if token.type == "SQ_STRING":
            return decode_single_quoted(token.value)
        value, problem = decode_double_quoted(token.value)
        if problem:
            self.ctx.error(Category.PARSE, problem, token.span)
        return value

    def _annotations(self, token: Token) -> tuple[ast.Annotation, ...]:
        return self.ctx.annotations_before.get(token.start_pos, ())

    def _allowed(self, what: str, span: Span) -> None:
        """panc's checks of which statements a template kind may hold (at the statement)."""
        kind = self.ctx.kind
        if kind is None:
            return
        refused = _NOT_ALLOWED.get(kind)
        if refused is None:
            message = _ABSOLUTE_ONLY if what == "relative assignment" else None
        else:
            message = refused.get(what)
        if message is not None:
            self.ctx.error(Category.SYNTAX, message, span, TEMPLATE_CHECK)

    def _long(self, token: Token) -> int:
        value, problem = decode_long(token.value)
        if problem:
            self._syntax(problem, token.span)
        return value

    def _restricted(self, node: Any) -> None:
        """``return()`` and ``error()`` leave the expression: not allowed anywhere inside a
        function argument or an index (panc's ``checkRestrictedContext``)."""
        found = _find_call(node, _RESTRICTED_CALLS, constant_ifs=True)
        if found is None:
            return
        message = (
            f"{found.name}() may not appear in a restricted context "
            "(either variable indices or function arguments)"
        )
        # an enclosing call or index finds it again: report it once
        if not any(d.span == found.span and d.message == message for d in self.ctx.diagnostics):
            self.ctx.error(Category.SYNTAX, message, found.span, RESTRICTED_CHECK)

    # ------------------------------------------------------------------ template

    def start(self, children: list[Any]) -> ast.Template:
        header = children[0] if children and isinstance(children[0], Header) else None
        statements = (
            tuple(node for node in children[1:] if node is not None)
            if header
            else tuple(node for node in children if node is not None)
        )
        if header is not None:
            last = statements[-1].span if statements else header.span
            return nodes.Template(
                _join(header.span, last),
                header.kind,
                header.name,
                header.name_span,
                statements,
                header.annotations,
                header.span,
            )
        span = (
            _join(statements[0].span, statements[-1].span) if statements else Span(self.ctx.file, 1, 1, 1, 1)
        )
        return nodes.Template(span, None, None, None, statements)

    def header(self, children: list[Token]) -> Header:
        first = children[0]
        kind = first.value if len(children) == 4 else "ordinary"
        name_token = children[-2]
        name = name_token.value
        if not is_valid_template_name(name):
            self._syntax(f"invalid template name '{name}'", name_token.span)
        self.ctx.kind = kind
        return Header(
            _join(first.span, children[-1].span), kind, name, name_token.span, self._annotations(first)
        )

    # ------------------------------------------------------------------ statements

    def assignment(self, children: list[Any]) -> ast.Assignment:
        final = len(children) == 5
        path_token, operator, value, semicolon = children[-4:]
        written = self._string(path_token)
        span = _join(children[0].span, semicolon.span)
        parsed = self._statement_path(written, span, self.ctx.prefix)
        path = written
        if parsed is not None:
            path = str(parsed)
            if parsed.is_external:
                self._syntax(f"assignment cannot be made to an external path ({parsed})", span)
            else:
                self._allowed("relative assignment" if parsed.is_relative else "absolute assignment", span)
        return nodes.Assignment(span, path, path_token.span, value, operator.value == "?=", final)

    def empty_assignment(self, children: list[Any]) -> None:
        self.ctx.error(Category.PARSE, "illegal empty DML statement", children[-1].span)

    def empty_variable_statement(self, children: list[Any]) -> None:
        self.ctx.error(Category.PARSE, "illegal empty DML statement", children[-1].span)

    def _statement_path(self, written: str, span: Span, prefix: Path | None) -> Path | None:
        """panc's ``createPathFromIdentifier``: the path of a statement resolved under the
        prefix; a bad path is a syntax error at the statement (``None``)."""
        try:
            parsed = parse_path(written, bool(prefix is not None and prefix.terms))
            if prefix is not None and parsed.is_relative:
                if prefix.is_external:
                    raise PathSyntaxError("cannot construct relative path from external path")
                parsed = parsed.under(prefix)
        except (PathSyntaxError, TermError) as error:
            self._syntax(str(error), span)
            return None
        return parsed

    def prefix_statement(self, children: list[Token]) -> ast.PrefixStatement:
        keyword, path_token, semicolon = children
        written = self._string(path_token)
        span = _join(keyword.span, semicolon.span)
        ctx = self.ctx
        if written == "":
            ctx.prefix = None  # panc keeps the last absolute prefix for later relative ones
        else:
            parsed = self._statement_path(written, span, None)
            if parsed is None:
                pass
            elif parsed.is_absolute:
                ctx.prefix = ctx.absolute_prefix = parsed
            elif ctx.absolute_prefix is None:
                self._syntax(f"given relative prefix ({parsed}) requires prior absolute prefix", span)
            else:
                ctx.prefix = parsed.under(ctx.absolute_prefix)
        return nodes.PrefixStatement(span, str(ctx.prefix) if ctx.prefix is not None else "", path_token.span)

    def include_statement(self, children: list[Any]) -> ast.Include:
        keyword, target, semicolon = children
        span = _join(keyword.span, semicolon.span)
        if (
            isinstance(target, ast.Block)
            and len(target.body) == 1
            and isinstance(target.body[0], ast.Literal)
        ):
            target = target.body[0]  # ``include {'x'};`` is the constant 'x'
        self_use = _find_self(target)
        if self_use is not None:
            self._syntax("SELF cannot be used within include statement", self_use)
        self._allowed("include", span)
        return nodes.Include(span, target)

    def variable_statement(self, children: list[Any]) -> ast.VariableStatement:
        final = len(children) == 6
        _, name, operator, value, semicolon = children[-5:]
        span = _join(children[0].span, semicolon.span)
        if name.value in AUTOMATIC_VARIABLES:
            self._syntax(f"automatic variable ({name.value}) may not be set directly", span)
        self._allowed("variable", span)
        return nodes.VariableStatement(
            span, name.value, name.span, value, operator.value == "?=", final, self._annotations(children[0])
        )

    def type_statement(self, children: list[Any]) -> ast.TypeStatement:
        keyword, name, _, spec, semicolon = children
        span = _join(keyword.span, semicolon.span)
        self._allowed("type", span)
        return nodes.TypeStatement(span, name.value, name.span, spec, self._annotations(keyword))

    def function_statement(self, children: list[Any]) -> ast.FunctionStatement:
        keyword, name, _, body, semicolon = children
        span = _join(keyword.span, semicolon.span)
        self._allowed("function", span)
        return nodes.FunctionStatement(span, name.value, name.span, body, self._annotations(keyword))

    def bind_statement(self, children: list[Any]) -> ast.BindStatement:
        keyword, path_token, _, spec, semicolon = children
        span = _join(keyword.span, semicolon.span)
        path = self._bound_path(path_token, span)
        self._allowed("bind", span)
        return nodes.BindStatement(span, path, path_token.span, spec)

    def valid_statement(self, children: list[Any]) -> ast.ValidStatement:
        keyword, path_token, _, expr, semicolon = children
        span = _join(keyword.span, semicolon.span)
        path = self._bound_path(path_token, span)
        self._allowed("valid", span)
        return nodes.ValidStatement(span, path, path_token.span, expr)

    def _bound_path(self, token: Token, span: Span) -> str:
        """panc's ``BindStatement.getInstance``: a path without ``${...}`` is checked now, at the
        statement, and must be absolute (with one, when the statement runs)."""
        path = self._string(token)
        if not _SUBSTITUTION.search(path):
            parsed = self._statement_path(path, span, None)
            if parsed is not None and not parsed.is_absolute:
                self._syntax(f"only absolute paths can be used with bind statements ({parsed})", span)
        return path

    def empty_statement(self, _children: list[Token]) -> None:
        return None

    # ------------------------------------------------------------------ DML

    def dml_assign(self, children: list[Any]) -> ast.Assign:
        target, operator, value = children
        if isinstance(target, ast.Variable) and target.name == "SELF":
            self._syntax("SELF variable may not be set directly", target.span)
        root = target
        while isinstance(root, ast.Index):
            root = root.base
        if root.name in _DML_AUTOMATIC:
            self._syntax(f"automatic variable ({root.name}) may not be set directly", target.span)
        return nodes.Assign(_join(target.span, value.span), target, value, operator.span)

    def if_expr(self, children: list[Any]) -> ast.If:
        keyword = children[0]
        condition, then = children[2], children[4]
        otherwise = children[6] if len(children) == 7 else None
        last = otherwise if otherwise is not None else then
        return nodes.If(_join(keyword.span, last.span), condition, then, otherwise)

    def while_expr(self, children: list[Any]) -> ast.While:
        keyword, _, condition, _, body = children
        return nodes.While(_join(keyword.span, body.span), condition, body)

    def for_expr(self, children: list[Any]) -> ast.For:
        keyword, _, init, _, condition, _, step, _, body = children
        return nodes.For(_join(keyword.span, body.span), init, condition, step, body)

    def foreach_expr(self, children: list[Any]) -> ast.Foreach:
        keyword, _, key, _, value, _, resource, _, body = children
        return nodes.Foreach(
            _join(keyword.span, body.span), key.value, value.value, resource, body, key.span, value.span
        )

    def block(self, children: list[Any]) -> ast.Block:
        opening, closing = children[0], children[-1]
        body = tuple(node for node in children[1:-1] if node is not None)
        span = _join(opening.span, closing.span)
        if not body:
            self.ctx.error(Category.PARSE, "illegal empty DML statement", span)
        return nodes.Block(span, body)

    def block_item(self, children: list[Any]) -> Any:
        return children[0] if len(children) == 2 else None

    def binary_chain(self, children: list[Any]) -> Any:
        return fold_chain(children[0])

    def chain(self, children: list[Any]) -> list[Any]:
        return children

    def chain_more(self, children: list[Any]) -> list[Any]:
        items = children[0]
        items.append(children[1])
        items.append(children[2])
        return items

    def unary(self, children: list[Any]) -> ast.Unary:
        operator, operand = children
        return nodes.Unary(_join(operator.span, operand.span), operator.value, operand)

    def sq_string(self, children: list[Token]) -> ast.Literal:
        token = children[0]
        return nodes.Literal(token.span, decode_single_quoted(token.value))

    def dq_string(self, children: list[Token]) -> ast.Literal:
        token = children[0]
        return nodes.Literal(token.span, self._string(token))

    def heredoc(self, children: list[Token]) -> ast.Literal:
        token = children[0]
        return nodes.Literal(token.span, token.payload)

    def long_literal(self, children: list[Token]) -> ast.Literal:
        token = children[0]
        return nodes.Literal(token.span, self._long(token))

    def double_literal(self, children: list[Token]) -> ast.Literal:
        token = children[0]
        return nodes.Literal(token.span, decode_double(token.value))

    def true_literal(self, children: list[Token]) -> ast.Literal:
        return nodes.Literal(children[0].span, True)

    def false_literal(self, children: list[Token]) -> ast.Literal:
        return nodes.Literal(children[0].span, False)

    def undef_literal(self, children: list[Token]) -> ast.Literal:
        return nodes.Literal(children[0].span, UNDEF)

    def null_literal(self, children: list[Token]) -> ast.Literal:
        return nodes.Literal(children[0].span, NULL)

    def call(self, children: list[Any]) -> ast.Call:
        name = children[0]
        args = tuple(children[2]) if len(children) > 3 else ()
        span = _join(name.span, children[-1].span)
        for arg in args:
            self._restricted(arg)
        if name.value in AUTOMATIC_VARIABLES:
            self._syntax(f"{name.value} cannot be used as a function", span)
        return nodes.Call(span, name.value, name.span, args)

    def paren(self, children: list[Any]) -> Any:
        inner = children[1]
        if isinstance(inner, ast.Block | ast.If):
            return replace(inner, parentheses=inner.parentheses + 1)
        return inner

    def variable(self, children: list[Token]) -> ast.Variable:
        token = children[0]
        return nodes.Variable(token.span, token.value)

    def index(self, children: list[Any]) -> ast.Index:
        base, _, index, closing = children
        self._restricted(index)
        return nodes.Index(_join(base.span, closing.span), base, index)

    def arguments(self, children: list[Any]) -> list[Any]:
        return children

    def arguments_more(self, children: list[Any]) -> list[Any]:
        items = children[0]
        items.append(children[2])
        return items

    # ------------------------------------------------------------------ types

    def full_type(self, children: list[Any]) -> ast.FullTypeSpec:
        spec = children[0]
        return nodes.FullTypeSpec(spec.span, spec, None, None)

    def full_type_default(self, children: list[Any]) -> ast.FullTypeSpec:
        spec, equals, default = children
        return nodes.FullTypeSpec(_join(spec.span, default.span), spec, default, None, equals.span)

    def full_type_with(self, children: list[Any]) -> ast.FullTypeSpec:
        spec, keyword, validation = children
        return nodes.FullTypeSpec(_join(spec.span, validation.span), spec, None, validation, keyword.span)

    def full_type_default_with(self, children: list[Any]) -> ast.FullTypeSpec:
        spec, _, default, keyword, validation = children
        return nodes.FullTypeSpec(_join(spec.span, validation.span), spec, default, validation, keyword.span)

    def list_of(self, children: list[Any]) -> ast.ListOf:
        spec = children[0]
        range_ = children[2] if len(children) == 4 else None
        return nodes.ListOf(_join(spec.span, children[-1].span), spec, range_)

    def dict_of(self, children: list[Any]) -> ast.DictOf:
        spec = children[0]
        range_ = children[2] if len(children) == 4 else None
        return nodes.DictOf(_join(spec.span, children[-1].span), spec, range_)

    def link_of(self, children: list[Any]) -> ast.LinkOf:
        spec, star = children
        return nodes.LinkOf(_join(spec.span, star.span), spec)

    def type_ref(self, children: list[Any]) -> ast.TypeRef:
        name = children[0]
        if len(children) == 1:
            return nodes.TypeRef(name.span, name.value, None)
        range_ = children[2] if len(children) == 4 else None
        return nodes.TypeRef(_join(name.span, children[-1].span), name.value, range_)

    def choice_type(self, children: list[Any]) -> ast.ChoiceType:
        keyword, _, choices, closing = children
        return nodes.ChoiceType(
            _join(keyword.span, closing.span), tuple(self._string(token) for token in choices)
        )

    def choices(self, children: list[Token]) -> list[Token]:
        return children

    def choices_more(self, children: list[Any]) -> list[Token]:
        items = children[0]
        items.append(children[2])
        return items

    def record(self, children: list[Any]) -> ast.RecordType:
        extensible = _is_token(children[0], "EXTENSIBLE")
        members = tuple(children[2:-1] if extensible else children[1:-1])
        return nodes.RecordType(_join(children[0].span, children[-1].span), extensible, members, None)

    def ranged_record(self, children: list[Any]) -> ast.RecordType:
        record, _, range_, closing = children
        return nodes.RecordType(_join(record.span, closing.span), record.extensible, record.members, range_)

    def field(self, children: list[Any]) -> ast.Field:
        name_token, marker, spec = children
        written = self._string(name_token)
        try:
            name = parse_key(written)
        except PathSyntaxError as error:
            self._syntax(str(error), name_token.span)
            name = written
        return nodes.Field(
            _join(name_token.span, spec.span),
            name,
            name_token.span,
            marker.value == ":",
            spec,
            self._annotations(name_token),
        )

    def record_include(self, children: list[Token]) -> ast.RecordInclude:
        keyword, name = children
        return nodes.RecordInclude(_join(keyword.span, name.span), name.value)

    def range_exact(self, children: list[Any]) -> ast.Range:
        value, span = self._bound(children[0])
        return nodes.Range(span, value, value)

    def range(self, children: list[Any]) -> ast.Range:
        if len(children) == 3:
            low, low_span = self._bound(children[0])
            high, high_span = self._bound(children[2])
            return nodes.Range(_join(low_span, high_span), low, high)
        if not _is_token(children[0], "DOTDOT"):
            low, low_span = self._bound(children[0])
            return nodes.Range(_join(low_span, children[1].span), low, None)
        high, high_span = self._bound(children[1])
        return nodes.Range(_join(children[0].span, high_span), None, high)

    def negative_long(self, children: list[Token]) -> tuple[int, Span]:
        minus, number = children
        return -self._long(number), _join(minus.span, number.span)

    def _bound(self, item: Token | tuple[int, Span]) -> tuple[int, Span]:
        if isinstance(item, Token):
            return self._long(item), item.span
        return item


def _find_self(node: Any) -> Span | None:
    """The span of the first use of ``SELF`` inside an expression, if any."""
    found = _find_first(node, lambda item: isinstance(item, ast.Variable) and item.name == "SELF")
    return found.span if found is not None else None


def _find_call(node: Any, names: frozenset[str], constant_ifs: bool = False) -> ast.Call | None:
    """The first call of one of ``names`` inside an expression, if any (``constant_ifs``: not
    in the branch an ``if`` with a literal condition drops, as panc's compiler does)."""
    found = _find_first(node, lambda item: isinstance(item, ast.Call) and item.name in names, constant_ifs)
    return found if isinstance(found, ast.Call) else None


def _find_first(node: Any, wanted: Any, constant_ifs: bool = False) -> Any:
    """The first node inside an expression (itself included, depth first) for which
    ``wanted(node)`` holds (iterative: an expression may nest deeper than Python's recursion
    limit)."""
    pending = [node]
    while pending:
        current = pending.pop()
        if wanted(current):
            return current
        if isinstance(current, (ast.Variable, ast.Literal)):
            continue
        if (
            constant_ifs
            and isinstance(current, ast.If)
            and isinstance(current.condition, ast.Literal)
            and type(current.condition.value) is bool
        ):
            taken = current.then if current.condition.value else current.otherwise
            pending.extend(() if taken is None else (taken,))
            continue
        children: list[Any] = []
        for name in getattr(current, "__slots__", ()):
            if name == "span":
                continue
            child = getattr(current, name)
            for item in child if isinstance(child, tuple) and not isinstance(child, Span) else (child,):
                if hasattr(item, "__slots__") and not isinstance(item, (str, Span)):
                    children.append(item)
        pending.extend(reversed(children))
    return None
