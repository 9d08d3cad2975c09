"""How panc prints the ``with`` clause of a type inside a record's text.

panc keeps a ``with`` clause as a block of compiled operations and prints it with their
Java ``toString``: ``{ LogicalAnd }`` for ``with f(SELF) && SELF < 10``, each top-level
operation named by its class (operators), ``name(N)`` for a call of a user function with N
arguments, ``name()`` for a builtin, the value of a literal.
"""

from __future__ import annotations

from panc.evaluation.values import java_to_string
from panc.names import BUILTIN_FUNCTIONS
from panc.syntax import ast

_BINARY = {
    "+": "Add",
    "-": "Sub",
    "*": "Mult",
    "/": "Div",
    "%": "Mod",
    "&&": "LogicalAnd",
    "||": "LogicalOr",
    "==": "LogicalEQ",
    "!=": "LogicalNE",
    "<": "LogicalLT",
    "<=": "LogicalLE",
    ">": "LogicalGT",
    ">=": "LogicalGE",
    "&": "BitAnd",
    "|": "BitIOR",
    "^": "BitXOR",
}
_UNARY = {"-": "UnaryMinus", "+": "UnaryPlus", "!": "LogicalNot", "~": "BitNot"}
_STATEMENTS = {ast.If: "IfElse", ast.While: "While", ast.For: "For", ast.Foreach: "Foreach"}
_BUILTINS = frozenset(BUILTIN_FUNCTIONS)


def dml_text(expr: ast.Expr) -> str:
    """A ``with`` clause as panc prints it: ``{ op op }``, a block's statements flattened."""
    operations = expr.body if isinstance(expr, ast.Block) else (expr,)
    return "{" + "".join(f" {operation_text(op)} " for op in operations) + "}"


def operation_text(expr: ast.Expr) -> str:
    """One compiled operation's ``toString``."""
    if isinstance(expr, ast.Literal):
        return "null" if expr.value is None else java_to_string(expr.value)  # type: ignore[arg-type]
    if isinstance(expr, ast.Binary):
        return _BINARY.get(expr.op, type(expr).__name__)
    if isinstance(expr, ast.Unary):
        return _UNARY.get(expr.op, type(expr).__name__)
    if isinstance(expr, ast.Call):
        return f"{expr.name}()" if expr.name in _BUILTINS else f"{expr.name}({len(expr.args)})"
    if isinstance(expr, ast.Variable):
        kind = "SelfSimpleVariable" if expr.name == "SELF" else "SimpleVariable"
        return f"{kind}({expr.name},0)"
    if isinstance(expr, ast.Index):
        depth = 0
        base: ast.Expr = expr
        while isinstance(base, ast.Index):
            depth += 1
            base = base.base
        name = base.name if isinstance(base, ast.Variable) else "?"
        kind = "SelfNestedVariable" if name == "SELF" else "NestedVariable"
        return f"{kind}({name},{depth})"
    if isinstance(expr, ast.Assign):
        return "SetValue"
    if isinstance(expr, ast.Block):
        return " ".join(operation_text(op) for op in expr.body)
    return _STATEMENTS.get(type(expr), type(expr).__name__)
