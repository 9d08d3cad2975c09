"""Diagnostics end to end: syntax with recovery, semantic checks, panlint, compile errors."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsp_support import FIXTURES, change_document, diagnostics_for, open_document, server_config, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    await start(lsp_client, FIXTURES)
    yield
    await lsp_client.shutdown_session()


async def test_syntax_errors_are_reported_per_broken_statement(client: LanguageClient):
    text = "unique template site/broken;\n'/a' = ;\n'/b' = 1;\n'/c' = (2;\n'/d' = 3;\n"
    document = open_document(client, FIXTURES / "site" / "broken.pan", text)
    found = await diagnostics_for(client, document, lambda ds: any(d.source == "pan" for d in ds))
    errors = [d for d in found if d.severity == types.DiagnosticSeverity.Error]
    assert {d.range.start.line for d in errors} == {1, 3}


async def test_semantic_checks_unknown_template_kind_and_undefined_names(client: LanguageClient):
    text = (
        "object template profiles/semantic;\n"
        "include 'site/missing';\n"
        "include 'site/struct';\n"
        "'/a' = no_such_function(1);\n"
        "'/b' = UNDEFINED_GLOBAL;\n"
        "bind '/c' = no_such_type;\n"
        "'/d' = double_it(2);\n"
    )
    document = open_document(client, FIXTURES / "profiles" / "semantic.pan", text)
    found = await diagnostics_for(client, document, lambda ds: any(d.code == "undefined-type" for d in ds))
    codes = {(d.code, d.range.start.line) for d in found}
    assert ("unknown-template", 1) in codes
    assert ("wrong-include-kind", 2) in codes
    assert ("undefined-function", 3) in codes
    assert ("undefined-variable", 4) in codes
    assert ("undefined-type", 5) in codes
    assert not any(line == 6 for _, line in codes), "double_it is declared in site/schema"


async def test_panlint_findings_become_diagnostics(client: LanguageClient):
    text = "unique template site/lint;\n\n'/software/components/ntp/active' = true;   \n"
    document = open_document(client, FIXTURES / "site" / "lint.pan", text)
    found = await diagnostics_for(client, document, lambda ds: any(d.code == "LP003" for d in ds))
    assert any(d.code == "CU001" and d.range.start.line == 2 for d in found)


async def test_compile_error_of_object_template_with_trace(client: LanguageClient):
    document = open_document(client, FIXTURES / "profiles" / "broken.pan")
    found = await diagnostics_for(
        client, document, lambda ds: any(d.code in ("validation", "evaluation") for d in ds), timeout=30
    )
    assert any("port" in d.message or "long" in d.message for d in found)


async def test_stale_versions_are_replaced_by_the_latest(client: LanguageClient):
    path = FIXTURES / "site" / "typing.pan"
    document = open_document(client, path, "unique template site/typing;\n")
    for version in range(2, 30):
        change_document(
            client, document, "unique template site/typing;\n'/a' = (;\n" * (version % 2), version
        )
    change_document(client, document, "unique template site/typing;\n'/a' = 1;\n", 30)
    found = await diagnostics_for(client, document, lambda ds: not ds)
    assert found == []
