"""The pan lexer: one master regular expression built from the grammar's terminals.

The grammar (``grammars/pan.lark``) stays the single definition of every token; this module
adds only what a regular expression cannot say (see the grammar's header comment):
keywords, the template name after ``template``, here-documents and line counting.
Comments and annotations are recorded on the side and never reach the parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from panc.diagnostics import Category, Diagnostic
from panc.source import Span
from panc.syntax import ast
from panc.syntax.annotations import parse_annotation
from panc.syntax.construct import nodes
from panc.syntax.tokens import Token, new_span, new_token

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Terminals the master expression never tries: they are valid only in one context.
_CONTEXTUAL = {"TEMPLATE_NAME": "TEMPLATE"}
# Tokens that may contain line breaks (all others stay on one line).
_MULTILINE = frozenset({"DQ_STRING", "ANNOTATION"})
# The grammar's whitespace terminal: the scanner skips blanks and counts lines itself.
_WHITESPACE = "WS"
# Terminals tried first (most frequent in real templates; none overlaps another terminal).
_FREQUENT = ["NAME", "SQ_STRING", "DQ_STRING"]
# The scanner's group for all one-character literals.
_SINGLE = "SINGLE_CHARACTER"


TerminalSpec = tuple[str, str, int, "str | None"]
"""A grammar terminal: name, regular expression, priority, and the literal text for a
quoted-string terminal (``None`` for a regular expression)."""


@dataclass
class LexResult:
    """What the lexer saw besides the parser's tokens."""

    tokens: list[Token] = field(default_factory=list)
    """Every token in source order, comments and annotations included."""
    comments: list[ast.Comment] = field(default_factory=list)
    annotations: list[ast.Annotation] = field(default_factory=list)
    annotations_before: dict[int, tuple[ast.Annotation, ...]] = field(default_factory=dict)
    """Annotations keyed by the offset of the significant token that follows them."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Scanner:
    """A lexer for one grammar; ``tokenize`` is reentrant.

    The master expression skips blanks before each token, then tries the grammar's
    terminals in priority order; line breaks are a token of their own (``NEWLINE``) so that
    lines are counted, and any other character is an ``ERROR``. Scanning runs with
    ``finditer`` and restarts from a new position after a here-document's body, a template
    name or an error.
    """

    def __init__(self, terminals: Sequence[TerminalSpec], ignore: Sequence[str]) -> None:
        self.keywords: dict[str, str] = {}
        alternatives: list[tuple[tuple[int, int, int], str, str]] = []
        self.contextual: dict[str, tuple[str, re.Pattern[str]]] = {}
        for name, regexp, priority, literal in terminals:
            if literal is not None and _IDENTIFIER.match(literal):
                self.keywords[literal] = name
                continue
            if name in _CONTEXTUAL:
                self.contextual[_CONTEXTUAL[name]] = (name, re.compile(regexp))
                continue
            if name == _WHITESPACE:
                continue  # blanks and line breaks are handled by the master expression itself
            # Higher priority first, then longer literal strings first ("?=" before "?").
            is_string = literal is not None
            length = len(literal) if literal is not None else 0
            alternatives.append(((-priority, int(is_string) * -1, -length), name, regexp))
        alternatives.sort(key=lambda item: item[0])
        # Speed: the regular expression engine tries alternatives in order, so the most
        # frequent tokens come first (NAME, strings: no other terminal starts like them) and
        # the one-character literals share one character class, placed after every longer
        # terminal so that "==" still wins over "=".
        first = [item for item in alternatives if item[1] in _FREQUENT]
        first.sort(key=lambda item: _FREQUENT.index(item[1]))
        single = {regexp_value: name for name, regexp_value in self._single_characters(terminals)}
        rest = [item for item in alternatives if item[1] not in _FREQUENT and item[1] not in single.values()]
        self.single_characters = single
        groups = [r"(?P<NEWLINE>\n[ \t\f\r\n]*)"]
        groups += [f"(?P<{name}>{regexp})" for _, name, regexp in first + rest]
        if single:
            characters = "".join(re.escape(character) for character in single)
            groups.append(f"(?P<{_SINGLE}>[{characters}])")
        groups += [r"(?P<BLANKS>[ \t\f\r]+)", r"(?P<ERROR>[\s\S])"]
        self.master = re.compile(r"[ \t\f\r]*(?:" + "|".join(groups) + ")")
        self.ignore = frozenset(ignore) - {_WHITESPACE}

    @staticmethod
    def _single_characters(terminals: Sequence[TerminalSpec]) -> list[tuple[str, str]]:
        """``(terminal name, character)`` for the one-character literal terminals."""
        return [
            (name, literal) for name, _, _, literal in terminals if literal is not None and len(literal) == 1
        ]

    def tokenize(self, text: str, file: str, sink: LexResult) -> list[Token]:
        """The parser's tokens of ``text``; everything else goes to ``sink``."""
        finditer = self.master.finditer
        keywords = self.keywords
        contextual = self.contextual
        ignore = self.ignore
        single = self.single_characters
        all_tokens = sink.tokens
        append_any = all_tokens.append
        parser_tokens: list[Token] = []
        append = parser_tokens.append
        pending_annotations: list[ast.Annotation] = []
        length = len(text)
        line = 1
        line_start = 0
        # Here-documents: the newline ending the line where they start, and where scanning
        # resumes once that newline is reached (after the last body's terminator line).
        heredoc_newline = -1
        heredoc_resume = -1
        heredoc_resume_line = 0
        restart: int | None = 0
        while restart is not None:
            position, restart = restart, None
            for m in finditer(text, position):
                kind = m.lastgroup
                value = m.group(kind)  # type: ignore[arg-type]
                end = m.end()
                start = end - len(value)
                if kind == "NEWLINE":
                    if start <= heredoc_newline < end:
                        restart, line, line_start = heredoc_resume, heredoc_resume_line, heredoc_resume
                        heredoc_newline = -1
                        break
                    line += value.count("\n")
                    line_start = start + value.rindex("\n") + 1
                    continue
                if kind == "BLANKS":
                    continue
                column = start - line_start + 1
                if kind == "ERROR":
                    token = self._error_token(text, start, line, line_start, file, sink)
                    append_any(token)
                    append(token)
                    restart = token.end_pos
                    break
                if "\n" in value and kind in _MULTILINE:
                    end_line = line + value.count("\n")
                    last_start = start + value.rindex("\n") + 1
                    span = new_span(Span, (file, line, column, end_line, end - last_start))
                    line, line_start = end_line, last_start
                else:
                    span = new_span(Span, (file, line, column, line, end - line_start))
                if kind in ignore:
                    append_any(new_token(Token, (kind, value, span, start, end, None)))
                    if kind == "COMMENT":
                        sink.comments.append(nodes.Comment(span, value))
                    else:
                        annotation, problem = parse_annotation(value, span)
                        if problem is not None:
                            sink.diagnostics.append(Diagnostic(Category.PARSE, problem, span, code="parse"))
                        sink.annotations.append(annotation)
                        pending_annotations.append(annotation)
                    continue
                if kind == "NAME":
                    kind = keywords.get(value, "NAME")
                elif kind == _SINGLE:
                    kind = single[value]
                if kind == "HEREDOC":
                    if heredoc_newline < 0:
                        heredoc_newline = text.find("\n", end)
                        if heredoc_newline < 0:
                            heredoc_newline = length
                        body_start = heredoc_newline + 1
                        body_line = line + 1
                    else:
                        body_start, body_line = heredoc_resume, heredoc_resume_line
                    body, heredoc_resume, heredoc_resume_line = self._heredoc(
                        text, value, span, body_start, body_line, sink
                    )
                    token = Token(kind, value, span, start, end, body)
                else:
                    token = new_token(Token, (kind, value, span, start, end, None))
                append_any(token)
                append(token)
                if pending_annotations:
                    sink.annotations_before[start] = tuple(pending_annotations)
                    pending_annotations.clear()
                if kind in contextual:
                    name, regexp = contextual[kind]
                    contextual_match = _skip_blanks_then(regexp, text, end)
                    if contextual_match is not None:
                        begin, finish = contextual_match.span()
                        span = new_span(Span, (file, line, begin - line_start + 1, line, finish - line_start))
                        token = new_token(Token, (name, contextual_match.group(), span, begin, finish, None))
                        append_any(token)
                        append(token)
                        restart = finish
                        break
        return parser_tokens

    @staticmethod
    def _heredoc(
        text: str, value: str, span: Span, body_start: int, body_line: int, sink: LexResult
    ) -> tuple[str, int, int]:
        """Read the body of the here-document ``value`` (``<<EOT``); return the body, where
        scanning resumes and that line's number."""
        marker = value[2:]
        file = span.file
        pos = body_start
        line = body_line
        length = len(text)
        while pos < length:
            newline = text.find("\n", pos)
            stop = length if newline < 0 else newline
            content = text[pos:stop]
            if content in (marker, marker + "\r"):
                resume = length if newline < 0 else newline + 1
                body_span = Span(file, body_line, 1, line, max(stop - pos, 1))
                sink.tokens.append(Token("HEREDOC_BODY", text[body_start:stop], body_span, body_start, stop))
                return text[body_start:pos], resume, line + 1
            pos = stop + 1
            line += 1
        sink.diagnostics.append(
            Diagnostic(
                Category.PARSE,
                f"unterminated here-document: no line '{marker}' before the end of the file",
                span,
                code="parse",
            )
        )
        return (text[body_start:] if body_start < length else ""), length, line

    @staticmethod
    def _error_token(text: str, pos: int, line: int, line_start: int, file: str, sink: LexResult) -> Token:
        """A token for text no terminal matches, with its diagnostic."""
        char = text[pos]
        column = pos - line_start + 1
        if char in "'\"":
            newline = text.find("\n", pos)
            end = len(text) if newline < 0 else newline
            kind = "single" if char == "'" else "double"
            message = f"unterminated {kind}-quoted string"
            if char == '"' and newline >= 0 and text[end - 1 : end] == "\\":
                message += " (no character may follow the line-continuation backslash)"
        elif char == "@":
            end = pos + 1
            while end < len(text) and (text[end].isalnum() or text[end] in "_.-"):
                end += 1
            closing = {"{": "}", "(": ")", "[": "]"}.get(text[end : end + 1])
            if closing is None:
                message = "annotation must be followed by '{', '(' or '['"
            else:
                newline = text.find("\n", pos)
                end = len(text) if newline < 0 else newline
                message = f"unterminated annotation: missing '{closing}'"
        else:
            end = pos + 1
            message = f"illegal character '{char}'" if char.isprintable() else f"illegal character {char!r}"
        end = max(end, pos + 1)
        span = Span(file, line, column, line, max(end - line_start, column))
        value = text[pos:end]
        sink.diagnostics.append(Diagnostic(Category.PARSE, message, span, code="parse"))
        return Token("ERROR", value, span, pos, end)


_BLANKS = re.compile(r"[ \t\f\r]*")


def _skip_blanks_then(regexp: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """Match ``regexp`` after spaces on the same line (a template name follows its keyword)."""
    start = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
    return regexp.match(text, start)
