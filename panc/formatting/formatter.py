"""``format_text``: a template in the one canonical layout, proven to mean the same.

The layout comes from the tokens and the syntax tree: line breaks are the author's
(``panc.formatting.lines``), indentation follows the brackets and statements, the blanks
between tokens follow ``panc.formatting.spacing``, and lines longer than the limit are
broken inside their brackets (``panc.formatting.wrapping``). Comments, annotations,
strings and here-documents are copied as written; only the tabs and trailing blanks of
comments go (panlint's LP002 and LP003 count them). The deprecated ``nlist``/``is_nlist``
become ``dict``/``is_dict`` and braces around a single include expression go (LP004, LP005).

The result is parsed again and its tree compared with the original's
(``panc.syntax.equivalence.meaning``): a template that does not parse, or whose formatted
text would not mean the same, is returned unchanged with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from panc.diagnostics import Diagnostic
from panc.formatting.facts import TokenFacts, token_facts
from panc.formatting.lines import INDENT_WIDTH, NOT_CODE, Line, assemble
from panc.formatting.spacing import space_between
from panc.formatting.wrapping import wrap
from panc.syntax.equivalence import meaning
from panc.syntax.parser import parse
from panc.syntax.result import ParseResult
from panc.syntax.tokens import Token

DEFAULT_LINE_LENGTH = 120


@dataclass(frozen=True)
class Formatted:
    """What formatting one template gave."""

    text: str
    """The formatted text (the original when it could not be formatted)."""
    changed: bool
    problem: str | None = None
    """Why the template was left as it was, when it was."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """The syntax errors that kept it from being formatted."""


def format_text(text: str, name: str, line_length: int = DEFAULT_LINE_LENGTH) -> Formatted:
    """``text`` (the template file ``name``) in the canonical layout."""
    original = parse(text, name)
    if original.ast is None or original.diagnostics:
        return Formatted(text, False, "not formatted: the template has syntax errors", original.diagnostics)
    formatted = layout(original, _line_ending(text), line_length)
    if formatted == text:
        return Formatted(text, False)
    again = parse(formatted, name)
    if again.ast is None or again.diagnostics or meaning(again.ast) != meaning(original.ast):
        return Formatted(text, False, "not formatted: the formatted text would not mean the same (a bug)")
    return Formatted(formatted, True)


def layout(parsed: ParseResult, eol: str = "\n", line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """The canonical text of a template that parsed without errors."""
    assert parsed.ast is not None
    ordered = sorted(parsed.tokens, key=lambda tok: tok.start_pos)
    markers = [tok for tok in ordered if tok.type == "HEREDOC"]
    body_tokens = [tok for tok in ordered if tok.type == "HEREDOC_BODY"]
    # a template that parsed has one body per marker, in the same order
    bodies = {marker.start_pos: body.value for marker, body in zip(markers, body_tokens, strict=True)}
    body_lines = {number for body in body_tokens for number in _lines_of(body)}
    code = [tok for tok in ordered if tok.type not in NOT_CODE and tok.type != "HEREDOC_BODY"]
    facts = token_facts(parsed.ast, code, [tok.start_pos for tok in ordered if tok.type == "ANNOTATION"])
    kept = [
        tok
        for tok in ordered
        if tok.type != "HEREDOC_BODY" and tok.start_pos not in facts.dropped
    ]
    lines = assemble(kept, bodies, body_lines)
    lines = wrap(lines, facts, line_length, lambda line: _render_line(line, facts))
    return _render(lines, facts, eol)


def _lines_of(tok: Token) -> range:
    return range(tok.span.start_line, tok.span.end_line + 1)


def _line_ending(text: str) -> str:
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _render(lines: list[Line], facts: TokenFacts, eol: str) -> str:
    out: list[str] = []
    for line in lines:
        if line.blank_before and out:
            out.append(eol)
        out.append(_render_line(line, facts))
        out.append(eol)
        for body in line.bodies:
            out.append(body)
            out.append("\n" if body.endswith("\r") else eol)
    return "".join(out)


def _render_line(line: Line, facts: TokenFacts) -> str:
    """One line with its indentation, without its end."""
    pieces = [" " * (INDENT_WIDTH * line.level)]
    column = INDENT_WIDTH * line.level
    previous: Token | None = None
    for tok in line.tokens:
        if previous is not None:
            blank = space_between(previous, tok, facts)
            pieces.append(blank)
            column += len(blank)
        text = _token_text(tok, facts, column)
        pieces.append(text)
        newline = text.rfind("\n")
        column = len(text) - newline - 1 if newline >= 0 else column + len(text)
        previous = tok
    return "".join(pieces)


def _token_text(tok: Token, facts: TokenFacts, column: int) -> str:
    if tok.type == "COMMENT":
        return _expand_tabs(tok.value.rstrip(), column)
    return facts.renamed.get(tok.start_pos, tok.value)


def _expand_tabs(text: str, column: int) -> str:
    """``text`` starting at 0-based ``column`` with tabs to the next multiple of four columns."""
    if "\t" not in text:
        return text
    out: list[str] = []
    for char in text:
        if char == "\t":
            width = INDENT_WIDTH - (column % INDENT_WIDTH)
            out.append(" " * width)
            column += width
        else:
            out.append(char)
            column += 1
    return "".join(out)
