"""A regular expression that backtracks without end (issue 13) is an evaluation error after
``--max-regex-time`` seconds; the Java panc (and Python's ``re``) would run it for ever."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluation"))
from pan_eval import compile_templates  # pylint: disable=wrong-import-position

REPO = Path(__file__).resolve().parents[2]
RUNAWAY = "'" + "a" * 64 + "!'"
PATTERN = "'^(a|aa)+$'"


@pytest.mark.parametrize(
    ("function", "call"),
    [
        ("match", f"match({RUNAWAY}, {PATTERN})"),
        ("matches", f"matches({RUNAWAY}, {PATTERN})"),
        ("replace", f"replace({PATTERN}, 'x', {RUNAWAY})"),
        ("split", f"split({PATTERN}, {RUNAWAY})"),
    ],
)
def test_runaway_regex_is_an_evaluation_error(function: str, call: str) -> None:
    started = time.monotonic()
    result = compile_templates({"obj": f"object template obj;\n'/a' = {call};\n"}, max_regex_time=0.3)
    elapsed = time.monotonic() - started
    assert result.error is not None
    text = result.error.format()
    assert text.startswith("evaluation error [memory/obj.pan:2.8-")
    assert (
        f"{function}(): matching the regular expression '^(a|aa)+$' takes more than 0.3 s "
        "(catastrophic backtracking?)\n>>> call stack trace" in text
    )
    assert elapsed < 10  # the engine checks its clock coarsely, but it does stop


def test_ordinary_regexes_are_unaffected_by_the_limit() -> None:
    body = "'/a' = match('aaaa', '^(a|aa)+$');\n'/b' = replace('a', 'b', 'aaa');\n"
    result = compile_templates({"obj": "object template obj;\n" + body}, max_regex_time=0.3)
    assert result.error is None
    assert result.profile == {"a": True, "b": "bbb"}


def test_without_the_regex_package_the_builtins_run_on_re(tmp_path: Path) -> None:
    """The VS Code bundle carries pure-Python wheels only, so not ``regex``: the same profile."""
    template = tmp_path / "obj.pan"
    template.write_text(
        "object template obj;\n"
        "'/m' = match('Host-01.example.org', '(?i)^host-\\d+\\.');\n"
        "'/g' = matches('a1b22', '([a-z])(\\d+)b(\\d+)');\n"
        "'/r' = replace('(\\w+)@(\\w+)', '$2 at $1', 'me@home, you@work');\n"
        "'/s' = split('\\s*,\\s*', 'a , b,c,,');\n"
    )
    blocked = "import sys; sys.modules['regex'] = None\n"  # importing it then raises ImportError
    profiles = {}
    for name, prelude in (("regex", ""), ("re", blocked)):
        out = tmp_path / name
        out.mkdir()
        code = (
            f"{prelude}import panc.builtins.regex as r, sys\n"
            f"assert r.TIME_LIMITED == {name == 'regex'}\n"
            "from panc.cli import main\n"
            f"sys.exit(main(['--formats', 'json', '--output-dir', {str(out)!r}, {str(template)!r}]))\n"
        )
        finished = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                                  cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert finished.returncode == 0, finished.stderr
        profiles[name] = (out / "obj.json").read_text()
    assert profiles["re"] == profiles["regex"]
    assert '"r": "home at me, work at you"' in profiles["re"]
