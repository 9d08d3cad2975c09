"""How panc prints the ``with`` clause of a type inside a record's text.

panc keeps a ``with`` clause as a block of compiled operations and prints it with their
Java ``toString``: ``{ LogicalAnd }`` for ``with f(SELF) && SELF < 10``, each top-level
operation named by its class (operators), ``name(N)`` for a call of a user function with N
arguments, ``name()`` for a builtin, the value of what the compiler folds into a constant
(a literal, an operator on constants: ``with 1 < 2`` is ``{ true }``).
"""

from __future__ import annotations

from collections.abc import Callable

from panc.evaluation.values import NULL, UNDEF, Value, java_to_string
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


Folded = Callable[[ast.Expr], Value | None]
"""The constant an operator or literal is folded into when compiled, ``None`` if it is not."""

def dml_text(expr: ast.Expr, folded: Folded) -> str:
    """A ``with`` clause as panc prints it: ``{ op op }``, a block's statements flattened."""
    operations = expr.body if isinstance(expr, ast.Block) else (expr,)
    return "{" + "".join(f" {operation_text(op, folded)} " for op in operations) + "}"


def foldable(expr: ast.Expr) -> bool:
    """Whether panc's compiler folds ``expr`` into a constant: a literal, or an operator on
    foldable operands (a function call is never folded)."""
    pending = [expr]
    while pending:  # iterative: operator chains may be long
        node = pending.pop()
        if isinstance(node, ast.Unary):
            pending.append(node.operand)
        elif isinstance(node, ast.Binary):
            pending.extend((node.left, node.right))
        elif not isinstance(node, ast.Literal):
            return False
    return True


def operation_text(expr: ast.Expr, folded: Folded) -> str:
    """One compiled operation's ``toString``."""
    if foldable(expr):
        constant = folded(expr)
        if constant is not None:
            return "null" if constant is NULL else "undef" if constant is UNDEF else java_to_string(constant)
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
        return "Assign(1)"
    if isinstance(expr, ast.Block):
        return " ".join(operation_text(op, folded) for op in expr.body)
    return _STATEMENTS.get(type(expr), type(expr).__name__)
