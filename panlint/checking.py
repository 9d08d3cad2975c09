"""The checking stage for one text: the old checks line by line, the rest on ONE parse.

``lint_text`` is the pure core (text in, findings out) that the language server can call on
an unsaved buffer; ``runner`` adds files, the result cache and parallelism around it. The
old tool's IDs are checked together by ``panlint.compat``: on the old tool's reading of the
text (no parse), or with ``preview`` on the lexer's tokens of the parse every other rule
reads too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from panlint.compat.catalog import LINE_IDS
from panlint.compat.engine import check_text, check_tokens
from panlint.config import Config
from panlint.findings import Finding
from panlint.mvn import neutralize_placeholders

if TYPE_CHECKING:
    from panlint.context import LintContext
    from panlint.rule import Rule


def parse_source(text: str, path: str, cached: bool = False) -> Any:
    """The ``ParseResult`` of the shared parser for ``text`` (spans name ``path``).

    ``cached`` goes through the parser's on-disk parse cache (``panc.syntax.cache``).
    """
    # Imported on first use: a run answered from the lint cache never loads the parser.
    if cached:
        from panc.syntax.cache import parse_cached  # pylint: disable=import-outside-toplevel

        return parse_cached(text, path)
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    return parse(text, path)


def rule_id(key: str) -> str | None:
    """The ID of a rule given by ID or symbolic name (suppression comments may use either)."""
    from panlint.rules import find_rule  # pylint: disable=import-outside-toplevel

    rule = find_rule(key)
    return rule.id if rule else None


def lint_text(
    text: str,
    path: str,
    config: Config,
    rules: Sequence[type[Rule]] | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
    cached_parse: bool = False,
    fixes: bool = False,
) -> list[Finding]:
    """All findings for one template's text, suppression comments applied, sorted.

    A rule that raises (a bug) propagates, unless ``on_error(rule_id, error)`` is given:
    then the other rules still run. ``cached_parse`` uses the parser's parse cache.
    ``fixes`` attaches each finding's mechanical fix, when it has one.
    """
    options = config.options()
    ids = config.enabled_ids() if rules is None else frozenset(rule.id for rule in rules)
    findings: list[Finding] = []
    parsed_ids = ids if config.preview else ids - LINE_IDS
    if not config.preview and ids & LINE_IDS:
        findings = check_text(text, path, ids & LINE_IDS, options, rule_id)
    if parsed_ids:
        # Loaded only here: the old checks alone need neither the parser nor the rule modules.
        from panlint.context import LintContext  # pylint: disable=import-outside-toplevel

        parsed_rules = [rule for rule in (rules or config.enabled_rules()) if rule.id in parsed_ids]
        parsed_text = neutralize_placeholders(text) if options.allow_mvn_templates else text
        context = LintContext(path, text, parse_source(parsed_text, path, cached_parse), options)
        findings.extend(check_context(context, parsed_rules, on_error, fixes))
    elif fixes and findings:
        from panlint.compat.edits import attach_fixes  # pylint: disable=import-outside-toplevel

        findings = attach_fixes(findings, text)
    findings.sort(key=Finding.sort_key)
    return findings


def check_context(
    context: LintContext,
    rules: Sequence[type[Rule]],
    on_error: Callable[[str, Exception], None] | None = None,
    fixes: bool = False,
) -> list[Finding]:
    """The findings of ``rules`` for one parsed file, suppression comments applied, sorted.

    The old checks among ``rules`` read the lexer's tokens of the parse (``--preview``). The
    language server calls this with the parse it already has. A rule that raises propagates,
    unless ``on_error(rule_id, error)`` is given: then the other rules still run.
    """
    from panlint.suppressions import apply_suppressions  # pylint: disable=import-outside-toplevel

    findings: list[Finding] = []
    line_ids = {rule.id for rule in rules if rule.line_check}
    if line_ids:
        try:
            roles = context.operator_roles if "LC001" in line_ids else None
            findings = check_tokens(
                context.text, context.tokens, context.path, line_ids, context.options, rule_id, roles
            )
        except Exception as error:  # pylint: disable=broad-exception-caught
            if on_error is None:
                raise
            on_error(",".join(sorted(line_ids)), error)
    parsed: list[Finding] = []
    for rule in rules:
        if rule.line_check or (rule.needs_ast and context.ast is None):
            continue
        try:
            parsed.extend(rule().check(context))
        except Exception as error:  # pylint: disable=broad-exception-caught
            if on_error is None:
                raise
            # One broken rule must not hide the other rules' findings.
            on_error(rule.id, error)
    findings.extend(apply_suppressions(context, parsed))
    if fixes:
        from panlint.compat.edits import attach_fixes  # pylint: disable=import-outside-toplevel

        findings = attach_fixes(findings, context.text, context)
    findings.sort(key=Finding.sort_key)
    return findings
