"""``parse(text, name)``: pan source text to an AST, diagnostics and tokens. Never raises.

The scanner's tokens drive the LALR tables Lark computed from the grammar (the loop is
ours, see ``panc.syntax.lalr``); the builder's callbacks make the AST as rules are reduced.
On a grammar error the parser records one diagnostic (panc's words), then either repairs a
forgotten ``;``, or re-parses from a statement that an unclosed bracket swallowed, or skips
to the end of the broken statement (a ``;`` outside brackets, or a statement keyword or path
at the start of a line), and carries on: editors get every good statement.
"""

from __future__ import annotations

from itertools import islice

from panc.diagnostics import Category, Diagnostic, javacc_printed_range
from panc.source import Span, note_source_text
from panc.syntax.ast import Template
from panc.syntax.builder import BuildContext
from panc.syntax.gcpause import collector_paused
from panc.syntax.lalr import ParseError, ParserState
from panc.syntax.language import Language, language
from panc.syntax.lexer import LexResult
from panc.syntax.result import ParseResult
from panc.syntax.tokens import Token

__all__ = ["ParseResult", "grammar_error_message", "panc_printed_span", "parse"]

_OPENING = frozenset({"LBRACE", "LPAR", "LSQB"})
_CLOSING = frozenset({"RBRACE", "RPAR", "RSQB"})
_HEADER_START = frozenset({"OBJECT", "STRUCTURE", "UNIQUE", "DECLARATION", "TEMPLATE"})
# Keywords that begin a statement; seen at the start of a line they end error recovery.
_STATEMENT_START = frozenset({"VARIABLE", "FINAL", "TYPE", "FUNCTION", "BIND", "VALID", "INCLUDE", "PREFIX"})
_PATHS = frozenset({"SQ_STRING", "DQ_STRING"})
# A terminal that the parser accepts only where a statement may start.
_STATEMENT_LEVEL = "BIND"


def parse(text: str, name: str) -> ParseResult:
    """Parse pan source ``text``; ``name`` is the file name put in every ``Span``."""
    note_source_text(name, text)
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
    """One parse: the token list, the parser state and the recovery logic.

    Recovery works on positions in the token list: skipping a broken statement moves
    forward, re-parsing a statement that a broken one swallowed moves back.
    """

    def __init__(self, lang: Language, text: str, name: str, sink: LexResult) -> None:
        self.lang = lang
        self.name = name
        self.sink = sink
        self.context = BuildContext(name, sink.annotations_before, sink.diagnostics)
        lang.builder.ctx = self.context
        self.tokens = lang.scanner.tokenize(text, name, sink)
        self.state = ParserState(lang.tables)
        self.resumed = 0
        """Where parsing last (re)started: bracket depths are counted from there."""

    def run(self) -> Template | None:
        tokens = self.tokens
        if not tokens:
            self._missing_header(None)
            return self._finish()
        if tokens[0].type not in _HEADER_START:
            self._missing_header(tokens[0])
        state = self.state
        actions = state.tables.actions
        rules = state.tables.rules
        stack = state.states
        values = state.values
        position = 0
        while position is not None:
            for index, token in enumerate(islice(tokens, position, None), position):
                kind = token[0]
                # ParserState.feed, inlined: this loop runs once per token.
                action = actions[stack[-1]].get(kind)
                while action is not None and action < 0:
                    size, callback, origin = rules[~action]
                    if callback is None:  # a ?rule passing its only child through
                        stack[-1] = actions[stack[-2]][origin]
                    elif size == 1:
                        values[-1] = callback([values[-1]])
                        stack[-1] = actions[stack[-2]][origin]
                    else:
                        children = values[-size:]
                        del values[-size:]
                        del stack[-size:]
                        values.append(callback(children))
                        stack.append(actions[stack[-1]][origin])
                    action = actions[stack[-1]].get(kind)
                if action is None:
                    position = self._recover(index, ParseError(token, state.tables.viable(stack)))
                    break
                stack.append(action)
                values.append(token)
            else:
                position = None
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

    def _previous(self, index: int) -> Token | None:
        return self.tokens[index - 1] if index > 0 else None

    def _report(self, index: int, token: Token, expected: set[str]) -> None:
        if token.type == "ERROR":
            if token.value[:1] not in ("'", '"'):
                return  # the scanner already said what is wrong
            # panc reports an unterminated string as a grammar error on its quote.
            self.sink.diagnostics[:] = [d for d in self.sink.diagnostics if d.span != token.span]
            token = token._replace(
                value=token.value[0], span=token.span._replace(end_column=token.span.start_column)
            )
        previous = self._previous(index)
        if token.type == "SEMICOLON" and previous is not None and previous.type in ("EQUAL", "COND_ASSIGN"):
            self.context.error(Category.PARSE, "illegal empty DML statement", token.span)
            return
        message = grammar_error_message(token, expected, self.lang.display_names)
        self.context.error(Category.PARSE, message, token.span)

    def _recover(self, index: int, error: ParseError) -> int | None:
        """Report the error at ``tokens[index]``; return where to carry on (``None``: the end)."""
        token = self.tokens[index]
        if self._insert_semicolon(index):
            self.resumed = index
            return index + 1
        popped = self._pop_to_statement_level()
        boundary, depth = self._boundary(index)
        restart = self._restart_inside_statement(boundary, index)
        if restart == index and not popped:
            restart = None  # already at statement level: feeding it again would fail again
        unclosed = _unclosed_bracket(self.tokens, boundary + 1, restart) if restart is not None else None
        if unclosed is not None:
            closing = {"LBRACE": "}", "LPAR": ")", "LSQB": "]"}[unclosed.type]
            message = f"'{unclosed.value}' is never closed: missing '{closing}' before the next statement"
            self.context.error(Category.PARSE, message, unclosed.span)
        else:
            self._report(index, token, set(error.expected))
        if restart is None:
            restart = self._skip_statement(index, depth)
        self.resumed = restart if restart is not None else len(self.tokens)
        return restart

    def _boundary(self, index: int) -> tuple[int, int]:
        """The last ``;`` ending a statement before ``index`` (``resumed - 1`` if none), and
        the bracket depth at ``index``."""
        boundary = self.resumed - 1
        depth = 0
        for position in range(self.resumed, index):
            kind = self.tokens[position].type
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                depth = max(depth - 1, 0)
            elif kind == "SEMICOLON" and not depth:
                boundary = position
        return boundary, depth

    def _skip_statement(self, index: int, depth: int) -> int | None:
        """Where the broken statement at ``index`` ends: after a ``;`` outside brackets, or at
        a statement keyword or path starting a line."""
        tokens = self.tokens
        for position in range(index, len(tokens)):
            token = tokens[position]
            kind = token.type
            if kind == "SEMICOLON" and depth <= 0:
                return position + 1
            if position > index and _starts_statement(token):
                return position
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                depth -= 1
        return None

    def _restart_inside_statement(self, boundary: int, index: int) -> int | None:
        """The last line-starting statement keyword or path inside the broken statement (after
        its first token, up to ``index`` included), or ``None``."""
        for position in range(index, boundary + 1, -1):
            if _starts_statement(self.tokens[position]):
                return position
        return None

    def _insert_semicolon(self, index: int) -> bool:
        """Repair a forgotten ``;`` before a statement that starts a new line."""
        token = self.tokens[index]
        previous = self._previous(index)
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
        last = self.tokens[-1] if self.tokens else None
        span = _after(last.span) if last is not None else Span(self.name, 1, 1, 1, 1)
        end = Token("$END", "", span, last.end_pos if last else 0, last.end_pos if last else 0)
        try:
            return self.state.feed(end)  # type: ignore[no-any-return]
        except ParseError as error:
            if last is None or last.type != "ERROR":
                self._report(len(self.tokens), end, set(error.expected))
        self._pop_to_statement_level()
        try:
            return self.state.feed(end)  # type: ignore[no-any-return]
        except ParseError:
            return None


def grammar_error_message(token: Token, expected: set[str], literals: dict[str, str]) -> str:
    """panc's message for an unexpected token, byte for byte (JavaCC's ``ParseException``):
    a blank first line, what was found, then what was expected, one per line, in panc's
    order and with panc's names. ``literals`` shows a literal terminal (``SEMICOLON``: ``";"``)."""
    found = "<EOF>" if token.type == "$END" else _java_escape(token.value)
    names = {
        display
        for name in expected
        for display in _PANC_NAMES.get(name) or (literals.get(name, f"<{name}>"),)
    }
    shown = sorted(names, key=lambda item: (_PANC_ORDER.get(item, len(_PANC_ORDER)), item))
    if '"if"' in names and '"{"' not in names:
        # What a local variable is set to (any DML but a block): JavaCC reaches <IDENTIFIER>
        # there by two choices (another assignment, an operand) and lists it twice.
        shown.append("<IDENTIFIER>")
    listed = "".join(f"    {item} ...\n" for item in shown)
    heading = "Was expecting:" if len(shown) == 1 else "Was expecting one of:"  # JavaCC's wording
    return f"\nEncountered: {found}\n{heading}\n{listed}    "


def panc_printed_span(diagnostic: Diagnostic) -> Span:
    """The range panc prints for ``diagnostic`` (see ``panc.diagnostics.javacc_printed_range``)."""
    return javacc_printed_range(diagnostic)


def _java_escape(text: str) -> str:
    """JavaCC's ``add_escapes``."""
    out = []
    for char in text:
        if char in _JAVA_ESCAPES:
            out.append(_JAVA_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) > 0x7E:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


_JAVA_ESCAPES = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "'": "\\'",
    "\\": "\\\\",
}


def _panc_names() -> dict[str, tuple[str, ...]]:
    """How panc (its JavaCC grammar) names each of our terminals."""
    names: dict[str, tuple[str, ...]] = {
        "LONG": ("<DECIMAL_LITERAL>", "<HEX_LITERAL>", "<OCTAL_LITERAL>"),
        "DOUBLE": ("<DOUBLE_LITERAL>",),
        "HEREDOC": ("<HEREDOC_STRING>",),
        "SQ_STRING": ("<SINGLE_QUOTED_STRING>",),
        "DQ_STRING": ("<DOUBLE_QUOTED_STRING>",),
        "NAME": ("<IDENTIFIER>",),
        "TEMPLATE_NAME": ("<TEMPLATE_NAME>",),
        "BINOP": tuple(f'"{operator}"' for operator in _BINARY_OPERATORS),
        "$END": ("<EOF>",),
    }
    return names


_BINARY_OPERATORS = ("||", "&&", "|", "^", "&", "==", "!=", "<", "<=", ">", ">=", "/", "%")
_PANC_NAMES = _panc_names()
# The order of panc's "Was expecting one of" lists (from its output); others follow.
_PANC_ORDER = {
    item: position
    for position, item in enumerate(
        [
            '"{"',
            '";"',
            '"("',
            '"+"',
            '"-"',
            '"!"',
            '"~"',
            '"undef"',
            '"null"',
            '"true"',
            '"false"',
            "<DECIMAL_LITERAL>",
            "<HEX_LITERAL>",
            "<OCTAL_LITERAL>",
            "<DOUBLE_LITERAL>",
            "<HEREDOC_STRING>",
            "<SINGLE_QUOTED_STRING>",
            "<DOUBLE_QUOTED_STRING>",
            '"if"',
            '"for"',
            '"while"',
            '"foreach"',
            "<IDENTIFIER>",
        ]
    )
}


def _starts_statement(token: Token) -> bool:
    """A statement keyword or a path string at the start of a line."""
    return token.span.start_column == 1 and (token.type in _STATEMENT_START or token.type in _PATHS)


def _unclosed_bracket(tokens: list[Token], begin: int, end: int) -> Token | None:
    """The innermost bracket opened in ``tokens[begin:end]`` and still open at ``end``."""
    open_brackets: list[Token] = []
    for token in tokens[max(begin, 0) : end]:
        if token.type in _OPENING:
            open_brackets.append(token)
        elif token.type in _CLOSING and open_brackets:
            open_brackets.pop()
    return open_brackets[-1] if open_brackets else None


def _after(span: Span) -> Span:
    """The one-character span just after ``span`` (where a missing token would go)."""
    return Span(span.file, span.end_line, span.end_column + 1, span.end_line, span.end_column + 1)
