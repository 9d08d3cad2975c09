"""Pan paths (``/a/b/0``, ``a/b``, ``tpl:/a``) and the escaping of path terms.

panc's rules (``J:utils/Path``, ``TermFactory``, ``EscapeUtils``):

- a key matches ``^\\w[\\w+.-]*$`` and is not all digits; an index is digits only, without
  leading zeros, and may be negative (counting from the end);
- ``{...}`` inside a path is replaced by ``escape(...)``; braces must balance, not nest;
- ``//`` (an empty term) is an error, a trailing ``/`` is accepted, ``/`` is the root;
- ``tpl:/a`` and ``tpl:a`` name the path ``/a`` of the object template ``tpl``, whose name
  must be a valid template name (``is_valid_template_name``);
- the first term of a path must be a key.

The one path parser of pan-tools: the parser checks the paths written in templates with it,
the evaluator the paths computed at run time (``value``, ``exists``...), the tools theirs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

PathKind = Literal["absolute", "relative", "external"]

_KEY = re.compile(r"\w[\w+.-]*\Z", re.ASCII)
_INDEX = re.compile(r"-?[0-9]+\Z")
_TEMPLATE_NAME_CHARACTERS = re.compile(r"[\w./+-]+\Z", re.ASCII)
_INCLUDE_NAME = re.compile(r"\w[\w+.-]*(?:/[\w+.-]+)*\Z", re.ASCII)
_ESCAPED = re.compile(r"_([0-9a-fA-F]{2})")
_PLAIN = re.compile(r"[A-Za-z0-9]")


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
    """panc's ``escape()``: each byte of a character that is not an ASCII letter or digit, and
    a leading digit, becomes ``_hh`` (lower-case hex); the empty string becomes ``_``."""
    if not text:
        return "_"
    out: list[str] = []
    for position, char in enumerate(text):
        if _PLAIN.match(char) and not (position == 0 and char.isdigit()):
            out.append(char)
        else:
            out.extend(f"_{byte:02x}" for byte in char.encode("utf-8"))
    return "".join(out)


def unescape(text: str) -> str:
    """panc's ``unescape()``: the inverse of ``escape`` (``_`` alone is the empty string)."""
    if text == "_":
        return ""
    if "_" not in text:
        return text
    raw = _ESCAPED.sub(lambda m: "\x00" + m.group(1), text)
    data = bytearray()
    pos = 0
    while pos < len(raw):
        if raw[pos] == "\x00":
            data.append(int(raw[pos + 1 : pos + 3], 16))
            pos += 3
        else:
            data.extend(raw[pos].encode("utf-8"))
            pos += 1
    return data.decode("utf-8", errors="replace")


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


def is_valid_template_name(name: str) -> bool:
    """Whether ``name`` may name a template, in its declaration (``object template +web;``) or
    in an external path (``+web:/a``): panc's ``Template.isValidTemplateName``. Word characters,
    ``+``, ``-``, ``.`` and ``/``; no term (between ``/``) empty or starting with ``.``. As Java's
    ``split`` does, trailing ``/`` are dropped before the terms are checked."""
    if _TEMPLATE_NAME_CHARACTERS.match(name) is None:
        return False
    trimmed = name.rstrip("/")
    return not trimmed or all(term and term[0] != "." for term in trimmed.split("/"))


def is_valid_include_name(name: str) -> bool:
    """Whether ``include`` accepts ``name`` (panc's ``IncludeStatement.validIdentifier``): stricter
    than ``is_valid_template_name``, its first character must be a word character."""
    return _INCLUDE_NAME.match(name) is not None


def parse_term(text: str) -> str | int:
    """One path term: an ``int`` index or a ``str`` key (``{...}`` already expanded)."""
    if _INDEX.match(text):
        digits = text.lstrip("-")
        if len(digits) > 1 and digits[0] == "0":
            raise PathSyntaxError(f"list index '{text}' has leading zeros")
        return int(text)
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
        if not is_valid_template_name(template):
            raise PathSyntaxError(f"invalid authority ({template}) in path")
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
            raise PathSyntaxError(f"invalid path '{text}': {error}") from None
    if isinstance(terms[0], int):
        raise PathSyntaxError(f"invalid path '{text}': the first term must be a dict key, not an index")
    return Path(kind, tuple(terms), template)
