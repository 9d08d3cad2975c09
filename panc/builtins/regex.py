"""Regular expressions as panc has them (Java's ``java.util.regex``), and the builtins using
them: ``match``, ``matches``, ``replace``, ``split``.

Java's syntax is translated into Python's ``re`` syntax once per pattern (compiled patterns are
cached). The translation keeps Java's meaning where the two differ:

* ``\\d \\w \\s \\b`` are ASCII-only (Python's ``re.ASCII``), as in Java by default;
* character classes are computed as sets of code point ranges, which gives Java's nested
  classes ``[a[bc]]``, intersections ``[a-z&&[^aeiou]]``, ``\\p{Alpha}``-style properties
  and ``\\Q...\\E`` quoting inside classes;
* inline flags ``(?i)`` in the middle of a pattern hold from there to the end of the
  enclosing group, across ``|``, as in Java;
* ``.`` does not match any Java line terminator (``\\r``, ``\\u0085``, ``\\u2028``...);
* ``(?<name>...)``, ``\\k<name>``, ``\\z``, ``\\Z``, ``\\e``, ``\\cX``, ``\\0oct``,
  ``\\x{h..h}``, ``\\h``, ``\\v``, ``\\R`` have their Java meaning;
* what Java rejects (``{`` that is no quantifier, unknown escapes, ``\\p`` without a
  property) is an error here too.

The translated pattern runs on the ``regex`` package (``re``'s syntax and semantics in its
VERSION0) because it can stop a match after a time: a pattern that backtracks without end
(``match('aaaa...!', '^(a|aa)+$')``), which Java runs for ever, is an evaluation error after
``--max-regex-time`` seconds (``time_limited``). Without that package (the editor bundle,
which carries pure-Python wheels only) ``re`` runs them with no time limit.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

try:
    import regex as engine  # Python's re (VERSION0) with a time limit on matching

    _ENGINE_BITS = engine.VERSION0
    TIME_LIMITED = True
except ImportError:  # the VS Code bundle carries pure-Python wheels only: re, without a time limit
    engine = re  # type: ignore[misc]  # (the editor's compiles have the compile pool's limit)
    _ENGINE_BITS = 0
    TIME_LIMITED = False

from panc.builtins.registry import BuiltinError, builtin
from panc.builtins.strings import int32
from panc.diagnostics import PanSyntaxError
from panc.evaluation.control import not_constant
from panc.evaluation.memory import LARGE_VALUE, check_growth
from panc.evaluation.values import Value, java_type

_MAX_CODE = 0x10FFFF
_LINE_TERMINATORS = "\n\r\u0085\u2028\u2029"

Ranges = tuple[tuple[int, int], ...]
"""A set of code points as sorted, disjoint, non-adjacent inclusive ranges."""


class JavaRegexError(ValueError):
    """A pattern Java would reject; ``str()`` is the reason, ``index`` where it was found."""

    def __init__(self, reason: str, index: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.index = index


# --- code point sets -----------------------------------------------------------------------


def _normalize(ranges: list[tuple[int, int]]) -> Ranges:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return tuple(merged)


def _complement(ranges: Ranges) -> Ranges:
    result: list[tuple[int, int]] = []
    next_low = 0
    for low, high in ranges:
        if low > next_low:
            result.append((next_low, low - 1))
        next_low = high + 1
    if next_low <= _MAX_CODE:
        result.append((next_low, _MAX_CODE))
    return tuple(result)


def _intersect(first: Ranges, second: Ranges) -> Ranges:
    return _complement(_normalize(list(_complement(first)) + list(_complement(second))))


def _chars(text: str) -> Ranges:
    return _normalize([(ord(c), ord(c)) for c in text])


_DIGIT = ((0x30, 0x39),)
_WORD = _normalize([(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])
_SPACE = _chars(" \t\n\x0b\f\r")
_HSPACE = _normalize([*_chars(" \t\xa0\u1680\u180e\u202f\u205f\u3000"), (0x2000, 0x200A)])
_VSPACE = _chars("\n\x0b\f\r\x85\u2028\u2029")

# Java's POSIX classes (US-ASCII only unless UNICODE_CHARACTER_CLASS).
_POSIX: dict[str, Ranges] = {
    "Lower": ((0x61, 0x7A),),
    "Upper": ((0x41, 0x5A),),
    "ASCII": ((0x00, 0x7F),),
    "Alpha": _normalize([(0x41, 0x5A), (0x61, 0x7A)]),
    "Digit": _DIGIT,
    "Alnum": _normalize([(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)]),
    "Punct": _chars("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "Graph": ((0x21, 0x7E),),
    "Print": ((0x20, 0x7E),),
    "Blank": _chars(" \t"),
    "Cntrl": _normalize([(0x00, 0x1F), (0x7F, 0x7F)]),
    "XDigit": _normalize([(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)]),
    "Space": _SPACE,
}
_ALIASES = {"IsAlphabetic": "L", "IsLetter": "L", "IsDigit": "Nd", "IsUppercase": "Lu", "IsLowercase": "Ll",
            "javaLowerCase": "Ll", "javaUpperCase": "Lu", "javaDigit": "Nd", "javaLetter": "L",
            "IsPunctuation": "P", "IsControl": "Cc", "IsWhite_Space": "Z"}


@functools.lru_cache(maxsize=64)
def _category(prefix: str) -> Ranges:
    """The code points whose Unicode general category starts with ``prefix`` (``L``, ``Lu``)."""
    ranges: list[tuple[int, int]] = []
    start = -1
    for code in range(_MAX_CODE + 2):
        inside = code <= _MAX_CODE and unicodedata.category(chr(code)).startswith(prefix)
        if inside and start < 0:
            start = code
        elif not inside and start >= 0:
            ranges.append((start, code - 1))
            start = -1
    return tuple(ranges)


def _property(name: str, index: int) -> Ranges:
    if name in _POSIX:
        return _POSIX[name]
    if name.startswith("Is") and name[2:] in _POSIX:
        return _POSIX[name[2:]]
    category = _ALIASES.get(name, name[2:] if name.startswith("Is") else name)
    if category in ("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P",
                    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl",
                    "Zp", "C", "Cc", "Cf", "Co", "Cn"):
        return _category(category)
    raise JavaRegexError(f"Unknown character property name {{{name}}}", index)


def _class_text(ranges: Ranges) -> str:
    """A Python character class matching exactly ``ranges``."""
    if not ranges:
        return "[^\\x00-\\U0010ffff]"
    parts = []
    for low, high in ranges:
        parts.append(_escaped(low) if low == high else f"{_escaped(low)}-{_escaped(high)}")
    return "[" + "".join(parts) + "]"


def _escaped(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# --- the translator ------------------------------------------------------------------------

_QUANTIFIER = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_NAMED_GROUP = re.compile(r"\(\?<([a-zA-Z][a-zA-Z0-9]*)>")
_FLAG_GROUP = re.compile(r"\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])")
_PYTHON_FLAGS = {"i": "i", "m": "m", "s": "s"}  # comments mode (x) is handled while translating
_JAVA_SPACE = " \t\n\x0b\f\r"


class _Translator:
    """One pass over a Java pattern, writing the equivalent Python pattern."""

    def __init__(self, pattern: str, dotall: bool, comments: bool) -> None:
        self.pattern = pattern
        self.pos = 0
        self.out: list[str] = []
        self.groups = 0
        self.dotall = dotall
        self.comments = comments  # Java's COMMENTS: whitespace and #... ignored, even in classes
        # Per open group: the inline flag groups opened at its level (closed with it).
        self.scoped: list[list[str]] = [[]]
        # Per open group: the modes to restore when it closes (Java restores flags at ')').
        self.modes: list[tuple[bool, bool]] = []

    def error(self, reason: str, index: int | None = None) -> JavaRegexError:
        return JavaRegexError(reason, self.pos if index is None else index)

    def translate(self) -> str:
        pattern = self.pattern
        repeatable = False  # what precedes may take a quantifier (Java's closure)
        while self.pos < len(pattern):
            char = pattern[self.pos]
            if self.comments and self._skip_comment():
                continue
            if char in "*+?":
                if not repeatable:
                    raise self.error(f"Dangling meta character '{char}'")
                self.pos += 1
                self.out.append(char)
                self._quantifier_mode()
                repeatable = False
                continue
            follows_repeatable, repeatable = repeatable, True
            if char == "\\":
                self.out.append(self._escape_outside())
            elif char == "[":
                self.pos += 1
                self.out.append(_class_text(self._class_body()))
            elif char == "(":
                self._open_group()
                repeatable = False
            elif char == ")":
                self._close_scoped()
                if len(self.scoped) == 1:
                    raise self.error("Unmatched closing ')'")
                self.scoped.pop()
                self.dotall, self.comments = self.modes.pop()
                self.out.append(")")
                self.pos += 1
            elif char == "|":
                reopen = self.scoped[-1]
                self._close_scoped()
                self.out.append("|")
                self.out.extend(reopen)
                self.scoped[-1] = list(reopen)
                self.pos += 1
                repeatable = False
            elif char == "{":
                self._counted_closure(follows_repeatable)
                repeatable = False
            elif char == "." and not self.dotall:
                self.out.append("[^" + _LINE_TERMINATORS.replace("\n", "\\n").replace("\r", "\\r") + "]")
                self.pos += 1
            else:
                self.out.append(char)
                self.pos += 1
        if len(self.scoped) > 1:
            raise self.error("Unclosed group")
        self._close_scoped()
        return "".join(self.out)

    def _quantifier_mode(self) -> None:
        """A ``?`` (reluctant) or ``+`` (possessive) right after a quantifier belongs to it."""
        if self.pos < len(self.pattern) and self.pattern[self.pos] in "?+":
            self.out.append(self.pattern[self.pos])
            self.pos += 1

    def _counted_closure(self, repeatable: bool) -> None:
        """``{n}``, ``{n,}``, ``{n,m}`` with Java's errors for the others. Where nothing precedes
        it that may repeat (``{2}`` first, after ``(``, ``|`` or a quantifier), Java repeats the
        empty sequence."""
        pattern = self.pattern
        match = _QUANTIFIER.match(pattern, self.pos)
        if match is None:
            end = self.pos + 1
            if end < len(pattern) and pattern[end].isascii() and pattern[end].isdigit():
                while end < len(pattern) and pattern[end].isascii() and pattern[end].isdigit():
                    end += 1
                if end < len(pattern) and pattern[end] == ",":
                    end += 1
                    while end < len(pattern) and pattern[end].isascii() and pattern[end].isdigit():
                        end += 1
                raise self.error("Unclosed counted closure", end)
            raise self.error("Illegal repetition", self.pos + 1)
        if match.group(3) and int(match.group(3)) < int(match.group(1)):
            raise self.error("Illegal repetition range", match.end() - 1)
        if not repeatable:
            self.out.append("(?:)")
        self.out.append(match.group(0))
        self.pos = match.end()
        self._quantifier_mode()

    def _skip_comment(self) -> bool:
        """In comments mode, step over whitespace or a ``#`` comment at ``self.pos``."""
        char = self.pattern[self.pos]
        if char in _JAVA_SPACE:
            self.pos += 1
            return True
        if char == "#":
            end = self.pattern.find("\n", self.pos)
            self.pos = len(self.pattern) if end < 0 else end + 1
            return True
        return False

    def _close_scoped(self) -> None:
        self.out.append(")" * len(self.scoped[-1]))
        self.scoped[-1] = []

    def _push_group(self, text: str, capturing: bool) -> None:
        """Open a group that ``)`` closes: a new level for inline flags and modes."""
        if capturing:
            self.groups += 1
        self.scoped.append([])
        self.modes.append((self.dotall, self.comments))
        self.out.append(text)

    def _open_group(self) -> None:
        pattern, start = self.pattern, self.pos
        if not pattern.startswith("(?", start):
            self.pos += 1
            self._push_group("(", capturing=True)
            return
        for prefix in ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"):
            if pattern.startswith(prefix, start):
                self.pos += len(prefix)
                self._push_group(prefix, capturing=False)
                return
        named = _NAMED_GROUP.match(pattern, start)
        if named:
            self.pos = named.end()
            self._push_group(f"(?P<{named.group(1)}>", capturing=True)
            return
        flags = _FLAG_GROUP.match(pattern, start)
        if flags is None:
            raise self.error("Unknown inline modifier", start + 2)
        self.pos = flags.end()
        on = "".join(_PYTHON_FLAGS.get(f, "") for f in flags.group(1))
        off = "".join(_PYTHON_FLAGS.get(f, "") for f in flags.group(2) or "")
        python_flags = f"(?{on}-{off}:" if off else f"(?{on}:" if on else "(?:"
        if flags.group(3) == ":":  # (?i:...) is a group of its own
            self._push_group(python_flags, capturing=False)
        else:  # (?i) holds until the end of the enclosing group
            self.out.append(python_flags)
            self.scoped[-1].append(python_flags)
        if "s" in on:
            self.dotall = True
        if "x" in flags.group(1):
            self.comments = True
        if "x" in (flags.group(2) or ""):
            self.comments = False

    def _open_escape(self) -> tuple[int, str]:
        """Step over the backslash at ``self.pos`` and the character it escapes: (backslash
        position, escaped character). A pattern that ends with the backslash is an error."""
        start = self.pos
        if start + 1 >= len(self.pattern):
            raise self.error("Unexpected internal error", start + 1)
        self.pos = start + 2
        return start, self.pattern[start + 1]

    def _escape_outside(self) -> str:
        """Translate the escape at ``self.pos`` (a backslash) outside character classes."""
        pattern = self.pattern
        start, char = self._open_escape()
        if char in "123456789":
            number = int(char)
            while self.pos < len(pattern) and pattern[self.pos].isdigit():
                candidate = number * 10 + int(pattern[self.pos])
                if candidate > self.groups:
                    break
                number = candidate
                self.pos += 1
            return f"(?:\\{number})"
        if char in "dDwWsSbBA":
            return "\\" + char
        if char == "z":
            return "\\Z"
        if char == "Z":
            return "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?\\Z)"
        if char == "R":
            return "(?:\\r\\n|[\\n\\x0b\\f\\r\\u0085\\u2028\\u2029])"
        if char == "Q":
            end = pattern.find("\\E", self.pos)
            literal = pattern[self.pos :] if end < 0 else pattern[self.pos : end]
            self.pos = len(pattern) if end < 0 else end + 2
            return re.escape(literal)  # like Java, a following quantifier binds to the last char
        if char == "k":
            named = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)>").match(pattern, self.pos)
            if named is None:
                raise self.error("\\k is not followed by '<' for named capturing group")
            self.pos = named.end()
            return f"(?P={named.group(1)})"
        self.pos = start
        ranges = self._escape_in_class()
        if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
            return _escaped(ranges[0][0])
        return _class_text(ranges)

    def _escape_in_class(self) -> Ranges:
        """The set of code points of the escape at ``self.pos``: a literal or a class."""
        pattern = self.pattern
        start, char = self._open_escape()
        simple = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b"}
        if char in simple:
            return _chars(simple[char])
        classes = {"d": _DIGIT, "w": _WORD, "s": _SPACE, "h": _HSPACE, "v": _VSPACE}
        if char in classes:
            return classes[char]
        if char.lower() in classes:
            return _complement(classes[char.lower()])
        if char == "x":
            return self._hex_escape()
        if char == "u":
            digits = pattern[self.pos : self.pos + 4]
            if not re.fullmatch(r"[0-9a-fA-F]{4}", digits):
                raise self.error("Illegal Unicode escape sequence")
            self.pos += 4
            return ((int(digits, 16), int(digits, 16)),)
        if char == "0":
            octal = re.compile(r"[0-3][0-7]{2}|[0-7]{1,2}").match(pattern, self.pos)
            if octal is None:
                raise self.error("Illegal octal escape sequence")
            self.pos = octal.end()
            code = int(octal.group(0), 8)
            return ((code, code),)
        if char == "c":
            if self.pos >= len(pattern):
                raise self.error("Illegal control escape sequence")
            code = ord(pattern[self.pos]) ^ 64
            self.pos += 1
            return ((code, code),)
        if char in "pP":
            ranges = self._property_escape(start)
            return _complement(ranges) if char == "P" else ranges
        if char.isascii() and char.isalnum():
            raise self.error("Illegal/unsupported escape sequence", start + 1)
        return ((ord(char), ord(char)),)

    def _hex_escape(self) -> Ranges:
        pattern = self.pattern
        if pattern.startswith("{", self.pos):
            end = pattern.find("}", self.pos)
            digits = pattern[self.pos + 1 : end] if end > 0 else ""
            if not re.fullmatch(r"[0-9a-fA-F]+", digits) or int(digits, 16) > _MAX_CODE:
                raise self.error("Illegal hexadecimal escape sequence")
            self.pos = end + 1
        else:
            digits = pattern[self.pos : self.pos + 2]
            if not re.fullmatch(r"[0-9a-fA-F]{2}", digits):
                raise self.error("Illegal hexadecimal escape sequence")
            self.pos += 2
        code = int(digits, 16)
        return ((code, code),)

    def _property_escape(self, start: int) -> Ranges:
        pattern = self.pattern
        if pattern.startswith("{", self.pos):
            end = pattern.find("}", self.pos)
            if end < 0:
                raise self.error("Unclosed character family", start)
            name = pattern[self.pos + 1 : end]
            self.pos = end + 1
        elif self.pos < len(pattern):
            name = pattern[self.pos]
            self.pos += 1
        else:
            raise self.error("Unknown character property name {" + " }", start + 2)
        return _property(name, start)

    def _class_body(self) -> Ranges:
        """Parse a Java character class after its ``[``, up to and including its ``]``."""
        pattern = self.pattern
        negated = pattern.startswith("^", self.pos)
        if negated:
            self.pos += 1
        current: list[tuple[int, int]] | None = None  # None: nothing read yet
        intersect_with: Ranges | None = None
        while True:
            if self.pos >= len(pattern):
                raise self.error("Unclosed character class", len(pattern) - 1)
            if self.comments and self._skip_comment():
                continue
            char = pattern[self.pos]
            if char == "]" and current is not None:
                self.pos += 1
                break
            if char == "&" and pattern.startswith("&&", self.pos):
                self.pos += 2
                left = _normalize(current or [])
                intersect_with = left if intersect_with is None else _intersect(intersect_with, left)
                current = []
                continue
            if current is None:
                current = []
            if char == "[":
                self.pos += 1
                current.extend(self._class_body())
                continue
            item = self._class_atom()
            if (
                len(item) == 1
                and item[0][0] == item[0][1]
                and pattern.startswith("-", self.pos)
                and self.pos + 1 < len(pattern)
                and pattern[self.pos + 1] not in "]["
            ):
                self.pos += 1
                end = self._class_atom()
                if len(end) != 1 or end[0][0] != end[0][1]:
                    raise self.error("Illegal character range")
                if end[0][0] < item[0][0]:
                    raise self.error("Illegal character range")
                item = ((item[0][0], end[0][0]),)
            current.extend(item)
        result = _normalize(current or [])
        if intersect_with is not None:
            result = _intersect(intersect_with, result)
        if negated:
            result = _complement(result)
        return result

    def _class_atom(self) -> Ranges:
        pattern = self.pattern
        char = pattern[self.pos]
        if char != "\\":
            self.pos += 1
            return ((ord(char), ord(char)),)
        if pattern.startswith("\\Q", self.pos):
            end = pattern.find("\\E", self.pos + 2)
            literal = pattern[self.pos + 2 :] if end < 0 else pattern[self.pos + 2 : end]
            self.pos = len(pattern) if end < 0 else end + 2
            return _chars(literal)
        if self.pos + 1 < len(pattern) and pattern[self.pos + 1] in "123456789":
            raise self.error("Illegal/unsupported escape sequence", self.pos + 1)
        return self._escape_in_class()


_FLAG_BITS = {"i": engine.IGNORECASE, "m": engine.MULTILINE, "s": engine.DOTALL}

DEFAULT_TIME_LIMIT = 10.0
"""Seconds one match, replace or split may take (catastrophic backtracking runs for ever)."""


class _Limits:
    time: float | None = DEFAULT_TIME_LIMIT
    """The time limit in force (the builtins have no context)."""


_LIMITS = _Limits()


@contextlib.contextmanager
def time_limited(seconds: float | None) -> Iterator[None]:
    """Bound each regular expression's matching to ``seconds`` meanwhile (``None``: no bound)."""
    previous = _LIMITS.time
    _LIMITS.time = seconds
    try:
        yield
    finally:
        _LIMITS.time = previous


def _bounds() -> dict[str, Any]:
    """The keywords that bound one matching call (none without the ``regex`` package)."""
    return {"timeout": _LIMITS.time, "concurrent": True} if TIME_LIMITED else {}


def _timed_out(function: str, pattern: str) -> BuiltinError:
    return BuiltinError(
        f"{function}(): matching the regular expression '{pattern}' takes more than {_LIMITS.time:g} s "
        "(catastrophic backtracking?)"
    )


@functools.lru_cache(maxsize=2048)
def compile_java_regex(pattern: str, flags: str = "") -> re.Pattern[str]:
    """Compile a Java regular expression; ``flags`` is a string of ``imsux`` letters.

    Raises ``JavaRegexError`` for what Java rejects (and for the few Java constructs Python
    cannot express, such as variable-width look-behind).
    """
    bits = _ENGINE_BITS | (0 if "u" in flags else engine.ASCII)
    for flag in flags:
        if flag in _FLAG_BITS:
            bits |= _FLAG_BITS[flag]
        elif flag not in "ux":
            raise JavaRegexError(f"invalid regular expression flag '{flag}'", -1)
    translated = _Translator(pattern, dotall="s" in flags, comments="x" in flags).translate()
    try:
        return engine.compile(translated, bits)  # type: ignore[no-any-return]
    except engine.error as error:
        raise JavaRegexError(str(error.msg), -1) from None
    except (OverflowError, RecursionError):
        raise JavaRegexError("pattern too complex", -1) from None


def java_regex_message(pattern: str, error: JavaRegexError) -> str:
    """Java's ``PatternSyntaxException.getMessage()``: the reason, where, the pattern and a
    caret under the place."""
    text = error.reason
    if error.index >= 0:
        text += f" near index {error.index}"
    text += "\n" + pattern
    if 0 <= error.index < len(pattern):
        text += "\n" + " " * error.index + "^"
    return text


def _regex(pattern: str, flags: str = "") -> re.Pattern[str]:
    """``pattern`` compiled, or panc's ``MSG_INVALID_REGEXP``."""
    try:
        return compile_java_regex(pattern, flags)
    except JavaRegexError as error:
        raise BuiltinError(f"invalid regular expression: {java_regex_message(pattern, error)}") from None


def _check_flags(flags: str) -> str:
    """panc's ``convertMatchFlags``: each letter one of ``imsux``."""
    for flag in flags:
        if flag not in "imsux":
            raise BuiltinError(f"invalid matching flag for regular expression: {flag}")
    return flags


def _check_matcher(name: str) -> Callable[[list[Value], Any], None]:
    """panc's ``Match.getInstance``/``Matches.getInstance``: a constant argument that is not a
    string is refused first (only the target when the expression is constant), then the count,
    then a constant expression and flags are compiled."""

    def check(args: list[Value], where: Any) -> None:
        static = len(args) > 1 and type(args[1]) is str and (len(args) < 3 or type(args[2]) is str)
        for value in args[:1] if static else args:
            if not not_constant(value) and type(value) is not str:
                found = java_type(value)
                raise PanSyntaxError(f"{name}() arguments must all be strings; {found} found", where)
        if not 2 <= len(args) <= 3:
            raise PanSyntaxError(f"{name}() must have two or three arguments", where)
        try:
            flags = ""
            if len(args) == 3 and type(args[2]) is str:
                flags = _check_flags(args[2])
            if type(args[1]) is str:
                _regex(args[1], flags if static else "")
        except BuiltinError as error:
            raise PanSyntaxError(error.message, where) from None

    return check


def _matcher_arguments(name: str, args: list[Value]) -> tuple[str, re.Pattern[str]]:
    """The target and the compiled expression of a ``match``/``matches`` call."""
    target, regex = args[0], args[1]
    flags = args[2] if len(args) == 3 else ""
    if type(target) is not str or type(regex) is not str or type(flags) is not str:
        found = next(java_type(v) for v in reversed(args) if type(v) is not str)
        raise BuiltinError(f"{name}() arguments must all be strings; {found} found")
    return target, _regex(regex, _check_flags(flags))


@builtin(
    "match",
    min_args=2,
    max_args=3,
    signature="match(target, regex[, flags])",
    compile_check=_check_matcher("match"),
    check_before_arity=True,
)
def pan_match(args: list[Value]) -> bool:
    """Return true if the regular expression ``regex`` (Java syntax) matches somewhere in
    ``target``; anchor it with ``^...$`` to test the whole string. The optional ``flags`` is a
    string of letters: ``i`` ignore case, ``m`` multi-line anchors, ``s`` dot matches newlines,
    ``x`` allow spaces and comments, ``u`` Unicode-aware case folding."""
    target, compiled = _matcher_arguments("match", args)
    try:
        return compiled.search(target, **_bounds()) is not None
    except TimeoutError:
        raise _timed_out("match", compiled.pattern) from None


@builtin(
    "matches",
    min_args=2,
    max_args=3,
    signature="matches(target, regex[, flags])",
    compile_check=_check_matcher("matches"),
    check_before_arity=True,
)
def pan_matches(args: list[Value]) -> list[str]:
    """Match ``regex`` (Java syntax) against ``target`` and return the list of captured
    strings: the whole match at index 0, then each group (a group that took no part in the
    match gives ""). The list is empty when the expression does not match. ``flags`` is as
    for ``match``."""
    target, compiled = _matcher_arguments("matches", args)
    try:
        found = compiled.search(target, **_bounds())
    except TimeoutError:
        raise _timed_out("matches", compiled.pattern) from None
    if found is None:
        return []
    groups = [found.group(0), *found.groups()]
    while groups and groups[-1] is None:
        groups.pop()
    return [group if group is not None else "" for group in groups]


_REPLACEMENT_SPECIAL = re.compile(r"[\\$]")


def _replacement_parts(template: str, compiled: re.Pattern[str]) -> list[str | tuple[int | str]]:
    """Java's ``Matcher.appendReplacement`` text, parsed once: literal text, and ``(group,)``
    for each ``$n`` or ``${name}``; ``\\x`` escapes a character. ``ValueError`` (``IndexError`` for a
    group number beyond the expression's) with Java's message when the template is wrong."""
    parts: list[str | tuple[int | str]] = []
    literal: list[str] = []
    position = 0
    group_count = compiled.groups
    while position < len(template):
        special = _REPLACEMENT_SPECIAL.search(template, position)
        if special is None:
            literal.append(template[position:])
            break
        literal.append(template[position : special.start()])
        position = special.start() + 1
        if special.group() == "\\":
            if position >= len(template):
                raise ValueError("character to be escaped is missing")
            literal.append(template[position])
            position += 1
            continue
        if position >= len(template):
            raise ValueError("Illegal group reference: group index is missing")
        if literal:
            parts.append("".join(literal))
            literal = []
        if template[position] == "{":
            end = template.find("}", position)
            if end < 0:
                raise ValueError("named capturing group is missing trailing '}'")
            name = template[position + 1 : end]
            if not name:
                raise ValueError("named capturing group has 0 length name")
            if name not in compiled.groupindex:
                raise ValueError(f"No group with name {{{name}}}")
            parts.append((name,))
            position = end + 1
            continue
        if not template[position].isascii() or not template[position].isdigit():
            raise ValueError("Illegal group reference")
        number = int(template[position])
        position += 1
        while position < len(template) and template[position].isascii() and template[position].isdigit():
            candidate = number * 10 + int(template[position])
            if candidate > group_count:
                break
            number = candidate
            position += 1
        if number > group_count:  # Java's IndexOutOfBoundsException, which panc does not catch
            raise IndexError(f"No group {number}")
        parts.append((number,))
    if literal:
        parts.append("".join(literal))
    return parts


@builtin(
    "replace",
    min_args=3,
    max_args=3,
    signature="replace(regex, repl, target)",
    arity_message="replace() requires exactly three arguments",
    lazy=True,
)
def pan_replace(args: list[Value]) -> str:
    """Replace every match of the regular expression ``regex`` (Java syntax) in ``target`` with
    ``repl``. In ``repl``, ``$n`` stands for the text of group n (``$0`` the whole match) and
    ``${name}`` for a named group; a backslash makes the next character literal (``\\$``)."""
    regex = args[0]
    if type(regex) is not str:
        raise BuiltinError("first argument to replace() must be a regular expression string")
    compiled = _regex(regex)
    template = args[1]
    if type(template) is not str:
        raise BuiltinError("second argument to replace() must be a replacement string")
    target = args[2]
    if type(target) is not str:
        raise BuiltinError("third argument to replace() must be a string")
    unchecked = 0
    parts: list[str | tuple[int | str]] | None = None

    def replacement(found: re.Match[str]) -> str:
        nonlocal unchecked, parts
        if parts is None:  # parsed at the first match: without one, Java never reads it
            parts = _replacement_parts(template, compiled)
        text = "".join(part if type(part) is str else (found.group(part[0]) or "") for part in parts)
        unchecked += len(text)
        if unchecked >= LARGE_VALUE:  # the replacements count against the memory budget
            check_growth(unchecked)
            unchecked = 0
        return text

    try:
        return compiled.sub(replacement, target, **_bounds())
    except TimeoutError:
        raise _timed_out("replace", regex) from None
    except IndexError as error:  # Java's IndexOutOfBoundsException, which panc does not catch
        raise BuiltinError(str(error), where="java") from None
    except ValueError:
        raise BuiltinError("invalid replacement string; check '$' and '\\' characters") from None


def java_split(compiled: re.Pattern[str], target: str, limit: int) -> list[str]:
    """Java's ``String.split(regex, limit)``.

    ``limit`` > 0: at most ``limit`` parts, the last holding the rest; 0: all parts, then
    trailing empty strings removed; < 0: all parts. A zero-width match at the start gives no
    leading empty part, and a string without any match is returned whole.
    """
    parts: list[str] = []
    index = 0
    limited = limit > 0
    found: Iterator[re.Match[str]] = compiled.finditer(target, **_bounds())
    for match_ in found:
        if not limited or len(parts) < limit - 1:
            if index == 0 and match_.start() == 0 and match_.end() == 0:
                continue
            parts.append(target[index : match_.start()])
            index = match_.end()
        elif len(parts) == limit - 1:
            parts.append(target[index:])
            index = match_.end()
            break
    if index == 0:
        return [target]
    if not limited or len(parts) < limit:
        parts.append(target[index:])
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
    return parts


@builtin(
    "split",
    min_args=2,
    max_args=3,
    signature="split(regex, [limit,] target)",
    arity_message="split() must have two or three arguments",
    lazy=True,
)
def pan_split(args: list[Value]) -> list[str]:
    """Split ``target`` around the matches of the regular expression ``regex`` (Java syntax).
    With a positive ``limit`` the result has at most ``limit`` strings, the last one holding
    the unsplit rest; with a negative ``limit`` all parts are returned; with 0 (the default)
    too, but empty strings at the end are removed: ``split('\\s*,\\s*', 'a,b , c,,')`` is
    ``["a", "b", "c"]``."""
    regex = args[0]
    if type(regex) is not str:
        raise BuiltinError("first argument to split() must be a regular expression string")
    compiled = _regex(regex)
    limit = 0
    if len(args) == 3:
        limit = args[1]
        if type(limit) is not int:
            raise BuiltinError("second argument to split() must be a long value")
        limit = int32(limit)
    target = args[len(args) - 1]
    if type(target) is not str:
        raise BuiltinError("last argument to split() must be a string")
    try:
        return java_split(compiled, target, limit)
    except TimeoutError:
        raise _timed_out("split", regex) from None
