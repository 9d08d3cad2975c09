"""The server on a real template library (template-library-core) as the workspace."""

from __future__ import annotations

import os
import sys

import pytest
import pytest_lsp
from lsp_support import CORPUS, REPO, diagnostics_for, open_document, position_of, start, uri
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = [
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/template-library-core is absent"),
]

ACCOUNTS = CORPUS / "components" / "accounts" / "config.pan"
SPMA_FUNCTIONS = CORPUS / "components" / "spma" / "functions.pan"

# The default cache directory: the corpus index is then built once, not on every run.
CONFIG = ClientServerConfig(
    server_command=[sys.executable, "-m", "panls"], server_env={**os.environ, "PYTHONPATH": str(REPO)}
)


@pytest_lsp.fixture(config=CONFIG, scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    await start(lsp_client, CORPUS, {"compile": {"enabled": False}})
    yield
    await lsp_client.shutdown_session()


async def test_index_covers_the_library(client: LanguageClient):
    [stats] = client.index_ready  # type: ignore[attr-defined]
    assert stats.files >= 600
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="pkg_repl"))
    assert any(s.name == "pkg_repl" and s.location.uri == uri(SPMA_FUNCTIONS) for s in found)


async def test_real_template_has_no_errors_and_resolves_its_includes(client: LanguageClient):
    document = open_document(client, ACCOUNTS)
    found = await diagnostics_for(client, document)
    assert not [d for d in found if d.severity == types.DiagnosticSeverity.Error]
    assert not [d for d in found if d.code in ("unknown-template", "undefined-function", "undefined-type")]


async def test_definition_and_hover_across_the_library(client: LanguageClient):
    text = ACCOUNTS.read_text()
    position = position_of(text, "pkg_repl", 2)
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(ACCOUNTS)), position=position
        )
    )
    assert [(loc.uri, loc.range.start.line) for loc in found] == [(uri(SPMA_FUNCTIONS), 226)]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri(ACCOUNTS)), position=position)
    )
    assert "Replace package in the list" in hover.contents.value


async def test_profile_path_completion_from_bind_and_record_types(client: LanguageClient):
    path = CORPUS / "components" / "accounts" / "example-site.pan"
    text = "unique template components/accounts/example-site;\n'/software/components/accounts/' = 1;\n"
    open_document(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(path)),
            position=position_of(text, "accounts/'", 9),
        )
    )
    labels = {item.label for item in result.items}
    assert {"users", "groups", "rootpwd"} <= labels


async def test_references_of_a_widely_used_type(client: LanguageClient):
    schema = CORPUS / "pan" / "types.pan"
    text = schema.read_text()
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri(schema)),
            position=position_of(text, "type type_fqdn", 6),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert len({loc.uri for loc in found}) > 5
