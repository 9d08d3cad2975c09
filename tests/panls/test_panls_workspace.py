"""Configuration, and what a background compile adds (errors with traces, values)."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsp_support import (
    FIXTURES,
    REPO,
    diagnostics_for,
    open_document,
    position_of,
    server_config,
    start,
    uri,
)
from lsprotocol import types
from pygls.lsp.client import LanguageClient as PlainClient
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

BASE = FIXTURES / "site" / "base.pan"
NODE = FIXTURES / "profiles" / "node1.pan"


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    started: list[dict[str, object]] = []

    @lsp_client.feature("pan/indexStarted")
    def on_index_started(params):  # unannotated: pygls passes the client first to annotated handlers
        started.append(params)

    lsp_client.index_started = started  # type: ignore[attr-defined]
    await start(lsp_client, FIXTURES, {"includePath": ["components"], "compile": {"debounceMs": 20}})
    yield
    await lsp_client.shutdown_session()


async def test_indexing_is_announced_with_the_include_path_in_use(client: LanguageClient):
    """What the VS Code extension shows in its language status: indexing..., then the count."""
    include_path = [str(FIXTURES / "components")]
    started = client.index_started[0]  # type: ignore[attr-defined]
    ready = client.index_ready[0]  # type: ignore[attr-defined]
    assert started.includePath == include_path
    assert ready.includePath == include_path
    assert ready.files > 0


async def test_include_path_from_initialization_options_then_changed(client: LanguageClient):
    document = open_document(client, BASE)
    found = await diagnostics_for(client, document, lambda ds: any(d.code == "unknown-template" for d in ds))
    assert [d.range.start.line for d in found if d.code == "unknown-template"] == [2]
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"pan": {"includePath": ["."], "compile": {"debounceMs": 20}}}
        )
    )
    await diagnostics_for(client, document, lambda ds: not any(d.code == "unknown-template" for d in ds))


async def test_configuration_pulled_from_the_client(client: LanguageClient):
    document = open_document(client, BASE)
    client.set_configuration({"includePath": ["components"]}, section="pan")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await diagnostics_for(client, document, lambda ds: any(d.code == "unknown-template" for d in ds))
    client.set_configuration({"includePath": ["."], "compile": {"debounceMs": 20}}, section="pan")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await diagnostics_for(client, document, lambda ds: not any(d.code == "unknown-template" for d in ds))


async def test_compile_error_in_an_included_template_carries_the_trace(client: LanguageClient):
    document = open_document(client, FIXTURES / "profiles" / "evalfail.pan")
    found = await diagnostics_for(
        client, document, lambda ds: any(d.code == "evaluation" for d in ds), timeout=30
    )
    [error] = [d for d in found if d.code == "evaluation"]
    assert "boom: kaboom" in error.message and error.range.start.line == 2
    related = {(r.location.uri, r.location.range.start.line) for r in error.related_information}
    assert (uri(FIXTURES / "site" / "failing.pan"), 2) in related
    failing = await diagnostics_for(
        client, uri(FIXTURES / "site" / "failing.pan"), lambda ds: any(d.code == "evaluation" for d in ds)
    )
    assert any("boom: kaboom" in d.message for d in failing)


async def test_hover_shows_the_compiled_value_and_its_writers(client: LanguageClient):
    text = NODE.read_text()
    open_document(client, NODE)
    request = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(NODE)), position=position_of(text, "web/port", 4)
    )
    hovers: list[str] = []

    async def compiled() -> bool:
        hover = await client.text_document_hover_async(request)
        hovers.append(hover.contents.value if hover else "")
        return "final value" in hovers[-1]

    for _ in range(300):
        if await compiled():
            break
        await asyncio.sleep(0.1)
    value = hovers[-1]
    assert "final value: `8080`" in value
    assert "site/base:6" in value and "profiles/node1:6" in value


async def test_a_request_right_after_initialized_waits_for_the_first_index():
    """A client that asks at once (eglot in batch mode does) gets the answer of the full index,
    even while the server is still pulling its configuration."""
    client = PlainClient("eager-client", "1")

    @client.feature(types.WORKSPACE_CONFIGURATION)
    async def slow_configuration(_params):  # unannotated: pygls passes the client first to annotated handlers
        await asyncio.sleep(1.0)
        return [None]

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    await client.start_io(sys.executable, "-m", "panls", env=env)
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(
                        workspace=types.WorkspaceClientCapabilities(configuration=True)
                    ),
                    root_uri=uri(FIXTURES),
                    initialization_options={"includePath": ["site"]},
                )
            ),
            30,
        )
        client.initialized(types.InitializedParams())
        text = BASE.read_text()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri(BASE), language_id="pan", version=1, text=text)
            )
        )
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri(BASE)),
                    position=position_of(text, "double_it"),
                )
            ),
            30,
        )
        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
    finally:
        process = client._server  # pylint: disable=protected-access  # a failed test must not hang
        if process is not None and process.returncode is None:
            await asyncio.sleep(0.5)
            if process.returncode is None:
                process.kill()
        await client.stop()
    assert hover is not None and "Double a number" in str(hover.contents), hover
