"""Path terms and path strings at run time, through the one path parser of the syntax layer.

A term is a ``str`` (dict key) or an ``int`` (list index). ``value_term`` is panc's
``TermFactory.create(element)`` for index values (``x[v]``), ``parse_path_text`` its
``new Path(text)`` for path strings (``value('/a/b')``). Failures are ``EvalFailure``s with
panc's text; a malformed path is a ``PathTextError`` (panc's ``SyntaxException``, which
some callers report differently from a bad term).
"""

from __future__ import annotations

from collections.abc import Sequence

from panc.evaluation.control import EvalFailure
from panc.evaluation.values import java_type
from panc.syntax.paths import (
    Path,
    PathSyntaxError,
    TermError,
    index_term,
    is_valid_template_name,
    parse_path,
    parse_term,
)

Term = str | int

__all__ = [
    "PathTextError",
    "Term",
    "format_path",
    "is_valid_template_name",
    "parse_path_text",
    "path_of",
    "string_term",
    "value_term",
]


class PathTextError(EvalFailure):
    """A malformed path string (panc's ``SyntaxException`` from ``new Path``)."""


def string_term(text: str) -> Term:
    """The term a string names (panc's ``TermFactory.create(String)``)."""
    try:
        return parse_term(text)
    except TermError as error:
        raise EvalFailure(str(error)) from None


def value_term(value: object) -> Term:
    """The term for a DML index value (panc's ``TermFactory.create(Element)``)."""
    t = type(value)
    if t is int:
        try:
            return index_term(value)  # type: ignore[arg-type]
        except TermError as error:
            raise EvalFailure(str(error)) from None
    if t is str:
        return string_term(value)  # type: ignore[arg-type]
    raise EvalFailure(f"element of type {java_type(value)} is not a valid index")


def path_of(text: str, index_first: bool = False) -> Path:
    """panc's ``new Path(text)``; ``PathTextError`` or ``EvalFailure`` when invalid."""
    try:
        return parse_path(text, index_first)
    except PathSyntaxError as error:
        raise PathTextError(str(error)) from None
    except TermError as error:
        raise EvalFailure(str(error)) from None


def parse_path_text(path: str) -> tuple[str | None, bool, tuple[Term, ...]]:
    """``(external template or None, absolute, terms)`` of a path string (see ``path_of``); an
    external path is absolute in its object."""
    parsed = path_of(path)
    return parsed.template, not parsed.is_relative, parsed.terms


def format_path(terms: Sequence[Term]) -> str:
    """``/a/b/0``; the root is ``/``."""
    if not terms:
        return "/"
    return "/" + "/".join(str(t) for t in terms)
