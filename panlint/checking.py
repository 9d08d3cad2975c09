"""The checking stage for one text: parse ONCE, run the enabled rules, drop what comments suppress.

``lint_text`` is the pure core (text in, findings out) that the language server can call on
an unsaved buffer; ``runner`` adds files, the result cache and parallelism around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from panlint.config import Config
from panlint.context import LintContext
from panlint.findings import Finding
from panlint.mvn import neutralize_placeholders
from panlint.rule import Rule
from panlint.suppressions import apply_suppressions


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


def lint_text(
    text: str,
    path: str,
    config: Config,
    rules: Sequence[type[Rule]] | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
    cached_parse: bool = False,
) -> list[Finding]:
    """All findings for one template's text, suppression comments applied, sorted.

    A rule that raises (a bug) propagates, unless ``on_error(rule_id, error)`` is given:
    then the other rules still run. ``cached_parse`` uses the parser's parse cache.
    """
    options = config.options()
    parsed_text = neutralize_placeholders(text) if options.allow_mvn_templates else text
    context = LintContext(path, text, parse_source(parsed_text, path, cached_parse), options)
    return check_context(context, rules if rules is not None else config.enabled_rules(), on_error)


def check_context(
    context: LintContext,
    rules: Sequence[type[Rule]],
    on_error: Callable[[str, Exception], None] | None = None,
) -> list[Finding]:
    """The findings of ``rules`` for one parsed file, suppression comments applied, sorted.

    The language server calls this with the parse it already has. A rule that raises
    propagates, unless ``on_error(rule_id, error)`` is given: then the other rules still run.
    """
    findings: list[Finding] = []
    for rule in rules:
        if rule.needs_ast and context.ast is None:
            continue
        try:
            findings.extend(rule().check(context))
        except Exception as error:  # pylint: disable=broad-exception-caught
            if on_error is None:
                raise
            # One broken rule must not hide the other rules' findings.
            on_error(rule.id, error)
    findings = apply_suppressions(context, findings)
    findings.sort(key=Finding.sort_key)
    return findings
