"""A regular expression that backtracks without end (issue 13) is an evaluation error after
``--max-regex-time`` seconds; the Java panc (and Python's ``re``) would run it for ever."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluation"))
from pan_eval import compile_templates  # pylint: disable=wrong-import-position

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
