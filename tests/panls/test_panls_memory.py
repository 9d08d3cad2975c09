"""What the server keeps does not grow with the edits: pygls' handler futures, the parse cache
fed by background compiles, configurations, compile records; and a fixed-seed soak of
``bench/lsp_soak.py`` (a real client, the real server) stays within its memory budget."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lsp_support import FIXTURES, REPO, compile_in_workers, uri

from panc.build.compile_pool import CompileRequest, compile_request
from panc.syntax.cache import default_cache
from panls.config import LintSettings, Settings
from panls.features import linting
from panls.features.compilation import last_compile
from panls.server import create_server
from panls.session import Session

OBJECT = FIXTURES / "profiles" / "node1.pan"


class _Sink:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    def write(self, data: bytes) -> None:
        body = data.split(b"\r\n\r\n", 1)[1]
        self.messages.append(json.loads(body))

    def close(self) -> None:
        pass


def _message(protocol: Any, payload: dict[str, Any]) -> None:
    protocol.handle_message(json.loads(json.dumps({"jsonrpc": "2.0", **payload}),
                                       object_hook=protocol.structure_message))


def test_finished_notification_handlers_are_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    server = create_server()
    protocol = server.protocol
    sink = _Sink()
    protocol.set_writer(sink)
    document = uri(tmp_path / "t.pan")

    async def session() -> None:
        _message(protocol, {"id": 1, "method": "initialize", "params": {
            "capabilities": {}, "rootUri": uri(tmp_path),
            "initializationOptions": {"compile": {"enabled": False}, "debounceMs": 0}}})
        _message(protocol, {"method": "initialized", "params": {}})
        _message(protocol, {"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": document, "languageId": "pan", "version": 1, "text": "template t;\n"}}})
        for version in range(2, 502):
            _message(protocol, {"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": document, "version": version},
                "contentChanges": [{"text": f"template t;\n'/a' = {version};\n"}]}})
            await asyncio.sleep(0)
        for _ in range(200):  # the index thread and the last diagnostics
            await asyncio.sleep(0.01)
        server.publisher.shutdown()

    asyncio.run(session())
    assert any(message.get("id") == 1 and "result" in message for message in sink.messages)
    assert len(protocol._request_futures) <= 2, "one future per notification was kept"  # pylint: disable=protected-access


def test_compiling_edited_buffers_adds_nothing_to_the_parse_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a compile worker does with each request (``compile_request``), in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = OBJECT.read_text(encoding="utf-8")
    cache = default_cache()

    def entries() -> int:
        return len(list(cache.directory.glob("*.pickle"))) if cache.directory.is_dir() else 0

    def compiled(buffer: str) -> dict[str, Any] | None:
        reply = compile_request(CompileRequest(str(OBJECT), (str(FIXTURES),), {str(OBJECT): buffer}))
        assert reply.error is None
        return reply.profile

    compiled(text)
    after_first = entries(), cache.misses
    assert after_first[0] > 0  # the included files went through the cache
    for number in range(20):
        profile = compiled(text.replace("8080", str(8000 + number)))
        assert profile is not None and profile["software"]["web"]["port"] == 8000 + number
    assert (entries(), cache.misses) == after_first, "each version of the buffer was cached"


def test_closing_a_document_drops_its_compile_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    session = Session(Settings(root=str(FIXTURES)))
    compile_in_workers(session, str(OBJECT), OBJECT.read_text(encoding="utf-8"))
    assert last_compile(session, str(OBJECT)) is not None
    session.close(uri(OBJECT))
    assert last_compile(session, str(OBJECT)) is None


def test_lint_configurations_kept_are_bounded() -> None:
    for length in range(80, 120):
        linting.lint_config(Settings(root=str(FIXTURES), lint=LintSettings(line_length=length)))
    assert len(linting._CONFIGS) <= linting._CONFIGS_KEPT  # pylint: disable=protected-access


def test_soak_with_a_fixed_seed_stays_within_its_budget() -> None:
    """A shorter run of ``bench/lsp_soak.py`` (the bench runs 15,000 edits): every request is
    answered without error, the server's memory grows <= 10 MB after the first fifth, and its
    disk caches do not grow with the versions compiled."""
    process = subprocess.run(
        [sys.executable, str(REPO / "bench" / "lsp_soak.py"), "--edits", "1000", "--seed", "7",
         "--pace-ms", "10", "--json"],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout, process.stderr
    result = json.loads(process.stdout.splitlines()[-1])
    assert result["errors"] == []
    assert result["growth_kib"] <= 10 * 1024, result
    assert result["cache_files"] < 50, result
    assert result["published_versions"] > 100, "diagnostics kept coming"
