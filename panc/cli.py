"""The ``panc`` command: a drop-in for the Java pan compiler's command line.

Arguments in, profiles and messages out, an exit code: compile errors go to stdout exactly as
panc prints them, ``debug``/``traceback``/``deprecated`` messages to stderr, and the exit code
is 1 when any object failed. The compiling and writing itself lives in ``panc.build``.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from panc import __version__, commands
from panc.build import (
    BuildReport,
    BuildSettings,
    CompilerFactory,
    DependencyCheck,
    FileOutcome,
    Progress,
    build,
    options_key,
)
from panc.build.scdb import Cluster, ClusterError, load_cluster
from panc.commands import OptionsError, OptionsParser
from panc.diagnostics import (
    Category,
    Diagnostic,
    PanError,
    PanParseError,
    error_from_diagnostic,
)
from panc.evaluation import memory
from panc.evaluation.memory import parse_size
from panc.javatext import JAVA_CONSOLE_ERRORS
from panc.option_errors import (
    JAVA_VALUE_OPTIONS,
    command_line_error_text,
    existing_output_dir,
    include_path_entries,
    non_negative_integer,
    positive_integer,
    read_command_line,
    warnings_level,
)
from panc.output import UnknownFormatError, parse_formats
from panc.source import UNKNOWN_SPAN
from panc.syntax.gcpause import declare_one_shot

WARNING_LEVELS = ("off", "on", "fatal")
DEFAULT_FORMATS = "pan,dep"
DEFAULT_MAX_ITERATION = 10000
DEFAULT_MAX_RECURSION = 50
DEFAULT_MAX_REGEX_TIME = 10.0


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"max-regex-time must be a positive number of seconds, not '{text}'")
    return value


def _memory_size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"max-memory must be a size such as 2G or 512M, not '{text}'") \
            from None


def _max_memory(args: argparse.Namespace) -> int | None:
    """--max-memory, else the Java heap size of --java-opts (-Xmx2g), else ``None`` (the default)."""
    if args.max_memory is not None:
        return int(args.max_memory)
    heap = re.search(r"-Xmx(\d+[kKmMgGtT]?)\b", args.java_opts or "")
    return parse_size(heap.group(1)) if heap else None


_SUBCOMMANDS_HELP = """subcommands (panc SUBCOMMAND --help for theirs):
  build        these options, with dependency checking on, a progress bar and a summary
  annotations  panc-annotations: the annotation XML of templates
  docs         a template library's annotations as Markdown or HTML
  diff         per object, the profile paths two builds or two git revisions differ in
  impact       the object templates a change to some templates affects
  explain      where the value at a profile path of an object came from (every write, in order)
  fmt          format templates in the one canonical layout (--check for CI)"""


def make_parser() -> argparse.ArgumentParser:
    """panc's options, with its names and defaults."""
    parser = OptionsParser(
        prog="panc",
        description="Compile pan object templates into machine profiles (drop-in for the Java panc).",
        epilog=_SUBCOMMANDS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
        add_help=False,
    )
    add = parser.add_argument
    add("-h", "--help", action="store_true", help="print this summary and exit")
    add("--version", action="store_true", help="print the compiler version and exit")
    add("-v", "--verbose", action="store_true", help="print statistics at the end of the compilation")
    add("--debug", action="store_true", help="enable debug() and traceback() in all templates")
    add("--debug-ns-include", action="append", default=[], metavar="REGEX",
        help="enable debug() and traceback() in templates whose name matches (repeatable)")
    add("--debug-ns-exclude", action="append", default=[], metavar="REGEX",
        help="disable them in templates whose name matches; wins over include (repeatable)")
    add("--initial-data", metavar="DML", help="a DML expression giving the dict every object starts from")
    add("--include-path", metavar="PATH",
        help="directories searched for templates, separated by ':' (default: current directory)")
    add("--cluster", metavar="DIR",
        help="an SCDB cluster (cfg/clusters/[GROUP/]CLUSTER): its include path as its "
             "cluster.build.properties gives it, and its profiles when no template is given")
    add("--output-dir", metavar="DIR",
        help="existing directory for the profiles (default: current directory)")
    add("--formats", default=DEFAULT_FORMATS, metavar="LIST",
        help="comma-separated output formats: pan, pan.gz, xml, xml.gz, json, json.gz, text, dot, "
             f"dep, dep.gz, null, none (default: {DEFAULT_FORMATS})")
    add("--max-iteration", default=str(DEFAULT_MAX_ITERATION), metavar="N",
        help=f"limit on loop iterations (default: {DEFAULT_MAX_ITERATION})")
    add("--max-recursion", default=str(DEFAULT_MAX_RECURSION), metavar="N",
        help=f"limit on the call depth (default: {DEFAULT_MAX_RECURSION})")
    add("--max-regex-time", type=_positive_float, default=DEFAULT_MAX_REGEX_TIME, metavar="SECONDS",
        help="time one regular expression may take to match before it is an evaluation error (default: "
             f"{DEFAULT_MAX_REGEX_TIME:g})")
    add("--max-memory", type=_memory_size, metavar="SIZE",
        help="memory budget of each compiling process, e.g. 2G or 512M (0: none); going past it is an "
             "evaluation error of the object (default: the -Xmx of --java-opts, else a quarter of the RAM)")
    add("--warnings", default="on", metavar="LEVEL",
        help="deprecation warnings: off, on (printed) or fatal (errors) (default: on)")
    add("--restrict-paths", action="store_true",
        help="read templates and data files only if their real path (symbolic links resolved) "
             "is inside the include path: for builds of templates you do not trust")
    add("--nthread", default="0", metavar="N",
        help="objects compiled in parallel (worker processes); 0 means one per CPU, larger values "
             "are capped at the CPU count (default: 0)")
    add("--check-dependencies", action=argparse.BooleanOptionalAction, default=None,
        help="skip objects whose templates, data files, lookups and options did not change since "
             "the last build (recorded in OUTDIR/.panc-build.json); default: on with 'panc build', "
             "off otherwise")
    add("--force", action="store_true", help="with dependency checking, compile everything anyway")
    add("--executor", choices=("local", "dask"), default="local",
        help="where objects compile: local worker processes, or a Dask cluster (--scheduler)")
    add("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://host:8786")
    add("--java-opts", metavar="OPTIONS",
        help="accepted for compatibility; only its -Xmx (the Java heap) is used, as --max-memory")
    add("--logging", metavar="TYPES", help="accepted for compatibility (as in panc, it has no effect)")
    add("--log-file", metavar="FILE", help="accepted for compatibility (as in panc, it has no effect)")
    add("templates", nargs="*", metavar="template", help="template files; object templates are built")
    return parser


VALUE_OPTIONS: dict[str, str] = {
    **JAVA_VALUE_OPTIONS,
    "--cluster": "DIR", "--max-memory": "SIZE", "--max-regex-time": "SECONDS", "--executor": "EXECUTOR",
    "--scheduler": "ADDRESS",
}
"""The options that take a value, with the name of the value in messages (panc's own names)."""
FLAGS = frozenset({"-h", "--help", "--version", "-v", "--verbose", "--debug", "--restrict-paths",
                   "--check-dependencies", "--no-check-dependencies", "--force"})


def attach_option_values(argv: Sequence[str]) -> list[str]:
    """``--opt VALUE`` as ``--opt=VALUE``, so that a value starting with ``-`` (``--java-opts
    -Xmx2G``, ``--initial-data -1``...) is taken as the value, as panc's parser does."""
    attached: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token in VALUE_OPTIONS:
            value = next(tokens, None)
            attached.append(token if value is None else f"{token}={value}")
        else:
            attached.append(token)
        if token == "--":
            attached.extend(tokens)
    return attached


def _include_path(value: str | None) -> list[str]:
    if value is None:
        return [os.getcwd()]
    return include_path_entries(value)


def _workers(nthread: int) -> int:
    """panc's ``--nthread``: 0 means one per CPU, and no more than the CPUs there are."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cpus if nthread == 0 else min(nthread, cpus)


def _any_of(patterns: list[str], option: str) -> str | None:
    """One regular expression matching (in full) whatever one of ``patterns`` matches."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as e:
            raise OptionsError(f"{option} has an invalid regular expression '{pattern}': {e}") from e
    if not patterns:
        return None
    return "|".join(f"(?:{p})" for p in patterns)


def check_values(args: argparse.Namespace, directories: bool = True) -> None:
    """The Java panc's checks of its options' values, in its order (``panc.option_errors``):
    ``OptionsError`` for the first wrong one; the numbers are stored in ``args`` as numbers.
    Without ``directories`` the include path and output directory are not looked at (they
    are another revision's, see ``panc.build.revision_builds``)."""
    try:
        parse_formats(args.formats)
    except UnknownFormatError as error:
        raise OptionsError(f"unknown formatter: {error.key}") from None
    if directories and args.include_path is not None:
        include_path_entries(args.include_path)
    if directories and args.output_dir is not None:
        existing_output_dir(args.output_dir)
    args.nthread = non_negative_integer("nthread", args.nthread)
    args.warnings = warnings_level(args.warnings, WARNING_LEVELS)
    args.max_iteration = positive_integer("max-iteration", args.max_iteration)
    args.max_recursion = positive_integer("max-recursion", args.max_recursion)


def compile_options(args: argparse.Namespace) -> dict[str, Any]:
    """The ``CompileOptions`` keywords of panc's parsed options (``OptionsError`` when wrong);
    the compiler itself is only imported when something is compiled."""
    if args.cluster is not None and args.include_path is not None:
        raise OptionsError("--cluster gives the include path: --include-path cannot be used with it")
    check_values(args)
    include_path = cluster_of_options(args).include_path if args.cluster else _include_path(args.include_path)
    options: dict[str, Any] = {
        "include_path": list(include_path),
        "max_iteration": args.max_iteration,
        "max_recursion": args.max_recursion,
        "initial_data": args.initial_data,
        "debug": args.debug,
        "debug_ns_include": _any_of(args.debug_ns_include, "debug-ns-include"),
        "debug_ns_exclude": _any_of(args.debug_ns_exclude, "debug-ns-exclude"),
        "warnings": args.warnings,
    }
    if args.restrict_paths:  # only when set: the dependency key of other builds stays the same
        options["restrict_paths"] = True
    if args.max_regex_time != DEFAULT_MAX_REGEX_TIME:  # (the dependency check's key of older builds)
        options["max_regex_time"] = args.max_regex_time
    max_memory = _max_memory(args)
    if max_memory is not None:  # (only then: the dependency check's key of older builds stays valid)
        options["max_memory"] = max_memory
    return options


def cluster_of_options(args: argparse.Namespace) -> Cluster:
    """The SCDB cluster of ``--cluster`` (``OptionsError`` when it is none)."""
    try:
        return load_cluster(args.cluster)
    except ClusterError as error:
        raise OptionsError(str(error)) from error


def cluster_profiles(args: argparse.Namespace) -> list[str]:
    """With ``--cluster`` and no template given: the cluster's profiles."""
    return list(cluster_of_options(args).profiles) if args.cluster else []


def console_text(error: PanError | Diagnostic) -> str:
    """An error exactly as panc prints it on stdout, with its trailing blank lines."""
    if isinstance(error, Diagnostic):
        if error.printed:
            text = error.printed
            return text + ("\n" if error.category is Category.PARSE else "\n\n")
        if error.span.file == UNKNOWN_SPAN.file:
            # nothing to point at (e.g. a command-line file that cannot be read)
            phrase = error.category.value if error.category else error.code
            return f"{phrase} [?:?]\n{error.message}\n\n\n"
        error = error_from_diagnostic(error)
    text = error.format()
    if isinstance(error, PanParseError):
        return text + "\n"
    return text + "\n\n"


def _megabytes(n_bytes: int) -> str:
    return f"{n_bytes // (1024 * 1024):,}"


def statistics_text(report: BuildReport) -> str:
    """panc's ``-v`` summary (MSG_STATISTICS_TEMPLATE).

    The memory figures are the process's peak resident memory (including finished worker
    processes) against the machine's physical memory; Python has no separate non-heap figure.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = max(own, children) * 1024
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        physical = -1024 * 1024
    milliseconds = round(report.elapsed_seconds * 1000)
    return (
        f"{report.templates} templates\n"
        f"{report.parsed}/{report.templates} compiled, 0/0 annotations, "
        f"{report.outputs_written}/{report.outputs_expected} xml, 0/0 dependency\n"
        f"{len(report.errors)} errors, {milliseconds:,} ms, "
        f"{_megabytes(peak)} MB/{_megabytes(physical)} MB heap, 0 MB/-1 MB nonheap\n"
        "\n"
    )


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, build_mode: bool = False,
        defer_cache_writes: bool = False) -> int:
    """The whole command, writing to the given streams; returns the exit code.

    ``build_mode`` (``panc build``) turns dependency checking on by default and adds a
    progress bar and a summary, both on stderr: stdout stays exactly panc's.
    ``defer_cache_writes``: see ``main``.
    """
    parser = make_parser()
    if build_mode:
        parser.prog = "panc build"
    line = read_command_line(argv, VALUE_OPTIONS, FLAGS)
    if line.flags & {"-h", "--help"}:
        stdout.write(parser.format_help())
        return 0
    if "--version" in line.flags:
        stdout.write(f"panc (pan-tools) {__version__}\n")
        return 0
    if line.errors:
        stdout.write(command_line_error_text(line.errors))
        return 1
    try:
        args = parser.parse_args(line.argv)
        options = compile_options(args)
        output_dir = args.output_dir if args.output_dir is not None else os.getcwd()
        include_path = options["include_path"]
        formats = tuple(parse_formats(args.formats))
        if args.executor == "dask" and not args.scheduler:
            raise OptionsError("--executor dask needs --scheduler")
    except OptionsError as e:
        stdout.write(f"OPTIONS ERROR: {e}\n")
        return 1
    max_memory = options.get("max_memory")

    def show_messages(outcome: FileOutcome) -> None:
        for message in outcome.messages:
            stderr.write(message)
        stderr.flush()

    check_dependencies = build_mode if args.check_dependencies is None else args.check_dependencies
    check = None
    if check_dependencies:
        key = options_key(options, [f.key for f in formats])
        check = DependencyCheck(tuple(include_path), key, force=args.force)
    progress = Progress(stderr, 0) if build_mode else None
    try:
        settings = BuildSettings(output_dir, formats)
        with memory.limited(max_memory):  # for the writers too (the compiler sets it for itself)
            report = build(args.templates or cluster_profiles(args), CompilerFactory(options), settings,
                           on_outcome=show_messages, workers=_workers(args.nthread), check=check,
                           scheduler=args.scheduler if args.executor == "dask" else None, progress=progress,
                           before_compiling=_defer_cache_writes if defer_cache_writes else None)
    except (OSError, ImportError) as error:
        # the cluster cannot be reached, or the dask extra is not installed
        stdout.write(f"OPTIONS ERROR: {error}\n")
        return 1
    for error in report.errors:
        stdout.write(console_text(error))
    if args.verbose:
        stdout.write(statistics_text(report))
    stdout.flush()
    if build_mode:
        stderr.write(summary_text(report))
        stderr.flush()
    return 1 if report.failed else 0


def summary_text(report: BuildReport) -> str:
    """The closing line of ``panc build``: objects compiled, up to date and failed, the templates
    given that are not object templates (they add up to the templates given), and the time."""
    skipped = f", {report.not_objects} not object templates (skipped)" if report.not_objects else ""
    return (f"panc: {report.templates} templates: {report.compiled} compiled, "
            f"{report.up_to_date} up to date, {report.failures} failed{skipped} "
            f"in {report.elapsed_seconds:.2f} s\n")


SUBCOMMANDS = ("build", *commands.MODULES)
"""Words taken as a subcommand when first on the command line and no file of that name exists
(a file named ``diff`` in the current directory is still compiled as panc does; a directory
such as a ``build/`` output folder does not count, panc has no use for one)."""


NOTHING_TO_DO = (
    "panc: no templates given: nothing to compile.\n"
    "  panc [options] TEMPLATE...      compile object templates into profiles\n"
    "  panc SUBCOMMAND ...             build, annotations, docs, diff, impact, explain\n"
    "  panc --help                     the options and the subcommands\n"
)
"""What bare ``panc`` says on stderr. The Java panc prints nothing and exits 0; so does this one
on stdout and in its exit code, which scripts may rely on."""


def dispatch(argv: Sequence[str], stdout: TextIO, stderr: TextIO, defer_cache_writes: bool = False) -> int:
    """``panc [options] FILES`` exactly as panc, or ``panc SUBCOMMAND ...``."""
    if not argv:
        stderr.write(NOTHING_TO_DO)
        return 0
    if argv[0] in SUBCOMMANDS and not os.path.isfile(argv[0]):
        if argv[0] == "build":
            return run(argv[1:], stdout, stderr, build_mode=True, defer_cache_writes=defer_cache_writes)
        if defer_cache_writes:
            _defer_cache_writes()
        return commands.run(argv[0], argv[1:], stdout, stderr)
    return run(argv, stdout, stderr, defer_cache_writes=defer_cache_writes)


def _defer_cache_writes() -> None:
    # imported here: a build that finds every object up to date never loads the parse cache
    from panc.syntax.cache import default_cache  # pylint: disable=import-outside-toplevel

    default_cache().defer_writes()


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point.

    The templates parsed in this run are written to the parse cache by a detached process
    once the command is done: encoding them costs half as much as parsing, and the user
    waits for the outputs, not for the next run's cache.
    """
    for stream in (sys.stdout, sys.stderr):  # messages quote template strings as Java prints them
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=JAVA_CONSOLE_ERRORS)
    try:
        arguments = sys.argv[1:] if argv is None else argv
        return dispatch(arguments, sys.stdout, sys.stderr, defer_cache_writes=True)
    finally:
        cache = sys.modules.get("panc.syntax.cache")
        if cache is not None:  # something was parsed
            cache.default_cache().flush_detached()


def console_main() -> NoReturn:
    """The ``panc`` program: ``main()``, then an exit that skips the interpreter's teardown.

    A compile leaves millions of small objects behind (syntax trees, compiled closures,
    profile trees); freeing them one by one at interpreter exit took 0.7 s of a 2 s compile
    of the template library. Everything the command does is done by then: its processes
    are joined, the parse cache is handed to its writer, and the output streams are flushed
    here, so nothing is lost by leaving at once.
    """
    declare_one_shot()  # what compiles keep is frozen out of the collector's scans
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: what could be written was
        code = code or 1
    os._exit(code)  # pylint: disable=protected-access


if __name__ == "__main__":
    console_main()
