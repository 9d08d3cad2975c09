"""The site checker's budget and order, validation errors at the statement that wrote the value,
the profile view (``pan/profile``), "find writes" from a template that is no object, and the
startup check, on a small generated site (real client, real server).

    lib/common.pan      included by the four hosts
    lib/schema.pan      binds /x to a long
    profiles/h1..h4     object templates; h1 also includes lib/extra
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from lsp_support import (
    change_document,
    diagnostics_for,
    last_site_status,
    open_document,
    record_site_status,
    server_config,
    start,
    uri,
    wait_until,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

WORKSPACE = Path(tempfile.mkdtemp(prefix="panls-site-")).resolve()
COMMON = "unique template lib/common;\n\n'/x' = 1;\n'/services/ntp' = dict('server', 'ntp1');\n"
SCHEMA = (
    "declaration template lib/schema;\n\n"
    "type node = {\n    'x' : long\n    'level' : long = 3\n    'services' ? dict\n};\n"
)
EXTRA = "unique template lib/extra;\n\n'/services/ntp/server' = 'ntp2';\n"
HOST = "object template {name};\n\ninclude 'lib/schema';\nbind '/' = node;\ninclude 'lib/common';\n{more}"
HOSTS = ["h1", "h2", "h3", "h4"]


def _write_site() -> None:
    (WORKSPACE / "lib").mkdir()
    (WORKSPACE / "profiles").mkdir()
    (WORKSPACE / "lib" / "common.pan").write_text(COMMON)
    (WORKSPACE / "lib" / "schema.pan").write_text(SCHEMA)
    (WORKSPACE / "lib" / "extra.pan").write_text(EXTRA)
    for name in HOSTS:
        more = "include 'lib/extra';\n" if name == "h1" else ""
        (WORKSPACE / "profiles" / f"{name}.pan").write_text(HOST.format(name=name, more=more))


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    _write_site()
    record_site_status(lsp_client)
    await start(
        lsp_client,
        WORKSPACE,
        {
            "includePath": [".", "profiles"],
            "compile": {"debounceMs": 50},
            "lint": {"enabled": False},
            "siteCheck": {"maxObjects": 2},
        },
    )
    yield
    await lsp_client.shutdown_session()


def _breaking(diagnostics: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diagnostics if " (breaks " in d.message]


async def test_an_edit_rechecks_the_most_recently_used_hosts_first_within_the_budget(client: LanguageClient):
    open_document(client, WORKSPACE / "profiles" / "h3.pan")  # the user works on h3, then h4
    open_document(client, WORKSPACE / "profiles" / "h4.pan")
    common = open_document(client, WORKSPACE / "lib" / "common.pan")
    affected = await client.protocol.send_request_async("pan/affectedObjects", {"uri": common})
    assert [o.name for o in affected.objects] == ["h4", "h3", "h1", "h2"]

    change_document(client, common, COMMON.replace("'/x' = 1;", "'/x' = 1 + error('no x here');"), 2)
    found = await diagnostics_for(client, common, lambda ds: bool(_breaking(ds)), timeout=30)
    await wait_until(
        lambda: last_site_status(client, "pending") == 0 and last_site_status(client, "failed") == 2,
        timeout=30,
    )
    (reported,) = _breaking(client.diagnostics[common])
    assert reported.range.start.line == 2
    assert reported.message == "user-initiated error: no x here (breaks h3, h4)"
    assert last_site_status(client, "skipped") == 2  # the budget: two hosts of four
    assert last_site_status(client, "text") == "2 of 4 hosts fail (2 not checked)"
    assert found

    change_document(client, common, COMMON, 3)
    await diagnostics_for(client, common, lambda ds: not _breaking(ds), timeout=30)
    await wait_until(
        lambda: last_site_status(client, "failed") == 0 and last_site_status(client, "pending") == 0,
        timeout=30,
    )


async def test_a_text_that_does_not_parse_rechecks_nothing(client: LanguageClient):
    common = uri(WORKSPACE / "lib" / "common.pan")
    before = len(client.statuses)  # type: ignore[attr-defined]
    change_document(client, common, COMMON.replace("'/x' = 1;", "'/x' = (1;"), 4)
    await diagnostics_for(client, common, lambda ds: any(d.code == "parse" for d in ds), timeout=30)
    await asyncio.sleep(1.0)  # longer than the quiet period
    assert not _breaking(client.diagnostics[common])
    assert all(s.pending == 0 for s in client.statuses[before:])  # type: ignore[attr-defined]
    change_document(client, common, COMMON, 5)
    await diagnostics_for(client, common, lambda ds: not any(d.code == "parse" for d in ds), timeout=30)


async def test_a_validation_error_points_at_the_statement_that_wrote_the_value(client: LanguageClient):
    common = uri(WORKSPACE / "lib" / "common.pan")
    change_document(client, common, COMMON.replace("'/x' = 1;", "'/x' = 'one';"), 6)
    found = await diagnostics_for(client, common, lambda ds: bool(_breaking(ds)), timeout=30)
    (reported,) = _breaking(found)
    assert reported.range.start.line == 2  # '/x' = 'one';
    assert reported.message == (
        "wrote /x, which fails validation: "
        "validation requires type of 'long' but element is of type 'string' (breaks h3, h4)"
    )
    own = await diagnostics_for(client, uri(WORKSPACE / "profiles" / "h3.pan"), bool, timeout=30)
    (failure,) = [d for d in own if d.message.startswith("validation requires type of 'long'")]
    assert failure.range.start.line == 0  # the object template's declaration
    assert any("element path: '/x'" in r.message for r in failure.related_information or ())
    change_document(client, common, COMMON, 7)
    await diagnostics_for(client, common, lambda ds: not _breaking(ds), timeout=30)


async def test_the_profile_view_shows_each_node_with_the_statement_that_set_it(client: LanguageClient):
    host = open_document(client, WORKSPACE / "profiles" / "h1.pan")
    root = await client.protocol.send_request_async("pan/profile", {"uri": host})
    assert root.error is None
    assert [(n.name, n.kind, n.value, n.size) for n in root.children] == [
        ("level", "long", "3", 0),
        ("services", "dict", None, 1),
        ("x", "long", "1", 0),
    ]
    level, services, x = root.children
    assert (
        level.origin.kind,
        Path(types_uri_path(level.origin.uri)).name,
        level.origin.range.start.line,
    ) == ("default", "schema.pan", 4)
    assert (x.origin.kind, x.origin.template, x.origin.range.start.line) == ("assign", "lib/common", 2)
    assert services.origin.template == "lib/common"
    ntp = await client.protocol.send_request_async("pan/profile", {"uri": host, "path": "/services/ntp"})
    (server,) = ntp.children
    assert (server.value, server.origin.template, server.origin.range.start.line) == (
        "'ntp2'",
        "lib/extra",
        2,
    )
    missing = await client.protocol.send_request_async("pan/profile", {"uri": host, "path": "/nothing"})
    assert (missing.exists, missing.children) == (False, [])


async def test_find_writes_of_a_path_in_a_template_that_is_no_object(client: LanguageClient):
    extra = open_document(client, WORKSPACE / "lib" / "extra.pan")
    answer = await client.protocol.send_request_async(
        "pan/provenance", {"uri": extra, "position": {"line": 2, "character": 5}}
    )
    assert answer.object == uri(WORKSPACE / "profiles" / "h1.pan")  # the one object that includes it
    assert answer.path == "/services/ntp/server"
    assert [(Path(types_uri_path(w.uri)).name, w.range.start.line, w.path) for w in answer.writes] == [
        ("common.pan", 3, "/services/ntp"),
        ("extra.pan", 2, "/services/ntp/server"),
    ]


async def test_closing_a_template_with_unsaved_edits_rechecks_with_the_file(client: LanguageClient):
    common = uri(WORKSPACE / "lib" / "common.pan")
    change_document(client, common, COMMON.replace("'/x' = 1;", "'/x' = 1 + error('unsaved');"), 8)
    await wait_until(
        lambda: last_site_status(client, "failed") == 2 and last_site_status(client, "pending") == 0,
        timeout=30,
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=common))
    )
    await wait_until(
        lambda: last_site_status(client, "failed") == 0 and last_site_status(client, "pending") == 0,
        timeout=30,
    )


async def test_the_startup_check_compiles_every_host(client: LanguageClient):
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={
                "pan": {"includePath": [".", "profiles"], "siteCheck": {"maxObjects": 2, "onStartup": True}}
            }
        )
    )
    await wait_until(
        lambda: last_site_status(client, "checked") == 4 and last_site_status(client, "pending") == 0,
        timeout=30,
    )
    assert last_site_status(client, "text") == "0 of 4 hosts fail"


def types_uri_path(document_uri: str) -> str:
    return document_uri.removeprefix("file://")
