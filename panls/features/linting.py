"""panlint findings as diagnostics, and its fixes as edits (for code actions and formatting)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from panc.analysis.document import DocumentAnalysis
from panc.diagnostics import Diagnostic
from panlint.checking import check_context
from panlint.config import Config, ConfigError, apply_settings, find_config_file, load_config
from panlint.context import LintContext
from panlint.findings import Finding, at_least
from panls.config import Settings

logger = logging.getLogger(__name__)

SKIPPED_RULES = frozenset({"PE001"})
"""Rules whose findings the server already reports itself (syntax errors)."""
SKIPPED_MODULES = frozenset({"panlint.rules.resolution"})
"""The include-path rules (SE0xx) are ``panc.analysis.checks``, which the server runs itself
against its live index (unsaved buffers included); running them again would duplicate them."""

_CONFIGS: dict[tuple[Any, ...], Config] = {}
_CONFIGS_KEPT = 8
"""Configurations kept (one per workspace settings seen; older ones are dropped)."""


def lint_config(settings: Settings) -> Config:
    """panlint's configuration for the workspace: its config file, then the editor's settings."""
    lint = settings.lint
    key = (settings.root, tuple(settings.include_dirs), lint)
    cached = _CONFIGS.get(key)
    if cached is not None:
        return cached
    try:
        config = load_config(find_config_file(Path(settings.root)))
    except ConfigError as error:
        logger.warning("ignoring the panlint configuration: %s", error)
        config = Config()
    overrides: dict[str, Any] = {"include_path": list(settings.include_dirs), "line_length": lint.line_length}
    if lint.select:
        overrides["select"] = list(lint.select)
    if lint.ignore:
        overrides["ignore"] = list(lint.ignore)
    try:
        config = apply_settings(config, overrides)
    except ConfigError as error:
        logger.warning("ignoring the editor's lint settings: %s", error)
    # The editor has the parse: the old checks read it (never a string taken for code).
    config = config._replace(preview=True)
    _CONFIGS[key] = config
    while len(_CONFIGS) > _CONFIGS_KEPT:
        del _CONFIGS[next(iter(_CONFIGS))]
    return config


def lint_findings(doc: DocumentAnalysis, settings: Settings) -> list[Finding]:
    """panlint's findings for the buffer, with their fixes: its checking stage (rules,
    suppression comments) on the document's parse, then the configured level filter."""
    config = lint_config(settings)
    context = LintContext(doc.path, doc.text, doc.result, config.options())
    rules = [
        rule
        for rule in config.enabled_rules()
        if rule.id not in SKIPPED_RULES and rule.__module__ not in SKIPPED_MODULES
    ]

    def report(rule_id: str, error: Exception) -> None:
        # One broken rule must not hide the others' findings.
        logger.error("panlint rule %s failed on %s", rule_id, doc.path, exc_info=error)

    return at_least(check_context(context, rules, report, fixes=True), config.suppress)


def lint_diagnostics(doc: DocumentAnalysis, settings: Settings) -> list[Diagnostic]:
    return [finding.to_diagnostic() for finding in lint_findings(doc, settings)]
