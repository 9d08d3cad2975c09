"""Diagnostics that need no evaluation: syntax (with recovery), semantic checks, panlint findings."""

from __future__ import annotations

import logging

from lsprotocol import types

from panc.analysis.builtin_table import all_builtins
from panc.analysis.checks import semantic_diagnostics
from panc.analysis.document import DocumentAnalysis
from panc.diagnostics import Diagnostic
from panls.features.linting import lint_diagnostics
from panls.session import Session

logger = logging.getLogger(__name__)


def pan_diagnostics(
    session: Session, doc: DocumentAnalysis, semantic: bool = True, lint: bool = True
) -> list[Diagnostic]:
    """Everything wrong with ``doc`` that can be told without compiling it (``semantic`` checks
    need the include path indexed; ``lint`` adds panlint's findings)."""
    found = list(doc.syntax_diagnostics)
    if semantic and doc.ast is not None:
        found.extend(semantic_diagnostics(doc.ast, doc.occurrences, session.index, all_builtins()))
    if lint and session.settings.lint.enabled:
        found.extend(lint_diagnostics(doc, session.settings))
    return found


def to_lsp(session: Session, doc: DocumentAnalysis, diagnostics: list[Diagnostic]) -> list[types.Diagnostic]:
    """Convert pan diagnostics on ``doc``; related spans in other files point into those files."""
    converter = session.converter(doc.path)
    return [converter.diagnostic(d, session.converter) for d in diagnostics]
