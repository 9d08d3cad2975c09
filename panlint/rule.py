"""The base every rule builds on: identity, documentation, ``check`` and optional fixes."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import ClassVar

from panc.source import Span
from panlint.context import LintContext
from panlint.findings import Finding, Fix, Level


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
        return inspect.cleandoc(cls.__doc__ or cls.summary)
