"""End to end: a DAP client drives the ``pandbg`` command over stdio, message by message.

The client is small and honest: it frames with debugpy's ``JsonIOStream`` (what debugpy
uses to talk to adapters), sends real requests and waits for the response with the right
``request_seq``, keeping every event. (``dap-python`` 0.5.0, the only version on the
index, cannot parse responses without a body such as ``launch``'s, so it is not used.)
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import queue
import select
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dap_support import fixture_path, line_of
from debugpy.common import messaging

import panc

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 20


class DapError(AssertionError):
    """An error response where a success was expected."""


class PandbgClient:
    """A DAP client for a ``pandbg`` process (or any stream): one request at a time."""

    def __init__(self, stream: messaging.JsonIOStream | None = None, cwd: Path | None = None) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        if stream is None:
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            self.process = subprocess.Popen(  # pylint: disable=consider-using-with  # closed by close()
                [sys.executable, "-m", "pandbg"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                cwd=cwd,
            )
            stream = messaging.JsonIOStream.from_process(self.process, "pandbg")
        self.stream = stream
        self.sequence = itertools.count(1)
        self.received: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.capabilities = self.ok(
            "initialize",
            {"adapterID": "pan", "clientID": "pytest", "linesStartAt1": True, "columnsStartAt1": True},
        )

    def _read(self) -> None:
        try:
            while True:
                self.received.put(self.stream.read_json())
        except messaging.NoMoreMessages:
            pass
        finally:
            self.received.put(None)

    def _next(self) -> dict[str, Any]:
        message = self.received.get(timeout=TIMEOUT)
        if message is None:
            raise AssertionError("pandbg closed its output")
        return message

    def request(self, command: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a request and return its response (success or not)."""
        seq = next(self.sequence)
        self.stream.write_json(
            {"seq": seq, "type": "request", "command": command, "arguments": arguments or {}}
        )
        while True:
            message = self._next()
            if message.get("type") == "response" and message.get("request_seq") == seq:
                assert message["command"] == command
                return message
            self.events.append(message)

    def ok(self, command: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        """The body of a successful response."""
        response = self.request(command, arguments)
        if not response["success"]:
            raise DapError(f"{command} failed: {response.get('message')}")
        return response.get("body", {})

    def error(self, command: str, arguments: dict[str, Any] | None = None) -> str:
        """The message of an error response (with the ``body.error`` the spec requires)."""
        response = self.request(command, arguments)
        assert not response["success"], f"{command} should have failed"
        assert response["body"]["error"]["format"] == response["message"]
        return str(response["message"])

    def wait_event(self, name: str) -> dict[str, Any]:
        """The body of the first unconsumed event ``name`` (earlier ones included)."""
        while True:
            for position, event in enumerate(self.events):
                if event.get("type") == "event" and event.get("event") == name:
                    return self.events.pop(position).get("body", {})
            self.events.append(self._next())

    def outputs(self) -> list[str]:
        return [e["body"]["output"] for e in self.events if e.get("event") == "output"]

    def close(self) -> int:
        if self.process is None:
            return 0
        if self.process.poll() is None:
            with contextlib.suppress(AssertionError):  # it may be gone already
                self.request("disconnect", {})
        try:
            return self.process.wait(TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture(name="client")
def client_fixture() -> Iterator[PandbgClient]:
    started = PandbgClient()
    yield started
    assert started.close() == 0


def test_full_session_over_stdio(client: PandbgClient, tmp_path: Path) -> None:
    assert client.capabilities["supportsDataBreakpoints"]
    assert [f["filter"] for f in client.capabilities["exceptionBreakpointFilters"]] == [
        "evaluation",
        "validation",
        "error",
        "deprecation",
    ]
    assert client.wait_event("initialized") == {}
    client.ok(
        "launch",
        {
            "program": fixture_path("node1.pan"),
            "outputDir": str(tmp_path),
            "formats": ["pan", "json"],
            "debug": True,
        },
    )
    mtu_line = line_of("site/base.pan", "mtu' = 1500")
    placed = client.ok(
        "setBreakpoints",
        {"source": {"path": fixture_path("site/base.pan")}, "breakpoints": [{"line": mtu_line}]},
    )
    assert placed["breakpoints"][0]["verified"] and placed["breakpoints"][0]["line"] == mtu_line
    client.ok("setExceptionBreakpoints", {"filters": ["evaluation"]})
    client.ok("configurationDone", {})

    stopped = client.wait_event("stopped")
    assert stopped["reason"] == "breakpoint" and stopped["threadId"] == 1
    stack = client.ok("stackTrace", {"threadId": 1})
    assert [(f["name"], Path(f["source"]["path"]).name, f["line"]) for f in stack["stackFrames"]] == [
        ("template site/base", "base.pan", mtu_line),
        ("object template node1", "node1.pan", line_of("node1.pan", "include 'site/base'")),
    ]

    client.ok("stepOut", {"threadId": 1})
    client.wait_event("stopped")
    top = client.ok("stackTrace", {"threadId": 1})["stackFrames"][0]
    assert (top["name"], top["line"]) == ("object template node1", line_of("node1.pan", "variable GREETING"))

    call_line = line_of("node1.pan", "add_packages(list")
    client.ok(
        "setBreakpoints",
        {"source": {"path": fixture_path("node1.pan")}, "breakpoints": [{"line": call_line}]},
    )
    client.ok("continue", {"threadId": 1})
    client.wait_event("stopped")
    client.ok("stepIn", {"threadId": 1})
    client.wait_event("stopped")
    frames = client.ok("stackTrace", {"threadId": 1})["stackFrames"]
    assert [f["name"] for f in frames] == ["function add_packages", "object template node1"]

    scopes = client.ok("scopes", {"frameId": frames[0]["id"]})["scopes"]
    assert [s["name"] for s in scopes] == ["Locals", "Globals", "Profile"]
    local_values = client.ok("variables", {"variablesReference": scopes[0]["variablesReference"]})[
        "variables"
    ]
    argv = next(v for v in local_values if v["name"] == "ARGV")
    assert (argv["value"], argv["type"], argv["indexedVariables"]) == ('[ [ "a", "b" ] ]', "list", 1)
    profile = client.ok("variables", {"variablesReference": scopes[2]["variablesReference"]})["variables"]
    system = next(v for v in profile if v["name"] == "system")
    children = client.ok("variables", {"variablesReference": system["variablesReference"]})["variables"]
    assert ("hostname", '"node1"') in [(v["name"], v["value"]) for v in children]
    paged = client.ok(
        "variables",
        {"variablesReference": system["variablesReference"], "filter": "named", "start": 1, "count": 1},
    )["variables"]
    assert [v["name"] for v in paged] == ["hostname"]

    evaluated = client.ok(
        "evaluate", {"expression": "length(ARGV[0]) + 40", "frameId": frames[0]["id"], "context": "repl"}
    )
    assert (evaluated["result"], evaluated["type"]) == ("42", "long")

    client.ok("stepOut", {"threadId": 1})
    client.wait_event("stopped")
    provenance = client.ok("pan/provenance", {"path": "/system/network/mtu"})
    assert [(w["value"], w["template"], w["line"]) for w in provenance["writes"]] == [
        ("1500", "site/base", mtu_line)
    ]

    client.ok("setBreakpoints", {"source": {"path": fixture_path("node1.pan")}, "breakpoints": []})
    client.ok("continue", {"threadId": 1})
    assert client.wait_event("exited") == {"exitCode": 0}
    client.wait_event("terminated")
    assert (tmp_path / "node1.xml").exists() and (tmp_path / "node1.json").exists()
    assert any(o.startswith("wrote ") and o.rstrip().endswith("node1.json") for o in client.outputs())


def test_bad_input_gives_error_responses_and_the_adapter_stays_up(client: PandbgClient) -> None:
    assert "cannot read template file" in client.error("launch", {"program": fixture_path("missing.pan")})
    broken = client.error("launch", {"program": fixture_path("broken.pan")})
    assert broken.startswith("parse error [") and "site/broken.pan:3" in broken
    assert "needs 'program'" in client.error("launch", {})
    node1 = fixture_path("node1.pan")
    assert client.error("launch", {"program": node1, "stopOnEntry": "false"}) == (
        "argument 'stopOnEntry' must be a boolean, not a string"
    )
    assert client.error("launch", {"program": node1, "maxIteration": "lots"}) == (
        "argument 'maxIteration' must be a number, not a string"
    )
    assert client.error("launch", {"program": node1, "includePath": [5]}) == (
        "argument 'includePath' must be a string, not a number"
    )

    client.ok("launch", {"program": fixture_path("node1.pan"), "stopOnEntry": True, "formats": "none"})
    client.ok("configurationDone", {})
    assert client.wait_event("stopped")["reason"] == "entry"
    assert client.error("evaluate", {"expression": "1 +", "context": "watch"}).startswith("parse error")
    assert "'nothing' is undefined" in client.error("evaluate", {"expression": "nothing", "context": "hover"})
    assert "unsupported request" in client.error("goto", {"threadId": 1, "targetId": 1})
    assert "no frame 99" in client.error("scopes", {"frameId": 99})
    # malformed arguments are refused with what is wrong, not as internal errors
    assert client.error("scopes", {}) == "missing argument 'frameId'"
    assert client.error("variables", {"variablesReference": "1"}) == (
        "argument 'variablesReference' must be a number, not a string"
    )
    source = {"path": fixture_path("node1.pan")}
    assert client.error("setBreakpoints", {"source": source, "breakpoints": [{"line": True}]}) == (
        "argument 'line' must be a number, not a boolean"
    )
    assert client.error("setExceptionBreakpoints", {"filters": "evaluation"}) == (
        "argument 'filters' must be a list, not a string"
    )
    assert client.error("setDataBreakpoints", {"breakpoints": [{"dataId": 5}]}) == (
        "argument 'dataId' must be a string, not a number"
    )
    assert client.error("setFunctionBreakpoints", {"breakpoints": ["f"]}) == (
        "argument 'breakpoints' must be an object, not a string"
    )
    # still serving
    assert client.ok("threads", {})["threads"][0]["name"] == "object node1"
    client.ok("continue", {"threadId": 1})
    assert client.wait_event("exited") == {"exitCode": 0}


def test_exception_info_and_data_breakpoints(client: PandbgClient) -> None:
    client.ok("launch", {"program": fixture_path("failing.pan"), "formats": "none"})
    info = client.ok("dataBreakpointInfo", {"name": "/values/0"})
    assert (info["dataId"], info["accessTypes"]) == ("/values/0", ["write"])
    assert client.ok("dataBreakpointInfo", {"name": "x"})["dataId"] is None
    client.ok("setDataBreakpoints", {"breakpoints": [{"dataId": info["dataId"]}]})
    client.ok("setExceptionBreakpoints", {"filters": ["error"]})
    client.ok("configurationDone", {})
    assert client.wait_event("stopped")["reason"] == "data breakpoint"
    client.ok("continue", {"threadId": 1})
    stopped = client.wait_event("stopped")
    assert stopped["reason"] == "exception" and "too large" in stopped["text"]
    details = client.ok("exceptionInfo", {"threadId": 1})
    assert details["exceptionId"] == "error() calls"
    assert ">>> call stack trace" in details["details"]["stackTrace"]
    client.ok("terminate", {})
    assert client.wait_event("exited") == {"exitCode": 1}


def test_restart_keeps_breakpoints(client: PandbgClient) -> None:
    client.ok("launch", {"program": fixture_path("node1.pan"), "formats": "none"})
    locations = client.ok(
        "breakpointLocations", {"source": {"path": fixture_path("node1.pan")}, "line": 1, "endLine": 6}
    )
    assert locations["breakpoints"] == [{"line": 4}, {"line": 6}]
    line = line_of("node1.pan", "'/system/hostname'")
    client.ok(
        "setBreakpoints", {"source": {"path": fixture_path("node1.pan")}, "breakpoints": [{"line": line}]}
    )
    client.ok("configurationDone", {})
    client.wait_event("stopped")
    client.ok("restart", {})
    client.wait_event("stopped")
    assert client.ok("stackTrace", {"threadId": 1})["stackFrames"][0]["line"] == line
    assert not any(e.get("event") == "terminated" for e in client.events)


def test_a_failed_launch_then_configuration_done_ends_the_session_not_the_adapter(
    client: PandbgClient,
) -> None:
    assert "cannot read template file" in client.error("launch", {"program": fixture_path("missing.pan")})
    client.ok("configurationDone", {})  # every client sends it, whatever became of the launch
    assert client.wait_event("terminated") == {}
    assert client.ok("threads", {})["threads"][0]["name"] == "object pan"
    client.ok("launch", {"program": fixture_path("node1.pan"), "formats": "none"})
    client.ok("configurationDone", {})
    assert client.wait_event("exited") == {"exitCode": 0}


def test_without_output_dir_the_profile_goes_to_a_temporary_directory(tmp_path: Path) -> None:
    work = tmp_path / "repository"
    work.mkdir()
    client = PandbgClient(cwd=work)
    try:
        client.ok("launch", {"program": fixture_path("node1.pan"), "formats": "json,dep"})
        client.ok("configurationDone", {})
        assert client.wait_event("exited") == {"exitCode": 0}
        client.wait_event("terminated")
    finally:
        assert client.close() == 0
    assert not list(work.iterdir())
    written = {Path(o.removeprefix("wrote ").strip()) for o in client.outputs() if o.startswith("wrote ")}
    assert sorted(p.name for p in written) == ["node1.dep", "node1.json"]
    assert all(p.is_file() and p.parent.name.startswith("pandbg-node1-") for p in written)
    profile = next(p for p in written if p.suffix == ".json")
    assert json.loads(profile.read_text())["system"]["hostname"] == "node1"


def test_version_and_log_file(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "pandbg"]
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, env=env, check=True)
    assert version.stdout.strip() == f"pandbg {panc.__version__}"
    log = tmp_path / "pandbg.log"
    garbage = b"Content-Length: 5\r\n\r\n{bad}"
    ended = subprocess.run(
        [*command, "--log-file", str(log)],
        input=garbage,
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    assert ended.returncode == 0 and not ended.stderr
    assert "ERROR pandbg.protocol: unreadable message" in log.read_text()


@contextlib.contextmanager
def pandbg_listening(
    *options: str, env: dict[str, str] | None = None
) -> Iterator[tuple[list[str], subprocess.Popen[bytes]]]:
    """``pandbg OPTIONS`` running; yields the lines it printed at start (where, and the token)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("PANDBG_TOKEN", None)
    environment.update(env or {})
    with subprocess.Popen([sys.executable, "-m", "pandbg", *options], stderr=subprocess.PIPE, bufsize=0,
                          env=environment) as process:
        try:
            assert process.stderr is not None
            lines = [_line(process.stderr)]
            if "--socket" not in options:
                lines.append(_line(process.stderr))
            yield lines, process
        finally:
            process.kill()


def _line(stream: Any) -> str:
    """The next line of ``stream`` (unbuffered); fails the test rather than wait for ever."""
    ready, _, _ = select.select([stream], [], [], TIMEOUT)
    assert ready, "pandbg printed nothing more"
    return str(stream.readline().decode())


def _tcp_client(banner: str) -> PandbgClient:
    assert banner.startswith("pandbg: listening on 127.0.0.1:")
    port = int(banner.rsplit(":", 1)[1])
    connection = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    return PandbgClient(messaging.JsonIOStream.from_socket(connection, "tcp"))


def _token(line: str) -> str:
    assert line.startswith("pandbg: token ")
    return line.split()[-1]


def test_tcp_listens_on_loopback() -> None:
    with pandbg_listening("--tcp", "0") as (lines, _):
        token = _token(lines[1])
        assert len(token) >= 32
        for _ in range(2):  # clients are served one after the other
            client = _tcp_client(lines[0])
            assert client.capabilities["supportsConfigurationDoneRequest"]
            client.ok("launch", {"program": fixture_path("node1.pan"), "noDebug": True, "token": token,
                                 "formats": []})
            client.request("disconnect", {})
            client.stream.close()


def test_a_tcp_client_without_the_token_cannot_compile_anything(tmp_path: Path) -> None:
    def launch(extra: dict[str, Any]) -> dict[str, Any]:
        return {"program": fixture_path("node1.pan"), "outputDir": str(tmp_path / "out"),
                "formats": ["json"], **extra}

    with pandbg_listening("--tcp", "0") as (lines, _):
        token = _token(lines[1])
        attempts = [
            ("launch", launch({}), "needs its token"),
            ("launch", launch({"token": token[:-1] + ("x" if token[-1] != "x" else "y")}), "wrong token"),
            ("attach", launch({"token": ""}), "wrong token"),
            ("evaluate", {"expression": "file_contents('x')"}, "needs its token"),
            ("configurationDone", {}, "needs its token"),
        ]
        for command, arguments, refusal in attempts:
            client = _tcp_client(lines[0])  # initialize alone is answered (it does nothing)
            assert refusal in client.error(command, arguments)
            with pytest.raises(AssertionError, match="closed its output"):
                client.request("configurationDone", {})  # the connection is closed
        assert not (tmp_path / "out").exists(), "nothing was compiled"

        client = _tcp_client(lines[0])  # the token opens the session
        client.ok("launch", launch({"token": token}))
        client.ok("configurationDone", {})
        client.wait_event("terminated")
        assert (tmp_path / "out" / "node1.json").is_file()
        client.request("disconnect", {})


def test_the_token_can_be_given_in_initialize(tmp_path: Path) -> None:
    with pandbg_listening("--tcp", "0", env={"PANDBG_TOKEN": "a-token-chosen-by-the-user"}) as (lines, _):
        assert _token(lines[1]) == "a-token-chosen-by-the-user"
        port = int(lines[0].rsplit(":", 1)[1])
        stream = messaging.JsonIOStream.from_socket(
            socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT), "tcp")
        stream.write_json({"seq": 1, "type": "request", "command": "initialize",
                           "arguments": {"adapterID": "pan", "token": "a-token-chosen-by-the-user"}})
        assert stream.read_json()["success"]
        stream.write_json({"seq": 2, "type": "request", "command": "launch", "arguments": {
            "program": fixture_path("node1.pan"), "outputDir": str(tmp_path), "formats": ["json"]}})
        responses = [stream.read_json() for _ in range(2)]
        assert [m.get("success") for m in responses if m["type"] == "response"] == [True]


def test_the_token_goes_to_a_private_file_instead_of_the_terminal(tmp_path: Path) -> None:
    token_file = tmp_path / "pandbg.token"
    with pandbg_listening("--tcp", "0", "--token-file", str(token_file)) as (lines, _):
        assert lines[1] == f"pandbg: the clients' token is in {token_file}\n"
        assert token_file.stat().st_mode & 0o777 == 0o600
        token = token_file.read_text().strip()
        client = _tcp_client(lines[0])
        client.ok("launch", {"program": fixture_path("node1.pan"), "token": token, "formats": []})
        client.request("disconnect", {})


def test_a_token_too_short_or_a_socket_directory_others_can_enter_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PANDBG_TOKEN": "short"}
    refused = subprocess.run([sys.executable, "-m", "pandbg", "--tcp", "0"], env=env, capture_output=True,
                             text=True, timeout=TIMEOUT, check=False)
    assert refused.returncode == 2 and "shorter than 16 characters" in refused.stderr
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    env.pop("PANDBG_TOKEN")
    refused = subprocess.run([sys.executable, "-m", "pandbg", "--socket", str(shared / "dap.sock")], env=env,
                             capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert refused.returncode == 2 and "other users can enter" in refused.stderr
    assert not (shared / "dap.sock").exists()


def test_a_unix_socket_in_a_private_directory_needs_no_token(tmp_path: Path) -> None:
    path = tmp_path / "run" / "pandbg" / "dap.sock"
    with pandbg_listening("--socket", str(path)) as (lines, _):
        assert lines == [f"pandbg: listening on {path}\n"]
        assert path.parent.stat().st_mode & 0o777 == 0o700
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(TIMEOUT)
        connection.connect(str(path))
        client = PandbgClient(messaging.JsonIOStream.from_socket(connection, "unix"))
        client.ok("launch", {"program": fixture_path("node1.pan"), "outputDir": str(tmp_path / "out"),
                             "formats": ["json"]})
        client.ok("configurationDone", {})
        client.wait_event("terminated")
        assert (tmp_path / "out" / "node1.json").is_file()
        client.request("disconnect", {})
