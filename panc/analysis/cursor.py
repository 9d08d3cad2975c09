"""What the text around a cursor says about what is being typed.

Editors ask while the text is half-written and does not parse, so these functions read the
raw text: the current line for strings and words, a light forward scan for open calls.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_WORD_BEFORE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_TEMPLATE_STRING_LEAD = re.compile(r"(\binclude\s*\{?\s*|\b(if_exists|create)\s*\(\s*)\Z")
_PATH_STRING_LEAD = re.compile(
    r"(^\s*(final\s+)?|\b(prefix|bind|valid)\s+"
    r"|\b(value|path_exists|exists|is_defined|clone|delete)\s*\(\s*)\Z"
)
_TYPE_LEAD = re.compile(
    r"(^\s*(type\s+\w+|bind\s+(\"[^\"]*\"|'[^']*'))\s*=\s*(extensible\s*)?"
    r"|['\"]\s*[:?]\s*|\binclude\s+|^\s*(include)\s+(?=\w))\Z"
)
_ASSIGNMENT_LEAD = re.compile(
    r"""^\s*(?:final\s+)?(?P<quote>['"])(?P<path>(?:(?!(?P=quote)).)*)(?P=quote)\s*\??=\s*\Z"""
)
_TOKENS = re.compile(
    r"""(?P<comment>\#[^\n]*)
      |(?P<annotation>@\w*\s*(\{[^}]*\}|\([^)]*\)|\[[^\]]*\]))
      |(?P<heredoc><<(?P<marker>[A-Za-z_]\w*)(?:[^\n]*\n)(?:.*?\n)?[ \t]*(?P=marker)\b)
      |(?P<string>"(?:[^"\\]|\\.)*"|'[^']*')
      |(?P<name>[A-Za-z_]\w*)
      |(?P<open>[(\[{])
      |(?P<close>[)\]}])
      |(?P<comma>,)
      |(?P<semi>;)""",
    re.VERBOSE | re.DOTALL,
)


class ContextKind(enum.Enum):
    CODE = "code"
    """Outside strings: keywords, functions, variables."""
    TYPE = "type"
    """Where a type is expected (after ``type X =``, ``'field' :``, ``bind '...' =``)."""
    TEMPLATE_NAME = "template"
    """Inside the string of ``include``, ``if_exists(...)`` or ``create(...)``."""
    PATH = "path"
    """Inside a path string (assignment, ``prefix``, ``bind``, ``value(...)``...)."""
    VALUE = "value"
    """The start of the value of an assignment, in code or in its string (``'/a' = "``)."""
    STRING = "string"
    """Inside any other string: nothing to offer."""
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class CompletionContext:
    kind: ContextKind
    typed: str
    """What was typed of the item being completed (a word, or the string so far)."""
    start_column: int
    """1-based column where ``typed`` begins (the range completion items replace)."""
    assigned_path: str | None = None
    """For ``VALUE``: the path being assigned, as written."""
    in_string: bool = False
    """For ``VALUE``: the cursor is inside the value's string (its quote is typed)."""


def completion_context(line_text: str, column: int) -> CompletionContext:
    """The context at 1-based ``column`` of ``line_text`` (the cursor sits before that column)."""
    before = line_text[: max(column - 1, 0)]
    quote_at, quote = _open_quote(before)
    if quote_at is None and quote == "#":
        return CompletionContext(ContextKind.COMMENT, "", column)
    if quote_at is not None:
        lead = before[:quote_at]
        typed = before[quote_at + 1 :]
        if _TEMPLATE_STRING_LEAD.search(lead):
            return CompletionContext(ContextKind.TEMPLATE_NAME, typed, quote_at + 2)
        if _PATH_STRING_LEAD.search(lead):
            return CompletionContext(ContextKind.PATH, typed, quote_at + 2)
        assignment = _ASSIGNMENT_LEAD.match(lead)
        if assignment is not None:
            return CompletionContext(ContextKind.VALUE, typed, quote_at + 2, assignment.group("path"), True)
        return CompletionContext(ContextKind.STRING, typed, quote_at + 2)
    word = _WORD_BEFORE.search(before)
    typed = word.group(0) if word else ""
    start = column - len(typed)
    lead = before[: len(before) - len(typed)]
    if _TYPE_LEAD.search(lead):
        return CompletionContext(ContextKind.TYPE, typed, start)
    assignment = _ASSIGNMENT_LEAD.match(lead)
    if assignment is not None:
        return CompletionContext(ContextKind.VALUE, typed, start, assignment.group("path"))
    return CompletionContext(ContextKind.CODE, typed, start)


def _open_quote(before: str) -> tuple[int | None, str]:
    """Where the string still open at the end of ``before`` starts (and its quote character).

    Returns ``(None, "#")`` when the text ends inside a comment.
    """
    index = 0
    while index < len(before):
        char = before[index]
        if char == "#":
            return None, "#"
        if char in "'\"":
            end = index + 1
            while end < len(before):
                if char == '"' and before[end] == "\\":
                    end += 2
                    continue
                if before[end] == char:
                    break
                end += 1
            if end >= len(before):
                return index, char
            index = end + 1
            continue
        index += 1
    return None, ""


@dataclass(frozen=True, slots=True)
class CallContext:
    name: str
    active_argument: int
    """0-based index of the argument the cursor is in."""


def enclosing_call(text: str, offset: int) -> CallContext | None:
    """The innermost call whose argument list contains ``offset`` (``f(a, |``), if any."""
    stack: list[tuple[str | None, int]] = []
    previous_name: str | None = None
    for match in _TOKENS.finditer(text, 0, offset):
        kind = match.lastgroup
        if kind == "name":
            previous_name = match.group(0)
            continue
        if kind == "open":
            bracket = match.group(0)
            stack.append((previous_name if bracket == "(" else None, 0))
        elif kind == "close":
            if stack:
                stack.pop()
        elif kind == "comma":
            if stack:
                name, count = stack[-1]
                stack[-1] = (name, count + 1)
        elif kind == "semi":
            # A statement ends: unclosed parentheses before it cannot hold the cursor.
            while stack and stack[-1][0] is not None:
                stack.pop()
        previous_name = None
    # Only the innermost bracket can hold the cursor's argument: inside ``[`` or ``{`` it is none.
    if stack and stack[-1][0] is not None:
        name, count = stack[-1]
        return CallContext(name, count)
    return None
