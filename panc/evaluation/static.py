"""What an expression refers to, found without evaluating it.

The checks that need only the text (which statements a template kind may hold, paths,
restricted contexts, what may be assigned) are made by the parser's builder; those that
need compiling (constant folding, builtin argument counts) by ``dml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from panc.syntax import ast


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


def needs_self(node: ast.Expr) -> bool:
    """Whether an assignment's DML may observe its target: it mentions SELF or calls anything.

    Calls can read SELF (user functions inherit it) or the tree (``value``, ``exists``),
    which must already hold the placeholder of the path being assigned.
    """
    return any(
        isinstance(e, ast.Call) or (isinstance(e, ast.Variable) and e.name == "SELF")
        for e in subexpressions(node)
    )
