"""Pan paths (``/a/b/0``, ``a/b``, ``tpl:/a``) and the escaping of path terms.

panc's rules (``J:utils/Path``, ``TermFactory``, ``EscapeUtils``):

- a key matches ``^\\w[\\w+.-]*$`` and is not all digits; an index is digits only, without
  leading zeros, and may be negative (counting from the end);
- ``{...}`` inside a path is replaced by ``escape(...)``; braces must balance, not nest;
- ``//`` (an empty term) is an error, a trailing ``/`` is accepted, ``/`` is the root;
- ``tpl:/a`` and ``tpl:a`` name the path ``/a`` of the object template ``tpl``;
- the first term of a path must be a key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

PathKind = Literal["absolute", "relative", "external"]

_KEY = re.compile(r"\w[\w+.-]*\Z", re.ASCII)
_INDEX = re.compile(r"-?[0-9]+\Z")
_TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_+.-]+(?:/[A-Za-z0-9_+.-]+)*\Z")
_ESCAPED = re.compile(r"_([0-9a-fA-F]{2})")
_PLAIN = re.compile(r"[A-Za-z0-9]")
_LONG_DIGITS = 19


class PathSyntaxError(ValueError):
    """A string that is not a valid pan path; the message is panc's."""


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
        body = "/".join(str(term) for term in self.terms)
        if self.kind == "relative":
            return body
        if self.kind == "external":
            return f"{self.template}:/{body}"
        return "/" + body

    def child(self, term: str | int) -> Path:
        """This path extended by one term."""
        return Path(self.kind, (*self.terms, term), self.template)


def escape(text: str) -> str:
    """panc's ``escape()``: each character that is not an ASCII letter or digit, and a leading
    digit, becomes ``_hh`` (its code, lower-case hex); the empty string becomes ``_``. Like
    panc, only characters up to U+00FF can be escaped (``PathSyntaxError`` for the others)."""
    if not text:
        return "_"
    out: list[str] = []
    for position, char in enumerate(text):
        if _PLAIN.match(char) and not (position == 0 and char.isdigit()):
            out.append(char)
        elif char <= "\xff":
            out.append(f"_{ord(char):02x}")
        else:
            raise PathSyntaxError(f"string contains character which cannot be escaped: {_java_code(char):x}")
    return "".join(out)


def _java_code(char: str) -> int:
    """The code panc sees: a byte that is not UTF-8 (read as a lone surrogate) is U+FFFD to it."""
    code = ord(char)
    return 0xFFFD if 0xDC80 <= code <= 0xDCFF else code


def unescape(text: str) -> str:
    """panc's ``unescape()``: the inverse of ``escape`` (``_`` alone is the empty string)."""
    if text == "_":
        return ""
    if "_" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def expand_braces(text: str) -> str:
    """Replace each ``{...}`` by ``escape(...)``; raise ``PathSyntaxError`` on bad braces."""
    if "{" not in text and "}" not in text:
        return text
    out: list[str] = []
    pos = 0
    while pos < len(text):
        opening = text.find("{", pos)
        closing = text.find("}", pos)
        if opening < 0:
            if closing >= 0:
                raise PathSyntaxError(f"unbalanced braces in path '{text}'")
            out.append(text[pos:])
            break
        if 0 <= closing < opening:
            raise PathSyntaxError(f"unbalanced braces in path '{text}'")
        closing = text.find("}", opening + 1)
        if closing < 0:
            raise PathSyntaxError(f"unbalanced braces in path '{text}'")
        inner = text[opening + 1 : closing]
        if "{" in inner:
            raise PathSyntaxError(f"nested braces are not allowed in path '{text}'")
        out.append(text[pos:opening])
        out.append(escape(inner))
        pos = closing + 1
    return "".join(out)


def long_index(text: str) -> int | None:
    """The index an all-digits term (``-?[0-9]+``) stands for; ``None`` beyond a 64-bit long,
    where panc takes the term for a key (that starts with a digit: an error)."""
    if len(text.lstrip("-")) > _LONG_DIGITS:
        return None
    value = int(text)
    return value if -(2**63) <= value < 2**63 else None


def digit_key_message(text: str) -> str:
    """panc's error for a term of digits too long for an index."""
    return f"path term or nlist key cannot start with a digit: '{text}'"


def parse_term(text: str) -> str | int:
    """One path term: an ``int`` index or a ``str`` key (``{...}`` already expanded)."""
    if _INDEX.match(text):
        digits = text.lstrip("-")
        if len(digits) > 1 and digits[0] == "0":
            raise PathSyntaxError(f"list index '{text}' has leading zeros")
        index = long_index(text)
        if index is None:
            raise PathSyntaxError(digit_key_message(text))
        return index
    if _KEY.match(text):
        return text
    raise PathSyntaxError(f"invalid path term '{text}'")


@functools.lru_cache(maxsize=8192)
def parse_key(text: str) -> str:
    """A dict key or record field name: ``{...}`` expanded, must be a key, not an index."""
    term = parse_term(expand_braces(text))
    if isinstance(term, int):
        raise PathSyntaxError(f"'{text}' is an index, not a valid key")
    return term


def parse_path(text: str) -> Path:
    """Parse a path string with panc's rules; raise ``PathSyntaxError`` when invalid."""
    if text == "":
        raise PathSyntaxError("path cannot be the empty string")
    template = None
    kind: PathKind
    body = text
    colon = text.find(":")
    # A colon inside an escaped {...} term is not an external path's separator.
    is_external = colon >= 0 and "{" not in text[:colon]
    if is_external:
        template = text[:colon]
        if not _TEMPLATE_NAME.match(template):
            raise PathSyntaxError(f"invalid template name '{template}' in external path '{text}'")
        kind = "external"
        body = text[colon + 1 :]
        body = body.removeprefix("/")
    elif text.startswith("/"):
        kind = "absolute"
        body = text[1:]
    else:
        kind = "relative"
    body = expand_braces(body)
    if body.endswith("/"):
        body = body[:-1]
    if not body:
        if kind == "relative":
            raise PathSyntaxError(f"invalid path '{text}'")
        return Path(kind, (), template)
    parts = body.split("/")
    terms: list[str | int] = []
    for part in parts:
        if part == "":
            raise PathSyntaxError(f"path '{text}' contains an empty term ('//')")
        try:
            terms.append(parse_term(part))
        except PathSyntaxError as error:
            if str(error) == digit_key_message(part):  # panc says just that
                raise
            raise PathSyntaxError(f"invalid path '{text}': {error}") from None
    if isinstance(terms[0], int):
        raise PathSyntaxError(f"invalid path '{text}': the first term must be a dict key, not an index")
    return Path(kind, tuple(terms), template)
