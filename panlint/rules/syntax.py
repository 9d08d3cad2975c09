"""Files the parser rejects (PE001): the parser's own diagnostics, as findings."""

from __future__ import annotations

from collections.abc import Iterable

from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule


class ParseError(Rule):
    """The template does not parse; panc would refuse it.

    The message is the parser's (the same text panc prints). Rules that read the AST
    see only what error recovery could salvage, so fix this first.
    """

    id = "PE001"
    name = "parse-error"
    level = Level.ERROR
    summary = "Template does not parse"

    def check(self, context: LintContext) -> Iterable[Finding]:
        for diagnostic in context.parse.diagnostics:
            category = diagnostic.category.value if diagnostic.category else "error"
            yield self.finding(
                diagnostic.span._replace(file=context.path), f"{category}: {diagnostic.message}"
            )


RULES = (ParseError,)
