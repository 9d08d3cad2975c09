"""An editor opened on a template that never finishes compiling stays responsive (issue 13).

Real client, real server: the object template's compile (a regular expression that backtracks
for ever) runs in a worker process of the core's compile pool, so requests are answered at
once; the next edit cancels it (its worker is killed) and the new text's compile diagnostics
arrive within a second; a compile past the time limit is reported on the object.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsp_support import change_document, diagnostics_for, open_document, server_config, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

WORKSPACE = Path(tempfile.mkdtemp(prefix="panls-runaway-"))
RUNAWAY = "object template runaway;\n'/a' = match('" + "a" * 200 + "!', '^(a|aa)+$');\n"
FIXED = "object template runaway;\n'/a' = 1;\n'/b' = error('compiled the new text');\n"


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    (WORKSPACE / "runaway.pan").write_text(RUNAWAY, encoding="utf-8")
    (WORKSPACE / "slow.pan").write_text(RUNAWAY.replace("runaway", "slow"), encoding="utf-8")
    await start(lsp_client, WORKSPACE, {"compile": {"debounceMs": 50, "timeoutMs": 6000}})
    yield
    await lsp_client.shutdown_session()


async def test_requests_and_the_next_edit_are_answered_while_a_compile_runs_away(client: LanguageClient):
    document = open_document(client, WORKSPACE / "runaway.pan", RUNAWAY)
    await diagnostics_for(client, document)  # the fast diagnostics of version 1
    await asyncio.sleep(2.0)  # the compile of version 1 has started and backtracks (for 10 s)

    started = time.monotonic()
    answer = await asyncio.wait_for(
        client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=document),
                position=types.Position(line=1, character=8),
            )
        ),
        timeout=5,
    )
    assert time.monotonic() - started < 1.0
    assert answer is not None and any(item.label == "match" for item in answer.items)

    started = time.monotonic()
    change_document(client, document, FIXED, 2)
    found = await diagnostics_for(
        client, document, lambda ds: any("compiled the new text" in d.message for d in ds), timeout=5
    )
    assert time.monotonic() - started < 1.0
    assert [d.range.start.line for d in found if "compiled the new text" in d.message] == [2]


async def test_a_compile_past_its_time_limit_is_an_error_on_the_object(client: LanguageClient):
    document = open_document(client, WORKSPACE / "slow.pan")
    found = await diagnostics_for(
        client, document, lambda ds: any("time limit" in d.message for d in ds), timeout=30
    )
    (stopped,) = [d for d in found if "time limit" in d.message]
    assert stopped.message == "the compile was stopped after 6 s (its time limit)"
    assert stopped.range.start.line == 0  # on the object template's declaration
