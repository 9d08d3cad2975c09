"""Diagnostics and errors shared by every tool.

User mistakes are data: stages return ``Diagnostic`` values. Inside the evaluator a user
error travels as a ``PanError`` exception until the compile of that object stops; the CLI
turns it back into text exactly as panc prints it.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from dataclasses import dataclass

from panc.source import Span


class Severity(enum.IntEnum):
    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4


class Category(enum.StrEnum):
    """panc's error categories: the phrase that starts each printed error."""

    PARSE = "parse error"
    SYNTAX = "syntax error"
    EVALUATION = "evaluation error"
    VALIDATION = "validation error"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about a source, with where and why.

    ``code`` is a stable identifier (``parse``, ``syntax``, ``LP001``...), ``related`` lists
    other places that explain this one (e.g. the ``>>>`` call trace of an evaluation error).
    """

    category: Category | None
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    code: str = ""
    related: tuple[tuple[str, Span], ...] = ()
    printed: str = ""
    """For an error that stops a compile: exactly what panc prints for it (empty: the text
    follows from the fields, see ``format``)."""

    def format(self) -> str:
        """panc's text form: ``<category> [file:L.C-L.C]`` then the message."""
        phrase = self.category.value if self.category else self.code
        return f"{phrase} [{self.span}]\n{self.message}"


RESTRICTED_CHECK = "restricted"
"""The code of the parser's ``return()``/``error()`` in a function argument or an index:
panc checks that after constant folding (an ``if (false) return(1)`` is gone by then), so a
compile leaves it to ``panc.evaluation.dml``; editors still show the parser's finding."""

TEMPLATE_CHECK = "template"
"""The code of diagnostics panc makes only once a whole template is read (its Template
constructor: which statements the template's kind may hold): a compile reports them after
every error of the statements themselves."""


class PanError(Exception):
    """A user error that stops the compile of one object.

    ``span`` is where tools point (the editor, the debugger). What panc prints can say less, or
    mix places: ``file`` and ``range`` are printed as ``[file:L.C-L.C]`` (``?`` when unknown) and
    ``range`` is only lines and columns, possibly of another file than ``file`` (panc fills the
    two in from different places as an error unwinds). Both start from ``span``.
    """

    category: Category = Category.EVALUATION

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.range = span
        self.file: str | None = span.file if span is not None else None

    def header(self) -> str:
        """``<category> [file:L.C-L.C]`` as panc prints it."""
        file = self.file if self.file is not None else "?"
        where = self.range.range_text() if self.range is not None else "?"
        return f"{self.category.value} [{file}:{where}]"

    def format(self) -> str:
        """The error as panc's exception message (its ``getMessage()``)."""
        return f"{self.header()}\n{self.message}\n"

    def to_diagnostic(self) -> Diagnostic:
        span = self.span or Span("?", 0, 0, 0, 0)
        return Diagnostic(
            self.category, self.message, span, code=self.category.name.lower(), printed=self.format()
        )


class PanSyntaxError(PanError):
    """A compile-time check failing (bad escape, octal ``08``, misnamed template...)."""

    category = Category.SYNTAX


class PanParseError(PanError):
    """The grammar rejecting the text."""

    category = Category.PARSE


TraceEntry = tuple[str | None, Span | None]
"""One line of panc's ``>>>`` call trace: a template file and a range (``None``: ``?``)."""


class EvaluationError(PanError):
    """An error while executing templates.

    ``trace`` holds the places tools show as the call stack, innermost first. ``traceback``
    holds the ``>>>`` lines panc prints (``None``: panc prints no trace).
    """

    category = Category.EVALUATION

    def __init__(self, message: str, span: Span | None = None, trace: list[Span] | None = None) -> None:
        super().__init__(message, span)
        self.trace: list[Span] = trace if trace is not None else []
        self.traceback: list[TraceEntry] | None = [(s.file, s) for s in trace] if trace else None

    def format(self) -> str:
        """Exactly panc's ``EvaluationException.getMessage()``."""
        text = f"{self.header()}\n{self.message}\n"
        if self.traceback is not None:
            lines = [">>> call stack trace \n"]
            for file, where in self.traceback:
                lines.append(f">>> [{file if file is not None else '?'}:")
                lines.append(f"{where.range_text() if where is not None else '?'}]\n")
            lines.append(">>> ====================\n\n\n")
            text += "".join(lines)
        return text

    def to_diagnostic(self) -> Diagnostic:
        base = super().to_diagnostic()
        related = tuple((">>> called from", span) for span in self.trace[1:])
        return dataclasses.replace(base, related=related)


class JavaRuntimeFailure(PanError):
    """A Java runtime exception panc lets escape from a builtin (``replace('b', '$1', s)`` is
    Java's ``IndexOutOfBoundsException``): panc prints its message alone, with no category and
    no place. ``span`` still locates it for the tools."""

    def format(self) -> str:
        return self.message


class UserError(EvaluationError):
    """``error()`` called by the templates (``[OBJECT] user-initiated error: ...``)."""


class DeprecationFailure(EvaluationError):
    """``deprecated()`` under ``--warnings fatal`` (``deprecation error: ...``)."""


def same_kind(error: PanError) -> type[EvaluationError]:
    """The class that reports ``error`` again at another place (an external path to an object
    that failed, ``is_valid`` of a type whose check failed): an ``error()`` call or a fatal
    deprecation stays one; anything else is an evaluation error there."""
    return type(error) if isinstance(error, UserError | DeprecationFailure) else EvaluationError


class ValidationError(PanError):
    """A type or undef check failing after the object was built; reported against the object file."""

    category = Category.VALIDATION

    def __init__(
        self, message: str, object_file: str = "", span: Span | None = None, element_path: str | None = None
    ) -> None:
        super().__init__(message, span)
        self.object_file = object_file
        self.element_path = element_path
        """The profile path of the element that failed (tools point at what wrote it)."""

    def format(self) -> str:
        return f"validation error [{self.object_file or '?'}]\n{self.message}\n"


def error_from_diagnostic(diagnostic: Diagnostic) -> PanError:
    """The error a compile stops with for a diagnostic of the parser or the static checks."""
    if diagnostic.category is Category.PARSE:
        error = PanParseError(diagnostic.message, diagnostic.span)
        error.range = javacc_printed_range(diagnostic)
        return error
    if diagnostic.category is Category.EVALUATION:
        return EvaluationError(diagnostic.message, diagnostic.span, [diagnostic.span])
    return PanSyntaxError(diagnostic.message, diagnostic.span)


def javacc_printed_range(diagnostic: Diagnostic) -> Span:
    """The range panc prints for a parse error: for an unexpected token its end column is the
    line number (``[f.pan:3.11-3.3]``), a quirk of its JavaCC error conversion; the
    diagnostic's span keeps the token's real range for editors."""
    span = diagnostic.span
    if diagnostic.category is Category.PARSE and diagnostic.message.startswith("\nEncountered: "):
        return span._replace(end_line=span.start_line, end_column=span.start_line)
    return span


EDITOR_LINE_LIMIT = 120
"""The longest message editors and the debugger show for a diagnostic (the CLI prints panc's text)."""

_EXPRESSION_STARTS = frozenset({
    '"("', '"+"', '"-"', '"!"', '"~"', '"undef"', '"null"', '"true"', '"false"', "<DECIMAL_LITERAL>",
    "<HEX_LITERAL>", "<OCTAL_LITERAL>", "<DOUBLE_LITERAL>", "<HEREDOC_STRING>", "<SINGLE_QUOTED_STRING>",
    "<DOUBLE_QUOTED_STRING>", "<IDENTIFIER>", '"if"', '"for"', '"while"', '"foreach"',
})  # fmt: skip
_OPERATORS = frozenset({
    '"+"', '"-"', '"*"', '"/"', '"%"', '"=="', '"!="', '"<"', '"<="', '">"', '">="', '"&&"', '"||"', '"&"',
    '"|"', '"^"',
})  # fmt: skip
_FRIENDLY = {
    "<SINGLE_QUOTED_STRING>": "a string",
    "<DOUBLE_QUOTED_STRING>": "a string",
    "<HEREDOC_STRING>": "a string",
    "<DECIMAL_LITERAL>": "a number",
    "<HEX_LITERAL>": "a number",
    "<OCTAL_LITERAL>": "a number",
    "<DOUBLE_LITERAL>": "a number",
    "<IDENTIFIER>": "a name",
    "<TEMPLATE_NAME>": "a template name",
}
_MOST_NAMED = 4


def editor_message(diagnostic: Diagnostic) -> tuple[str, str]:
    """The diagnostic for an editor or a debugger: one line of at most ``EDITOR_LINE_LIMIT``
    characters, and the rest of panc's text (empty when the line says it all).

    panc's grammar errors (``Encountered: ... Was expecting one of:`` and twenty token lines)
    become ``expected ')' or ',' before ';'``; the token list is the rest.
    """
    text = diagnostic.message
    if diagnostic.category is Category.PARSE and text.lstrip("\n").startswith("Encountered: "):
        found, expected = _javacc_parts(text)
        return _limited(_expectation(found, expected)), "expected one of: " + ", ".join(expected)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return diagnostic.category.value if diagnostic.category else diagnostic.code, ""
    first = _limited(lines[0].strip())
    rest = "\n".join(lines[1:])
    if first != lines[0].strip():
        rest = text.strip()
    return first, rest


def editor_summary(diagnostic: Diagnostic) -> str:
    """``<category> [file:L.C-L.C]: <editor_message>``, for a message box or a log line."""
    phrase = diagnostic.category.value if diagnostic.category else diagnostic.code
    return f"{phrase} [{diagnostic.span}]: {editor_message(diagnostic)[0]}"


def _javacc_parts(text: str) -> tuple[str, list[str]]:
    """What JavaCC found and the tokens it expected, from panc's message."""
    lines = text.strip("\n").split("\n")
    found = _java_unescaped(lines[0].removeprefix("Encountered: ").strip())
    expected: list[str] = []
    for line in lines[1:]:
        line = line.strip()
        if line.startswith("Was expecting: "):  # a missing template header
            expected.append("a template declaration ('object template NAME;')")
        elif line and line not in ("Was expecting one of:", "Was expecting:"):
            expected.append(line.removesuffix("...").strip())
    return found, expected


def _expectation(found: str, expected: list[str]) -> str:
    """``expected X or Y before 'found'`` in words, naming at most a few alternatives."""
    groups: list[tuple[str, frozenset[str]]] = []
    if '"("' in expected:  # where an expression may start
        groups.append(("an expression", _EXPRESSION_STARTS))
    if sum(1 for token in expected if token in _OPERATORS) >= 3:
        groups.append(("an operator", _OPERATORS))
    names: list[str] = []
    for token in expected:
        group = next((name for name, members in groups if token in members), None)
        name = group or _FRIENDLY.get(token) or (_quoted(token) if token.startswith('"') else token)
        if name not in names:
            names.append(name)
    where = "at the end of the file" if found == "<EOF>" else f"before {_shown(found)}"
    if not names:
        return f"unexpected {_shown(found)}" if found != "<EOF>" else "unexpected end of the file"
    if len(names) > _MOST_NAMED:
        shown = ", ".join(names[:_MOST_NAMED])
        return f"expected {shown} or one of {len(names) - _MOST_NAMED} more {where}"
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"expected {listed} {where}"


def _quoted(token: str) -> str:
    """A grammar token as panc lists it (``"("``), in single quotes."""
    return "'" + _java_unescaped(token[1:-1]) + "'"


def _shown(found: str) -> str:
    """The token found: a string literal as written, anything else in single quotes."""
    return found if len(found) > 1 and found[0] in "'\"" and found[-1] == found[0] else f"'{found}'"


def _java_unescaped(text: str) -> str:
    """Undo JavaCC's ``add_escapes`` on a token image (``\\"``, ``\\u00e9``...), controls aside."""
    return _JAVACC_ESCAPE.sub(_unescape_one, text)


_JAVACC_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")


def _unescape_one(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if len(escaped) == 5:
        return chr(int(escaped[1:], 16))
    return "\\" + escaped if escaped in "ntbfr" else escaped  # a control stays visible, on one line


def _limited(line: str) -> str:
    return line if len(line) <= EDITOR_LINE_LIMIT else line[: EDITOR_LINE_LIMIT - 1] + "…"
