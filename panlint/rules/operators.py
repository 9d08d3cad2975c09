"""Spacing around binary and assignment operators (LC001), located through the AST.

Only operators the AST shows to be binary are checked, so a unary minus (``-1``), the ``..``
of ranges and the ``*`` of link types are never reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from panc.source import Span
from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import Rule
from panlint.tokenindex import TokenIndex, touches

ASSIGNMENT_OPERATORS = {"=", "?="}


def _end(span: Span) -> tuple[int, int]:
    return (span.end_line, span.end_column)


def _start(span: Span) -> tuple[int, int]:
    return (span.start_line, span.start_column)


def _operator_sites(context: LintContext) -> Iterator[tuple[tuple[int, int], tuple[int, int], set[str]]]:
    """(after, before, operators): where to look for each binary or assignment operator."""
    for binary in context.nodes_of(ast.Binary):
        yield _end(binary.left.span), _start(binary.right.span), {binary.op}
    for assign in context.nodes_of(ast.Assign):
        yield _end(assign.target.span), _start(assign.value.span), {"="}
    for statement in context.ast.statements:
        if isinstance(statement, ast.Assignment):
            yield _end(statement.path_span), _start(statement.value.span), ASSIGNMENT_OPERATORS
        elif isinstance(statement, ast.BindStatement):
            yield _end(statement.path_span), _start(statement.spec.span), {"="}
        elif isinstance(statement, ast.ValidStatement):
            yield _end(statement.path_span), _start(statement.expr.span), {"="}
        elif isinstance(statement, ast.VariableStatement):
            yield _end(statement.name_span), _start(statement.value.span), ASSIGNMENT_OPERATORS
        elif isinstance(statement, ast.FunctionStatement):
            yield _end(statement.name_span), _start(statement.body.span), {"="}
        elif isinstance(statement, ast.TypeStatement):
            yield _end(statement.name_span), _start(statement.spec.span), {"="}


class OperatorSpacing(Rule):
    """Binary and assignment operators have a space (or line break) on each side.

    ``x = a + 1`` rather than ``x=a+1``; comparison and logical operators alike. Unary
    operators (``-1``, ``!ok``) are written without a space and are not reported.
    """

    id = "LC001"
    name = "operator-spacing"
    level = Level.INFO
    summary = "Missing space around operator"
    fixable = True
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        index = TokenIndex.of(context)
        for after, before, operators in _operator_sites(context):
            position = index.find_between(after, before, operators)
            if position is None:
                continue
            operator = index.tokens[position]
            previous, following = index.get(position - 1), index.get(position + 1)
            span = operator.span
            edits = []
            if previous is not None and touches(previous, operator):
                edits.append(
                    Edit(span.start_line, span.start_column, span.start_line, span.start_column, " ")
                )
            if following is not None and touches(operator, following):
                edits.append(
                    Edit(span.end_line, span.end_column + 1, span.end_line, span.end_column + 1, " ")
                )
            if edits:
                message = f"Missing space around operator '{operator.value}'"
                yield self.finding(span, message, Fix(f"Add spaces around '{operator.value}'", tuple(edits)))


RULES = (OperatorSpacing,)
