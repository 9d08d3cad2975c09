"""LC001 as the old panlint checks it: spaces around operators, on one line of text.

Operators are found by a regular expression, not by the parser: ``/`` of an unquoted
template name and ``-`` of a negative number are operators to it, hence its exceptions:

- a ``-`` right after ``=`` (or after something that is not a name, number, blank or ``)``)
  and before a number is a sign: it needs no spaces, and a space after it is reported as
  "Unwanted space after minus sign (not operator)";
- ``+`` and ``-`` inside a "simple" index (``[i-1]``: names, numbers, blanks, ``+``, ``-``
  between brackets on the line) take no spaces: a blank there is reported as "Unwanted
  space in simple expression in square brackets";
- a here-document marker (``<<EOT``) is no operator; operators inside strings are ignored.

Otherwise an operator wants a space or tab on each side within the line: "Missing space
before operator", "... after operator" or "... before and after operator".

With ``--preview`` the syntax tree says what each ``+``, ``-`` and ``*`` is (``operators``):
a sign (``+x``, ``-1`` at the start of a line, ``if (c) -1``) wants no space after it and
nothing before, an operator of two operands after ``]`` or ``)`` is no sign (``x[0] - 1``),
and the ``*`` of a link type (``element*[]``) or a character inside another token (the
``-`` of ``1e-5``) is no operator at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from panc.syntax.operator_roles import BINARY, UNARY
from panlint.compat.view import Operators, Ranges, inside

OPERATOR = re.compile(r"[>=<!?]=|[>+*=/-]|<<\w+(?!;)|<")
OPERATOR_CHARACTERS = frozenset("<>=!?+*/-")
TOKEN_ROLE_OPERATORS = frozenset("+-*")
"""What the syntax tree's roles decide with ``--preview`` (``panc.syntax.operator_roles``)."""
SIGN_CONTEXTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # after a symbol (not a name, number, blank, ")" or "="), before a number and a symbol
    (re.compile(r"[^\w\s)=]\s*$"), re.compile(r"^\s*\d+\s*[^\w\s]")),
    # after "=", before a number
    (re.compile(r"=\s*$"), re.compile(r"^\s*\d+")),
)
"""(text before, text after): where a ``-`` is the sign of a number to the old tool."""
SIMPLE_INDEX_BEFORE = re.compile(r"\[([\s\w\d+-]*)$")
SIMPLE_INDEX_AFTER = re.compile(r"^([\s\w\d+-]*)\]")
BLANK = re.compile(r"\s")

UNWANTED_SPACE_AFTER_SIGN = "Unwanted space after minus sign (not operator)"
UNWANTED_SPACE_IN_INDEX = "Unwanted space in simple expression in square brackets"


def operator_problems(
    code: str, strings: Ranges, operators: Operators | None = None
) -> Iterator[tuple[int, int, str]]:
    """``(start, end, message)`` for each badly spaced operator of a line (0-based, end exclusive).

    ``operators``: the roles of the line's ``+``, ``-`` and ``*`` tokens by column (None:
    the old tool's guesses).
    """
    last = len(code)
    for match in OPERATOR.finditer(code):
        start, end = match.span()
        if strings and inside(start, end, strings):
            continue
        operator = match.group()
        if operators is not None and operator in TOKEN_ROLE_OPERATORS:
            role = operators.get(start)
            if role != BINARY:  # a sign, a link type's star, a character of another token
                if role == UNARY and operator == "-" and BLANK.match(code, end):
                    yield start, end + 2, UNWANTED_SPACE_AFTER_SIGN
                continue
            special = None if operator == "*" else _index(code[:start], code[end:], operator)
            if special is not None:
                if special:
                    yield special
                continue
        elif operator in ("-", "+"):
            special = _sign_or_index(code, start, end, operator)
            if special is not None:
                if special:
                    yield special
                continue
        elif len(operator) > 2 and operator[1] == "<":
            continue  # a here-document marker
        missing_before = start > 0 and code[start - 1] not in " \t"
        missing_after = end < last and code[end] not in " \t"
        if missing_before and missing_after:
            yield start - 1, end + 1, "Missing space before and after operator"
        elif missing_before:
            yield start - 1, end, "Missing space before operator"
        elif missing_after:
            yield start, end + 1, "Missing space after operator"


def _sign_or_index(code: str, start: int, end: int, operator: str) -> tuple[int, int, str] | tuple[()] | None:
    """For ``+`` and ``-``: the sign and simple-index exceptions.

    None: neither applies, the operator wants spaces; ``()``: it is well written; else the
    problem to report.
    """
    before, after = code[:start], code[end:]
    if operator == "-" and _is_sign(before, after):
        return (start, end + 2, UNWANTED_SPACE_AFTER_SIGN) if BLANK.match(after) else ()
    return _index(before, after, operator)


def _index(before: str, after: str, operator: str) -> tuple[int, int, str] | tuple[()] | None:
    """For a ``+`` or ``-`` of two operands between ``before`` and ``after``: the
    simple-index exception (answers as ``_sign_or_index``)."""
    index_before = SIMPLE_INDEX_BEFORE.search(before)
    if index_before is None:
        return None
    index_after = SIMPLE_INDEX_AFTER.search(after)
    if index_after is None:
        return None
    blank = BLANK.search(index_before.group(1) + operator + index_after.group(1))
    if blank is None:
        return ()
    column = index_before.start(1) + blank.start()
    return column, column + 1, UNWANTED_SPACE_IN_INDEX


def _is_sign(before: str, after: str) -> bool:
    """Is the ``-`` between ``before`` and ``after`` the sign of a number (to the old tool)?"""
    return any(
        before_pattern.search(before) and after_pattern.search(after)
        for before_pattern, after_pattern in SIGN_CONTEXTS
    )
