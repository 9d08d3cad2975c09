"""``parse(text, name)``: pan source text to an AST, diagnostics and tokens. Never raises.

The scanner's tokens are fed to Lark's LALR parser state one by one; the builder's callbacks
make the AST as rules are reduced. On a grammar error the parser records one diagnostic,
skips to the end of the broken statement (a ``;`` outside brackets, or a statement keyword
at the start of a line) and carries on, so editors get every good statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lark.exceptions import UnexpectedToken

from panc.diagnostics import Category, Diagnostic
from panc.source import Span
from panc.syntax import ast
from panc.syntax.builder import BuildContext
from panc.syntax.language import Language, language
from panc.syntax.lexer import LexResult
from panc.syntax.tokens import Token

_OPENING = frozenset({"LBRACE", "LPAR", "LSQB"})
_CLOSING = frozenset({"RBRACE", "RPAR", "RSQB"})
_HEADER_START = frozenset({"OBJECT", "STRUCTURE", "UNIQUE", "DECLARATION", "TEMPLATE"})
# Keywords that begin a statement; seen at the start of a line they end error recovery.
_STATEMENT_START = frozenset({"VARIABLE", "FINAL", "TYPE", "FUNCTION", "BIND", "VALID", "INCLUDE", "PREFIX"})
_PATHS = frozenset({"SQ_STRING", "DQ_STRING"})
# A terminal that the parser accepts only where a statement may start.
_STATEMENT_LEVEL = "VARIABLE"


@dataclass
class ParseResult:
    """What ``parse`` found: the AST (``None`` only if nothing could be built), the
    diagnostics in source order, and every token, comment and annotation."""

    ast: ast.Template | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    comments: list[ast.Comment] = field(default_factory=list)
    annotations: list[ast.Annotation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no diagnostic at all."""
        return not self.diagnostics


def parse(text: str, name: str) -> ParseResult:
    """Parse pan source ``text``; ``name`` is the file name put in every ``Span``."""
    lang = language()
    sink = LexResult()
    try:
        with lang.lock:
            template = _Run(lang, text, name, sink).run()
    except Exception as error:  # pylint: disable=broad-exception-caught
        # Last resort: a bug in the parser must not take an editor or a build down.
        sink.diagnostics.append(
            Diagnostic(Category.PARSE, f"internal parser error: {error!r}", Span(name, 1, 1, 1, 1), code="parse")
        )
        template = None
    diagnostics = sorted(sink.diagnostics, key=lambda d: (d.span.start_line, d.span.start_column))
    return ParseResult(template, diagnostics, sink.tokens, sink.comments, sink.annotations)


class _Run:
    """One parse: the token stream, the parser state and the recovery logic."""

    def __init__(self, lang: Language, text: str, name: str, sink: LexResult) -> None:
        self.lang = lang
        self.name = name
        self.sink = sink
        self.context = BuildContext(name, sink.annotations_before, sink.diagnostics)
        lang.builder.ctx = self.context
        self.tokens: Iterator[Token] = lang.scanner.tokenize(text, name, sink)
        self.state = lang.parser.parse_interactive("").parser_state
        self.states = self.state.parse_conf.states
        self.depth = 0
        self.previous: Token | None = None

    def run(self) -> ast.Template | None:
        feed = self.state.feed_token
        opening, closing = _OPENING, _CLOSING
        first = True
        pending: Token | None = None
        while True:
            if pending is not None:
                token, pending = pending, None
            else:
                token = next(self.tokens, None)
                if token is None:
                    break
            if first:
                first = False
                if token.type not in _HEADER_START:
                    self._missing_header(token)
            kind = token.type
            try:
                feed(token)
            except UnexpectedToken as error:
                pending = self._recover(token, error)
                continue
            if kind in opening:
                self.depth += 1
            elif kind in closing:
                self.depth = max(self.depth - 1, 0)
            self.previous = token
        if first:
            self._missing_header(None)
        return self._finish()

    # ------------------------------------------------------------------ errors

    def _missing_header(self, token: Token | None) -> None:
        span = token.span if token is not None else Span(self.name, 1, 1, 1, 1)
        found = f"Encountered: {token.value}\n" if token is not None else "Encountered: <EOF>\n"
        self.sink.diagnostics.append(
            Diagnostic(
                Category.PARSE,
                found + 'Was expecting: [object|structure|unique|declaration] "template" <TEMPLATE_NAME> ";"',
                span,
                code="parse",
            )
        )

    def _report(self, token: Token, expected: set[str]) -> None:
        if token.type == "ERROR":
            return  # the scanner already said what is wrong
        if token.type == "SEMICOLON" and self.previous is not None and self.previous.type in ("EQUAL", "COND_ASSIGN"):
            self.context.error(Category.PARSE, "illegal empty DML statement", token.span)
            return
        display = self.lang.display_names
        shown = sorted(display.get(name, name) for name in expected)
        found = "<EOF>" if token.type == "$END" else token.value
        lines = [f"Encountered: {found}", "Was expecting one of:"] + [f"    {item} ..." for item in shown]
        self.context.error(Category.PARSE, "\n".join(lines), token.span)

    def _recover(self, token: Token, error: UnexpectedToken) -> Token | None:
        """Report the error at ``token``, then resynchronise; return the token to feed next."""
        if self._insert_semicolon(token):
            return None
        self._report(token, set(error.expected))
        self._pop_to_statement_level()
        depth = self.depth
        skipped_first = False
        while True:
            kind = token.type
            if kind == "SEMICOLON" and depth <= 0:
                self.depth = 0
                self.previous = token
                return None
            if skipped_first and token.span.start_column == 1 and (
                kind in _STATEMENT_START or (kind in _PATHS and depth <= 0)
            ):
                self.depth = 0
                return token
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                depth -= 1
            skipped_first = True
            next_token = next(self.tokens, None)
            if next_token is None:
                self.depth = 0
                return None
            token = next_token

    def _insert_semicolon(self, token: Token) -> bool:
        """Repair a forgotten ``;`` before a statement that starts a new line."""
        previous = self.previous
        if previous is None or token.span.start_line == previous.span.end_line or token.span.start_column != 1:
            return False
        if token.type not in _STATEMENT_START and token.type not in _PATHS:
            return False
        trial = self.state.copy(deepcopy_values=False)
        semicolon = Token("SEMICOLON", ";", _after(previous.span), previous.end_pos, previous.end_pos)
        try:
            trial.feed_token(semicolon)
            trial.feed_token(token)
        except UnexpectedToken:
            return False
        self.context.error(Category.PARSE, "missing ';' at the end of the statement", _after(previous.span))
        self.state.state_stack[:] = trial.state_stack
        self.state.value_stack[:] = trial.value_stack
        self.previous = token
        self.depth = 0
        return True

    def _pop_to_statement_level(self) -> None:
        states = self.states
        state_stack = self.state.state_stack
        value_stack = self.state.value_stack
        while len(state_stack) > 1 and _STATEMENT_LEVEL not in states[state_stack[-1]]:
            state_stack.pop()
            value_stack.pop()

    def _finish(self) -> ast.Template | None:
        last = self.previous
        span = _after(last.span) if last is not None else Span(self.name, 1, 1, 1, 1)
        end = Token("$END", "", span, last.end_pos if last else 0, last.end_pos if last else 0)
        try:
            return self.state.feed_token(end, True)  # type: ignore[no-any-return]
        except UnexpectedToken as error:
            if not self._last_was_error():
                self._report(end, set(error.expected))
        self._pop_to_statement_level()
        try:
            return self.state.feed_token(end, True)  # type: ignore[no-any-return]
        except UnexpectedToken:
            return None

    def _last_was_error(self) -> bool:
        tokens = self.sink.tokens
        return bool(tokens) and tokens[-1].type == "ERROR"


def _after(span: Span) -> Span:
    """The one-character span just after ``span`` (where a missing token would go)."""
    return Span(span.file, span.end_line, span.end_column + 1, span.end_line, span.end_column + 1)
