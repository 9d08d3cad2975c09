"""Thousands of random edits in one session: no crash, answers stay right, memory stays bounded."""

from __future__ import annotations

import random

import pytest
import pytest_lsp
from lsp_support import FIXTURES, diagnostics_for, open_document, server_config, start, uri, wait_until
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

EDITS = 3000
ALPHABET = [
    *"abcdefgxyz_019 '\"{}()[];=+-*/,.:?@#\n\t<>!&|",
    "include ",
    "function ",
    "'/a/b'",
    "<<EOF\n",
]
SEED_TEXT = (FIXTURES / "site" / "schema.pan").read_text()


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    await start(lsp_client, FIXTURES, {"compile": {"enabled": False}, "debounceMs": 5})
    yield
    await lsp_client.shutdown_session()


def rss_kib(client: LanguageClient) -> int:
    with open(f"/proc/{client._server.pid}/status", encoding="ascii") as status:  # pylint: disable=protected-access
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    return types.Position(line=line, character=offset - (text.rfind("\n", 0, offset) + 1))


async def test_random_edits_never_break_the_session(client: LanguageClient):
    rng = random.Random(2024)
    path = FIXTURES / "site" / "soak.pan"
    document = open_document(client, path, SEED_TEXT)
    text = SEED_TEXT
    baseline = None
    for version in range(2, EDITS + 2):
        start_offset = rng.randrange(len(text) + 1)
        end_offset = min(len(text), start_offset + rng.choice([0, 0, 1, 2, 5]))
        insert = "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 1, 2, 3])))
        if len(text) > 3000:  # keep the buffer small: the test measures robustness, not parsing speed
            insert, end_offset = "", min(len(text), start_offset + 40)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(position(text, start_offset), position(text, end_offset)), text=insert
        )
        text = text[:start_offset] + insert + text[end_offset:]
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=document, version=version),
                content_changes=[change],
            )
        )
        if version % 250 == 0:
            # Interleaved requests must all be answered, whatever state the text is in.
            cursor = position(text, rng.randrange(len(text) + 1))
            identifier = types.TextDocumentIdentifier(uri=document)
            await client.text_document_hover_async(
                types.HoverParams(text_document=identifier, position=cursor)
            )
            await client.text_document_completion_async(
                types.CompletionParams(text_document=identifier, position=cursor)
            )
            await client.text_document_document_symbol_async(
                types.DocumentSymbolParams(text_document=identifier)
            )
            await client.text_document_semantic_tokens_full_async(
                types.SemanticTokensParams(text_document=identifier)
            )
            if version == 1000:
                baseline = rss_kib(client)
    # The last version's diagnostics arrive; the server's text equals ours.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=document, version=EDITS + 2),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text="unique template site/soak;\n")
            ],
        )
    )
    await diagnostics_for(client, document, lambda ds: not ds, timeout=60)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=document))
    )
    assert [s.name for s in symbols] == ["site/soak"]
    assert baseline is not None
    growth = rss_kib(client) - baseline
    assert growth < 40 * 1024, f"server memory grew by {growth} KiB over {EDITS - 1000} edits"
    assert uri(path) == document
    await wait_until(lambda: not client.error)
