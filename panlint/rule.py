"""The base every rule builds on: identity, documentation, ``check`` and optional fixes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from panlint.findings import Finding, Fix, Level

if TYPE_CHECKING:
    from panc.source import Span
    from panlint.context import LintContext


class Rule:
    """A check with a stable ID (``LP003``) and symbolic name (``trailing-whitespace``).

    Subclasses set the class attributes and implement ``check``; the class docstring is the
    text ``panlint --explain ID`` prints. ``fixable`` rules attach a ``Fix`` to their findings
    that never changes what the template means.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    level: ClassVar[Level]
    summary: ClassVar[str]
    fixable: ClassVar[bool] = False
    enabled_by_default: ClassVar[bool] = True
    needs_ast: ClassVar[bool] = False
    """Rules that read the AST are skipped when the file did not parse."""
    uses_include_path: ClassVar[bool] = False
    """Rules that resolve names against the include path's index (built once per run)."""
    line_check: ClassVar[bool] = False
    """The old panlint's checks: run together, line by line, by ``panlint.compat`` (never
    through ``check``), on the old tool's reading of the text or, in preview, the lexer's."""

    def check(self, context: LintContext) -> Iterable[Finding]:
        """Yield the findings of this rule for one file."""
        raise NotImplementedError

    def finding(
        self,
        span: Span,
        message: str | None = None,
        fix: Fix | None = None,
        missing_include: str | None = None,
    ) -> Finding:
        """A finding of this rule; the message defaults to the rule's summary."""
        return Finding(self.id, self.level, message or self.summary, span, fix, missing_include)

    @classmethod
    def explanation(cls) -> str:
        """The long documentation of the rule (its docstring, dedented)."""
        # Slow to import, and only --explain and SARIF need it.
        import inspect  # pylint: disable=import-outside-toplevel

        return inspect.cleandoc(cls.__doc__ or cls.summary)


class LineRule(Rule):
    """An old panlint check: its rules are in ``panlint.compat.checks``, and the checking stage
    runs all of them together in one pass over the lines (``check`` runs this one alone, on
    the parser's reading of the text)."""

    line_check = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        # Imported when used: the rules' metadata (SARIF, --list-rules) needs no checker.
        from panlint.compat.engine import check_tokens  # pylint: disable=import-outside-toplevel

        roles = context.operator_roles if self.id == "LC001" else None
        return check_tokens(
            context.text, context.tokens, context.path, {self.id}, context.options, roles=roles
        )
