"""``panc.build`` with a scripted compiler: what is built, written and reported, whatever fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from panc.build import BuildError, BuildSettings, build
from panc.cli import console_text
from panc.diagnostics import Category, Diagnostic, EvaluationError, PanError
from panc.output import FORMATS
from panc.source import Span


@dataclass
class Result:
    name: str
    profile: dict[str, Any] | None
    error: PanError | None = None
    dependencies: list[Any] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


class ScriptedCompiler:
    """Files are ``<object>.pan`` (objects), ``lib-*.pan`` (other templates) or ``bad-*.pan`` (syntax)."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def describe_file(self, path: str) -> tuple[str | None, list[Diagnostic]]:
        stem = path.removesuffix(".pan")
        if stem.startswith("bad-"):
            return None, [Diagnostic(Category.SYNTAX, "broken", Span(path, 1, 1, 1, 4))]
        return (None if stem.startswith("lib-") else stem), []

    def compile_object(self, name: str) -> Result:
        self.log.append(name)
        if name == "crash":
            raise KeyError("bug")
        if name.startswith("fail"):
            return Result(name, None, EvaluationError("no", Span(name, 1, 1, 1, 1)), messages=["said\n"])
        return Result(name, {"name": name}, messages=[f"{name} says hi\n"])


def _build(tmp_path, paths, formats=("json",)):
    log: list[str] = []
    seen: list[str] = []
    settings = BuildSettings(str(tmp_path), tuple(FORMATS[k] for k in formats))
    report = build(paths, lambda: ScriptedCompiler(log), settings, on_outcome=lambda o: seen.append(o.path))
    assert seen == list(paths)
    return report, log


def test_failures_do_not_stop_the_build(tmp_path):
    report, log = _build(tmp_path, ["a.pan", "fail1.pan", "crash.pan", "bad-x.pan", "b.pan"])
    assert log == ["a", "fail1", "crash", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]
    assert report.failed
    assert [type(e).__name__ for e in report.errors] == ["EvaluationError", "BuildError", "Diagnostic"]
    crash = report.outcomes[2]
    assert isinstance(crash.errors[0], BuildError) and "KeyError('bug')" in crash.errors[0].message
    assert "Traceback" in crash.messages[0]


def test_counts_for_the_statistics(tmp_path):
    report, _ = _build(tmp_path, ["a.pan", "lib-x.pan", "fail1.pan", "bad-y.pan"], formats=("pan", "dep"))
    assert (report.templates, report.parsed, report.objects) == (4, 3, 2)
    assert (report.outputs_written, report.outputs_expected) == (2, 4)
    assert len(report.errors) == 2


def test_an_object_given_twice_is_built_once(tmp_path):
    report, log = _build(tmp_path, ["fail1.pan", "fail1.pan"])
    assert log == ["fail1"]
    assert len(report.errors) == 1
    assert report.objects == 2


def test_messages_are_kept_per_object(tmp_path):
    report, _ = _build(tmp_path, ["a.pan", "fail2.pan"])
    assert [o.messages for o in report.outcomes] == [["a says hi\n"], ["said\n"]]


def test_unwritable_output_is_an_error_of_that_object(tmp_path):
    (tmp_path / "a.json").mkdir()  # a directory where the file should go
    report, _ = _build(tmp_path, ["a.pan", "b.pan"])
    assert (tmp_path / "b.json").is_file()
    error = report.outcomes[0].errors[0]
    # the Java panc's words, for the profile (not the temporary file it was being written to)
    assert isinstance(error, BuildError) and error.message == f"{tmp_path / 'a.json'} (Is a directory)"
    assert console_text(error) == error.message + "\n\n"


def test_other_templates_only_are_not_a_failure(tmp_path):
    report, log = _build(tmp_path, ["lib-a.pan", "lib-b.pan"])
    assert (log, report.failed, report.objects) == ([], False, 0)


def test_worker_processes_give_the_same_outcomes(tmp_path):
    paths = ["a.pan", "fail1.pan", "crash.pan", "bad-x.pan", "lib-y.pan", "b.pan", "a.pan"]
    serial_dir, parallel_dir = tmp_path / "serial", tmp_path / "parallel"
    serial_dir.mkdir()
    parallel_dir.mkdir()
    json_only = (FORMATS["json"],)
    serial = build(paths, lambda: ScriptedCompiler([]), BuildSettings(str(serial_dir), json_only))
    parallel = build(paths, lambda: ScriptedCompiler([]), BuildSettings(str(parallel_dir), json_only),
                     workers=2)

    def summary(report):
        return [(o.path, o.parsed, o.object_name, [_error_text(e) for e in o.errors], len(o.written))
                for o in report.outcomes]

    assert summary(parallel) == summary(serial)
    assert [o.messages[:1] for o in parallel.outcomes][:2] == [["a says hi\n"], ["said\n"]]
    evaluation_error = parallel.outcomes[1].errors[0]
    assert isinstance(evaluation_error, EvaluationError)
    assert evaluation_error.span == Span("fail1", 1, 1, 1, 1)
    assert sorted(p.name for p in parallel_dir.iterdir()) == ["a.json", "b.json"]


def _error_text(error):
    return error.format() if isinstance(error, PanError) else error.message
