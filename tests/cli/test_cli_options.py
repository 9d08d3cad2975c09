"""panc's command-line options: names, defaults, and the errors for bad values."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import SHARED, dispatch_panc, run_panc

from panc.cli import FLAGS, NOTHING_TO_DO, SUBCOMMANDS, VALUE_OPTIONS, compile_options, make_parser


def test_defaults_match_panc():
    args = make_parser().parse_args([])
    options = compile_options(args)
    assert (args.formats, options["max_iteration"], options["max_recursion"]) == ("pan,dep", 10000, 50)
    assert (args.warnings, args.nthread, args.debug, args.verbose) == ("on", 0, False, False)
    assert args.include_path is None and args.output_dir is None


def test_the_command_line_reader_knows_every_option_of_the_parser():
    """``panc.option_errors.read_command_line`` reports an option it does not know as unknown."""
    actions = make_parser()._actions  # pylint: disable=protected-access
    flags = {name for action in actions if action.nargs == 0 for name in action.option_strings}
    valued = {name for action in actions if action.nargs != 0 for name in action.option_strings}
    assert (flags, valued) == (set(FLAGS), set(VALUE_OPTIONS))


def test_help_lists_every_option():
    returncode, stdout, _ = run_panc(["--help"])
    assert returncode == 0
    for option in ("--output-dir", "--formats", "--include-path", "--max-iteration", "--max-recursion",
                   "--initial-data", "--debug", "--debug-ns-include", "--debug-ns-exclude", "--warnings",
                   "--nthread", "--logging", "--log-file", "--java-opts", "--verbose", "--version"):
        assert option in stdout


def test_help_lists_every_subcommand():
    _, stdout, _ = run_panc(["--help"])
    subcommands = stdout[stdout.index("subcommands"):]
    assert [line.split()[0] for line in subcommands.splitlines()[1:]] == list(SUBCOMMANDS)


def test_version():
    returncode, stdout, _ = run_panc(["--version"])
    assert returncode == 0
    assert stdout.startswith("panc (pan-tools) ")


def test_output_dir_must_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    returncode, stdout, _ = run_panc(["--output-dir", "out", "x.pan"])
    assert (returncode, stdout) == (1, "OPTIONS ERROR: out must be an existing directory\n")


def test_include_path_entries_must_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    returncode, stdout, _ = run_panc(["--include-path", ".:missing::/nowhere//", "x.pan"])
    message = f"include path must contain only existing directories: {tmp_path}/missing /nowhere"
    assert (returncode, stdout) == (1, f"OPTIONS ERROR: {message}\n")


# What the Java panc prints for these command lines (tests/differential/test_option_errors.py
# compares them with it): every unknown option and missing value at once, as clojure prints the
# vector of messages, then the first wrong value in the order the Java panc checks them.
JAVA_OPTION_ERRORS = [
    (["--x", "a.pan"], '["Unknown option: \\"--x\\""]\nOPTIONS ERROR: Unknown option: "--x"\n'),
    (["--no-debug", "-xv", "--formats"],
     '["Unknown option: \\"--no-debug\\""\n "Unknown option: \\"-x\\""\n'
     ' "Missing required argument for \\"--formats FORMATS\\""]\n'
     'OPTIONS ERROR: Unknown option: "--no-debug"\nUnknown option: "-x"\n'
     'Missing required argument for "--formats FORMATS"\n'),
    (["--formats", "pan,txt"], "OPTIONS ERROR: unknown formatter: txt\n"),
    (["--formats", " json"], "OPTIONS ERROR: unknown formatter:  json\n"),
    (["--max-iteration", "0"], "OPTIONS ERROR: only postive values for max-iteration are allowed\n"),
    (["--max-recursion", "ten"], "OPTIONS ERROR: invalid integer value (ten) for max-recursion\n"),
    (["--max-iteration", "2147483648"],
     "OPTIONS ERROR: invalid integer value (2147483648) for max-iteration\n"),
    (["--nthread", "-1"], "OPTIONS ERROR: only non-negative values for nthread are allowed\n"),
    (["--warnings", "loud"], "OPTIONS ERROR: :warnings value must be off, on, or fatal\n"),
    (["--max-recursion", "0", "--warnings", "x", "--nthread", "y", "--formats", "bad"],
     "OPTIONS ERROR: unknown formatter: bad\n"),
    (["--max-recursion", "0", "--warnings", "x", "--nthread", "y"],
     "OPTIONS ERROR: invalid integer value (y) for nthread\n"),
]


@pytest.mark.parametrize(("args", "printed"), JAVA_OPTION_ERRORS)
def test_option_errors_are_the_java_pancs(args, printed, tmp_path):
    assert run_panc(["--output-dir", str(tmp_path), *args]) == (1, printed, "")


def test_formats_are_split_as_the_java_panc_splits_them(tmp_path):
    arguments = ["--output-dir", str(tmp_path), "--formats", "json ,", "--include-path", str(tmp_path)]
    assert run_panc(arguments) == (0, "", "")


@pytest.mark.parametrize(("args", "message"), [
    (["--debug-ns-include", "a(b"], "debug-ns-include has an invalid regular expression 'a(b'"),
    (["--executor", "dask"], "--executor dask needs --scheduler"),
    (["--executor", "ray"], "argument --executor: invalid choice: 'ray'"),
    (["--max-memory", "lots"], "max-memory must be a size such as 2G or 512M, not 'lots'"),
])
def test_bad_values_of_options_java_lacks_are_reported(args, message, tmp_path):
    """(The Java panc fails with a stack trace on a bad ``--debug-ns-include`` expression.)"""
    returncode, stdout, _ = run_panc(["--output-dir", str(tmp_path), *args])
    assert returncode == 1
    assert stdout.startswith("OPTIONS ERROR: ")
    assert message in stdout


def test_compatibility_options_are_accepted_and_ignored(tmp_path):
    returncode, stdout, stderr = run_panc(["--output-dir", str(tmp_path), "--java-opts", "-Xmx2G",
                                           "--logging", "all", "--log-file", str(tmp_path / "log"),
                                           "--nthread", "2"])
    assert (returncode, stdout, stderr) == (0, "", "")
    assert not list(tmp_path.iterdir())


def test_equals_form_of_options(tmp_path):
    args = make_parser().parse_args([f"--output-dir={tmp_path}", "--formats=json", "--debug-ns-include=a.*",
                                     "--debug-ns-include=b", "x.pan"])
    assert (args.formats, args.debug_ns_include, args.templates) == ("json", ["a.*", "b"], ["x.pan"])


JAVA_PANC = SHARED / "oracle" / "java-panc" / "panc"


def test_bare_panc_says_what_to_do_on_stderr_and_exits_as_java_does(tmp_path):
    code, stdout, stderr = dispatch_panc([])
    assert (code, stdout, stderr) == (0, "", NOTHING_TO_DO)
    assert "panc --help" in stderr
    if JAVA_PANC.exists() and shutil.which("java"):
        java = subprocess.run([str(JAVA_PANC)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              check=False)
        assert (java.returncode, java.stdout) == (code, stdout)
        assert not list(Path(tmp_path).iterdir())
