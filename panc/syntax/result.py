"""``ParseResult``: what parsing a template gives (kept apart from the parser so that a
cached result can be used without loading the parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panc.diagnostics import Diagnostic
    from panc.syntax.ast import Annotation, Comment, Template
    from panc.syntax.tokens import Token


@dataclass
class ParseResult:
    """What ``parse`` found: the AST (``None`` only if nothing could be built), the
    diagnostics in source order, and every token, comment and annotation."""

    ast: Template | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no diagnostic at all."""
        return not self.diagnostics
