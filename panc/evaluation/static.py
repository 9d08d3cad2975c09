"""Compile-time checks on statements and expressions that do not need evaluation.

The checks that need compiling (constant folding, builtin argument counts, restricted
contexts) live in ``dml``; these are the structural ones: which statements a template kind
may hold, and what an expression refers to.
"""

from __future__ import annotations

from collections.abc import Iterator

from panc.diagnostics import PanSyntaxError
from panc.syntax import ast

_ALLOWED: dict[str, tuple[type, ...]] = {
    "declaration": (
        ast.TypeStatement,
        ast.FunctionStatement,
        ast.VariableStatement,
        ast.BindStatement,
        ast.ValidStatement,
        ast.Include,
        ast.PrefixStatement,
    ),
    "structure": (ast.Assignment, ast.Include, ast.PrefixStatement),
}

_STATEMENT_NAMES = {
    ast.Assignment: "assignment",
    ast.Include: "include",
    ast.VariableStatement: "variable",
    ast.TypeStatement: "type",
    ast.FunctionStatement: "function",
    ast.BindStatement: "bind",
    ast.ValidStatement: "valid",
    ast.PrefixStatement: "prefix",
}


def check_statement_allowed(kind: str, statement: ast.Statement) -> None:
    """Raise ``PanSyntaxError`` if a ``kind`` template may not hold ``statement``."""
    allowed = _ALLOWED.get(kind)
    if allowed is not None and not isinstance(statement, allowed):
        what = _STATEMENT_NAMES.get(type(statement), "this")
        raise PanSyntaxError(f"{what} statement not allowed in a {kind} template", statement.span)


def subexpressions(node: ast.Expr) -> Iterator[ast.Expr]:
    """``node`` and every expression inside it, depth first."""
    pending: list[ast.Expr] = [node]
    while pending:
        current = pending.pop()
        yield current
        if isinstance(current, ast.Index):
            pending.append(current.base)
            pending.append(current.index)
        elif isinstance(current, ast.Call):
            pending.extend(current.args)
        elif isinstance(current, ast.Unary):
            pending.append(current.operand)
        elif isinstance(current, ast.Binary):
            pending.append(current.left)
            pending.append(current.right)
        elif isinstance(current, ast.Assign):
            pending.append(current.target)
            pending.append(current.value)
        elif isinstance(current, ast.Block):
            pending.extend(current.body)
        elif isinstance(current, ast.If):
            pending.append(current.condition)
            pending.append(current.then)
            if current.otherwise is not None:
                pending.append(current.otherwise)
        elif isinstance(current, ast.While):
            pending.append(current.condition)
            pending.append(current.body)
        elif isinstance(current, ast.For):
            pending.extend((current.init, current.condition, current.step, current.body))
        elif isinstance(current, ast.Foreach):
            pending.append(current.resource)
            pending.append(current.body)


def uses_self(node: ast.Expr) -> bool:
    """Whether the expression mentions ``SELF`` itself."""
    return any(isinstance(e, ast.Variable) and e.name == "SELF" for e in subexpressions(node))


def needs_self(node: ast.Expr) -> bool:
    """Whether an assignment's DML may observe its target: it mentions SELF or calls anything.

    Calls can read SELF (user functions inherit it) or the tree (``value``, ``exists``),
    which must already hold the placeholder of the path being assigned.
    """
    return any(
        isinstance(e, ast.Call) or (isinstance(e, ast.Variable) and e.name == "SELF")
        for e in subexpressions(node)
    )
