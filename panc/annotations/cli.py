"""``panc annotations`` / ``panc-annotations``: panc-annotations' command line.

    panc-annotations [--base-dir DIR] [--output-dir DIR] [--all-defaults] FILES...

Each template is parsed (never executed) and ``OUTDIR/<path relative to the base dir>.annotation.xml``
is written, byte-identical to the Java tool's. ``--all-defaults`` (an extension) also writes
defaults that are not literals, with their source text.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from panc import __version__
from panc.annotations.xml_format import render
from panc.commands import OptionsError, OptionsParser
from panc.diagnostics import Severity
from panc.output.writing import write_atomically


def make_parser(prog: str = "panc-annotations") -> argparse.ArgumentParser:
    """panc-annotations' options (plus ``--all-defaults``)."""
    parser = OptionsParser(prog=prog, add_help=False, allow_abbrev=False,
                     description="Write the annotations of pan templates as XML (panc-annotations).")
    add = parser.add_argument
    add("-h", "--help", action="store_true", help="print this summary and exit")
    add("--version", action="store_true", help="print the version and exit")
    add("--base-dir", default=".", metavar="DIR",
        help="directory the template paths are relative to (default: current directory)")
    add("--output-dir", default=".", metavar="DIR",
        help="where the XML files go (default: current directory)")
    add("--all-defaults", action="store_true",
        help="extension: also write defaults that are not literals (their source text)")
    add("--java-opts", metavar="OPTIONS", help="accepted for compatibility; ignored")
    add("-q", "--quiet", action="store_true", help="print nothing but errors")
    add("-v", "--verbose", action="count", default=0, help="print a summary at the end")
    add("templates", nargs="*", metavar="template",
        help="template files, relative to --base-dir; <file>.annotation.xml is written for each")
    return parser


def relative_path(path: str, base_dir: str) -> str:
    """The path of a template under the base directory (how the output file is named)."""
    absolute = path if os.path.isabs(path) else os.path.join(base_dir, path)
    return os.path.relpath(absolute, base_dir)


def annotate(path: str, base_dir: str, output_dir: str, all_defaults: bool = False) -> str | None:
    """Write one template's annotation file; returns an error message, or ``None``."""
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    relative = relative_path(path, base_dir)
    source_path = os.path.join(base_dir, relative)
    try:
        # as Java reads it: a byte that is not UTF-8 is U+FFFD
        text = Path(source_path).read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return f"cannot read {path}: {error.strerror}"
    result = parse(text, source_path)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors or result.ast is None:
        from panc.cli import console_text  # pylint: disable=import-outside-toplevel

        return console_text(errors[0]).rstrip("\n")
    xml = render(result.ast, text, all_defaults)
    try:
        # made again from the templates at will: atomic, but not synced (two syncs a file)
        write_atomically(Path(output_dir, relative + ".annotation.xml"), xml.encode("utf-8"), durable=False)
    except OSError as error:
        return f"cannot write the annotations of {path}: {error}"
    return None


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc-annotations") -> int:
    """The whole command; returns the exit code (1 when any template failed)."""
    parser = make_parser(prog)
    try:
        args = parser.parse_args(list(argv))
    except OptionsError as error:
        stdout.write(f"OPTIONS ERROR: {error}\n")
        return 1
    if args.help:
        stdout.write(parser.format_help())
        return 0
    if args.version:
        stdout.write(f"panc-annotations (pan-tools) {__version__}\n")
        return 0
    for directory in (args.base_dir, args.output_dir):
        if not os.path.isdir(directory):
            stdout.write(f"OPTIONS ERROR: {directory} must be an existing directory\n")
            return 1
    failures = 0
    for path in args.templates:
        problem = annotate(path, args.base_dir, args.output_dir, args.all_defaults)
        if problem is not None:
            failures += 1
            stdout.write(problem + "\n")
    if args.verbose and not args.quiet:
        stderr.write(f"{len(args.templates) - failures}/{len(args.templates)} templates annotated\n")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point of ``panc-annotations``."""
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
