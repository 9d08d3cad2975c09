"""``panc fmt``: templates in the canonical layout, for editors, CI and pre-commit.

    panc fmt [--check] [--diff] [--line-length N] PATH...

PATHs are template files or directories (searched for ``*.pan`` and ``*.tpl``); ``-`` reads
standard input and writes the result to standard output. Without ``--check`` or ``--diff``
the files that change are rewritten in place. ``--check`` writes nothing and exits with 1
when a file would change; ``--diff`` prints the changes as a unified diff instead of writing
them. A template with syntax errors is left alone and its errors printed: exit code 2.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from panc.commands import HelpShown, OptionsError, OptionsParser
from panc.formatting.formatter import DEFAULT_LINE_LENGTH, Formatted, format_text
from panc.loader import TEMPLATE_SUFFIXES

STDIN = "-"

EXIT_CHANGES = 1
"""``--check``: some file would change."""
EXIT_FAILED = 2
"""Some file could not be read, parsed or written."""


@dataclass(frozen=True)
class _Options:
    check: bool
    diff: bool
    line_length: int


@dataclass
class _Tally:
    changed: int = 0
    unchanged: int = 0
    failed: int = 0


def _parser(prog: str, stdout: TextIO) -> OptionsParser:
    parser = OptionsParser(
        prog=prog,
        stdout=stdout,
        description="Format pan templates in the one canonical layout (rewrites the files that change).",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument("--diff", action="store_true", help="print the changes as a diff, write nothing")
    parser.add_argument(
        "--line-length",
        type=int,
        default=DEFAULT_LINE_LENGTH,
        metavar="N",
        help=f"break lines longer than N characters where possible (default {DEFAULT_LINE_LENGTH})",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="template files or directories; - for stdin")
    return parser


def templates_under(paths: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each template file named or found under a directory, with whether it exists."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            for root, directories, files in os.walk(path):
                directories[:] = sorted(name for name in directories if not name.startswith("."))
                for name in sorted(files):
                    if name.endswith(TEMPLATE_SUFFIXES):
                        yield os.path.join(root, name), True
        else:
            yield path, path == STDIN or os.path.isfile(path)


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc fmt") -> int:
    """``panc fmt``; returns the exit code."""
    parser = _parser(prog, stdout)
    try:
        args = parser.parse_args(list(argv))
    except OptionsError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return EXIT_FAILED
    except HelpShown:
        return 0
    if args.line_length < 1:
        stderr.write("OPTIONS ERROR: --line-length must be a positive integer\n")
        return EXIT_FAILED
    tally = _Tally()
    options = _Options(args.check, args.diff, args.line_length)
    for path, exists in templates_under(args.paths):
        if not exists:
            stderr.write(f"{path}: no such file or directory\n")
            tally.failed += 1
            continue
        _format_one(path, options, stdout, stderr, tally)
    if not (args.diff or STDIN in args.paths):
        stderr.write(_summary(tally, args.check))
    if tally.failed:
        return EXIT_FAILED
    return EXIT_CHANGES if args.check and tally.changed else 0


def _format_one(path: str, options: _Options, stdout: TextIO, stderr: TextIO, tally: _Tally) -> None:
    check, diff = options.check, options.diff
    try:
        text = sys.stdin.read() if path == STDIN else _read(path)
    except OSError as error:
        stderr.write(f"{path}: cannot read: {error.strerror}\n")
        tally.failed += 1
        return
    name = "<stdin>" if path == STDIN else path
    result = format_text(text, name, options.line_length)
    if result.problem is not None:
        _report_problem(name, result, stderr)
        tally.failed += 1
        if path == STDIN and not (check or diff):
            stdout.write(text)
        return
    if not result.changed:
        tally.unchanged += 1
        if path == STDIN and not (check or diff):
            stdout.write(text)
        return
    tally.changed += 1
    if diff:
        stdout.writelines(unified_diff(text, result.text, name))
    if check:
        if not diff:
            stderr.write(f"would reformat {name}\n")
    elif not diff:
        if path == STDIN:
            stdout.write(result.text)
            return
        try:
            _write(path, result.text)
        except OSError as error:
            stderr.write(f"{path}: cannot write: {error.strerror}\n")
            tally.failed += 1
            return
        stderr.write(f"reformatted {name}\n")


def unified_diff(old: str, new: str, name: str) -> list[str]:
    """The change from ``old`` to ``new`` as the lines of a unified diff of file ``name``."""
    lines = list(
        difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), name, name)
    )
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def _report_problem(name: str, result: Formatted, stderr: TextIO) -> None:
    if result.diagnostics:
        for diagnostic in result.diagnostics:
            stderr.write(diagnostic.format() + "\n")
    stderr.write(f"{name}: {result.problem}\n")


def _summary(tally: _Tally, check: bool) -> str:
    changed = "would be reformatted" if check else "reformatted"
    parts = [f"{tally.changed} {_files(tally.changed)} {changed}", f"{tally.unchanged} left unchanged"]
    if tally.failed:
        parts.append(f"{tally.failed} could not be formatted")
    return ", ".join(parts) + "\n"


def _files(count: int) -> str:
    return "file" if count == 1 else "files"


def _read(path: str) -> str:
    # line ends as they are; bytes that are not UTF-8 survive a rewrite unchanged
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as source:
        return source.read()


def _write(path: str, text: str) -> None:
    """Replace the file at once (a reader never sees half of it), keeping its permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".panc-fmt-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="surrogateescape", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
