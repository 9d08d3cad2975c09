"""Pan paths (``/a/b/0``, ``a/b``, ``tpl:/a``) and path terms, with panc's exact rules.

panc's classes ``Path``, ``TermFactory`` and ``EscapeUtils`` decide what a path is:

- each ``{...}`` of a path is replaced by ``escape(...)`` first (braces must balance and not
  nest); only then does a ``:`` make the path external (``tpl:/a`` or ``tpl:a``: the path
  ``/a`` of object ``tpl``), and a leading ``/`` make it absolute;
- a term of digits (optionally negative) is a list index, without leading zeros; any other
  term must match ``^\\w[\\w+.-]*$``; a term written entirely in braces is escaped;
- ``escape`` keeps ASCII letters and digits (not a leading digit) and writes every other
  character as ``_hh``; a character beyond ``\\xff`` cannot be escaped;
- the first term of a path must be a key (a relative path under a prefix may start with an
  index).

Two kinds of failure, as in panc: ``PathSyntaxError`` for a malformed path (panc's
``SyntaxException``) and ``TermError`` for a bad term or escape (an ``EvaluationException``
there, which panc reports differently).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

PathKind = Literal["absolute", "relative", "external"]

_INDEX = re.compile(r"-?[0-9]+\Z")
_LEADING_ZEROS = re.compile(r"-?0[0-9]+\Z")
_KEY = re.compile(r"\w[\w+.-]*\Z", re.ASCII)
_TEMPLATE_NAME_CHARS = re.compile(r"[\w./+-]+\Z", re.ASCII)
_BRACED = re.compile(r"[^{}]*(?:\{[^{}]*\}[^{}]*)*\Z")
"""Braces that pair up without nesting (linear: no nested quantifier can backtrack)."""
_ESCAPE_KEPT = re.compile(r"[A-Za-z0-9]")
_INT_MAX = 2**31 - 1
_LONG_DIGITS = 20
"""Characters of the longest all-digits term that can be a long (a sign and 19 digits)."""
_INT_MIN = -(2**31)


class PathSyntaxError(ValueError):
    """A malformed path (panc's ``SyntaxException``); the message is panc's."""


class TermError(ValueError):
    """A term or escape panc refuses (an ``EvaluationException`` there); the message is panc's."""


@dataclass(frozen=True, slots=True)
class Path:
    """A parsed path: its kind, its terms (``str`` keys, ``int`` indices) and, for an
    external path, the object template it names."""

    kind: PathKind
    terms: tuple[str | int, ...]
    template: str | None = None

    @property
    def is_absolute(self) -> bool:
        return self.kind == "absolute"

    @property
    def is_relative(self) -> bool:
        return self.kind == "relative"

    @property
    def is_external(self) -> bool:
        return self.kind == "external"

    def __str__(self) -> str:
        """panc's ``Path.toString()``: ``/a/b``, ``a/b`` or ``tpl:/a/b``."""
        body = "/".join(str(term) for term in self.terms)
        if self.kind == "relative":
            return body
        if self.kind == "external":
            return f"{self.template}:/{body}"
        return "/" + body

    def child(self, term: str | int) -> Path:
        """This path extended by one term."""
        return Path(self.kind, (*self.terms, term), self.template)

    def under(self, prefix: Path) -> Path:
        """This relative path resolved under ``prefix`` (panc's ``Path.resolve``)."""
        if not self.is_relative:
            return self
        return Path(prefix.kind, (*prefix.terms, *self.terms), prefix.template)


def java_number(n: int) -> str:
    """A whole number as panc's messages print it (``{0,number}``: grouped by thousands)."""
    return f"{n:,}"


def escape(text: str) -> str:
    """panc's ``escape()``: keep ASCII letters and digits (but a leading digit), write every
    other character as ``_hh``; the empty string is ``_``. Raises ``TermError`` for a
    character beyond ``\\xff`` (counted in UTF-16 units, as Java does)."""
    if not text:
        return "_"
    out: list[str] = []
    for position, char in enumerate(text):
        code = ord(char)
        if code >= 256:
            if 0xDC80 <= code <= 0xDCFF:  # a byte that is no UTF-8 (read as a lone surrogate): U+FFFD to panc
                code = 0xFFFD
            raise TermError(f"string contains character which cannot be escaped: {code:x}")
        if _ESCAPE_KEPT.match(char) and not (position == 0 and char.isdigit()):
            out.append(char)
        else:
            out.append(f"_{code:02x}")
    return "".join(out)


def unescape(text: str) -> str:
    """panc's ``unescape()``: ``_hh`` back to the character ``\\xhh``; ``_`` alone is the empty
    string. Raises ``TermError`` for an incomplete or invalid escape.

    panc walks the text by UTF-16 unit but copies whole code points: a character beyond U+FFFF
    comes out followed by its own low surrogate, alone (Java's ``codePointAt`` at each unit)."""
    if text == "_":
        return ""
    if "_" not in text and text.isascii():
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    codes = [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)]
    out: list[str] = []
    position = 0
    length = len(codes)
    while position < length:
        code = codes[position]
        if code != 0x5F:  # "_"
            following = codes[position + 1] if position + 1 < length else 0
            if 0xD800 <= code < 0xDC00 <= following < 0xE000:  # a surrogate pair
                out.append(chr(0x10000 + ((code - 0xD800) << 10) + (following - 0xDC00)))
            else:
                out.append(chr(code))
            position += 1
            continue
        if position + 2 >= length:
            raise TermError("string contains incomplete escape sequence")
        digits = units[2 * (position + 1) : 2 * (position + 3)].decode("utf-16-le", "surrogatepass")
        try:
            out.append(chr(_java_parse_hex(digits)))
        except ValueError:
            raise TermError(f"string contains invalid escape sequence: {digits}") from None
        position += 3
    return "".join(out)


def _java_parse_hex(digits: str) -> int:
    """Java's ``Integer.parseInt(digits, 16)``: an optional sign, then ASCII hex digits."""
    if not re.fullmatch(r"[+-]?[0-9A-Fa-f]+", digits):
        raise ValueError(digits)
    value = int(digits, 16)
    if value < 0:
        raise ValueError(digits)  # a code point cannot be negative
    return value


def expand_braces(text: str) -> str:
    """Replace each ``{...}`` by ``escape(...)``; ``PathSyntaxError`` on unbalanced or nested
    braces (``TermError`` for what cannot be escaped)."""
    if "{" not in text and "}" not in text:
        return text
    if _BRACED.match(text) is None:
        raise PathSyntaxError(f"path '{text}' contains mismatched or nested braces")
    parts = re.split(r"[{}]", text)
    return "".join(part if position % 2 == 0 else escape(part) for position, part in enumerate(parts))


@functools.lru_cache(maxsize=65536)
def parse_term(text: str) -> str | int:
    """panc's ``TermFactory.create(String)``: an index or a key; a term written entirely in
    braces is escaped first. Raises ``TermError``."""
    if len(text) >= 2 and text[0] == "{" and text[-1] == "}":
        text = escape(text[1:-1])
    if text == "":
        raise TermError("empty string cannot be used as a path term or nlist key")
    if _INDEX.match(text):
        if _LEADING_ZEROS.match(text):
            raise TermError(f"index cannot start with leading zero(s): '{text}'")
        # beyond a long panc takes it for a key; the length test spares int() 5,000 digits
        value = int(text) if len(text) <= _LONG_DIGITS else 2**63
        if not -(2**63) <= value < 2**63:
            raise TermError(f"path term or nlist key cannot start with a digit: '{text}'")
        return index_term(value)
    if _KEY.match(text) is None:
        raise TermError(f"invalid path term or nlist key: '{text}'")
    return text


def index_term(value: int) -> int:
    """panc's ``TermFactory.create(long)``: an index must fit a Java ``int``."""
    if value > _INT_MAX:
        raise TermError(
            f"index ({java_number(value)}) exceeds largest permitted value ({java_number(_INT_MAX)})"
        )
    if value < _INT_MIN:
        raise TermError(
            f"index ({java_number(value)}) below smallest permitted value ({java_number(_INT_MIN)})"
        )
    return value


def is_valid_template_name(name: str) -> bool:
    """panc's ``Template.isValidTemplateName``: word characters, ``. / + -``, and no empty
    component or component starting with a dot."""
    if _TEMPLATE_NAME_CHARS.match(name) is None:
        return False
    parts = name.split("/")
    while parts and parts[-1] == "":  # Java's split drops trailing empty strings
        parts.pop()
    return all(part and not part.startswith(".") for part in parts)


_INCLUDE_NAME = re.compile(r"\w[\w+.-]*(/[\w+.-]+)*\Z", re.ASCII)


def is_valid_include_name(name: str) -> bool:
    """panc's ``IncludeStatement.validIdentifier``: ``^([\\w][\\w+.-]*)(/[\\w+.-]+)*$``."""
    return _INCLUDE_NAME.match(name) is not None


@functools.lru_cache(maxsize=16384)
def parse_path(text: str, index_first: bool = False) -> Path:
    """Parse a path with panc's rules (``new Path(text, index_first)``).

    ``index_first`` lets a relative path start with an index (a path under a prefix).
    Raises ``PathSyntaxError`` or ``TermError``.
    """
    expanded = expand_braces(text)
    template = None
    kind: PathKind = "relative"
    body = expanded
    if ":" in expanded:
        kind = "external"
        colon = expanded.index(":")
        template = expanded[:colon]
        body = expanded[colon + 1 :]
        body = body.removeprefix("/")
        if not is_valid_template_name(template):
            raise PathSyntaxError(f"invalid authority ({template}) in path")
    elif expanded.startswith("/"):
        kind = "absolute"
        body = expanded[1:]
    terms: list[str | int] = []
    if body:
        parts = body.split("/")
        while parts and parts[-1] == "":  # Java's split drops trailing empty strings
            parts.pop()
        terms = [parse_term(part) for part in parts]
    if kind == "relative" and not terms:
        raise PathSyntaxError("relative path must have at least one term")
    if terms and (kind != "relative" or not index_first) and isinstance(terms[0], int):
        raise PathSyntaxError("first term in path must be a key, not an index")
    return Path(kind, tuple(terms), template)


@functools.lru_cache(maxsize=8192)
def parse_key(text: str) -> str:
    """A record field name (panc's ``ASTFieldSpec.getKey``): a relative path of one key term.
    Raises ``PathSyntaxError`` with panc's message."""
    try:
        path = parse_path(text)
    except TermError:
        raise PathSyntaxError(f"field name ({text}) must be a valid path") from None
    if len(path.terms) != 1:
        raise PathSyntaxError(f"field name ({text}) must be a valid term")
    term = path.terms[0]
    if isinstance(term, int):
        raise PathSyntaxError(f"field name ({text}) must be a valid key, not an index")
    return term
