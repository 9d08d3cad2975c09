"""JSON read as panc's ``json_decode`` reads it: Gson 2.7's ``JsonReader`` in lenient mode.

panc hands the text to ``Gson.fromJson``, which reads one value leniently (unquoted and
single-quoted strings and names, ``#``/``//``/``/* */`` comments, ``=``/``=>`` between a name
and its value, ``;`` between members, empty array slots as ``null``, case-insensitive
``true``/``false``/``null``), then checks strictly that nothing but white space follows. An
empty text is no value at all (``None``).

Errors carry Gson's text, as panc prints it: ``MalformedJsonError`` (``Expected name at line 1
column 22 path $.b``) and ``EndOfJsonError`` (``End of input at line 1 column 7 path $.a``).
Tokens are handed to a builder (``json_decode`` makes pan values of them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_LONG_MIN = -(2**63)
_LONG_MAX = 2**63 - 1

# JsonScope
_EMPTY_ARRAY, _NONEMPTY_ARRAY, _EMPTY_OBJECT, _DANGLING_NAME, _NONEMPTY_OBJECT = 1, 2, 3, 4, 5
_EMPTY_DOCUMENT, _NONEMPTY_DOCUMENT = 6, 7

_NOT_LITERAL = frozenset("/\\;#={}[]:, \t\f\r\n")


class JsonReadError(Exception):
    """A Gson exception; ``str()`` is what its ``toString()`` gives."""

    java_class = ""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.java_class}: {self.message}"


class MalformedJsonError(JsonReadError):
    java_class = "com.google.gson.stream.MalformedJsonException"


class EndOfJsonError(JsonReadError):
    java_class = "java.io.EOFException"


class JsonNumberFormatError(Exception):
    """Java's ``NumberFormatException`` out of a ``\\u`` escape (panc does not catch it)."""


# Gson's peeked tokens
BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY = "{", "}", "[", "]"
NAME, STRING, NUMBER, TRUE, FALSE, NULL, EOF = "name", "string", "number", "true", "false", "null", "eof"


class GsonReader:
    """A port of Gson 2.7's ``JsonReader`` (its ``doPeek`` state machine), reading ``text``."""

    def __init__(self, text: str, lenient: bool = True) -> None:
        self.text = text
        self.pos = 0
        self.line = 0
        self.line_start = 0
        self.lenient = lenient
        self.stack = [_EMPTY_DOCUMENT]
        self.names: list[str | None] = [None]
        self.indices = [0]
        self.peeked: str | None = None
        self.peeked_text = ""

    # ------------------------------------------------------------------ errors and places

    def path(self) -> str:
        parts = ["$"]
        for depth, scope in enumerate(self.stack):
            if scope in (_EMPTY_ARRAY, _NONEMPTY_ARRAY):
                parts.append(f"[{self.indices[depth]}]")
            elif scope in (_EMPTY_OBJECT, _DANGLING_NAME, _NONEMPTY_OBJECT):
                name = self.names[depth]
                if name is not None:
                    parts.append(f".{name}")
        return "".join(parts)

    def _where(self) -> str:
        return f" at line {self.line + 1} column {self.pos - self.line_start + 1} path {self.path()}"

    def syntax_error(self, message: str) -> MalformedJsonError:
        return MalformedJsonError(message + self._where())

    def _check_lenient(self) -> None:
        if not self.lenient:
            raise self.syntax_error("Use JsonReader.setLenient(true) to accept malformed JSON")

    # ------------------------------------------------------------------ characters

    def _next_non_whitespace(self, throw_on_eof: bool) -> str | None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            self.pos += 1
            if char == "\n":
                self.line += 1
                self.line_start = self.pos
                continue
            if char in " \r\t":
                continue
            if char == "/":
                if self.pos == len(text):
                    return char
                self._check_lenient()
                following = text[self.pos]
                if following == "*":
                    end = text.find("*/", self.pos + 1)
                    if end < 0:
                        raise self.syntax_error("Unterminated comment")
                    self._count_lines(self.pos, end)
                    self.pos = end + 2
                    continue
                if following == "/":
                    self.pos += 1
                    self._skip_to_end_of_line()
                    continue
                return char
            if char == "#":
                self._check_lenient()
                self._skip_to_end_of_line()
                continue
            return char
        if throw_on_eof:
            raise EndOfJsonError("End of input" + self._where())
        return None

    def _count_lines(self, start: int, end: int) -> None:
        for index in range(start, end):
            if self.text[index] == "\n":
                self.line += 1
                self.line_start = index + 1

    def _skip_to_end_of_line(self) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            self.pos += 1
            if char == "\n":
                self.line += 1
                self.line_start = self.pos
                return
            if char == "\r":
                return

    # ------------------------------------------------------------------ peek

    def peek(self) -> str:
        if self.peeked is None:
            self.peeked = self._do_peek()
        return self.peeked

    def _do_peek(self) -> str:  # pylint: disable=too-many-branches,too-many-return-statements
        scope = self.stack[-1]
        if scope == _EMPTY_ARRAY:
            self.stack[-1] = _NONEMPTY_ARRAY
        elif scope == _NONEMPTY_ARRAY:
            char = self._next_non_whitespace(True)
            if char == "]":
                return END_ARRAY
            if char == ";":
                self._check_lenient()
            elif char != ",":
                raise self.syntax_error("Unterminated array")
        elif scope in (_EMPTY_OBJECT, _NONEMPTY_OBJECT):
            self.stack[-1] = _DANGLING_NAME
            if scope == _NONEMPTY_OBJECT:
                char = self._next_non_whitespace(True)
                if char == "}":
                    return END_OBJECT
                if char == ";":
                    self._check_lenient()
                elif char != ",":
                    raise self.syntax_error("Unterminated object")
            char = self._next_non_whitespace(True)
            if char == '"':
                self.peeked_text = self._quoted('"')
                return NAME
            if char == "'":
                self._check_lenient()
                self.peeked_text = self._quoted("'")
                return NAME
            if char == "}":
                if scope != _NONEMPTY_OBJECT:
                    return END_OBJECT
                raise self.syntax_error("Expected name")
            self._check_lenient()
            self.pos -= 1
            if char in _NOT_LITERAL:
                raise self.syntax_error("Expected name")
            self.peeked_text = self._unquoted()
            return NAME
        elif scope == _DANGLING_NAME:
            self.stack[-1] = _NONEMPTY_OBJECT
            char = self._next_non_whitespace(True)
            if char == "=":
                self._check_lenient()
                if self.pos < len(self.text) and self.text[self.pos] == ">":
                    self.pos += 1
            elif char != ":":
                raise self.syntax_error("Expected ':'")
        elif scope == _EMPTY_DOCUMENT:
            if self.lenient and self.text.startswith(")]}'\n", self.pos):
                self._next_non_whitespace(True)
                self.pos += 4
            self.stack[-1] = _NONEMPTY_DOCUMENT
        elif scope == _NONEMPTY_DOCUMENT:
            if self._next_non_whitespace(False) is None:
                return EOF
            self._check_lenient()
            self.pos -= 1

        char = self._next_non_whitespace(True)
        if char == "]" and scope == _EMPTY_ARRAY:
            return END_ARRAY
        if char in ("]", ";", ","):
            if scope in (_EMPTY_ARRAY, _NONEMPTY_ARRAY):  # an empty slot is null
                self._check_lenient()
                self.pos -= 1
                return NULL
            raise self.syntax_error("Unexpected value")
        if char == "'":
            self._check_lenient()
            self.peeked_text = self._quoted("'")
            return STRING
        if char == '"':
            self.peeked_text = self._quoted('"')
            return STRING
        if char == "[":
            return BEGIN_ARRAY
        if char == "{":
            return BEGIN_OBJECT
        self.pos -= 1
        return self._peek_literal()

    def _peek_literal(self) -> str:
        text = self.text
        for keyword in (TRUE, FALSE, NULL):
            end = self.pos + len(keyword)
            if text[self.pos : end].lower() == keyword and (end >= len(text) or text[end] in _NOT_LITERAL):
                self.pos = end
                return keyword
        number = self._number()
        if number is not None:
            self.peeked_text = number
            return NUMBER
        if text[self.pos] in _NOT_LITERAL:
            raise self.syntax_error("Expected value")
        self._check_lenient()
        self.peeked_text = self._unquoted()
        return STRING

    # ------------------------------------------------------------------ consuming

    def consume(self) -> str:
        """The peeked token, consumed; its text (names, strings, numbers) in ``peeked_text``."""
        token = self.peek()
        self.peeked = None
        if token in (BEGIN_ARRAY, BEGIN_OBJECT):
            self.stack.append(_EMPTY_ARRAY if token == BEGIN_ARRAY else _EMPTY_OBJECT)
            self.names.append(None)
            self.indices.append(0)
        elif token in (END_ARRAY, END_OBJECT):
            self.stack.pop()
            self.names.pop()
            self.indices.pop()
            self.indices[-1] += 1
        elif token == NAME:
            self.names[-1] = self.peeked_text
        elif token != EOF:
            self.indices[-1] += 1
        return token

    # ------------------------------------------------------------------ scalars

    def _quoted(self, quote: str) -> str:
        text = self.text
        out: list[str] = []
        while True:
            if self.pos >= len(text):
                raise self.syntax_error("Unterminated string")
            char = text[self.pos]
            self.pos += 1
            if char == quote:
                return "".join(out)
            if char == "\\":
                out.append(self._escape())
            else:
                if char == "\n":
                    self.line += 1
                    self.line_start = self.pos
                out.append(char)

    def _escape(self) -> str:
        text = self.text
        if self.pos >= len(text):
            raise self.syntax_error("Unterminated escape sequence")
        char = text[self.pos]
        self.pos += 1
        if char == "u":
            if self.pos + 4 > len(text):
                raise self.syntax_error("Unterminated escape sequence")
            digits = text[self.pos : self.pos + 4]
            if not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise JsonNumberFormatError("\\u" + digits)
            self.pos += 4
            return chr(int(digits, 16))
        if char == "\n":
            self.line += 1
            self.line_start = self.pos
        return _ESCAPES.get(char, char)

    def _unquoted(self) -> str:
        text = self.text
        start = self.pos
        while self.pos < len(text) and text[self.pos] not in _NOT_LITERAL:
            self.pos += 1
        if self.pos < len(text) and text[self.pos] in "/\\;#=":
            self._check_lenient()
        return text[start : self.pos]

    def _number(self) -> str | None:
        """Gson's ``peekNumber``: the text of a JSON number here (consumed), else ``None``; a
        long prints back as ``Long.toString`` (what ``nextString()`` gives)."""
        text = self.text
        index = self.pos
        if index < len(text) and text[index] == "-":
            index += 1
        digits_start = index
        while index < len(text) and text[index] in _DIGITS:
            index += 1
        if index == digits_start or (text[digits_start] == "0" and index - digits_start > 1):
            return None  # no digits, or a leading 0 (octal?): an unquoted string
        integral = True
        if index < len(text) and text[index] == ".":
            integral = False
            index += 1
            fraction = index
            while index < len(text) and text[index] in _DIGITS:
                index += 1
            if index == fraction:
                return None
        if index < len(text) and text[index] in "eE":
            integral = False
            index += 1
            if index < len(text) and text[index] in "+-":
                index += 1
            exponent = index
            while index < len(text) and text[index] in _DIGITS:
                index += 1
            if index == exponent:
                return None
        if index < len(text) and text[index] not in _NOT_LITERAL:
            return None
        number = text[self.pos : index]
        self.pos = index
        if integral and number != "-0" and _LONG_MIN <= int(number) <= _LONG_MAX:
            return str(int(number))
        return number


_DIGITS = frozenset("0123456789")
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def read_json(text: str, build_value: Callable[[str, str, GsonReader], Any]) -> Any:
    """``Gson.fromJson(text, Element.class)`` with panc's adapter ``build_value(token, text,
    reader)`` (called with the consumed token; it reads the children of arrays and objects):
    lenient reading of one value, then nothing else allowed; ``None`` for an empty text."""
    reader = GsonReader(text)
    try:
        reader.peek()
    except EndOfJsonError:  # Gson: an empty document is no value
        return None
    value = build_value(reader.consume(), reader.peeked_text, reader)
    reader.lenient = False  # Gson's assertFullConsumption
    if value is not None and reader.peek() != EOF:
        raise reader.syntax_error("JSON document was not fully consumed.")
    return value
