"""Who may talk to ``panls`` off stdio: a TCP client that gives the token in its ``initialize``,
or anyone who can reach a Unix socket in a private directory. Real server processes, real
sockets; a small JSON-RPC client speaks the frames itself so that it can misbehave. And what
its background compiles may read: only inside the include path, unless told otherwise."""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lsp_support import FIXTURES, REPO, compile_in_workers, uri

from panls.config import Settings, merge_settings
from panls.features.compilation import last_compile
from panls.session import Session

TIMEOUT = 30


@contextlib.contextmanager
def panls_listening(*options: str, env: dict[str, str] | None = None) -> Iterator[list[str]]:
    """``panls OPTIONS`` running; yields the lines it printed at start."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("PANLS_TOKEN", None)
    environment.update(env or {})
    with subprocess.Popen([sys.executable, "-m", "panls", *options], stderr=subprocess.PIPE, bufsize=0,
                          env=environment) as process:
        try:
            assert process.stderr is not None
            lines = [_line(process.stderr)]
            if "--socket" not in options:
                lines.append(_line(process.stderr))
            yield lines
        finally:
            process.kill()


def _line(stream: Any) -> str:
    ready, _, _ = select.select([stream], [], [], TIMEOUT)
    assert ready, "panls printed nothing more"
    return str(stream.readline().decode())


class RawClient:
    """JSON-RPC frames over a socket, one message at a time."""

    def __init__(self, connection: socket.socket) -> None:
        connection.settimeout(TIMEOUT)
        self.connection = connection
        self.stream = connection.makefile("rb")

    @classmethod
    def tcp(cls, banner: str) -> RawClient:
        assert banner.startswith("panls: listening on 127.0.0.1:"), banner
        return cls(socket.create_connection(("127.0.0.1", int(banner.rsplit(":", 1)[1])), timeout=TIMEOUT))

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.connection.sendall(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))

    def receive(self) -> dict[str, Any] | None:
        """The next message, ``None`` when the server closed the connection."""
        length = None
        while True:
            line = self.stream.readline()
            if not line:
                return None
            if line == b"\r\n":
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        assert length is not None
        return dict(json.loads(self.stream.read(length)))

    def response(self, number: int) -> dict[str, Any] | None:
        while True:
            message = self.receive()
            if message is None or message.get("id") == number:
                return message

    def initialize(self, options: dict[str, Any]) -> dict[str, Any] | None:
        self.send({"id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": uri(FIXTURES), "capabilities": {},
            "initializationOptions": options}})
        return self.response(1)


def _token(line: str) -> str:
    assert line.startswith("panls: token "), line
    return line.split()[-1]


def test_a_tcp_client_without_the_token_is_refused_and_one_with_it_is_served() -> None:
    with panls_listening("--tcp", "0") as lines:
        token = _token(lines[1])
        refused = RawClient.tcp(lines[0]).initialize({"compile": {"enabled": True}})
        assert refused is not None and "needs its token" in refused["error"]["message"]

        wrong = RawClient.tcp(lines[0])
        answer = wrong.initialize({"token": token[::-1]})
        assert answer is not None and answer["error"]["message"] == "panls: wrong token"
        assert wrong.receive() is None, "the connection is closed"

        early = RawClient.tcp(lines[0])  # anything before initialize: not even answered
        early.send({"id": 7, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri(FIXTURES / "profiles" / "node1.pan")},
            "position": {"line": 0, "character": 0}}})
        assert early.response(7)["error"]["code"] == -32600  # type: ignore[index]
        assert early.receive() is None

        client = RawClient.tcp(lines[0])
        result = client.initialize({"token": token})
        assert result is not None and result["result"]["serverInfo"]["name"] == "panls"
        client.send({"id": 2, "method": "shutdown", "params": None})
        assert client.response(2) is not None
        client.send({"method": "exit", "params": None})


def test_the_token_can_come_from_the_environment_or_go_to_a_file(tmp_path: Path) -> None:
    with panls_listening("--tcp", "0", env={"PANLS_TOKEN": "the-token-of-this-session"}) as lines:
        assert _token(lines[1]) == "the-token-of-this-session"
        assert RawClient.tcp(lines[0]).initialize({"token": "the-token-of-this-session"})["result"]  # type: ignore[index]
    token_file = tmp_path / "panls.token"
    with panls_listening("--tcp", "0", "--token-file", str(token_file)) as lines:
        assert lines[1] == f"panls: the clients' token is in {token_file}\n"
        assert token_file.stat().st_mode & 0o777 == 0o600
        token = token_file.read_text().strip()
        assert RawClient.tcp(lines[0]).initialize({"token": token})["result"]  # type: ignore[index]


def test_a_unix_socket_in_a_private_directory_needs_no_token(tmp_path: Path) -> None:
    path = tmp_path / "run" / "panls.sock"
    with panls_listening("--socket", str(path)) as lines:
        assert lines == [f"panls: listening on {path}\n"]
        assert path.parent.stat().st_mode & 0o777 == 0o700
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(str(path))
        result = RawClient(connection).initialize({})
        assert result is not None and result["result"]["capabilities"]["hoverProvider"]


def test_a_socket_directory_others_can_enter_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o711)
    refused = subprocess.run([sys.executable, "-m", "panls", "--socket", str(shared / "ls.sock")],
                             env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
                             timeout=TIMEOUT, check=False)
    assert refused.returncode == 2 and "other users can enter" in refused.stderr


def test_background_compiles_read_only_inside_the_include_path_by_default(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    program = site / "probe.pan"
    text = "object template probe;\n'/v' = file_contents('link.txt');\n"
    program.write_text(text)
    session = Session(merge_settings(Settings(root=str(site)), {"compile": {"enabled": True}}))
    found = compile_in_workers(session, str(program), text)
    assert [d.message for d in found[str(program)]] == ["file (link.txt) does not exist"]
    session = Session(merge_settings(Settings(root=str(site)), {"restrictPaths": False}))
    assert compile_in_workers(session, str(program), text) == {}
    record = last_compile(session, str(program))
    assert record is not None and record.profile == {"v": "secret\n"}
