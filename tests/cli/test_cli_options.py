"""panc's command-line options: names, defaults, and the errors for bad values."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import SHARED, dispatch_panc, run_panc

from panc.cli import NOTHING_TO_DO, SUBCOMMANDS, make_parser


def test_defaults_match_panc():
    args = make_parser().parse_args([])
    assert (args.formats, args.max_iteration, args.max_recursion) == ("pan,dep", 10000, 50)
    assert (args.warnings, args.nthread, args.debug, args.verbose) == ("on", 0, False, False)
    assert args.include_path is None and args.output_dir is None


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
    returncode, stdout, _ = run_panc(["--include-path", ".:missing", "x.pan"])
    assert (returncode, stdout) == (1, "OPTIONS ERROR: missing must be an existing directory\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--formats", "pan,txt"], "unknown format 'txt'"),
    (["--formats", "yaml"], "unknown format 'yaml'"),
    (["--max-iteration", "0"], "max-iteration must be a positive integer"),
    (["--max-recursion", "ten"], "max-recursion must be a positive integer"),
    (["--nthread", "-1"], "nthread must be a non-negative integer"),
    (["--debug-ns-include", "a(b"], "debug-ns-include has an invalid regular expression 'a(b'"),
    (["--no-debug"], "unrecognized arguments: --no-debug"),
    (["--disable-escaping"], "unrecognized arguments: --disable-escaping"),
    (["--output"], "unrecognized arguments: --output"),
    (["--executor", "dask"], "--executor dask needs --scheduler"),
    (["--executor", "ray"], "argument --executor: invalid choice: 'ray'"),
])
def test_bad_options_are_reported(args, message, tmp_path):
    returncode, stdout, _ = run_panc(["--output-dir", str(tmp_path), *args])
    assert returncode == 1
    assert stdout.startswith("OPTIONS ERROR: ")
    assert message in stdout


def test_bad_warnings_value_is_reported(tmp_path):
    returncode, stdout, _ = run_panc(["--output-dir", str(tmp_path), "--warnings", "loud"])
    assert returncode == 1
    assert stdout.startswith("OPTIONS ERROR: ") and "loud" in stdout


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
