"""Live site intelligence on the SCDB example site (issue 16): an edit re-checks the hosts it affects.

Real client, real server, configured as SCDB users work: the include path of the cluster
``grid/umd4`` from its ``cluster.build.properties`` (the ``cluster`` setting). An unsaved
run-time error typed into the worker-node machine type is reported in that file within
seconds, naming the three worker nodes that include it and no other host; the language status
summary says how many hosts fail; fixing the text clears it all. The files are read from the
corpus and never written (the edits stay unsaved).
"""

from __future__ import annotations

import asyncio
import re
import time

import pytest
import pytest_lsp
from lsp_support import (
    REPO,
    change_document,
    diagnostics_for,
    last_site_status,
    open_document,
    record_site_status,
    server_config,
    start,
    uri,
)
from pytest_lsp import LanguageClient

SITE = REPO / ".." / "shared" / "corpora" / "scdb-example-site"
CLUSTER = SITE / "cfg" / "clusters" / "grid" / "umd4"
MACHINE_TYPE = SITE / "cfg" / "sites" / "example" / "machine-types" / "example" / "wn.pan"
HOSTS = sorted(p.name.removesuffix(".pan") for p in (CLUSTER / "profiles").glob("*.pan"))
WORKER_NODES = ["wn.example.org", "wn2.example.org", "wn3.example.org"]
BROKEN_LINE = "variable WN_SLOTS = 8 / (length(GLEXEC_ARGUS_PEPD_ENDPOINTS) - 1);"
"""A run-time error: the list holds one endpoint, so this divides by zero when a host runs it."""

pytestmark = [
    pytest.mark.skipif(not SITE.is_dir(), reason="the corpora (../shared/corpora) are not here"),
    pytest.mark.asyncio(loop_scope="module"),
]


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    record_site_status(lsp_client)
    await start(
        lsp_client,
        SITE.resolve(),
        {"cluster": "cfg/clusters/grid/umd4", "compile": {"debounceMs": 100}, "lint": {"enabled": False}},
    )
    yield
    await lsp_client.shutdown_session()


def _named_hosts(message: str) -> set[str]:
    return {host for host in HOSTS if re.search(rf"\b{re.escape(host)}\b", message)}


async def test_the_cluster_properties_give_the_include_path(client: LanguageClient):
    ready = client.index_ready[-1]  # type: ignore[attr-defined]
    assert ready.cluster == str(CLUSTER.resolve())
    assert ready.includePath[:4] == [
        str(CLUSTER.resolve()),
        str((CLUSTER / "profiles").resolve()),
        str((CLUSTER / "site").resolve()),
        str((SITE / "cfg" / "sites" / "example").resolve()),
    ]
    assert str((SITE / "cfg" / "clusters" / "misc" / "nagios").resolve()) in ready.clusters


async def test_an_unsaved_error_in_the_wn_machine_type_names_the_worker_nodes_and_clears_when_fixed(
    client: LanguageClient,
):
    text = MACHINE_TYPE.read_text(encoding="utf-8")
    document = open_document(client, MACHINE_TYPE, text)
    affected = await client.protocol.send_request_async("pan/affectedObjects", {"uri": document})
    assert sorted(o.name for o in affected.objects) == WORKER_NODES

    anchor = "include { 'machine-types/grid/wn' };"
    broken = text.replace(anchor, f"{BROKEN_LINE}\n{anchor}")
    started = time.monotonic()
    change_document(client, document, broken, 2)
    found = await diagnostics_for(
        client, document, lambda ds: any(_named_hosts(d.message) for d in ds), timeout=60
    )
    elapsed = time.monotonic() - started
    (reported,) = [d for d in found if _named_hosts(d.message)]
    assert reported.range.start.line == broken.splitlines().index(BROKEN_LINE)
    assert "by zero" in reported.message
    await wait_for(lambda: _named_hosts(_message(client, document)) == set(WORKER_NODES), 60)
    assert _named_hosts(_message(client, document)) == set(WORKER_NODES)  # and no other host
    assert elapsed < 15, f"the first host was reported after {elapsed:.1f} s"

    # each worker node's own profile template says it fails, and why
    for host in WORKER_NODES:
        profile = uri(CLUSTER / "profiles" / f"{host}.pan")
        own = await diagnostics_for(client, profile, lambda ds: bool(ds), timeout=30)
        assert any("wn.pan" in d.message for d in own)
    await wait_for(
        lambda: last_site_status(client, "failed") == 3 and not last_site_status(client, "pending"), 30
    )
    assert sorted(f.name for f in last_site_status(client, "failing")) == WORKER_NODES
    assert last_site_status(client, "objects") == len(HOSTS) == 10
    assert last_site_status(client, "text").startswith("3 of 10 hosts fail")

    change_document(client, document, text, 3)
    await diagnostics_for(
        client, document, lambda ds: not any(_named_hosts(d.message) for d in ds), timeout=60
    )
    for host in WORKER_NODES:
        profile = uri(CLUSTER / "profiles" / f"{host}.pan")
        await diagnostics_for(client, profile, lambda ds: not ds, timeout=30)
    await wait_for(
        lambda: last_site_status(client, "failed") == 0 and not last_site_status(client, "pending"), 30
    )
    assert last_site_status(client, "text").startswith("0 of 10 hosts fail")


def _message(client: LanguageClient, document: str) -> str:
    return "\n".join(d.message for d in client.diagnostics.get(document, []))


async def wait_for(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(0.02)
