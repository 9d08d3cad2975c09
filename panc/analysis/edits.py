"""Keeping findings in place across an edit, until they are recomputed for the new text."""

from __future__ import annotations

from panc.diagnostics import Diagnostic


def changed_lines(old: str, new: str) -> tuple[int, int, int]:
    """``(first, old_last, new_last)``: the 1-based line ranges that differ between two texts.

    Lines before ``first`` are identical; lines after ``old_last`` in ``old`` are the lines
    after ``new_last`` in ``new``. With no difference, ``first`` is past the end.
    """
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    prefix = 0
    limit = min(len(old_lines), len(new_lines))
    while prefix < limit and old_lines[prefix] == new_lines[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and old_lines[len(old_lines) - 1 - suffix] == new_lines[len(new_lines) - 1 - suffix]
    ):
        suffix += 1
    return prefix + 1, len(old_lines) - suffix, len(new_lines) - suffix


def carry_over(old: str, new: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings computed for ``old`` that still apply to ``new`` as far as one can tell
    without recomputing: those on untouched lines, moved with the lines they are on."""
    first, old_last, new_last = changed_lines(old, new)
    delta = new_last - old_last
    kept = []
    for diagnostic in diagnostics:
        span = diagnostic.span
        if span.end_line < first:
            kept.append(diagnostic)
        elif span.start_line > old_last:
            moved = span._replace(start_line=span.start_line + delta, end_line=span.end_line + delta)
            kept.append(
                Diagnostic(
                    diagnostic.category,
                    diagnostic.message,
                    moved,
                    diagnostic.severity,
                    diagnostic.code,
                    diagnostic.related,
                )
            )
    return kept
