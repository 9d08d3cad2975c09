"""Formatting part of a template: the changes of the canonical layout that touch some lines.

Editors format a selection (LSP range formatting): the whole template is formatted, then
only the changed runs of lines that meet the selection are applied. The result is checked
like a whole formatting (same meaning), so a partial layout never changes the template.
"""

from __future__ import annotations

import difflib
import itertools
import re

from panc.formatting.formatter import DEFAULT_LINE_LENGTH, Formatted, format_text
from panc.syntax.equivalence import meaning
from panc.syntax.parser import parse


def format_lines(
    text: str, name: str, first_line: int, last_line: int, line_length: int = DEFAULT_LINE_LENGTH
) -> Formatted:
    """``text`` with the layout changes that meet lines ``first_line``..``last_line`` (1-based)."""
    whole = format_text(text, name, line_length)
    if whole.problem is not None or not whole.changed:
        return whole
    old, new = split_lines(text), split_lines(whole.text)
    pieces: list[str] = []
    changes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for tag, start, end, new_start, new_end in changes:
        groups = _line_groups(old[start:end], new[new_start:new_end]) if tag == "replace" else None
        if groups is None:
            groups = [(end - start, new_end - new_start)]
        for old_count, new_count in groups:
            # old lines start..start+old_count-1 (0-based) become new_count lines; an insertion
            # (no old line) sits before line start
            touches = start < last_line and max(start + old_count, start + 1) > first_line - 1
            if tag != "equal" and touches:
                pieces.extend(new[new_start : new_start + new_count])
            else:
                pieces.extend(old[start : start + old_count])
            start += old_count
            new_start += new_count
    partial = "".join(pieces)
    if partial == text:
        return Formatted(text, False)
    again = parse(partial, name)
    if again.ast is None or again.diagnostics or meaning(again.ast) != meaning(parse(text, name).ast):
        return Formatted(text, False, "not formatted: the selection cuts through a change of layout")
    return Formatted(partial, True)


def _line_groups(old: list[str], new: list[str]) -> list[tuple[int, int]] | None:
    """How a run of changed lines maps, old line by old line: ``(1, n)`` when old line became
    ``n`` new lines (a split), ``(k, 1)`` when ``k`` were joined. ``None`` when the run changed
    more than its blanks (a rename): it is then one change."""
    old_text = [re.sub(r"\s+", "", line) for line in old]
    new_text = [re.sub(r"\s+", "", line) for line in new]
    if "".join(old_text) != "".join(new_text):
        return None
    old_ends = list(itertools.accumulate(len(line) for line in old_text))
    new_ends = list(itertools.accumulate(len(line) for line in new_text))
    groups: list[tuple[int, int]] = []
    old_index = new_index = 0
    while old_index < len(old) or new_index < len(new):
        # grow both sides until they end at the same character
        old_next, new_next = old_index + 1, new_index + 1
        while old_next <= len(old) and new_next <= len(new):
            old_end, new_end = old_ends[old_next - 1], new_ends[new_next - 1]
            if old_end == new_end:
                break
            if old_end < new_end:
                old_next += 1
            else:
                new_next += 1
        if old_next > len(old) or new_next > len(new):
            return None
        groups.append((old_next - old_index, new_next - new_index))
        old_index, new_index = old_next, new_next
    return groups


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their ends, cut at ``\n`` only (``str.splitlines`` also cuts
    at the form feeds and line separators that a string may hold)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
