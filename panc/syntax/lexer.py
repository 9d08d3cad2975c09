"""The pan lexer: one master regular expression built from the grammar's terminals.

The grammar (``grammars/pan.lark``) stays the single definition of every token; this module
adds only what a regular expression cannot say (see the grammar's header comment):
keywords, the template name after ``template``, here-documents and line counting.
Comments and annotations are recorded on the side and never reach the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lark.lexer import PatternStr, TerminalDef

from panc.diagnostics import Category, Diagnostic
from panc.source import Span
from panc.syntax import ast
from panc.syntax.annotations import parse_annotation
from panc.syntax.tokens import Token, new_span, new_token

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Terminals the master expression never tries: they are valid only in one context.
_CONTEXTUAL = {"TEMPLATE_NAME": "TEMPLATE"}
# Tokens that may contain line breaks (all others stay on one line).
_MULTILINE = frozenset({"WS", "DQ_STRING", "ANNOTATION"})


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
    """A lexer for one grammar; ``tokenize`` is reentrant."""

    def __init__(self, terminals: Sequence[TerminalDef], ignore: Sequence[str]) -> None:
        self.keywords: dict[str, str] = {}
        alternatives: list[tuple[tuple[int, int, int], str, str]] = []
        self.contextual: dict[str, tuple[str, re.Pattern[str]]] = {}
        for terminal in terminals:
            pattern = terminal.pattern
            if isinstance(pattern, PatternStr) and _IDENTIFIER.match(pattern.value):
                self.keywords[pattern.value] = terminal.name
                continue
            if terminal.name in _CONTEXTUAL:
                self.contextual[_CONTEXTUAL[terminal.name]] = (
                    terminal.name,
                    re.compile(pattern.to_regexp()),
                )
                continue
            # Higher priority first, then longer literal strings first ("?=" before "?").
            is_string = isinstance(pattern, PatternStr)
            length = len(pattern.value) if is_string else 0
            alternatives.append(
                ((-terminal.priority, int(is_string) * -1, -length), terminal.name, pattern.to_regexp())
            )
        alternatives.sort(key=lambda item: item[0])
        self.master = re.compile("|".join(f"(?P<{name}>{regexp})" for _, name, regexp in alternatives))
        self.ignore = frozenset(ignore)

    def tokenize(self, text: str, file: str, sink: LexResult) -> Iterator[Token]:
        """Yield the parser's tokens of ``text``; everything else goes to ``sink``."""
        match = self.master.match
        keywords = self.keywords
        contextual = self.contextual
        all_tokens = sink.tokens
        pending_annotations: list[ast.Annotation] = []
        length = len(text)
        pos = 0
        line = 1
        line_start = 0
        # Here-documents: the newline ending the line where they start, and where scanning
        # resumes once that newline is reached (after the last body's terminator line).
        heredoc_newline = -1
        heredoc_resume = -1
        heredoc_resume_line = 0
        previous_type = ""
        while pos < length:
            if previous_type in contextual:
                name, regexp = contextual[previous_type]
                m = _skip_blanks_then(regexp, text, pos)
                if m is not None:
                    pos = m.start()
                    end = m.end()
                    column = pos - line_start + 1
                    span = new_span(Span, (file, line, column, line, end - line_start))
                    token = new_token(Token, (name, m.group(), span, pos, end, None))
                    all_tokens.append(token)
                    previous_type = name
                    pos = end
                    yield token
                    continue
            m = match(text, pos)
            if m is None:
                token = self._error_token(text, pos, line, line_start, file, sink)
                all_tokens.append(token)
                pos = token.end_pos
                previous_type = "ERROR"
                yield token
                continue
            kind = m.lastgroup
            end = m.end()
            value = m.group()
            column = pos - line_start + 1
            if kind == "WS":
                if pos <= heredoc_newline < end:
                    pos = heredoc_resume
                    line = heredoc_resume_line
                    line_start = heredoc_resume
                    heredoc_newline = -1
                    continue
                newlines = value.count("\n")
                if newlines:
                    line += newlines
                    line_start = pos + value.rindex("\n") + 1
                pos = end
                continue
            if kind in _MULTILINE and "\n" in value:
                end_line = line + value.count("\n")
                last_start = pos + value.rindex("\n") + 1
                span = new_span(Span, (file, line, column, end_line, end - last_start))
                line, line_start = end_line, last_start
            else:
                span = new_span(Span, (file, line, column, line, end - line_start))
            if kind in self.ignore:
                token = new_token(Token, (kind, value, span, pos, end, None))
                all_tokens.append(token)
                if kind == "COMMENT":
                    sink.comments.append(ast.Comment(span, value))
                else:
                    annotation, problem = parse_annotation(value, span)
                    if problem is not None:
                        sink.diagnostics.append(Diagnostic(Category.PARSE, problem, span, code="parse"))
                    sink.annotations.append(annotation)
                    pending_annotations.append(annotation)
                pos = end
                continue
            if kind == "NAME":
                kind = keywords.get(value, "NAME")
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
                token = Token(kind, value, span, pos, end, body)
            else:
                token = new_token(Token, (kind, value, span, pos, end, None))
            all_tokens.append(token)
            if pending_annotations:
                sink.annotations_before[pos] = tuple(pending_annotations)
                pending_annotations.clear()
            previous_type = kind
            pos = end
            yield token

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
