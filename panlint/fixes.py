"""The fixing stage: apply the mechanical fixes of findings, proven not to change meaning.

The enabled rules run with the parser's reading of the text (``--preview``), so no fix
touches what only the old tool took for code. Fixes are applied in passes (a tab expanded
in one pass may leave an indentation to fix in the next); after each pass the new text is
parsed and its AST compared, positions aside, with the original's. A pass that would change
the meaning is discarded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from panc.analysis.sourcetext import LineIndex
from panlint.checking import lint_text, parse_source
from panlint.config import Config
from panlint.equivalence import meaning
from panlint.findings import Fix, at_least

MAX_PASSES = 10


@dataclass
class FixOutcome:
    text: str
    applied: int
    """How many findings' fixes went into ``text``."""
    refused: str | None = None
    """Why the fixes were not (all) applied, when they were not."""


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``text`` with the fixes applied, and how many were applied.

    A fix is applied whole or not at all; one whose edits touch those of a fix already
    taken (in source order) waits for the next pass.
    """
    offset = LineIndex(text).offset

    def touches(first: tuple[int, int], second: tuple[int, int]) -> bool:
        return first[0] <= second[1] and second[0] <= first[1]

    taken: list[tuple[int, int, str]] = []
    candidates = sorted(
        (
            [(offset(e.line, e.column), offset(e.end_line, e.end_column), e.text) for e in fix.edits]
            for fix in fixes
        ),
        key=lambda edits: min(edit[0] for edit in edits),
    )
    count = 0
    for edits in candidates:
        if any(touches(edit[:2], other[:2]) for edit in edits for other in taken):
            continue
        taken.extend(edits)
        count += 1
    pieces = []
    position = 0
    for start, end, new in sorted(taken):
        pieces.append(text[position:start])
        pieces.append(new)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), count


def fix_text(text: str, path: str, config: Config) -> FixOutcome:
    """Apply every available fix of the enabled rules to one template's text."""
    original = parse_source(text, path)
    if original.ast is None or original.diagnostics:
        return FixOutcome(text, 0, "not fixed: the template does not parse")
    expected = meaning(original.ast)
    rules = config.enabled_rules()
    parsed = config._replace(preview=True)
    current, applied = text, 0
    for _ in range(MAX_PASSES):
        found = lint_text(current, path, parsed, rules=rules, fixes=True)
        findings = [finding for finding in at_least(found, config.suppress) if finding.fix]
        if not findings:
            break
        candidate, count = apply_fixes(current, [finding.fix for finding in findings if finding.fix])
        if candidate == current:
            break
        reparsed = parse_source(candidate, path)
        if reparsed.ast is None or reparsed.diagnostics or meaning(reparsed.ast) != expected:
            return FixOutcome(current, applied, "some fixes were not applied: they would change the template")
        current, applied = candidate, applied + count
    return FixOutcome(current, applied)
