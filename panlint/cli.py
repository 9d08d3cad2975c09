"""The ``panlint`` command: arguments in, reports out, exit code.

Compatible with the old panlint's command line (``--allow_mvn_templates``,
``--always_exit_success``, ``--ignore-components``, ``--features_standalone``, ``--suppress``,
``--threshold`` with its Advice/Warning/Error, ``--table``, ``--summary``, ``--vi``, ``--ide``,
``--debug``, globbed paths, its report) and extended with formats, fixes, rule selection,
configuration files and ``--preview``. Exit codes: 0 clean (or no file given), 1 findings at
the threshold, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import panlint
from panlint.config import Config, ConfigError, apply_settings, find_config_file, load_config
from panlint.findings import Level

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS_WITH_FIXES = frozenset({"json", "sarif"})
GLOB_CHARACTERS = frozenset("*?[")


class UsageError(Exception):
    """Bad arguments (exit code 2)."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, told the terminal's width: left to itself it imports ``shutil`` (and
    with it bz2 and lzma) for every run, to ask."""

    def __init__(self, prog: str) -> None:
        try:
            width = os.get_terminal_size().columns
        except OSError:
            width = 80
        super().__init__(prog, width=max(width, 40) - 2)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="panlint",
        description="Check pan templates for style problems and likely mistakes.",
        epilog="Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or internal error.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or glob patterns")
    parser.add_argument(
        "--allow_mvn_templates",
        "--allow-mvn-templates",
        action="store_true",
        default=None,
        help="accept Maven placeholders (${...}) of component source templates",
    )
    parser.add_argument(
        "--always_exit_success",
        "--always-exit-success",
        action="store_true",
        help="exit 0 even when there are findings",
    )
    parser.add_argument(
        "--ignore-components",
        "--ignore_components",
        action="append",
        metavar="LIST",
        help="comma-separated components that CU001 does not report",
    )
    parser.add_argument(
        "--suppress",
        metavar="LEVEL",
        help="report only findings at or above LEVEL (Advice or info, Warning, Error)",
    )
    parser.add_argument("--threshold", metavar="LEVEL", help="fail only for findings at or above LEVEL")
    parser.add_argument("--table", action="store_true", help="print a table of per-file statistics")
    parser.add_argument("--summary", action="store_true", help="print the number of findings")
    parser.add_argument("--vi", action="store_true", help="text report: FILE +LINE headers, for editors")
    quiet_or_debug = parser.add_mutually_exclusive_group()
    quiet_or_debug.add_argument("--ide", action="store_true", help="plain text report, never coloured")
    quiet_or_debug.add_argument(
        "--debug", action="store_true", help="print how the old checks read each line, on stderr"
    )
    parser.add_argument(
        "--format",
        choices=("text", "full", "json", "sarif", "github"),
        default="text",
        help="text: the old panlint's report (default); full: one finding per entry, with ID and column",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        default=None,
        help="parser-based checks (no findings inside strings, heredocs, annotations) and the AST rules",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--fix", action="store_true", help="fix what can be fixed mechanically, in place")
    parser.add_argument(
        "--diff", action="store_true", help="with --fix: print the fixes as a unified diff, change no file"
    )
    parser.add_argument("--explain", metavar="ID", help="describe a rule and exit")
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--select", metavar="LIST", help="only these rules (IDs, prefixes or names)")
    parser.add_argument("--extend-select", metavar="LIST", help="rules to add to the selection")
    parser.add_argument("--ignore", metavar="LIST", help="rules to leave out")
    parser.add_argument(
        "--features_standalone",
        "--features-standalone",
        action="store_true",
        help="enable FT002: feature templates include only templates of their own feature",
    )
    parser.add_argument(
        "--feature-templates-standalone",
        "--check-feature-templates",
        action="store_true",
        help="enable FT001: feature templates must not depend on undefined globals",
    )
    parser.add_argument("--line-length", type=int, metavar="N", help="maximum line length (default 120)")
    parser.add_argument(
        "--include-path", metavar="DIRS", help="directories to find included templates (':'-separated)"
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: nearest .panlint.toml or pyproject.toml with [tool.panlint])",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    parser.add_argument("--cache-dir", metavar="DIR", help="where to keep the result cache")
    parser.add_argument(
        "--parse-cache", action="store_true", help="also parse through the parser's on-disk parse cache"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=0, metavar="N", help="worker processes (default: cores)"
    )
    parser.add_argument("--version", action="version", version=f"panlint {panlint.__version__}")
    return parser


def expand_paths(
    patterns: Sequence[str], strict: bool = False, statuses: dict[str, os.stat_result] | None = None
) -> list[str]:
    """Files named by the arguments: files, ``.pan`` files under directories, glob matches.

    As the old tool: patterns are Python globs (``**`` is one folder level) and one that
    matches nothing is skipped, with a warning on stderr. ``strict`` (``--preview``): ``**``
    is any depth and a pattern that matches nothing is a usage error. The status of each
    file named as such goes to ``statuses`` (the result cache reads it: one ``stat`` a file).
    """
    files: list[str] = []
    for pattern in patterns:
        try:
            status = os.stat(pattern)
        except (OSError, ValueError):
            status = None
        if status is not None and stat.S_ISREG(status.st_mode):
            files.append(pattern)
            if statuses is not None:
                statuses[pattern] = status
            continue
        if os.path.isdir(pattern):
            found = _files_under(pattern)
        elif GLOB_CHARACTERS & set(pattern):
            import glob  # pylint: disable=import-outside-toplevel

            found = [
                path for match in sorted(glob.glob(pattern, recursive=strict)) for path in _files_under(match)
            ]
        else:
            found = []
        if not found:
            problem = (
                f"no .pan file under {pattern!r}"
                if os.path.isdir(pattern)
                else f"no file matches {pattern!r}"
            )
            if strict:
                raise UsageError(problem)
            print(f"panlint: warning: {problem}", file=sys.stderr)
        files.extend(found)
    return list(dict.fromkeys(files))


def _files_under(path: str) -> list[str]:
    """``path`` itself, or the ``.pan`` files below the directory (hidden folders skipped)."""
    if not os.path.isdir(path):
        return [path]
    found = []
    for directory, subdirectories, names in os.walk(path):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        found.extend(os.path.join(directory, name) for name in sorted(names) if name.endswith(".pan"))
    return found


def _cli_settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if args.allow_mvn_templates:
        settings["allow-mvn-templates"] = True
    if args.preview:
        settings["preview"] = True
    if args.ignore_components:
        settings["ignore-components"] = ",".join(args.ignore_components)
    for key in ("suppress", "threshold", "select", "extend_select", "ignore", "line_length"):
        value = getattr(args, key)
        if value is not None:
            settings[key] = value
    if args.include_path:
        settings["include-path"] = [item for item in args.include_path.split(os.pathsep) if item]
    return settings


def resolve_config(args: argparse.Namespace) -> Config:
    """Defaults, then the configuration file, then the command line."""
    path = Path(args.config) if args.config else find_config_file(Path.cwd())
    if args.config and not path.is_file():  # type: ignore[union-attr]
        raise ConfigError(f"{args.config}: no such configuration file")
    config = apply_settings(load_config(path), _cli_settings(args))
    extra = [
        rule_id
        for rule_id, wanted in (
            ("FT001", args.feature_templates_standalone),
            ("FT002", args.features_standalone),
        )
        if wanted
    ]
    if extra:
        config = apply_settings(config, {"extend-select": [*config.extend_select, *extra]})
    return config


def explain(key: str, stream: TextIO) -> int:
    """Print a rule's documentation."""
    from panlint.rules import find_rule  # pylint: disable=import-outside-toplevel

    rule = find_rule(key)
    if rule is None:
        print(f"panlint: unknown rule {key!r}", file=sys.stderr)
        return EXIT_ERROR
    flags = [rule.level.label, "fixable" if rule.fixable else "", _availability(rule)]
    stream.write(f"{rule.id} {rule.name} ({', '.join(flag for flag in flags if flag)})\n\n")
    stream.write(rule.explanation() + "\n")
    return EXIT_CLEAN


def _availability(rule: Any) -> str:
    """ "" for the rules on by default, "preview" for those on with --preview, else "opt-in"."""
    from panlint.compat.catalog import DEFAULT_IDS  # pylint: disable=import-outside-toplevel

    if rule.id in DEFAULT_IDS:
        return ""
    return "preview" if rule.enabled_by_default else "opt-in"


def list_rules(stream: TextIO) -> int:
    from panlint.rules import ALL_RULES  # pylint: disable=import-outside-toplevel

    for rule in ALL_RULES:
        marks = ("fix" if rule.fixable else "   ") + (
            " " + _availability(rule) if _availability(rule) else ""
        )
        stream.write(f"{rule.id}  {rule.level.label:<7}  {marks:<11}  {rule.name}: {rule.summary}\n")
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run panlint; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.explain:
            return explain(args.explain, sys.stdout)
        if args.list_rules:
            return list_rules(sys.stdout)
    except BrokenPipeError:
        return EXIT_ERROR
    if not args.paths:
        # As the old tool: a CI that lints the changed files may have none to give.
        print("No files were provided, not doing anything")
        return EXIT_CLEAN
    try:
        config = resolve_config(args)
        statuses: dict[str, os.stat_result] = {}
        files = expand_paths(args.paths, strict=config.preview, statuses=statuses)
    except (ConfigError, UsageError) as error:
        print(f"panlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return _run(args, config, files, statuses)
    except (ConfigError, UsageError) as error:
        print(f"panlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR


def _run(
    args: argparse.Namespace, config: Config, files: list[str], statuses: dict[str, os.stat_result]
) -> int:
    # Imported late so `--explain` and usage errors need no parser.
    from panlint.cache import (  # pylint: disable=import-outside-toplevel
        LintCache,
        default_cache_dir,
        include_path_fingerprint,
    )
    from panlint.reporters import ReportOptions, reporter  # pylint: disable=import-outside-toplevel
    from panlint.runner import lint_files  # pylint: disable=import-outside-toplevel

    failed = False
    if args.diff and not args.fix:
        raise UsageError("--diff only goes with --fix")
    if args.fix:
        failed = _fix_files(files, config, sys.stdout if args.diff else None)
        if args.diff:
            return EXIT_ERROR if failed else EXIT_CLEAN
    # Fixes are computed only for the reports that carry them.
    fixes = args.format in FORMATS_WITH_FIXES
    cache = None
    if not args.no_cache:
        key = config.fingerprint() + (" fixes" if fixes else "")
        if config.include_path:
            key += include_path_fingerprint(config.include_path)
        cache = LintCache(Path(args.cache_dir) if args.cache_dir else default_cache_dir(), key)
    results = lint_files(
        files, config, cache, jobs=args.jobs, parse_cache=args.parse_cache, fixes=fixes, statuses=statuses
    )
    for result in results:
        if result.error:
            print(f"panlint: {result.error}", file=sys.stderr)
            failed = True
    stream = sys.stdout
    if args.debug:
        _describe_lines(results, sys.stderr)
    options = ReportOptions(
        config=config,
        summary=args.summary,
        table=args.table,
        color=args.format in ("text", "full")
        and not (args.output or args.ide)
        and stream.isatty()
        and "NO_COLOR" not in os.environ,
        vi=args.vi,
    )
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                reporter(args.format)(results, handle, options)
        except OSError as error:
            reason = error.strerror or error
            raise UsageError(f"cannot write the report to {args.output}: {reason}") from error
    else:
        reporter(args.format)(results, stream, options)
    if failed:
        return EXIT_ERROR
    at_threshold = any(f.level >= config.threshold for result in results for f in result.findings)
    if at_threshold and not args.always_exit_success:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _describe_lines(results: list[Any], stream: TextIO) -> None:
    """``--debug``: how the old checks read each line of each file."""
    from panlint.compat.view import describe_lines  # pylint: disable=import-outside-toplevel

    for result in results:
        for number, kind, line in describe_lines(result.text or ""):
            stream.write(f"DEBUG: {result.path}:{number:<5} {kind:<10}|{line}\n")


def _fix_files(files: list[str], config: Config, diff: TextIO | None = None) -> bool:
    """Fix files in place (or write the changes to ``diff``); True if one could not be read or written."""
    import difflib  # pylint: disable=import-outside-toplevel

    from panlint.fixes import fix_text  # pylint: disable=import-outside-toplevel
    from panlint.runner import read_source  # pylint: disable=import-outside-toplevel

    failed = False
    for path in files:
        try:
            text = read_source(path)
        except OSError as error:
            print(f"panlint: {path}: cannot read: {error}", file=sys.stderr)
            failed = True
            continue
        outcome = fix_text(text, path, config)
        if outcome.refused:
            print(f"panlint: {path}: {outcome.refused}", file=sys.stderr)
        if outcome.text != text and diff is not None:
            lines = difflib.unified_diff(
                text.splitlines(keepends=True), outcome.text.splitlines(keepends=True), path, path
            )
            diff.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
        elif outcome.text != text:
            try:
                _write_atomically(Path(path), outcome.text)
            except OSError as error:
                print(f"panlint: {path}: cannot write: {error}", file=sys.stderr)
                failed = True
                continue
            print(f"panlint: {path}: fixed {outcome.applied} finding(s)", file=sys.stderr)
    return failed


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.panlint-tmp")
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(temporary, path)


__all__ = ["Level", "main"]
