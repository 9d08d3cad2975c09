"""Shared helpers of the panls tests: a real client against the server, documents, waiting.

Not named conftest: test modules import it, and two folders' conftest modules clash by name.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "workspace"
CORPUS = REPO / ".." / "shared" / "corpora" / "template-library-core"
CACHE_HOME = tempfile.mkdtemp(prefix="panls-test-cache-")


def server_config() -> ClientServerConfig:
    """Start the real server process, with its caches in a throw-away directory."""
    env = {**os.environ, "XDG_CACHE_HOME": CACHE_HOME, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "panls"]
    if os.environ.get("PANLS_TEST_LOG"):  # debugging aid: the server's own log
        command += ["--log-file", os.environ["PANLS_TEST_LOG"], "--log-level", "DEBUG"]
    return ClientServerConfig(server_command=command, server_env=env)


def uri(path: Path | str) -> str:
    return Path(path).resolve().as_uri()


async def start(
    client: LanguageClient,
    root: Path,
    options: dict[str, Any] | None = None,
    capabilities: types.ClientCapabilities | None = None,
) -> types.InitializeResult:
    """Initialize a session on ``root`` and wait until the include path is indexed."""
    ready: list[Any] = []

    @client.feature("pan/indexReady")
    def on_index_ready(params):  # unannotated: pygls passes the client first to annotated handlers
        ready.append(params)

    result = await asyncio.wait_for(
        client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities
                or types.ClientCapabilities(
                    # what VS Code declares: snippets and markdown documentation
                    text_document=types.TextDocumentClientCapabilities(
                        completion=types.CompletionClientCapabilities(
                            completion_item=types.ClientCompletionItemOptions(
                                snippet_support=True,
                                documentation_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText],
                            )
                        ),
                        document_link=types.DocumentLinkClientCapabilities(tooltip_support=True),
                        hover=types.HoverClientCapabilities(
                            content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]
                        ),
                        signature_help=types.SignatureHelpClientCapabilities(
                            signature_information=types.ClientSignatureInformationOptions(
                                documentation_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]
                            )
                        ),
                    ),
                    workspace=types.WorkspaceClientCapabilities(
                        configuration=True,
                        workspace_edit=types.WorkspaceEditClientCapabilities(
                            document_changes=True, resource_operations=[types.ResourceOperationKind.Rename]
                        ),
                    )
                ),
                root_uri=uri(root),
                workspace_folders=[types.WorkspaceFolder(uri=uri(root), name="root")],
                initialization_options=options or {"compile": {"debounceMs": 50}},
            )
        ),
        timeout=60,
    )
    await wait_until(lambda: ready, timeout=60)
    client.index_ready = ready  # type: ignore[attr-defined]
    return result


def record_site_status(client: LanguageClient) -> None:
    """Keep the server's ``pan/siteStatus`` notifications in ``client.statuses``, in order."""
    statuses: list[Any] = []

    @client.feature("pan/siteStatus")
    def on_status(params):  # unannotated: pygls passes the client first to annotated handlers
        statuses.append(params)

    client.statuses = statuses  # type: ignore[attr-defined]


def last_site_status(client: LanguageClient, field: str) -> Any:
    """A field of the last ``pan/siteStatus`` (``None`` before the first)."""
    statuses = client.statuses  # type: ignore[attr-defined]
    return getattr(statuses[-1], field) if statuses else None


async def wait_until(predicate, timeout: float = 10.0, interval: float = 0.01) -> None:
    """Poll ``predicate`` until it is true; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(interval)


def open_document(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    """Send didOpen for ``path`` (with its file content unless ``text`` is given); return its URI."""
    document_uri = uri(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=document_uri,
                language_id="pan",
                version=version,
                text=text if text is not None else path.read_text(encoding="utf-8"),
            )
        )
    )
    return document_uri


def change_document(client: LanguageClient, document_uri: str, text: str, version: int) -> None:
    """Replace the whole text of an open document."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=document_uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics_for(
    client: LanguageClient, document_uri: str, predicate=lambda d: True, timeout: float = 10.0
) -> list[types.Diagnostic]:
    """Wait until diagnostics for ``document_uri`` satisfy ``predicate``; return them."""
    await wait_until(
        lambda: document_uri in client.diagnostics and predicate(client.diagnostics[document_uri]),
        timeout=timeout,
    )
    return list(client.diagnostics[document_uri])


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The LSP position of the first ``needle`` in ``text`` (plus ``offset`` characters)."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return types.Position(line=line, character=column)


def compile_in_workers(session: Any, path: str, text: str, buffers: dict[str, str] | None = None) -> Any:
    """``compile_diagnostics`` of the server, once, through a compile pool of its own."""
    # pylint: disable=import-outside-toplevel  # the server's modules, only for the tests that compile
    from panls.features.compilation import ObjectCompiles, compile_diagnostics

    compiles = ObjectCompiles(session)
    try:
        return asyncio.run(compile_diagnostics(compiles, path, text, buffers or {}))
    finally:
        compiles.shutdown()
