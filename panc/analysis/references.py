"""Every named thing a template mentions: templates, functions, types, variables, fields, paths.

One walk over the AST yields ``Occurrence`` values; go-to-definition, find-references, rename,
hover, semantic highlighting and the semantic checks all start from them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, NamedTuple

from panc.analysis.sourcetext import name_span_at_end, name_span_at_start, string_inner_span
from panc.analysis.walk import children
from panc.names import AUTOMATIC_VARIABLES, TYPE_TEST_FUNCTIONS
from panc.source import Span
from panc.syntax import ast

ITERATION_FUNCTIONS = frozenset({"first", "next"})
"""Builtins that assign their 2nd and 3rd arguments (variables) the key and value."""
GUARD_FUNCTIONS = TYPE_TEST_FUNCTIONS | {"exists"}
"""Builtins whose variable argument may be undefined: a global tested with them is optional
(the type tests answer false for an undefined variable, as the evaluator does)."""

TEMPLATE_NAME_FUNCTIONS = frozenset({"if_exists", "create"})
"""Builtins whose first argument, when a string literal, names a template."""


class OccurrenceKind(enum.Enum):
    TEMPLATE = "template"
    FUNCTION = "function"
    TYPE = "type"
    VARIABLE = "variable"
    """A global variable (declared with ``variable``)."""
    LOCAL = "local"
    """A DML local variable; ``scope`` is the span of the DML it lives in."""
    AUTOMATIC = "automatic"
    FIELD = "field"
    """A record field declaration; ``container`` is the type it belongs to."""
    PATH = "path"
    """A profile path written by an assignment or bound by ``bind``/``valid``; ``name`` is absolute."""


class Occurrence(NamedTuple):
    kind: OccurrenceKind
    name: str
    span: Span
    """Exactly the characters of the name (string contents without quotes)."""
    declaration: bool = False
    scope: Span | None = None
    container: str | None = None
    role: str = ""
    """For paths: ``assign``, ``bind``, ``valid`` or ``prefix``; for templates: ``header``,
    ``include`` or the function name (``if_exists``, ``create``); ``guarded`` for a global
    variable that its DML tests with ``exists``/``is_defined``."""


def template_occurrences(template: ast.Template) -> list[Occurrence]:
    """All occurrences in ``template``, in source order."""
    found: list[Occurrence] = []
    if template.name and template.name_span:
        found.append(
            Occurrence(OccurrenceKind.TEMPLATE, template.name, template.name_span, True, role="header")
        )
    for statement in template.statements:
        _statement(statement, found)
    found.sort(key=lambda occ: (occ.span.start_line, occ.span.start_column))
    return found


def statement_occurrences(statement: ast.Statement) -> list[Occurrence]:
    """The occurrences in one top-level statement, in source order."""
    found: list[Occurrence] = []
    _statement(statement, found)
    found.sort(key=lambda occ: (occ.span.start_line, occ.span.start_column))
    return found


def _statement(statement: ast.Statement, found: list[Occurrence]) -> None:
    if isinstance(statement, ast.Include):
        name = statement.static_name
        if name is not None:
            found.append(
                Occurrence(
                    OccurrenceKind.TEMPLATE, name, string_inner_span(statement.target.span), role="include"
                )
            )
        else:
            _dml(statement.target, found)
    elif isinstance(statement, ast.Assignment):
        found.append(
            Occurrence(
                OccurrenceKind.PATH, statement.path, string_inner_span(statement.path_span), role="assign"
            )
        )
        _dml(statement.value, found)
    elif isinstance(statement, ast.PrefixStatement):
        found.append(
            Occurrence(
                OccurrenceKind.PATH, statement.path, string_inner_span(statement.path_span), role="prefix"
            )
        )
    elif isinstance(statement, ast.VariableStatement):
        kind = OccurrenceKind.AUTOMATIC if statement.name in AUTOMATIC_VARIABLES else OccurrenceKind.VARIABLE
        found.append(Occurrence(kind, statement.name, statement.name_span, True))
        _dml(statement.value, found)
    elif isinstance(statement, ast.FunctionStatement):
        found.append(Occurrence(OccurrenceKind.FUNCTION, statement.name, statement.name_span, True))
        _dml(statement.body, found)
    elif isinstance(statement, ast.TypeStatement):
        found.append(Occurrence(OccurrenceKind.TYPE, statement.name, statement.name_span, True))
        _full_type(statement.spec, found, statement.name)
    elif isinstance(statement, ast.BindStatement):
        found.append(
            Occurrence(
                OccurrenceKind.PATH, statement.path, string_inner_span(statement.path_span), role="bind"
            )
        )
        _full_type(statement.spec, found, None)
    elif isinstance(statement, ast.ValidStatement):
        found.append(
            Occurrence(
                OccurrenceKind.PATH, statement.path, string_inner_span(statement.path_span), role="valid"
            )
        )
        _dml(statement.expr, found)


def _full_type(spec: ast.FullTypeSpec, found: list[Occurrence], container: str | None) -> None:
    _type_spec(spec.spec, found, container)
    if spec.default is not None:
        _dml(spec.default, found)
    if spec.validation is not None:
        _dml(spec.validation, found)


def _type_spec(spec: object, found: list[Occurrence], container: str | None) -> None:
    if isinstance(spec, ast.TypeRef):
        found.append(Occurrence(OccurrenceKind.TYPE, spec.name, name_span_at_start(spec.span, spec.name)))
    elif isinstance(spec, ast.RecordType):
        for member in spec.members:
            if isinstance(member, ast.Field):
                found.append(
                    Occurrence(
                        OccurrenceKind.FIELD,
                        member.name,
                        string_inner_span(member.name_span),
                        True,
                        container=container,
                    )
                )
                _full_type(member.spec, found, None)
            else:
                found.append(
                    Occurrence(OccurrenceKind.TYPE, member.name, name_span_at_end(member.span, member.name))
                )
    elif isinstance(spec, (ast.ListOf, ast.DictOf, ast.LinkOf)):
        _type_spec(spec.element, found, None)


_EXPRESSION_CHILDREN: dict[type, Callable[[Any], Iterable[Any]]] = {
    ast.Call: attrgetter("args"),
    ast.Binary: attrgetter("left", "right"),
    ast.Unary: lambda node: (node.operand,),
    ast.Assign: attrgetter("target", "value"),
    ast.Index: attrgetter("base", "index"),
    ast.Block: attrgetter("body"),
    ast.If: attrgetter("condition", "then", "otherwise"),
    ast.While: attrgetter("condition", "body"),
    ast.For: attrgetter("init", "condition", "step", "body"),
    ast.Foreach: attrgetter("resource", "body"),
}
"""How to reach the children of the common expression nodes without the generic walk (hot path)."""


def _dml(root: object, found: list[Occurrence]) -> None:
    """Occurrences in one DML tree, which is one scope for local variables.

    pan DML cannot write globals, so a name assigned anywhere in the tree (or bound by
    ``foreach``) is a local of that tree.
    """
    scope = getattr(root, "span", None)
    assigned: set[str] = set()
    guarded: set[str] = set()
    variables: list[ast.Variable] = []
    stack = [root]
    while stack:
        node = stack.pop()
        node_type = type(node)
        if node_type is ast.Variable:
            variables.append(node)
            continue
        if node_type is ast.Literal:
            continue
        if node_type is ast.Call:
            found.append(Occurrence(OccurrenceKind.FUNCTION, node.name, node.name_span))
            if node.name in ITERATION_FUNCTIONS:
                # first(r, k, v) and next(r, k, v) assign their key and value variables.
                assigned.update(arg.name for arg in node.args[1:3] if isinstance(arg, ast.Variable))
            elif node.name in GUARD_FUNCTIONS:
                guarded.update(arg.name for arg in node.args[:1] if isinstance(arg, ast.Variable))
            if node.name in TEMPLATE_NAME_FUNCTIONS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Literal) and isinstance(first.value, str):
                    found.append(
                        Occurrence(
                            OccurrenceKind.TEMPLATE,
                            first.value,
                            string_inner_span(first.span),
                            role=node.name,
                        )
                    )
        elif node_type is ast.Assign:
            target = node.target
            while isinstance(target, ast.Index):
                target = target.base
            assigned.add(target.name)
        elif node_type is ast.Foreach:
            assigned.add(node.key_name)
            assigned.add(node.value_name)
        expand = _EXPRESSION_CHILDREN.get(node_type)
        if expand is not None:
            stack.extend(child for child in expand(node) if child is not None)
        else:
            stack.extend(children(node))
    for variable in variables:
        name = variable.name
        if name in AUTOMATIC_VARIABLES:
            found.append(Occurrence(OccurrenceKind.AUTOMATIC, name, variable.span))
        elif name in assigned:
            found.append(Occurrence(OccurrenceKind.LOCAL, name, variable.span, scope=scope))
        else:
            role = "guarded" if name in guarded else ""
            found.append(Occurrence(OccurrenceKind.VARIABLE, name, variable.span, role=role))


def occurrence_at(occurrences: list[Occurrence], line: int, column: int) -> Occurrence | None:
    """The innermost occurrence whose span contains ``(line, column)``.

    The position just after a name (where an editor's cursor sits when the name was just typed)
    also counts.
    """
    inside = [occ for occ in occurrences if occ.span.contains(line, column)]
    if inside:
        return min(inside, key=lambda occ: _size(occ.span))
    return next(
        (occ for occ in occurrences if occ.span.end_line == line and occ.span.end_column + 1 == column), None
    )


def _size(span: Span) -> tuple[int, int]:
    return (span.end_line - span.start_line, span.end_column - span.start_column)
