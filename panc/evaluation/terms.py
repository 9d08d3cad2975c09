"""Path terms: turning DML values into dict keys or list indexes, and printing paths.

A term is a ``str`` (dict key) or an ``int`` (list index), as in ``panc.syntax.paths``.
The rules follow panc's ``TermFactory``: a string of digits is an index (no leading
zeros), any other string must be a valid key (``^\\w[\\w+.-]*$`` in ASCII), and a string
that is entirely ``{...}`` is escaped first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from panc.evaluation.control import EvalFailure
from panc.evaluation.values import type_name
from panc.syntax.paths import PathSyntaxError, digit_key_message, escape, expand_braces, long_index

_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_+.\-]*\Z")
_DIGITS = re.compile(r"[0-9]+\Z")
_valid_keys: set[str] = set()
_KEY_CACHE_LIMIT = 200_000

Term = str | int


def is_valid_key(key: str) -> bool:
    """Whether ``key`` may name a dict child (not all digits, panc's key pattern)."""
    if key in _valid_keys:
        return True
    if _KEY.match(key) is None or _DIGITS.match(key) is not None:
        return False
    if len(_valid_keys) < _KEY_CACHE_LIMIT:
        _valid_keys.add(key)
    return True


def string_term(text: str) -> Term:
    """The term a string names: an index for digits, else a (validated) key."""
    if text in _valid_keys:
        return text
    if len(text) >= 2 and text[0] == "{" and text[-1] == "}" and "{" not in text[1:-1]:
        text = _escaped(text[1:-1])
    if _DIGITS.match(text):
        if len(text) > 1 and text[0] == "0":
            raise EvalFailure(f"list index '{text}' has leading zeros")
        return _index(text)
    if not is_valid_key(text):
        raise EvalFailure(f"invalid path term '{text}'")
    return text


def _escaped(text: str) -> str:
    try:
        return escape(text)
    except PathSyntaxError as error:
        raise EvalFailure(str(error)) from None


def _index(digits: str) -> int:
    index = long_index(digits)
    if index is None:
        raise EvalFailure(digit_key_message(digits))
    return index


def value_term(value: object) -> Term:
    """The term for a DML index value (``x[value]``, keys of ``dict()``/``create()``)."""
    t = type(value)
    if t is str:
        return string_term(value)  # type: ignore[arg-type]
    if t is int:
        return value  # type: ignore[return-value]
    raise EvalFailure(f"invalid term: element of type {type_name(value)} cannot be used as a key or index")


def key_term(value: object) -> str:
    """A dict key given as a DML value (``dict()``/``create()`` keys): must be a string key."""
    if type(value) is not str:
        raise EvalFailure(f"dict key must be a string, not {type_name(value)}")
    try:
        term = string_term(value)  # type: ignore[arg-type]
    except EvalFailure:
        term = None
    if type(term) is not str:
        raise EvalFailure(f"invalid key ({value}) for nlist() or hash()")
    return term  # type: ignore[return-value]


def format_path(terms: Sequence[Term]) -> str:
    """``/a/b/0``; the root is ``/``."""
    if not terms:
        return "/"
    return "/" + "/".join(str(t) for t in terms)


_TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_+.\-]*(/[A-Za-z0-9_+.\-]+)*\Z")
_INDEX = re.compile(r"-?[0-9]+\Z")


def is_valid_template_name(name: str) -> bool:
    """Whether ``name`` may name a template (panc's pattern for computed includes)."""
    return _TEMPLATE_NAME.match(name) is not None


def _split_terms(text: str) -> list[str]:
    """Split on ``/`` outside ``{...}`` escapes (which must be balanced and not nested)."""
    if "{" not in text and "}" not in text:
        return text.split("/")
    if _BALANCED.match(text) is None:
        raise EvalFailure(f"unbalanced or nested braces in path '{text}'")
    return _UNBRACED_SLASH.split(text)


_BALANCED = re.compile(r"(?:[^{}]|\{[^{}]*\})*\Z")
_UNBRACED_SLASH = re.compile(r"/(?![^{]*\})")


def _path_term(text: str, path: str) -> Term:
    if text in _valid_keys:
        return text
    if "{" in text:
        try:
            text = expand_braces(text)  # balanced: _split_terms checked the whole path
        except PathSyntaxError as error:  # a character escape() cannot take
            raise EvalFailure(str(error)) from None
    if _INDEX.match(text):
        digits = text.lstrip("-")
        if len(digits) > 1 and digits[0] == "0":
            raise EvalFailure(f"invalid path '{path}': index '{text}' has leading zeros")
        return _index(text)
    if not is_valid_key(text):
        raise EvalFailure(f"invalid path '{path}': '{text}' is not a valid path term")
    return text


_parsed_paths: dict[str, tuple[str | None, bool, tuple[Term, ...]]] = {}


def parse_path_text(path: str) -> tuple[str | None, bool, tuple[Term, ...]]:
    """``(external template or None, absolute, terms)`` of a path string (memoised).

    Raises ``EvalFailure`` for an invalid path. External paths (``tpl:/a/b``) are always
    absolute within their object.
    """
    parsed = _parsed_paths.get(path)
    if parsed is None:
        parsed = _parse_path_text(path)
        if len(_parsed_paths) < _KEY_CACHE_LIMIT:
            _parsed_paths[path] = parsed
    return parsed


def _parse_path_text(path: str) -> tuple[str | None, bool, tuple[Term, ...]]:
    """``(external template or None, absolute, terms)`` of a path string.

    Raises ``EvalFailure`` for an invalid path. External paths (``tpl:/a/b``) are always
    absolute within their object.
    """
    external: str | None = None
    text = path
    colon = text.find(":")
    if colon >= 0 and "{" not in text[:colon]:
        external = text[:colon]
        if not is_valid_template_name(external):
            raise EvalFailure(f"invalid path '{path}': '{external}' is not a valid template name")
        text = text[colon + 1 :]
        if not text.startswith("/"):
            text = "/" + text
    if text == "":
        raise EvalFailure("invalid path: the path is empty")
    absolute = text.startswith("/")
    body = text[1:] if absolute else text
    if body.endswith("/"):
        body = body[:-1]
    if body == "":
        if absolute:
            return external, True, ()
        raise EvalFailure(f"invalid path '{path}'")
    terms = tuple(_path_term(part, path) if part else _empty_term(path) for part in _split_terms(body))
    return external, absolute, terms


def _empty_term(path: str) -> Term:
    raise EvalFailure(f"invalid path '{path}': empty path term")
