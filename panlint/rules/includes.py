"""Include statements: needless braces (LP005) and components used without their config (CU001)."""

from __future__ import annotations

from collections.abc import Iterable

from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import Rule
from panlint.tokenindex import TokenIndex

SIMPLE_EXPRESSIONS = (ast.Literal, ast.Variable, ast.Index, ast.Call, ast.Binary, ast.Unary)
"""Expressions that mean the same with or without a block around them."""

COMPONENT_ROOT = "/software/components/"


class IncludeBraces(Rule):
    """Write ``include 'name';`` rather than ``include {'name'};``.

    Braces were once needed around computed include names; a block holding a single
    expression has that expression's value, so the braces add nothing. The fix removes them.
    """

    id = "LP005"
    name = "include-braces"
    level = Level.WARNING
    summary = "Unnecessary braces around include"
    fixable = True
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        index: TokenIndex | None = None
        for statement in context.ast.statements:
            if not isinstance(statement, ast.Include):
                continue
            inner = statement.target
            if isinstance(inner, ast.Block):
                if len(inner.body) != 1:
                    continue
                inner = inner.body[0]
            if not isinstance(inner, SIMPLE_EXPRESSIONS):
                continue
            if index is None:
                index = TokenIndex.of(context)
            # The parser may fold `{'x'}` into the literal: the braces are found in the tokens.
            start = index.after(statement.span.start_line, statement.span.start_column)
            opening = index.get(start)
            end = index.after(statement.span.end_line, statement.span.end_column) - 1
            closing = index.get(end - 1 if index.get(end) and index.tokens[end].value == ";" else end)
            if not (opening and closing and opening.value == "{" and closing.value == "}"):
                continue
            first = index.get(start + 1)
            follower = index.get(index.after(inner.span.end_line, inner.span.end_column))
            if follower is not None and follower.value == ";":
                follower = index.get(index.after(follower.span.start_line, follower.span.start_column))
            if first is None or first.span.start != inner.span.start or follower is not closing:
                continue
            outer, span = opening.span.to(closing.span), inner.span
            edits = (
                Edit(outer.start_line, outer.start_column, span.start_line, span.start_column, ""),
                Edit(span.end_line, span.end_column + 1, outer.end_line, outer.end_column + 1, ""),
            )
            yield self.finding(outer, fix=Fix("Remove the braces", edits))


class ComponentWithoutConfig(Rule):
    """A template that sets ``/software/components/NAME/...`` includes ``components/NAME/config``.

    Configuring a component whose configuration template is not included leaves it
    without its schema and defaults. Templates of the component itself
    (``components/NAME/...``, and ``NAME/...`` such as metaconfig's service templates) are
    exempt; ``--ignore-components`` lists other components to skip.
    """

    id = "CU001"
    name = "component-without-config"
    level = Level.WARNING
    summary = "Component configured without including its config template"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        tree = context.ast
        included = {
            name
            for statement in tree.statements
            if isinstance(statement, ast.Include) and (name := statement.static_name)
        }
        reported: set[str] = set()
        own = tree.name or ""
        for statement in tree.statements:
            if not isinstance(statement, ast.Assignment) or not statement.path.startswith(COMPONENT_ROOT):
                continue
            component = statement.path[len(COMPONENT_ROOT) :].split("/", 1)[0]
            if not component or component in reported or component in context.options.ignore_components:
                continue
            config = f"components/{component}/config"
            if config in included or own.startswith((f"components/{component}/", f"{component}/")):
                continue
            reported.add(component)
            message = f"Component {component} is configured without include '{config}'"
            yield self.finding(statement.path_span, message, missing_include=config)


RULES = (IncludeBraces, ComponentWithoutConfig)
