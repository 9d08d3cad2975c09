"""One pass over a template's lines: the old panlint's findings, suppression comments applied.

``check_text`` is the default checker of ``panlint``'s old IDs: text in, findings out, no
parse, every enabled check in one pass. ``check_tokens`` runs the same pass on the lexer's
reading of the text (``--preview``, the language server, ``--fix``). Both keep the old tool's
suppression comment (alone on its line, for the next line of code) and accept panlint's own
forms too (``# panlint disable=ID`` at the end of a line, rule names, ``all``), which the old
tool would have ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from panc.source import Span
from panlint.compat.catalog import LINE_IDS, OLD_RULES
from panlint.compat.checks import LineChecker, Problem, first_line_problem
from panlint.compat.tokenview import TokenReading
from panlint.compat.view import (
    CODE,
    COMMENT,
    DIRECTIVE,
    OldReading,
    Reading,
    components_of_path,
    directive_ids,
    included_components,
)
from panlint.findings import Finding
from panlint.options import RuleOptions

if TYPE_CHECKING:
    from panc.syntax.operator_roles import OperatorRoles
    from panc.syntax.tokens import Token

EXTENDED_DIRECTIVE = re.compile(r"#\s*panlint\s*:?\s*disable\s*=\s*([\w\-, ]+)", re.IGNORECASE)
"""panlint's own suppression comment (the old tool's exact form is ``view.DIRECTIVE_LINE``)."""
ALL = "ALL"


Resolver = Callable[[str], "str | None"]
"""A rule's ID from its symbolic name (``trailing-whitespace``), for suppression comments."""


def check_text(
    text: str, path: str, ids: Iterable[str], options: RuleOptions, resolve: Resolver | None = None
) -> list[Finding]:
    """The findings of the old checks ``ids`` for one template's text, read as the old tool did."""
    return check_lines(OldReading(text), text, path, ids, options, resolve=resolve)


def check_tokens(
    text: str,
    tokens: Sequence[Token],
    path: str,
    ids: Iterable[str],
    options: RuleOptions,
    resolve: Resolver | None = None,
    roles: OperatorRoles | None = None,
) -> list[Finding]:
    """The same checks with the lexer's reading of the text (``--preview``); ``roles`` (from
    the syntax tree) tell LC001 the signs and link types from the operators."""
    reading = TokenReading(text, tokens, roles)
    return check_lines(reading, text, path, ids, options, preview=True, resolve=resolve)


def check_lines(
    reading: Reading,
    text: str,
    path: str,
    ids: Iterable[str],
    options: RuleOptions,
    preview: bool = False,
    resolve: Resolver | None = None,
) -> list[Finding]:
    """The findings of the old checks ``ids``, in line order, suppression comments applied.

    ``preview``: the improvements the old tool's reading alone does not bring (see
    ``panlint/DIFFERENCES.md``): a component's own source tree is exempt from CU001, LP010
    sees every letter.
    """
    enabled = frozenset(ids) & LINE_IDS
    if not enabled:
        return []
    components = included_components(text) | set(options.ignore_components)
    if preview:
        components |= components_of_path(path)
    checker = LineChecker(enabled, options.line_length, components, path, preview)
    findings: list[Finding] = []
    before_first = True
    pending: set[str] = set()
    for number, kind, line in reading.lines():
        if kind != CODE:
            if kind == DIRECTIVE:
                pending = directive_ids(line)
            elif kind == COMMENT and "panlint" in line:
                pending = _extended_ids(line, resolve) or pending
            continue
        suppressed, pending = pending, set()
        strings, cut = reading.layout(number, line) if not before_first or reading.precise else ([], None)
        code = line if cut is None else line[:cut].rstrip()
        if cut is not None and "panlint" in line[cut:]:
            suppressed = suppressed | _extended_ids(line[cut:], resolve)
        if before_first and (code.strip() or not reading.precise):
            before_first = False
            problem = first_line_problem(code, options.allow_mvn_templates)
            problems = [problem] if problem and "FL001" in enabled else []
        elif code:
            statement = reading.starts_statement(number)
            problems = checker.check(code, strings, statement, reading.operators(number))
        else:
            continue
        if not problems:
            continue
        if suppressed:
            problems = [p for p in problems if p[0] not in suppressed and ALL not in suppressed]
        findings.extend(_finding(path, number, problem, code) for problem in problems)
    return findings


def _finding(path: str, number: int, problem: Problem, code: str) -> Finding:
    rule_id, start, end, message = problem
    # Columns are 1-based and inclusive in spans; [start, end) 0-based in the old tool.
    span = Span(path, number, start + 1, number, end)
    # The include that would satisfy CU001, for the editors' quick fix (not a mechanical fix).
    include = f"components/{code[start:end]}/config" if rule_id == "CU001" else None
    return Finding(rule_id, OLD_RULES[rule_id][0], message, span, None, include)


def _extended_ids(comment: str, resolve: Resolver | None) -> set[str]:
    """The rules a ``# panlint disable=...`` comment in panlint's own form names."""
    match = EXTENDED_DIRECTIVE.search(comment)
    if not match:
        return set()
    ids: set[str] = set()
    for item in re.split(r"[,\s]+", match.group(1).strip()):
        if not item:
            continue
        rule_id = None if item.upper() in LINE_IDS or resolve is None else resolve(item)
        ids.add(rule_id or item.upper())
    return ids
