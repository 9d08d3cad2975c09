"""How the old panlint reads a template: line by line, with its own idea of strings and comments.

Its rules, stated once here so that the checks agree with it exactly:

- Lines are the file's lines after universal-newline translation (``\\r\\n`` and ``\\r`` end
  lines), split the way Python's ``str.splitlines`` splits (form feeds and a few other
  separators end lines too); the blocks below count lines by ``\\n`` only.
- Skipped: empty lines, every line of an annotation block (``@name{`` up to the first
  ``}``, anywhere in the file, even in a string or a comment) and the body lines of a
  here-document written ``<<TAG;`` at the end of a line (up to a line ending with TAG).
- A line is a comment when it starts (after blanks) with ``#`` or with a one-line ``@{...}``.
- A string is ``'...'`` or ``"..."`` on one line, a double-quoted one ending at the first
  quote with no backslash before it; a trailing comment starts at the first ``#`` or
  one-line ``@{...}`` that does not start inside such a string, and is cut off (with the
  blanks before it) before the checks read the line.
- ``# panlint disable=LP001,LP002`` alone on its line (exactly: blanks, ``#``, at least one
  blank, ``panlint``, blanks, ``disable=`` and upper-case IDs) covers the next line of code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

ANNOTATION_BLOCK = re.compile(r"@\w*\s*\{.*?\}", re.S)
HEREDOC_BLOCK = re.compile(r"<<(\w+);\s*$.*?\1$", re.S | re.M)
COMMENT_LINE = re.compile(r"\s*(?:#|@\{.*?\})")
DIRECTIVE_LINE = re.compile(r"\s*#\s+panlint\s+disable=((?:[A-Z]{2}[0-9]{3},?)+)\Z")
STRING = re.compile(r"""'.*?'|".*?"(?<!\\")""")
COMMENT_START = re.compile(r"#|@\{.*?\}")
COMPONENT_INCLUDE = re.compile(r"^\s*[^#]?\s*include.*components/(\w+)/config", re.M)

COMPONENT_SOURCE = re.compile(r"^/?(?:\S+/)?(?:core/components/|ncm-)(\w+)/\S+$")
COMPONENT_TEST_RESOURCE = re.compile(r"ncm-(\w+)/src/test/resources/")

Ranges = list[tuple[int, int]]
"""Column ranges of a line, 0-based, end exclusive."""
Operators = dict[int, str]
"""The ``+``, ``-`` and ``*`` tokens of a line by 0-based column: their role
(``panc.syntax.operator_roles``: UNARY, BINARY or LINK)."""


class Reading(Protocol):
    """A way of reading a text's lines: the old tool's (``OldReading``) or the lexer's."""

    precise: bool
    """The parser's reading: the declaration line is the first with code on it (not a line
    of blanks) and is read without its trailing comment."""

    def lines(self) -> Iterator[tuple[int, str, str]]: ...

    def layout(self, number: int, line: str) -> tuple[Ranges, int | None]: ...

    def starts_statement(self, number: int) -> bool: ...

    def operators(self, number: int) -> Operators | None: ...


def split_lines(text: str) -> list[str]:
    """The lines as the old tool numbers them."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.splitlines()


def skipped_lines(text: str) -> set[int]:
    """Line numbers inside annotation blocks and here-document bodies."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    skipped: set[int] = set()
    if "@" in text:
        for match in ANNOTATION_BLOCK.finditer(text):
            first = text.count("\n", 0, match.start()) + 1
            skipped.update(range(first, first + match.group().count("\n") + 1))
    if "<<" in text:
        for match in HEREDOC_BLOCK.finditer(text):
            first = text.count("\n", 0, match.start()) + 1
            # The line holding ``<<TAG;`` is code; the body and the closing line are not.
            skipped.update(range(first + 1, first + match.group().count("\n") + 1))
    return skipped


def included_components(text: str) -> set[str]:
    """Components whose ``components/NAME/config`` some line seems to include."""
    if "components/" not in text:
        return set()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return set(COMPONENT_INCLUDE.findall(text))


EMPTY, SKIPPED, DIRECTIVE, COMMENT, CODE = "empty", "skipped", "directive", "comment", "code"
"""What a line is to the old tool: only CODE lines are checked."""


class OldReading:
    """The old tool's reading of one text (see the module's docstring)."""

    precise = False
    """The first non-empty line that is no comment is the declaration, read whole (FL001)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def lines(self) -> Iterator[tuple[int, str, str]]:
        """``(number, kind, line)`` for every line of the text."""
        text = self.text
        skipped = skipped_lines(text) if "@" in text or "<<" in text else ()
        for number, line in enumerate(split_lines(text), start=1):
            if not line:
                yield number, EMPTY, line
            elif number in skipped:
                yield number, SKIPPED, line
            elif line.lstrip()[:1] in ("#", "@") and COMMENT_LINE.match(line):
                yield number, DIRECTIVE if DIRECTIVE_LINE.match(line) else COMMENT, line
            else:
                yield number, CODE, line

    @staticmethod
    def layout(_number: int, line: str) -> tuple[Ranges, int | None]:
        """The strings of a code line and where its trailing comment starts."""
        strings = string_ranges(line)
        return strings, comment_start(line, strings)

    @staticmethod
    def starts_statement(_number: int) -> bool:
        """To the old tool, a string at the start of any line of code is a profile path (PP001)."""
        return True

    @staticmethod
    def operators(_number: int) -> Operators | None:
        """The old tool tells operators from signs by regular expressions (None: no tokens)."""
        return None


def read_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """``(number, kind, line)`` for every line of the text, as the old tool reads it."""
    return OldReading(text).lines()


def describe_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """``read_lines``, with the checked part of each code line after the first (for ``--debug``)."""
    first = True
    for number, kind, line in read_lines(text):
        if kind == CODE and not first:
            cut = comment_start(line, string_ranges(line))
            yield number, kind, line if cut is None else line[:cut].rstrip()
            continue
        first = first and kind != CODE
        yield number, kind, line


def components_of_path(path: str) -> set[str]:
    """The component whose source tree holds the file (``ncm-NAME/...``, ``.../core/components/NAME/...``).

    The old tool computed this to exempt a component's own templates from CU001, then
    dropped the result; ``--preview`` uses it.
    """
    return set(COMPONENT_SOURCE.findall(path)) | set(COMPONENT_TEST_RESOURCE.findall(path))


def directive_ids(line: str) -> set[str]:
    """The IDs of a ``# panlint disable=`` line in the old tool's exact form."""
    match = DIRECTIVE_LINE.match(line)
    return set(match.group(1).split(",")) - {""} if match else set()


def string_ranges(line: str) -> Ranges:
    if "'" not in line and '"' not in line:
        return []
    return [match.span() for match in STRING.finditer(line)]


def inside(start: int, end: int, strings: Ranges) -> bool:
    """Is the range [start, end) within one of the strings?"""
    for first, last in strings:  # noqa: SIM110 (a loop: this runs for every match of every check)
        if first <= start and end <= last:
            return True
    return False


def comment_start(line: str, strings: Ranges) -> int | None:
    """Where the trailing comment begins (None: there is none)."""
    if "#" not in line and "@" not in line:
        return None
    for match in COMMENT_START.finditer(line):
        start = match.start()
        if not inside(start, start + 1, strings):
            return start
    return None
