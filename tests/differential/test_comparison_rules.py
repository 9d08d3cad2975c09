"""The comparison itself: what counts as a divergence, how it is grouped, and how the known Java
bugs of ``known_java_bugs.toml`` are honoured (with the oracle: that the bug is real)."""

from __future__ import annotations

from pathlib import Path

import pytest
from differential_comparison import (
    CompileResult,
    KnownJavaBugs,
    compare,
    compare_multi_object_stdout,
    error_blocks,
    first_message_line,
    message_family,
    real,
)
from generator_coverage import COVERAGE_FILE, coverage_listing
from java_oracle import JavaOracle, PancRun, oracle_unavailable, run_ours

ERROR = "evaluation error [/w/{0}.pan:2.8-2.22]\n[{0}] user-initiated error: boom\n>>> call stack trace \n\n"


def _result(rc: int, stdout: str = "", stderr: str = "", **outputs: bytes) -> CompileResult:
    """A result; ``json=b"..."`` is the file ``o1.json``."""
    return CompileResult(
        PancRun(rc, stdout, stderr), {f"o1.{suffix}": data for suffix, data in outputs.items()}
    )


def test_the_same_results_agree() -> None:
    assert compare(_result(0, json=b"{}"), _result(0, json=b"{}")) == []


def test_an_outcome_divergence_says_why_each_side_ended() -> None:
    [divergence] = compare(_result(1, ERROR.format("o1")), _result(0, json=b"{}"))
    assert divergence.aspect == "outcome"
    assert (
        divergence.group
        == "outcome | java fails: evaluation error: [NAME] user-initiated error: boom | ours succeeds"
    )


def test_messages_group_by_family_not_by_particulars() -> None:
    assert message_family("cannot locate template named 'o12/x' [/tmp/a/o12.pan:3.1-3.9]") == (
        "cannot locate template named '…' [POS]"
    )
    assert message_family("index 42 is out of range for /a/b") == "index N is out of range for /PATH"


def test_divergences_name_the_first_differing_aspect() -> None:
    java = _result(1, "syntax error [/w/o1.pan:2.8-2.10]\ndivision by zero\n\n")
    ours = _result(1, "evaluation error [/w/o1.pan:2.8-2.10]\ndivision by zero\n\n")
    assert [d.aspect for d in compare(java, ours)] == ["category"]
    assert first_message_line(java.run.stdout) == "division by zero"
    files = compare(_result(0, "", "w\n", json=b"1", dot=b"a"), _result(0, "", "w\n", json=b"2", dot=b"a"))
    assert [(d.aspect, d.group) for d in files] == [("file o1.json", "file .json | java N | ours N")]


def test_known_java_bugs_have_a_reason_and_a_way_to_match() -> None:
    bugs = KnownJavaBugs.load()
    assert bugs.bugs
    implemented_rules = {"java-drops-errors-of-parallel-objects"}
    for bug in bugs.bugs:
        assert len(bug.reason) > 40, bug.name
        assert bug.rule in implemented_rules or bug.java or bug.ours, bug.name


def test_errors_java_drops_for_parallel_objects_are_accepted() -> None:
    """Java printed the error of o2 only; we print both: o1's error is accepted (the rule),
    an error printed by Java and not by us is not."""
    ours = ERROR.format("o1") + ERROR.format("o2")
    divergences = compare_multi_object_stdout(ERROR.format("o2"), ours, {"o1", "o2"}, KnownJavaBugs.load())
    assert [d.accepted_as for d in divergences] == ["java-drops-errors-of-parallel-objects"]
    assert not real(divergences)
    missing = compare_multi_object_stdout(ours, ERROR.format("o2"), {"o1", "o2"}, KnownJavaBugs.load())
    assert len(real(missing)) == 1
    assert [file for file, _ in error_blocks(ours)] == ["/w/o1.pan", "/w/o2.pan"]


@pytest.mark.skipif(oracle_unavailable() is not None, reason=oracle_unavailable() or "")
def test_java_really_drops_errors_of_parallel_objects(tmp_path: Path, monkeypatch) -> None:
    """The bug the rule accepts: 30 failing objects in one Java run, fewer than 30 errors printed;
    ours prints all 30, and the comparison finds nothing else."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    files = []
    for i in range(30):
        path = tmp_path / f"o{i}.pan"
        path.write_text(f"object template o{i};\n'/x' = error('boom {i}');\n", encoding="utf-8")
        files.append(str(path))
    for side in ("java", "ours"):
        (tmp_path / side).mkdir()
    argv = ["--formats", "json", "--include-path", str(tmp_path), "--output-dir"]
    with JavaOracle() as oracle:
        java = oracle.run([*argv, str(tmp_path / "java"), *files])
    ours = run_ours([*argv, str(tmp_path / "ours"), *files])
    assert java.rc == ours.rc == 1
    assert len(error_blocks(java.stdout)) < 30 == len(error_blocks(ours.stdout))
    failed = {f"o{i}" for i in range(30)}
    assert not real(compare_multi_object_stdout(java.stdout, ours.stdout, failed, KnownJavaBugs.load()))


JAVA_INTERNAL_FAILURES = [
    ("java-internal-error-stack-trace", "'/x' = digest('SHA', 1.5E10);"),
    ("java-null-pointer-exception", "'/x' = index(json_decode(''), list('a.b', 'x'));"),  # Java only fails
    ("java-null-pointer-exception", "'/x' = to_double(false) - json_decode('');"),  # both fail
    ("java-compiler-error-on-constant-path", "'/x' = path_exists('bad//path');"),
    ("java-json-decode-empty-is-jvm-null", "'/x' = { s = append(list(1), json_decode('')); length(s) };"),
    ("java-bare-stack-overflow-when-folding", "'/x' = { res = list(1); res = prepend(res, res); res };"),
]


@pytest.mark.parametrize(("bug", "statement"), JAVA_INTERNAL_FAILURES)
def test_java_internal_failures_are_real(bug: str, statement: str, tmp_path: Path, monkeypatch) -> None:
    """Each Java crash the comparison accepts happens with the oracle, and the entry accepts
    every divergence of its example (nothing else differs)."""
    if (reason := oracle_unavailable()) is not None:
        pytest.skip(reason)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "o1.pan"
    source.write_text(f"object template o1;\n{statement}\n", encoding="utf-8")
    results = {}
    for side in ("java", "ours"):
        out = tmp_path / side
        out.mkdir()
        argv = ["--formats", "json", "--include-path", str(tmp_path), "--output-dir", str(out), str(source)]
        if side == "java":
            with JavaOracle() as oracle:
                run = oracle.run(argv)
        else:
            run = run_ours(argv)
        results[side] = CompileResult(run, {p.name: p.read_bytes() for p in out.iterdir()})
    divergences = KnownJavaBugs.load().honour(compare(results["java"], results["ours"]))
    assert divergences, "the Java panc no longer fails here: remove the entry"
    assert {d.accepted_as for d in divergences} == {bug}, divergences


def test_the_coverage_listing_is_current() -> None:
    assert COVERAGE_FILE.read_text(encoding="utf-8") == coverage_listing(), (
        "regenerate with: python tools/differential.py --write-coverage"
    )
