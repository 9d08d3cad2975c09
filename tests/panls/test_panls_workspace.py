"""Configuration, and what a background compile adds (errors with traces, values)."""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsp_support import (
    FIXTURES,
    diagnostics_for,
    open_document,
    position_of,
    server_config,
    start,
    uri,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

BASE = FIXTURES / "site" / "base.pan"
NODE = FIXTURES / "profiles" / "node1.pan"


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    await start(lsp_client, FIXTURES, {"includePath": ["components"], "compile": {"debounceMs": 20}})
    yield
    await lsp_client.shutdown_session()


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
