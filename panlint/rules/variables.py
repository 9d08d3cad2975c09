"""Naming of global variables (LP010, LP011)."""

from __future__ import annotations

from collections.abc import Iterable

from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule

MINIMUM_GLOBAL_NAME = 5


def _global_variables(context: LintContext) -> Iterable[ast.VariableStatement]:
    return (s for s in context.ast.statements if isinstance(s, ast.VariableStatement))


class GlobalUppercase(Rule):
    """Global variables (``variable NAME = ...``) are named in upper case.

    Upper case sets them apart from the local variables of functions and blocks, which
    are lower case.
    """

    id = "LP010"
    name = "global-variable-case"
    level = Level.WARNING
    summary = "Global variables should be uppercase"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for statement in _global_variables(context):
            if statement.name != statement.name.upper():
                message = f"Global variable {statement.name} should be uppercase"
                yield self.finding(statement.name_span, message)


class GlobalNameLength(Rule):
    """Global variable names have at least five characters.

    All templates of a profile share one namespace for globals: short names like ``X`` or
    ``NAME`` collide easily.
    """

    id = "LP011"
    name = "global-variable-length"
    level = Level.WARNING
    summary = "Global variable names should be at least five characters long"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for statement in _global_variables(context):
            if len(statement.name) < MINIMUM_GLOBAL_NAME:
                message = (
                    f"Global variable name {statement.name} is shorter than {MINIMUM_GLOBAL_NAME} characters"
                )
                yield self.finding(statement.name_span, message)


RULES = (GlobalUppercase, GlobalNameLength)
