"""The debugging session without any protocol: breakpoints, stepping, frames, values."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from dap_support import Debugger, Recorder, fixture_path, line_of

from panc.cli import run as panc_run
from panc.diagnostics import DeprecationFailure, EvaluationError, UserError, ValidationError
from pandbg import adapter
from pandbg import run as pandbg_run
from pandbg.session import DataSpec, DebugSession, FunctionSpec, LaunchConfig, LineSpec, SessionError


def test_launch_checks_the_program(debugger: Debugger) -> None:
    assert debugger.launch("node1.pan") == "node1"
    with pytest.raises(SessionError, match="cannot read template file"):
        debugger.launch("missing.pan")
    with pytest.raises(SessionError, match=r"parse error \[.*site/broken.pan:3"):
        debugger.launch("broken.pan")
    with pytest.raises(SessionError, match="not an object template"):
        debugger.launch("site/base.pan")
    with pytest.raises(SessionError, match="unknown output format"):
        debugger.launch("node1.pan", formats="pan,bogus")


def test_line_breakpoints_move_to_executable_statements(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    comment = line_of("node1.pan", "# the site's defaults")
    loop_body = line_of("node1.pan", "total = total + v;")
    placed = debugger.session.set_line_breakpoints(
        fixture_path("node1.pan"), [LineSpec(comment), LineSpec(loop_body), LineSpec(999)]
    )
    assert [(b.line, b.verified) for b in placed] == [(comment + 1, True), (loop_body, True), (999, False)]
    assert "moved to line" in (placed[0].message or "")
    assert placed[2].message == "no executable statement at or after this line"


def test_stop_in_included_template_with_stack(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    line = line_of("site/base.pan", "'/system/network/mtu' = 1500;")
    debugger.session.set_line_breakpoints(fixture_path("site/base.pan"), [LineSpec(line)])
    debugger.session.start()
    stop = debugger.recorder.next_stop()
    assert stop.reason == "breakpoint"
    frames = debugger.session.stack()
    assert [(f.name, Path(f.path).name, f.line) for f in frames] == [
        ("template site/base", "base.pan", line),
        ("object template node1", "node1.pan", line_of("node1.pan", "include 'site/base'")),
    ]
    # the function defined earlier in the template is known, the profile holds nothing yet
    assert debugger.session.evaluate("is_defined(GREETING)").value == "false"
    assert debugger.session.variables(debugger.scope("Profile")) == []
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_step_into_function_and_out(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    call = line_of("node1.pan", "add_packages(list")
    debugger.session.set_line_breakpoints(fixture_path("node1.pan"), [LineSpec(call)])
    debugger.session.start()
    debugger.recorder.next_stop()
    debugger.session.step_in()
    assert debugger.recorder.next_stop().reason == "step"
    assert debugger.top() == (
        "function add_packages",
        "base.pan",
        line_of("site/base.pan", "result = dict();"),
    )
    assert [f.name for f in debugger.session.stack()] == ["function add_packages", "object template node1"]
    assert debugger.session.stack()[1].line == call
    local_values = debugger.locals()
    assert local_values["ARGC"] == "1"
    assert local_values["ARGV"] == '[ [ "a", "b" ] ]'
    debugger.session.step_over()
    debugger.recorder.next_stop()
    debugger.session.step_over()
    debugger.recorder.next_stop()
    assert debugger.top()[2] == line_of("site/base.pan", "result[name] = i;")
    assert debugger.locals()["name"] == '"a"'
    debugger.session.step_out()
    debugger.recorder.next_stop()
    assert debugger.top() == (
        "object template node1",
        "node1.pan",
        line_of("node1.pan", "create('site/service'"),
    )
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_step_in_through_include_and_create(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.session.set_line_breakpoints(
        fixture_path("node1.pan"),
        [LineSpec(line_of("node1.pan", "include 'site/base'")), LineSpec(line_of("node1.pan", "create("))],
    )
    debugger.session.start()
    debugger.recorder.next_stop()
    debugger.session.step_in()
    debugger.recorder.next_stop()
    assert debugger.top() == (
        "template site/base",
        "base.pan",
        line_of("site/base.pan", "function add_packages"),
    )
    debugger.session.resume()
    debugger.recorder.next_stop()
    debugger.session.step_in()
    debugger.recorder.next_stop()
    assert debugger.top() == ("create('site/service')", "service.pan", line_of("site/service.pan", "'name'"))
    assert "Structure (create)" in [s.name for s in debugger.session.scopes(1)]
    debugger.session.step_over()
    debugger.recorder.next_stop()
    structure = debugger.session.variables(debugger.scope("Structure (create)"))
    assert [(v.name, v.value) for v in structure] == [("name", '"unknown"')]
    debugger.session.step_out()
    debugger.recorder.next_stop()
    assert debugger.top() == ("object template node1", "node1.pan", line_of("node1.pan", "= 9000;"))
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_step_over_walks_a_loop_statement_by_statement(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.stop_at("node1.pan", "total = 0;")
    seen = []
    for _ in range(5):
        debugger.session.step_over()
        debugger.recorder.next_stop()
        seen.append((debugger.top()[2], debugger.locals().get("total")))
    foreach, body = line_of("node1.pan", "foreach (k; v;"), line_of("node1.pan", "total = total + v;")
    assert seen == [
        (foreach, "0"),
        (body, "0"),
        (body, "1"),
        (body, "3"),
        (line_of("node1.pan", "    total;"), "6"),
    ]


def test_conditions_hit_counts_and_logpoints(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    body = line_of("node1.pan", "total = total + v;")
    placed = debugger.session.set_line_breakpoints(
        fixture_path("node1.pan"), [LineSpec(body, condition="v >= 2")]
    )
    debugger.session.start()
    debugger.recorder.next_stop()
    assert debugger.locals()["v"] == "2"
    assert placed[0].hits == 1
    message = "v={v} k={k} {{x}} {'s' + to_string(v)} {list(v, 'a')}"
    debugger.session.set_line_breakpoints(fixture_path("node1.pan"), [LineSpec(body, log_message=message)])
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0
    # as to_string prints: strings unquoted, also inside lists
    assert "v=3 k=2 {x} s3 [ 3, a ]\n" in debugger.recorder.text("console")


def test_hit_condition(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    body = line_of("node1.pan", "total = total + v;")
    debugger.session.set_line_breakpoints(fixture_path("node1.pan"), [LineSpec(body, hit_condition=">= 3")])
    debugger.session.start()
    debugger.recorder.next_stop()
    assert debugger.locals()["v"] == "3"
    bad = debugger.session.set_line_breakpoints(
        fixture_path("node1.pan"), [LineSpec(body, hit_condition="often")]
    )
    assert not bad[0].verified and "invalid hit condition" in (bad[0].message or "")
    bad = debugger.session.set_line_breakpoints(fixture_path("node1.pan"), [LineSpec(body, condition="v >=")])
    assert not bad[0].verified
    assert bad[0].message == "invalid condition: parse error: expected an expression before '}'"


def test_function_breakpoints_on_user_functions_and_builtins(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.session.set_function_breakpoints([FunctionSpec("add_packages"), FunctionSpec("create")])
    debugger.session.start()
    stop = debugger.recorder.next_stop()
    assert stop.reason == "function breakpoint"
    assert debugger.top() == (
        "function add_packages",
        "base.pan",
        line_of("site/base.pan", "function add_packages"),
    )
    debugger.session.resume()
    assert debugger.recorder.next_stop().reason == "function breakpoint"
    frame = debugger.session.stack()[0]
    assert (frame.name, frame.line, frame.column) == (
        "object template node1",
        line_of("node1.pan", "create("),
        27,
    )
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_profile_scope_is_lazy_and_paged(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.session.set_data_breakpoints([DataSpec("/system/big")])
    debugger.session.start()
    assert debugger.recorder.next_stop().reason == "data breakpoint"
    profile = debugger.session.variables(debugger.scope("Profile"))
    system = next(v for v in profile if v.name == "system")
    assert system.reference > 0 and system.named == 5
    big = next(v for v in debugger.session.variables(system.reference) if v.name == "big")
    assert (big.indexed, big.type, big.evaluate_name) == (250, "list", "value('/system/big')")
    page = debugger.session.variables(big.reference, start=100, count=3)
    assert [(v.name, v.value) for v in page] == [("[100]", "200"), ("[101]", "202"), ("[102]", "204")]
    network = next(v for v in debugger.session.variables(system.reference) if v.name == "network")
    assert [(v.name, v.value) for v in debugger.session.variables(network.reference)] == [
        ("domain", '"example.org"'),
        ("mtu", "9000"),
    ]


def test_evaluate_is_read_only_and_reports_errors(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.stop_at("site/base.pan", "result;")
    result = debugger.session.evaluate("result")
    assert (result.value, result.type, result.named) == ("{ a, 0, b, 1 }", "dict", 2)
    assert debugger.session.evaluate("result['c'] = 7; length(result)").value == "3"
    assert debugger.session.evaluate("length(result)").value == "2"
    assert debugger.session.evaluate("format('%s-%d', OBJECT, ARGC)").value == '"node1-1"'
    assert debugger.session.evaluate("ARGV[0][1]", frame_id=1).value == '"b"'
    with pytest.raises(SessionError, match="parse error"):
        debugger.session.evaluate("1 +")
    with pytest.raises(SessionError, match="variable named 'nothing' is undefined"):
        debugger.session.evaluate("nothing + 1")
    with pytest.raises(SessionError, match="no frame 7"):
        debugger.session.evaluate("1", frame_id=7)


def test_set_expression_and_set_variable_write_for_real(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.stop_at("node1.pan", "= 9000;")
    debugger.session.set_expression("/system/hostname", "'changed-' + OBJECT")
    network = next(v for v in debugger.session.variables(debugger.scope("Profile")) if v.name == "system")
    debugger.session.set_variable(network.reference, "hostname", "'again'")
    assert debugger.session.evaluate("value('/system/hostname')").value == '"again"'
    debugger.session.set_variable(debugger.scope("Globals"), "GREETING", "'bye'")
    assert debugger.session.evaluate("GREETING").value == '"bye"'
    with pytest.raises(SessionError, match="parse error"):
        debugger.session.set_expression("/system/x", "1 +")
    with pytest.raises(SessionError, match=r"^parse error: expected .* before '='$"):
        debugger.session.set_expression("1 + 1", "2")  # not something one can assign to
    with pytest.raises(SessionError):
        debugger.session.set_expression("/system/hostname/deeper", "1")
    # names typed by a client are path terms: checked, never a Python error
    with pytest.raises(SessionError, match=r"invalid path term or nlist key: '\[x\]'"):
        debugger.session.set_variable(network.reference, "[x]", "1")
    assert "[x]" not in debugger.session.evaluate("value('/system')").value
    listed = debugger.session.evaluate("list(1, 2)")
    with pytest.raises(SessionError, match=r"cannot use key '\[x\]' on a list"):
        debugger.session.set_variable(listed.reference, "[x]", "1")
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0
    assert '<string name="hostname">again</string>' in (debugger.output_dir / "node1.xml").read_text()


def test_data_breakpoint_and_provenance(debugger: Debugger) -> None:
    debugger.launch("node1.pan")
    debugger.session.set_data_breakpoints([DataSpec("/system/network/mtu")])
    debugger.session.start()
    stop = debugger.recorder.next_stop()
    assert stop.reason == "data breakpoint"
    assert debugger.top() == ("template site/base", "base.pan", line_of("site/base.pan", "mtu' = 1500"))
    debugger.session.resume()
    debugger.recorder.next_stop()
    assert debugger.top() == ("object template node1", "node1.pan", line_of("node1.pan", "= 9000;"))
    writes = debugger.session.provenance("/system/network/mtu")
    assert [(w.value, w.template, w.span.start_line, w.relation) for w in writes] == [
        ("1500", "site/base", line_of("site/base.pan", "mtu' = 1500"), "self"),
        ("9000", "node1", line_of("node1.pan", "= 9000;"), "self"),
    ]
    around = debugger.session.provenance("/system/network")
    assert [w.path for w in around] == [
        "/system/network/mtu",
        "/system/network/domain",
        "/system/network/mtu",
    ]
    assert {w.relation for w in around} == {"child"}
    with pytest.raises(SessionError, match="not an absolute profile path"):
        debugger.session.provenance("system")
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_exception_stop_on_error_call_with_live_frames(debugger: Debugger) -> None:
    debugger.launch("failing.pan")
    debugger.session.set_exception_filters(["error"])
    debugger.session.start()
    stop = debugger.recorder.next_stop()
    assert stop.reason == "exception"
    assert "user-initiated error: value 5 is too large" in (stop.text or "")
    assert [f.name for f in debugger.session.stack()] == ["function check", "object template failing"]
    assert debugger.locals()["ARGV"] == "[ 5 ]"
    details = debugger.session.exception()
    assert details.exception_id == "error() calls"
    assert details.details.startswith("evaluation error [")
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 1
    assert "user-initiated error" in debugger.recorder.text("stderr")


def test_exception_filters_are_separate(debugger: Debugger) -> None:
    debugger.launch("failing.pan")
    debugger.session.set_exception_filters(["evaluation", "validation"])
    debugger.session.start()
    assert debugger.recorder.exit_code() == 1
    with pytest.raises(SessionError, match="unknown exception filter"):
        debugger.session.set_exception_filters(["everything"])


def test_exception_filters_follow_the_kind_of_error_not_its_text() -> None:
    assert pandbg_run.error_kind(UserError("[obj] user-initiated error: x")) == "error"
    assert pandbg_run.error_kind(DeprecationFailure("deprecation error: old")) == "deprecation"
    assert pandbg_run.error_kind(ValidationError("[obj] user-initiated error: in a check")) == "validation"
    for look_alike in ("to_long() cannot convert ' user-initiated error: '", "deprecation error: not one"):
        assert pandbg_run.error_kind(EvaluationError(look_alike)) == "evaluation"


def test_validation_error_stop(debugger: Debugger) -> None:
    debugger.launch("invalid.pan")
    debugger.session.set_exception_filters(["validation"])
    debugger.session.start()
    assert debugger.recorder.next_stop().reason == "exception"
    details = debugger.session.exception()
    assert details.details.startswith("validation error")
    assert "value (70,000) is outside range" in details.description  # panc groups digits
    profile = debugger.session.variables(debugger.scope("Profile"))
    assert [(v.name, v.value) for v in profile] == [("port", "70000")]
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 1


def test_deprecation_warning_and_debug_output(debugger: Debugger) -> None:
    debugger.launch("warning.pan", debug=True)
    debugger.session.set_exception_filters(["deprecation"])
    debugger.session.start()
    stop = debugger.recorder.next_stop()
    assert (stop.reason, stop.text) == ("exception", "the /old path is deprecated")
    assert debugger.session.exception().exception_id == "Deprecation warnings"
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0
    assert "[warning] building /old\n" in debugger.recorder.text("stdout")


def test_entry_restart_and_terminate(debugger: Debugger) -> None:
    debugger.launch("node1.pan", stop_on_entry=True)
    debugger.session.start()
    assert debugger.recorder.next_stop().reason == "entry"
    assert debugger.top() == (
        "object template node1",
        "node1.pan",
        line_of("node1.pan", "include 'site/base'"),
    )
    debugger.session.restart()
    assert debugger.recorder.next_stop().reason == "entry"  # no end reported for the first run
    debugger.session.terminate()
    assert debugger.recorder.exit_code() == 1
    assert not (debugger.output_dir / "node1.xml").exists()


def test_pause_a_running_compile(debugger: Debugger) -> None:
    debugger.launch("slow.pan", max_iteration=0)
    debugger.session.start()
    time.sleep(0.2)
    debugger.session.pause()
    assert debugger.recorder.next_stop().reason == "pause"
    assert int(debugger.locals()["n"]) > 0
    with pytest.raises(SessionError, match="not running"):
        DebugSession(Recorder()).pause()
    debugger.session.terminate()
    assert debugger.recorder.exit_code() == 1


def test_completed_run_writes_what_panc_writes(debugger: Debugger, tmp_path: Path) -> None:
    debugger.launch("node1.pan")
    debugger.session.start()
    assert debugger.recorder.exit_code() == 0
    panc_dir = tmp_path / "panc"
    panc_dir.mkdir()
    fixtures = str(Path(fixture_path("node1.pan")).parent)
    assert (
        panc_run(
            ["--include-path", fixtures, "--output-dir", str(panc_dir), fixture_path("node1.pan")],
            _Sink(),
            _Sink(),
        )
        == 0
    )
    for name in ("node1.xml", "node1.dep"):
        assert (debugger.output_dir / name).read_bytes() == (panc_dir / name).read_bytes()


def test_inspection_needs_a_stop(debugger: Debugger) -> None:
    with pytest.raises(SessionError, match="not stopped"):
        debugger.session.stack()
    with pytest.raises(SessionError, match="launch a program first"):
        debugger.session.start()
    debugger.session.launch(LaunchConfig(program=fixture_path("node1.pan"), formats="none"))
    debugger.session.start()
    assert debugger.recorder.exit_code() == 0


class _Sink:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def test_include_path_gets_the_program_root_when_it_lacks_the_object(
    debugger: Debugger, tmp_path: Path
) -> None:
    config = LaunchConfig(program=fixture_path("node1.pan"), include_path=[str(tmp_path)], formats="none")
    assert debugger.session.launch(config) == "node1"
    assert config.include_path == [str(tmp_path), str(Path(fixture_path("node1.pan")).parent)]
    debugger.session.start()
    assert debugger.recorder.exit_code() == 0


def test_set_expression_on_locals_and_evaluate_in_caller_frame(debugger: Debugger) -> None:
    debugger.launch("node1.pan", formats="none")
    debugger.stop_at("site/base.pan", "result;")
    debugger.session.set_expression("result['z']", "ARGC + 8")
    assert debugger.locals()["result"] == "{ a, 0, b, 1, z, 9 }"
    assert debugger.session.evaluate("OBJECT + ':' + TEMPLATE", frame_id=2).value == '"node1:node1"'
    with pytest.raises(SessionError, match="undefined"):
        debugger.session.evaluate("result", frame_id=2)  # the caller's statement has no such local
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_watch_calling_a_user_function_does_not_disturb_the_run(debugger: Debugger) -> None:
    debugger.launch("node1.pan", formats="none")
    debugger.session.set_data_breakpoints([DataSpec("/system/big")])
    debugger.stop_at("node1.pan", "= 9000;")
    assert debugger.session.evaluate("length(add_packages(list('x', 'y', 'z')))").value == "3"
    debugger.session.step_over()
    debugger.recorder.next_stop()
    assert debugger.top()[2] == line_of("node1.pan", "'/system/big'")
    debugger.session.resume()
    assert debugger.recorder.next_stop().reason == "data breakpoint"
    assert debugger.top() == ("object template node1", "node1.pan", line_of("node1.pan", "'/system/big'"))
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_provenance_of_a_path_inside_a_written_value(debugger: Debugger) -> None:
    debugger.launch("node1.pan", formats="none")
    debugger.stop_at("node1.pan", "= 9000;")
    writes = debugger.session.provenance("/system/services/sshd/name")
    assert [(w.path, w.value, w.relation) for w in writes] == [("/system/services/sshd", '"sshd"', "parent")]
    assert debugger.session.provenance("/nowhere") == []
    assert debugger.session.breakpoint_lines(fixture_path("node1.pan"), 1, 6) == [4, 6]
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_no_debug_compiles_without_stopping(debugger: Debugger) -> None:
    debugger.launch("node1.pan", no_debug=True, stop_on_entry=True, debug=True)
    debugger.session.set_line_breakpoints(
        fixture_path("node1.pan"), [LineSpec(line_of("node1.pan", "= 9000;"))]
    )
    debugger.session.start()
    assert debugger.recorder.exit_code() == 0
    assert (debugger.output_dir / "node1.xml").exists()


def test_an_inspection_the_compiler_does_not_answer_in_time_is_an_error(
    debugger: Debugger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pandbg_run, "INSPECTION_TIMEOUT", 0.01)
    debugger.launch("node1.pan", formats="none", stop_on_entry=True, max_iteration=10**7)
    debugger.session.start()
    debugger.recorder.next_stop()
    with pytest.raises(SessionError, match=r"no answer from the compiler within 0\.01 s"):
        debugger.session.evaluate("x = 0; while (x < 1000000) { x = x + 1; }; x")
    debugger.session.resume()
    assert debugger.recorder.exit_code() == 0


def test_restrict_paths_keeps_the_run_inside_the_include_path(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    program = site / "probe.pan"
    program.write_text("object template probe;\n'/v' = file_contents('link.txt');\n")
    for restrict, expected in ((False, 0), (True, 1)):
        recorder = Recorder()
        session = DebugSession(recorder)
        config = adapter.launch_config({"program": str(program), "includePath": [str(site)],
                                        "outputDir": str(tmp_path / "out"), "formats": ["json"],
                                        "restrictPaths": restrict})
        assert config.restrict_paths is restrict
        session.launch(config)
        session.start()
        assert recorder.exit_code() == expected
        if restrict:
            assert "file (link.txt) does not exist" in recorder.text()
