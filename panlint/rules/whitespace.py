"""Layout of lines: indentation, tabs, trailing whitespace, line length (LP001-LP003, LP006).

These read lines of text, but never what lies inside a string, heredoc or annotation: the
context's ``opaque`` map (from the token stream) tells which columns belong to those.
"""

from __future__ import annotations

from collections.abc import Iterable

from panc.syntax.tokens import TokenKind, kind_of
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.indentation import INDENT_WIDTH, expected_indents
from panlint.rule import Rule


class Indentation(Rule):
    """Indentation should be a multiple of four spaces.

    Lines of code and comments are indented with four spaces per level. Lines inside a
    multi-line string, heredoc or annotation are content, not layout, and are not checked.

    The fix re-indents the whole statement holding the line the way Pan-Indenter does:
    four spaces per bracket level open at the start of each line (so the statement stays
    consistently indented, not just the line that was off).
    """

    id = "LP001"
    name = "indentation"
    level = Level.INFO
    summary = "Indentation should be a multiple of four spaces"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        fixer: _Reindenter | None = None
        for number, line in enumerate(context.lines, start=1):
            width = len(line) - len(line.lstrip(" "))
            if width % INDENT_WIDTH == 0 or width == len(line) or line[width] == "\t":
                continue
            if context.starts_opaque(number):
                continue
            if fixer is None:
                fixer = _Reindenter(context)
            yield self.finding(context.span(number, 1, width), fix=fixer.fix(number))


class _Reindenter:
    """Builds the Pan-Indenter edits for the statement around a line."""

    def __init__(self, context: LintContext) -> None:
        self.context = context
        self.expected = expected_indents(context)
        self.statements: list[tuple[int, int]] = []
        if context.ast is not None:
            self.statements = [(s.span.start_line, s.span.end_line) for s in context.ast.statements]

    def fix(self, number: int) -> Fix | None:
        if number not in self.expected:
            return None
        first, last = next(((a, b) for a, b in self.statements if a <= number <= b), (number, number))
        edits = []
        for line in range(first, last + 1):
            target = self.expected.get(line)
            text = self.context.lines[line - 1]
            width = len(text) - len(text.lstrip(" "))
            if target is None or width == target or self.context.starts_opaque(line):
                continue
            if width < len(text) and text[width] == "\t":
                continue
            edits.append(Edit(line, 1, line, width + 1, " " * target))
        return Fix("Re-indent by bracket depth", tuple(edits)) if edits else None


class Tabs(Rule):
    """Use spaces, not tab characters.

    Tabs outside strings (in code and comments) are reported. The fix expands them to the
    next multiple of four columns; tabs inside strings and heredocs are data and stay.
    """

    id = "LP002"
    name = "tab-character"
    level = Level.INFO
    summary = "Tab character found, use spaces"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for number, line in enumerate(context.lines, start=1):
            if "\t" not in line:
                continue
            edits = []
            display = 0
            for index, char in enumerate(line):
                if char == "\t" and not context.is_opaque(number, index + 1):
                    width = INDENT_WIDTH - display % INDENT_WIDTH
                    edits.append(Edit(number, index + 1, number, index + 2, " " * width))
                    display += width
                else:
                    display += 1
            if edits:
                first = edits[0].column
                fix = Fix("Replace tabs with spaces", tuple(edits))
                yield self.finding(context.span(number, first, edits[-1].column), fix=fix)


class TrailingWhitespace(Rule):
    """Lines should not end with spaces or tabs.

    Whitespace at the end of a line that continues a multi-line string, heredoc or
    annotation is part of its value and is not reported.
    """

    id = "LP003"
    name = "trailing-whitespace"
    level = Level.INFO
    summary = "Trailing whitespace"
    fixable = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for number, line in enumerate(context.lines, start=1):
            if not line or line[-1] not in " \t":
                continue
            start = len(line.rstrip(" \t")) + 1
            if context.is_opaque(number, start) or context.is_opaque(number, len(line)):
                continue
            fix = Fix("Remove trailing whitespace", (Edit(number, start, number, len(line) + 1, ""),))
            yield self.finding(context.span(number, start, len(line)), fix=fix)


class LineLength(Rule):
    """Lines should be at most 120 characters long (``line-length`` in the configuration).

    Lines of ``bind`` statements are exempt (a long path and type cannot be split), and so are
    lines that continue a multi-line string, heredoc or annotation.
    """

    id = "LP006"
    name = "line-too-long"
    level = Level.WARNING
    summary = "Line too long"

    def check(self, context: LintContext) -> Iterable[Finding]:
        limit = context.options.line_length
        for number, line in enumerate(context.lines, start=1):
            if len(line) <= limit or context.starts_opaque(number):
                continue
            tokens = context.tokens_by_line.get(number, [])
            if any(kind_of(tok) is TokenKind.WORD and tok.value == "bind" for tok in tokens):
                continue
            message = f"Line too long ({len(line)} > {limit} characters)"
            yield self.finding(context.span(number, limit + 1, len(line)), message)


RULES = (Indentation, Tabs, TrailingWhitespace, LineLength)
