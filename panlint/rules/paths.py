"""Profile paths of statements (PP001): no trailing ``/``."""

from __future__ import annotations

from collections.abc import Iterable

from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import Rule
from panlint.tokenindex import TokenIndex

PATH_STATEMENTS = (ast.Assignment, ast.BindStatement, ast.ValidStatement, ast.PrefixStatement)


class TrailingSlash(Rule):
    """A profile path does not end with ``/``: ``'/system/network'`` not ``'/system/network/'``.

    panc accepts and ignores the trailing slash; it only makes the same path look like two
    different ones. The fix removes it.
    """

    id = "PP001"
    name = "path-trailing-slash"
    level = Level.WARNING
    summary = "Unnecessary trailing slash at end of profile path"
    fixable = True
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        index: TokenIndex | None = None
        for statement in context.ast.statements:
            if not isinstance(statement, PATH_STATEMENTS):
                continue
            if index is None:
                index = TokenIndex.of(context)
            span = statement.path_span
            token = index.at(span.start_line, span.start_column)
            if token is None or token.span.start_line != token.span.end_line:
                continue
            raw = token.value
            quoted = raw[:1] in ("'", '"') and len(raw) >= 2 and raw[-1] == raw[0]
            body = raw[1:-1] if quoted else raw
            stripped = body.rstrip("/")
            if body == stripped or not stripped:
                continue
            line = token.span.start_line
            start = token.span.start_column + (1 if quoted else 0) + len(stripped)
            edit = Edit(line, start, line, start + len(body) - len(stripped), "")
            yield self.finding(token.span, fix=Fix("Remove the trailing slash", (edit,)))


RULES = (TrailingSlash,)
