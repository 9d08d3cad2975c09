"""The old panlint's checks of one line of code, with its messages and levels.

Each check reads the line with its trailing comment cut off (``code``) and ignores what
lies within the line's strings (``strings``, ranges of the uncut line), as the old tool did;
positions are 0-based columns, the end exclusive. The first line of code is not checked
here: it must be the template declaration (FL001, ``first_line_problem``).
"""

from __future__ import annotations

import os
import re

from panlint.compat.catalog import OLD_RULES
from panlint.compat.operators import OPERATOR_CHARACTERS, operator_problems
from panlint.compat.view import Operators, Ranges, inside

Problem = tuple[str, int, int, str]
"""``(ID, start, end, message)`` on one line."""

FIRST_LINE = re.compile(r"\s*(?:(?:declaration|unique|structure|object)\s+)?template \S+;\Z")
MAVEN_PLACEHOLDER = re.compile(r"\$\{\S+\}")
COMPONENT_USE = re.compile(r"/software/components/(\w+)/")
LEADING_BLANKS = re.compile(r"\s*")
TABS = re.compile(r"\t+")
TRAILING_BLANKS = re.compile(r"\s+\Z")
NLIST_CALL = re.compile(r"\b((?:is_)?nlist)\s*\(")
INCLUDE_BRACES = re.compile(r"include\s+(\{[^;]+\})")
BAD_COMMA = re.compile(r",(?:\S|\s{2,})")
BLANKS_BEFORE_SEMICOLON = re.compile(r"\s+;")
BAD_SEMICOLON = re.compile(r";(\S|\s{2,})")
GLOBAL_NAME = re.compile(r"variable\s+(\w+)")
SHORT_GLOBAL_NAME = re.compile(r"variable\s+(\w{1,4})\b")
"""A name of four characters at most; a longer one is read on ("variable ABvariable XY")."""
FORMAT_IN_MESSAGE = re.compile(r"(?:error|debug)\s*\(\s*(format)\s*\(")
FEATURE_INCLUDE = re.compile(r"^\s*[^#]?\s*include.*(features/\S+\w)")
PROFILE_PATH_START = re.compile(r"\s*(?:prefix)?\s*('\S+'|\"\S+\")")
TRAILING_SLASHES = re.compile(r"./+\Z")


def first_line_problem(line: str, allow_maven: bool) -> Problem | None:
    """FL001: the first line of code must be ``[KIND ]template NAME;`` alone."""
    if FIRST_LINE.match(line) or (allow_maven and MAVEN_PLACEHOLDER.match(line)):
        return None
    return "FL001", 0, len(line), OLD_RULES["FL001"][1]


class LineChecker:
    """The checks of the enabled old IDs for the lines of one file after its first line of code.

    Each check runs only when a cheap test of the line says it may find something: most
    lines of a template have nothing to report, and this runs on every line.
    """

    def __init__(
        self,
        ids: frozenset[str],
        line_length: int,
        components: set[str],
        path: str = "",
        preview: bool = False,
    ) -> None:
        self.ids = ids
        self.preview = preview
        self.line_length = line_length
        self.components = components
        self.long_line = OLD_RULES["LP006"][1].format(line_length)
        self.feature = feature_folder(path) if "FT002" in ids else None

    def check(
        self, code: str, strings: Ranges, statement: bool = True, operators: Operators | None = None
    ) -> list[Problem]:
        """The problems of one line of code (comment already cut off), in the old tool's order.

        ``statement``: the line's code begins a statement (else a string at its start is no
        profile path for PP001). ``operators``: the roles of the line's ``+``, ``-`` and ``*``
        tokens (LC001; None: told apart by the old tool's regular expressions).
        """
        problems: list[Problem] = []
        ids = self.ids
        if "/software/components/" in code and "CU001" in ids:
            self._component_use(code, problems)
        if code[0].isspace() and "LP001" in ids:
            _indentation(code, strings, problems)
        if "\t" in code and "LP002" in ids:
            _matches("LP002", TABS, 0, code, strings, problems)
        if code[-1].isspace() and "LP003" in ids:
            _matches("LP003", TRAILING_BLANKS, 0, code, strings, problems)
        if "nlist" in code and "LP004" in ids:
            _matches("LP004", NLIST_CALL, 1, code, strings, problems)
        if "include" in code and "LP005" in ids:
            _matches("LP005", INCLUDE_BRACES, 1, code, strings, problems)
        long_line = len(code) > self.line_length and "LP006" in ids and not code.startswith("bind ")
        if long_line and not inside(self.line_length, len(code), strings):
            problems.append(("LP006", self.line_length, len(code), self.long_line))
        if "," in code and "LP007" in ids:
            _matches("LP007", BAD_COMMA, 0, code, strings, problems)
        if ";" in code:
            if "LP008" in ids:
                _matches("LP008", BLANKS_BEFORE_SEMICOLON, 0, code, strings, problems)
            if "LP009" in ids:
                _matches("LP009", BAD_SEMICOLON, 1, code, strings, problems)
        if "variable" in code:
            if "LP010" in ids:
                _global_case(code, strings, problems, self.preview)
            if "LP011" in ids:
                _matches("LP011", SHORT_GLOBAL_NAME, 1, code, strings, problems)
        if "format" in code and "LP012" in ids:
            _matches("LP012", FORMAT_IN_MESSAGE, 1, code, strings, problems)
        if "PP001" in ids and statement:
            _path_trailing_slash(code, problems)
        if self.feature is not None and "include" in code:
            _feature_include(code, self.feature, problems)
        if "LC001" in ids and not OPERATOR_CHARACTERS.isdisjoint(code):
            problems.extend(
                ("LC001", start, end, text)
                for start, end, text in operator_problems(code, strings, operators)
            )
        return problems

    def _component_use(self, code: str, problems: list[Problem]) -> None:
        """CU001: a component's path, anywhere on the line, strings included."""
        for match in COMPONENT_USE.finditer(code):
            name = match.group(1)
            if name not in self.components:
                problems.append(("CU001", match.start(1), match.end(1), OLD_RULES["CU001"][1].format(name)))


def _matches(
    rule_id: str, pattern: re.Pattern[str], group: int, code: str, strings: Ranges, problems: list[Problem]
) -> None:
    """A problem for each non-empty match of ``pattern`` (its ``group``) outside the strings."""
    message = OLD_RULES[rule_id][1]
    for match in pattern.finditer(code):
        start, end = match.span(group)
        if start < end and not inside(start, end, strings):
            problems.append((rule_id, start, end, message))


def _indentation(code: str, strings: Ranges, problems: list[Problem]) -> None:
    """LP001: indented by a multiple of four spaces and nothing else."""
    spaces = len(code) - len(code.lstrip(" "))
    if spaces % 4 == 0 and (spaces == len(code) or not code[spaces].isspace()):
        return
    blanks = LEADING_BLANKS.match(code).end()  # type: ignore[union-attr]
    if not inside(0, blanks, strings):
        problems.append(("LP001", 0, blanks, OLD_RULES["LP001"][1]))


def _global_case(code: str, strings: Ranges, problems: list[Problem], preview: bool) -> None:
    """LP010: a lower-case letter inside a global's name.

    The old tool saw only the letters between the first and the last (``variable x`` and
    ``variable FOOx`` passed) and reported the name up to the letter after the last one it
    saw; ``preview`` reports any lower-case name, whole.
    """
    for match in GLOBAL_NAME.finditer(code):
        name = match.group(1)
        start = match.start(1)
        if preview:
            end = match.end(1) if any("a" <= char <= "z" for char in name) else start
        else:
            inner = [position for position in range(1, len(name) - 1) if "a" <= name[position] <= "z"]
            end = start + inner[-1] + 2 if inner else start
        if end > start and not inside(start, end, strings):
            problems.append(("LP010", start, end, OLD_RULES["LP010"][1]))


def _path_trailing_slash(code: str, problems: list[Problem]) -> None:
    """PP001: a quoted path at the start of the line (after ``prefix``) ends with ``/``."""
    if "/" not in code:
        return
    match = PROFILE_PATH_START.match(code)
    if match:
        path_start, path_end = match.span(1)
        slashes = TRAILING_SLASHES.search(code, path_start + 1, path_end - 1)
        if slashes:
            problems.append(("PP001", slashes.start() + 1, slashes.end(), OLD_RULES["PP001"][1]))


def feature_folder(path: str) -> str | None:
    """The folder of a feature template from its ``features`` folder on (None: not a feature)."""
    parts = path.split(os.sep)
    if "features" not in parts:
        return None
    return os.path.dirname(os.sep.join(parts[parts.index("features") :]))


def _feature_include(code: str, folder: str, problems: list[Problem]) -> None:
    """FT002: an include of ``features/...`` outside this feature's folder."""
    match = FEATURE_INCLUDE.match(code)
    if match and not os.path.dirname(match.group(1)).startswith(folder):
        problems.append(("FT002", match.start(1), match.end(1), OLD_RULES["FT002"][1]))
