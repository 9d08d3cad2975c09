"""panlint findings as diagnostics, and its fixes as edits (for code actions and formatting)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from panc.analysis.document import DocumentAnalysis
from panc.diagnostics import Diagnostic
from panlint.config import Config, ConfigError, apply_settings, find_config_file, load_config
from panlint.context import LintContext
from panlint.findings import Finding
from panlint.suppressions import apply_suppressions
from panls.config import Settings

logger = logging.getLogger(__name__)

SKIPPED_RULES = frozenset({"PE001"})
"""Rules whose findings the server already reports itself (syntax errors)."""
SKIPPED_MODULES = frozenset({"panlint.rules.resolution"})
"""The include-path rules (SE0xx) are ``panc.analysis.checks``, which the server runs itself
against its live index (unsaved buffers included); running them again would duplicate them."""

_CONFIGS: dict[tuple[Any, ...], Config] = {}


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
    _CONFIGS[key] = config
    return config


def lint_findings(doc: DocumentAnalysis, settings: Settings) -> list[Finding]:
    """panlint's findings for the buffer, reusing the document's parse (panlint's ``lint_text``
    stages: rules, then suppressions and the level filter)."""
    config = lint_config(settings)
    context = LintContext(doc.path, doc.text, doc.result, config.options())
    findings: list[Finding] = []
    for rule in config.enabled_rules():
        if (
            rule.id in SKIPPED_RULES
            or rule.__module__ in SKIPPED_MODULES
            or (rule.needs_ast and context.ast is None)
        ):
            continue
        try:
            findings.extend(rule().check(context))
        except Exception:  # pylint: disable=broad-except
            # One broken rule must not hide the others' findings.
            logger.exception("panlint rule %s failed on %s", rule.id, doc.path)
    findings = apply_suppressions(context, findings)
    if config.suppress is not None:
        findings = [f for f in findings if f.level > config.suppress]
    findings.sort(key=Finding.sort_key)
    return findings


def lint_diagnostics(doc: DocumentAnalysis, settings: Settings) -> list[Diagnostic]:
    return [finding.to_diagnostic() for finding in lint_findings(doc, settings)]
