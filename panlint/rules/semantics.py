"""Mistakes visible in the AST alone: duplicate dict keys (SM001), unreachable code (SM002),
names that shadow builtins (SM004), unused locals (SM005)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from panc.analysis.sourcetext import name_span_at_start
from panc.analysis.walk import children
from panc.names import BUILTIN_FUNCTIONS, PREDEFINED_VARIABLES
from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule

DICT_BUILDERS = ("dict", "nlist")


class DuplicateDictKey(Rule):
    """A ``dict(key, value, ...)`` call names the same constant key twice.

    panc rejects duplicate keys when it evaluates the call; the linter tells before.
    """

    id = "SM001"
    name = "duplicate-dict-key"
    level = Level.ERROR
    summary = "Duplicate key in dict()"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for node in context.nodes_of(ast.Call):
            if node.name not in DICT_BUILDERS:
                continue
            seen: set[str] = set()
            for key in node.args[::2]:
                if isinstance(key, ast.Literal) and isinstance(key.value, str):
                    if key.value in seen:
                        yield self.finding(key.span, f"Duplicate key '{key.value}' in {node.name}()")
                    seen.add(key.value)


class UnreachableCode(Rule):
    """Statements after ``return(...)`` in the same block never run."""

    id = "SM002"
    name = "unreachable-code"
    level = Level.WARNING
    summary = "Unreachable code after return"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for node in context.nodes_of(ast.Block):
            for position, expression in enumerate(node.body[:-1]):
                if isinstance(expression, ast.Call) and expression.name == "return":
                    yield self.finding(node.body[position + 1].span)
                    break


class ShadowedBuiltin(Rule):
    """A function or variable is named like a builtin function (``list``, ``length``...).

    Functions and variables live in separate namespaces in pan, so ``length = length(x)`` is
    legal, but readers (and panc, for a function definition) take the name for the builtin.
    """

    id = "SM004"
    name = "shadowed-builtin"
    level = Level.WARNING
    summary = "Name shadows a builtin function"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        kinds = (ast.FunctionStatement, ast.VariableStatement, ast.Assign, ast.Foreach)
        for node in context.nodes_of(*kinds):
            if isinstance(node, ast.FunctionStatement | ast.VariableStatement):
                names = [(node.name, node.name_span)]
            elif isinstance(node, ast.Assign) and isinstance(node.target, ast.Variable):
                names = [(node.target.name, node.target.span)]
            elif isinstance(node, ast.Foreach):
                keyword = name_span_at_start(node.span, "foreach")
                names = [(node.key_name, keyword), (node.value_name, keyword)]
            else:
                continue
            for name, span in names:
                if name in BUILTIN_FUNCTIONS:
                    yield self.finding(span, f"'{name}' shadows the builtin function {name}()")


EXPRESSIONS = (
    ast.Literal,
    ast.Variable,
    ast.Index,
    ast.Call,
    ast.Unary,
    ast.Binary,
    ast.Assign,
    ast.Block,
    ast.If,
    ast.While,
    ast.For,
    ast.Foreach,
)


def dml_roots(node: ast.Node) -> Iterator[ast.Node]:
    """The outermost DML expressions under ``node``: each is one scope for local variables."""
    for child in children(node):
        if isinstance(child, EXPRESSIONS):
            yield child
        else:
            yield from dml_roots(child)


def _writes_and_reads(root: ast.Node) -> tuple[dict[str, ast.Variable], set[str]]:
    """Locals assigned in one DML tree (first assignment of each) and the names it reads.

    Names bound by ``foreach`` count as read: the loop needs them whether or not they are used.
    """
    written: dict[str, ast.Variable] = {}
    read: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Variable):
            read.add(node.name)
            continue
        if isinstance(node, ast.Foreach):
            read.update((node.key_name, node.value_name))
        if isinstance(node, ast.Assign):
            target = node.target
            while isinstance(target, ast.Index):
                stack.append(target.index)
                target = target.base
            first = written.get(target.name)
            if first is None or target.span[1:3] < first.span[1:3]:
                written[target.name] = target
            stack.append(node.value)
            continue
        stack.extend(children(node))
    return written, read


class UnusedLocal(Rule):
    """A local variable is assigned but never read.

    The assignment is dead code, or the name is misspelt where it is read. ``foreach``
    variables are not reported (the loop needs both names), nor are ``SELF`` and the
    other automatic variables.
    """

    id = "SM005"
    name = "unused-local"
    level = Level.WARNING
    summary = "Local variable is assigned but never used"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        assigns = sorted(
            (node.span.start_line, node.span.start_column) for node in context.nodes_of(ast.Assign)
        )
        if not assigns:
            return
        for root in dml_roots(context.ast):
            start = (root.span.start_line, root.span.start_column)
            first = bisect.bisect_left(assigns, start)
            if first == len(assigns) or assigns[first] > (root.span.end_line, root.span.end_column):
                continue  # no assignment in this DML: no local to report
            written, read = _writes_and_reads(root)
            for name, target in written.items():
                if name not in read and name not in PREDEFINED_VARIABLES:
                    yield self.finding(target.span, f"Local variable {name} is assigned but never used")


RULES = (DuplicateDictKey, UnreachableCode, ShadowedBuiltin, UnusedLocal)
