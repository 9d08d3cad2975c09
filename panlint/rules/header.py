"""The template declaration comes first (FL001)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.mvn import is_maven_header_line
from panlint.rule import Rule


class FirstLineDeclaration(Rule):
    """The first line of a template file is its declaration: ``unique template a/b;``.

    Licence headers, comments and annotations go after the declaration, so that tools and
    people see the template's kind and name at once. With ``--allow_mvn_templates``, the
    Maven placeholder lines of source templates (``${componentschema}``,
    ``# ${license-info}``) and blank lines may precede it.
    """

    id = "FL001"
    name = "first-line-declaration"
    level = Level.WARNING
    summary = "First line must be the template declaration"

    def check(self, context: LintContext) -> Iterable[Finding]:
        first = next(iter(context.code_tokens), None)
        if first is None:
            return
        line = first.span.start_line
        before = context.lines[: line - 1]
        if context.options.allow_mvn_templates:
            before = [text for text in before if text.strip() and not is_maven_header_line(text)]
        leading = itertools.takewhile(lambda tok: tok is not first, context.tokens)
        shares_line = any(tok.span.end_line == line for tok in leading)
        if before or shares_line:
            yield self.finding(context.span(1, 1, max(1, len(context.lines[0]))))


RULES = (FirstLineDeclaration,)
