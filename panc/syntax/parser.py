"""``parse(text, name)``: pan source text to an AST, diagnostics and tokens. Never raises.

The scanner's tokens are fed to Lark's LALR parser state one by one; the builder's callbacks
make the AST as rules are reduced. On a grammar error the parser records one diagnostic,
skips to the end of the broken statement (a ``;`` outside brackets, or a statement keyword
at the start of a line) and carries on, so editors get every good statement.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from panc.diagnostics import Category, Diagnostic
from panc.source import Span
from panc.syntax.ast import Annotation, Comment, Template
from panc.syntax.builder import BuildContext
from panc.syntax.gcpause import collector_paused
from panc.syntax.lalr import ParseError, ParserState
from panc.syntax.language import Language, language
from panc.syntax.lexer import LexResult
from panc.syntax.tokens import Token

_OPENING = frozenset({"LBRACE", "LPAR", "LSQB"})
_CLOSING = frozenset({"RBRACE", "RPAR", "RSQB"})
_HEADER_START = frozenset({"OBJECT", "STRUCTURE", "UNIQUE", "DECLARATION", "TEMPLATE"})
# Keywords that begin a statement; seen at the start of a line they end error recovery.
_STATEMENT_START = frozenset({"VARIABLE", "FINAL", "TYPE", "FUNCTION", "BIND", "VALID", "INCLUDE", "PREFIX"})
_PATHS = frozenset({"SQ_STRING", "DQ_STRING"})
# Tokens the scanner records that the parser never sees.
_SIDE_TOKENS = frozenset({"COMMENT", "ANNOTATION", "HEREDOC_BODY"})
# A terminal that the parser accepts only where a statement may start.
_STATEMENT_LEVEL = "VARIABLE"


@dataclass
class ParseResult:
    """What ``parse`` found: the AST (``None`` only if nothing could be built), the
    diagnostics in source order, and every token, comment and annotation."""

    ast: Template | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no diagnostic at all."""
        return not self.diagnostics


def parse(text: str, name: str) -> ParseResult:
    """Parse pan source ``text``; ``name`` is the file name put in every ``Span``."""
    lang = language()
    sink = LexResult()
    try:
        with lang.lock, collector_paused():
            template = _Run(lang, text, name, sink).run()
    except Exception as error:  # pylint: disable=broad-exception-caught
        # Last resort: a bug in the parser must not take an editor or a build down.
        sink.diagnostics.append(
            Diagnostic(
                Category.PARSE, f"internal parser error: {error!r}", Span(name, 1, 1, 1, 1), code="parse"
            )
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
        self.tokens: Iterator[Token] = iter(lang.scanner.tokenize(text, name, sink))
        self.state = ParserState(lang.tables)
        self.replay: deque[Token] = deque()
        """Tokens to feed again before reading on (error recovery)."""
        self.depth = 0
        """Brackets open since the last statement boundary."""
        self.previous: Token | None = None
        """The last token the parser accepted."""
        self.boundary: Token | None = None
        """The last ``;`` that ended a statement (the broken statement starts after it)."""

    def run(self) -> Template | None:
        state = self.state
        actions = state.tables.actions
        rules = state.tables.rules
        stack = state.states
        values = state.values
        replay = self.replay
        tokens = self.tokens
        first = next(tokens, None)
        if first is None:
            self._missing_header(None)
            return self._finish()
        if first.type not in _HEADER_START:
            self._missing_header(first)
        replay.append(first)
        depth = 0
        previous = None
        boundary = None
        while True:
            if replay:
                token = replay.popleft()
            else:
                token = next(tokens, None)
                if token is None:
                    break
            kind = token.type
            # ParserState.feed, inlined: this loop runs once per token.
            while True:
                action = actions[stack[-1]].get(kind)
                if action is None or action >= 0:
                    break
                rule = rules[~action]
                size = rule.size
                if size:
                    children = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                else:
                    children = []
                callback = rule.callback
                values.append(callback(children) if callback is not None else children[0])
                stack.append(actions[stack[-1]][rule.origin])
            if action is None:
                self.depth, self.previous, self.boundary = depth, previous, boundary
                self._recover(token, ParseError(token, state.tables.expected(stack[-1])))
                depth, previous, boundary = self.depth, self.previous, self.boundary
                continue
            stack.append(action)
            values.append(token)
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                if depth:
                    depth -= 1
            elif kind == "SEMICOLON" and not depth:
                boundary = token
            previous = token
        self.previous = previous
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
        previous = self.previous
        if token.type == "SEMICOLON" and previous is not None and previous.type in ("EQUAL", "COND_ASSIGN"):
            self.context.error(Category.PARSE, "illegal empty DML statement", token.span)
            return
        display = self.lang.display_names
        shown = sorted(display.get(name, name) for name in expected)
        found = "<EOF>" if token.type == "$END" else token.value
        lines = [f"Encountered: {found}", "Was expecting one of:"] + [f"    {item} ..." for item in shown]
        self.context.error(Category.PARSE, "\n".join(lines), token.span)

    def _recover(self, token: Token, error: ParseError) -> None:
        """Report the error at ``token`` and resynchronise (``replay`` gets what to feed next)."""
        if self._insert_semicolon(token):
            return
        popped = self._pop_to_statement_level()
        restart = self._restart_inside_statement(token)
        if restart == [token] and not popped:
            restart = []  # already at statement level: feeding it again would fail again
        unclosed = _unclosed_bracket(restart[0], self.sink.tokens, self.boundary) if restart else None
        if unclosed is not None:
            closing = {"LBRACE": "}", "LPAR": ")", "LSQB": "]"}[unclosed.type]
            message = f"'{unclosed.value}' is never closed: missing '{closing}' before the next statement"
            self.context.error(Category.PARSE, message, unclosed.span)
        else:
            self._report(token, set(error.expected))
        if restart:
            # A statement keyword or path at the start of a line was swallowed by the broken
            # statement (an unclosed bracket): parse again from there.
            self.replay.extendleft(reversed(restart))
            self.depth = 0
            self.boundary = None
            return
        self._skip_statement(token)

    def _skip_statement(self, token: Token) -> None:
        """Drop tokens up to the end of the broken statement."""
        depth = self.depth
        skipped_first = False
        while True:
            kind = token.type
            if kind == "SEMICOLON" and depth <= 0:
                self.previous = self.boundary = token
                self.depth = 0
                return
            if skipped_first and _starts_statement(token):
                self.replay.appendleft(token)
                self.depth = 0
                return
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                depth -= 1
            skipped_first = True
            following = self.replay.popleft() if self.replay else next(self.tokens, None)
            if following is None:
                self.depth = 0
                return
            token = following

    def _restart_inside_statement(self, token: Token) -> list[Token]:
        """The tokens from the last line-starting statement keyword or path inside the broken
        statement (after its first token) up to ``token`` included, or ``[]`` if there is none."""
        tokens = self.sink.tokens
        end = _index_of(tokens, token)
        begin = _index_of(tokens, self.boundary) + 1 if self.boundary is not None else 0
        significant = [t for t in tokens[begin:end] if t.type not in _SIDE_TOKENS]
        significant.append(token)
        for position in range(len(significant) - 1, 0, -1):
            if _starts_statement(significant[position]):
                return significant[position:]
        return []

    def _insert_semicolon(self, token: Token) -> bool:
        """Repair a forgotten ``;`` before a statement that starts a new line."""
        previous = self.previous
        if previous is None or token.span.start_line == previous.span.end_line:
            return False
        if not _starts_statement(token):
            return False
        trial = self.state.copy()
        semicolon = Token("SEMICOLON", ";", _after(previous.span), previous.end_pos, previous.end_pos)
        try:
            trial.feed(semicolon)
            trial.feed(token)
        except ParseError:
            return False
        self.context.error(Category.PARSE, "missing ';' at the end of the statement", _after(previous.span))
        self.state.states[:] = trial.states
        self.state.values[:] = trial.values
        self.previous = token
        self.boundary = semicolon
        self.depth = 0
        return True

    def _pop_to_statement_level(self) -> int:
        """Drop the broken statement's partial parse; return how many entries were popped."""
        actions = self.state.tables.actions
        stack = self.state.states
        values = self.state.values
        popped = 0
        while len(stack) > 1 and _STATEMENT_LEVEL not in actions[stack[-1]]:
            stack.pop()
            values.pop()
            popped += 1
        return popped

    def _finish(self) -> Template | None:
        last = self.previous
        span = _after(last.span) if last is not None else Span(self.name, 1, 1, 1, 1)
        end = Token("$END", "", span, last.end_pos if last else 0, last.end_pos if last else 0)
        try:
            return self.state.feed(end)  # type: ignore[no-any-return]
        except ParseError as error:
            if not self._last_was_error():
                self._report(end, set(error.expected))
        self._pop_to_statement_level()
        try:
            return self.state.feed(end)  # type: ignore[no-any-return]
        except ParseError:
            return None

    def _last_was_error(self) -> bool:
        significant = [t for t in self.sink.tokens[-3:] if t.type not in _SIDE_TOKENS]
        return bool(significant) and significant[-1].type == "ERROR"


def _starts_statement(token: Token) -> bool:
    """A statement keyword or a path string at the start of a line."""
    return token.span.start_column == 1 and (token.type in _STATEMENT_START or token.type in _PATHS)


def _unclosed_bracket(restart: Token, tokens: list[Token], boundary: Token | None) -> Token | None:
    """The innermost bracket opened after ``boundary`` and still open at ``restart``."""
    begin = _index_of(tokens, boundary) + 1 if boundary is not None else 0
    open_brackets: list[Token] = []
    for token in tokens[begin:]:
        if token is restart:
            break
        if token.type in _OPENING:
            open_brackets.append(token)
        elif token.type in _CLOSING and open_brackets:
            open_brackets.pop()
    return open_brackets[-1] if open_brackets else None


def _index_of(tokens: list[Token], token: Token | None) -> int:
    """Where ``token`` (by identity) is in ``tokens``, searching from the end."""
    for position in range(len(tokens) - 1, -1, -1):
        if tokens[position] is token:
            return position
    return len(tokens)


def _after(span: Span) -> Span:
    """The one-character span just after ``span`` (where a missing token would go)."""
    return Span(span.file, span.end_line, span.end_column + 1, span.end_line, span.end_column + 1)
