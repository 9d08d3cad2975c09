"""Helpers for the syntax tests: inline expected diagnostics, as in starlark-go's tests.

A line of a pan snippet may end with ``## <category>: <text>``: parsing must report a
diagnostic of that category ("parse" or "syntax") starting on that line whose message
contains <text>. Every diagnostic must be expected by such a marker.
"""

from __future__ import annotations

import re
from pathlib import Path

from panc.syntax import ParseResult, parse

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpora" / "template-library-core"
CONFORMANCE = SHARED / "conformance" / "panc-functional"

_MARKER = re.compile(r"##\s*(parse|syntax):\s*(.*?)\s*$")


def expected_markers(text: str) -> list[tuple[int, str, str]]:
    """``(line, category, text)`` for each ``## category: text`` marker."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARKER.search(line)
        if match:
            found.append((number, match.group(1), match.group(2)))
    return found


def check_inline(text: str, name: str = "t.pan") -> ParseResult:
    """Parse ``text`` and assert its diagnostics are exactly those its markers announce."""
    result = parse(text, name)
    expected = expected_markers(text)
    unmatched = list(result.diagnostics)
    for line, category, message in expected:
        matching = [
            position
            for position, diagnostic in enumerate(unmatched)
            if diagnostic.span.start_line == line
            and diagnostic.category is not None
            and diagnostic.category.value == f"{category} error"
            and message in diagnostic.message
        ]
        if matching:
            del unmatched[matching[0]]
        else:
            found = [(d.span.start_line, d.category, d.message) for d in result.diagnostics]
            raise AssertionError(f"line {line}: no {category} error containing {message!r}; got {found}")
    assert not unmatched, f"unexpected diagnostics: {[(d.span.range_text(), d.message) for d in unmatched]}"
    return result


def statements(text: str) -> tuple:
    """The statements of a template that must parse without any diagnostic."""
    result = check_inline(text)
    assert result.ast is not None
    return result.ast.statements


def expression(source: str):
    """The AST of one DML expression (the value of ``'/x' = <source>;``)."""
    (statement,) = statements(f"object template t;\n'/x' = {source};\n")
    return statement.value
