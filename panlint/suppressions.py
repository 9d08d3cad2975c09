"""The filtering stage: ``# panlint disable=ID[,ID...]`` comments hide findings.

A comment on a line of its own covers the next line that holds code; a comment at the end
of a line of code covers that line. IDs may be rule IDs or symbolic names, or ``all``.
Only comment tokens of the parser are read, so the same text in a string does nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from panc.syntax.tokens import TokenKind, kind_of
from panlint.context import LintContext
from panlint.findings import Finding
from panlint.rules import find_rule

DIRECTIVE = re.compile(r"#\s*panlint\s*:?\s*disable\s*=\s*([\w\-, ]+)", re.IGNORECASE)
ALL = "ALL"


def _ids(listed: str) -> set[str]:
    ids = set()
    for item in re.split(r"[,\s]+", listed.strip()):
        if not item:
            continue
        if item.lower() == "all":
            ids.add(ALL)
            continue
        rule = find_rule(item)
        ids.add(rule.id if rule else item.upper())
    return ids


def suppressed_lines(context: LintContext) -> dict[int, set[str]]:
    """Line number -> rule IDs suppressed on it."""
    code_lines = sorted({tok.span.start_line for tok in context.code_tokens})
    code_line_set = set(code_lines)
    result: dict[int, set[str]] = {}
    for tok in context.tokens:
        if kind_of(tok) is not TokenKind.COMMENT:
            continue
        match = DIRECTIVE.search(tok.value)
        if not match:
            continue
        line = tok.span.start_line
        if line not in code_line_set:
            following = bisect.bisect_right(code_lines, line)
            line = code_lines[following] if following < len(code_lines) else -1
        if line > 0:
            result.setdefault(line, set()).update(_ids(match.group(1)))
    return result


def apply_suppressions(context: LintContext, findings: Iterable[Finding]) -> list[Finding]:
    """The findings no suppression comment hides."""
    findings = list(findings)
    if not findings or "panlint" not in context.text:
        return findings
    suppressed = suppressed_lines(context)
    if not suppressed:
        return findings
    kept = []
    for finding in findings:
        ids = suppressed.get(finding.span.start_line, ())
        if finding.rule_id in ids or ALL in ids:
            continue
        kept.append(finding)
    return kept
