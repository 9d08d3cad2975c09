"""Every request-based feature end to end on the fixture workspace."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsp_support import FIXTURES, diagnostics_for, open_document, position_of, server_config, start, uri
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

SCHEMA = FIXTURES / "site" / "schema.pan"
BASE = FIXTURES / "site" / "base.pan"
NODE = FIXTURES / "profiles" / "node1.pan"


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    # The semantic tokens test decodes with the legend the server announced, as a client does.
    lsp_client.initialize_result = await start(lsp_client, FIXTURES)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def doc_id(path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri(path))


async def test_document_symbols_outline(client: LanguageClient):
    open_document(client, SCHEMA)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc_id(SCHEMA))
    )
    names = {s.name: s for s in symbols}
    assert names["site/schema"].kind == types.SymbolKind.Module
    assert names["double_it"].kind == types.SymbolKind.Function
    assert names["SITE_DOMAIN"].kind == types.SymbolKind.Variable
    web = names["web_service"]
    assert web.kind == types.SymbolKind.Struct
    assert [c.name for c in web.children] == ["port", "names", "tls"]
    assert "/software/web" in names


async def test_workspace_symbols_fuzzy(client: LanguageClient):
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="dblit"))
    assert [s.name for s in found] == ["double_it"]
    assert found[0].location.uri == uri(SCHEMA)


async def test_folding_ranges(client: LanguageClient):
    ranges = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=doc_id(SCHEMA))
    )
    spans = {(r.start_line, r.end_line) for r in ranges}
    assert (8, 14) in spans  # the web_service record
    assert (20, 23) in spans  # the function body


async def test_document_links_open_included_templates(client: LanguageClient):
    open_document(client, BASE)
    links = await client.text_document_document_link_async(
        types.DocumentLinkParams(text_document=doc_id(BASE))
    )
    assert [(link.target, link.range.start.line) for link in links] == [(uri(SCHEMA), 2)]


@pytest.mark.parametrize(
    ("needle", "offset", "target_line"),
    [
        ("double_it(", 2, 20),  # function
        ("SITE_DOMAIN;", 3, 26),  # global variable
        ("site/schema", 3, 0),  # template
    ],
)
async def test_definition(client: LanguageClient, needle, offset, target_line):
    text = BASE.read_text()
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc_id(BASE), position=position_of(text, needle, offset))
    )
    assert [(loc.uri, loc.range.start.line) for loc in found] == [(uri(SCHEMA), target_line)]


async def test_definition_of_type_and_local(client: LanguageClient):
    text = SCHEMA.read_text()
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc_id(SCHEMA), position=position_of(text, ": port_number", 3))
    )
    assert [loc.range.start.line for loc in found] == [5]
    found = await client.text_document_declaration_async(
        types.DeclarationParams(text_document=doc_id(SCHEMA), position=position_of(text, "value * 2", 1))
    )
    assert [loc.range.start.line for loc in found] == [21]


async def test_hover_function_field_builtin_and_variable(client: LanguageClient):
    text = BASE.read_text()
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(BASE), position=position_of(text, "double_it", 1))
    )
    assert "Double a number." in hover.contents.value
    assert "the number to double" in hover.contents.value
    assert "site/schema" in hover.contents.value
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(BASE), position=position_of(text, "list(", 1))
    )
    assert "builtin function" in hover.contents.value
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(BASE), position=position_of(text, "SITE_DOMAIN", 2))
    )
    assert "Default site domain." in hover.contents.value and "'example.org'" in hover.contents.value
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(BASE), position=position_of(text, "web/port", 5))
    )
    assert "TCP port the service listens on." in hover.contents.value
    assert "= 80" in hover.contents.value


async def test_completion_code_templates_and_paths(client: LanguageClient):
    path = FIXTURES / "site" / "completing.pan"
    text = (
        "unique template site/completing;\n"
        "include 'site/s';\n"
        "prefix '/software/web';\n"
        "'p' = doub;\n"
        "'/software/web/' = 1;\n"
        "'/q' = tru;\n"
    )
    open_document(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, "site/s'", 6))
    )
    assert {"site/schema", "site/struct"} <= {item.label for item in result.items}
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, "doub;", 4))
    )
    labels = {item.label for item in result.items}
    assert "double_it" in labels and "double" not in labels
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, "'p'", 2))
    )
    items = {item.label: item for item in result.items}
    assert set(items) == {"port"}, "only the fields starting with the typed 'p'"
    assert items["port"].detail == "port_number"
    assert "TCP port" in items["port"].documentation.value
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, "'/software/web/'", 15))
    )
    assert {"port", "names", "tls"} <= {item.label for item in result.items}
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, "tru;", 3))
    )
    assert [(item.label, item.kind) for item in result.items if item.label == "true"] == [
        ("true", types.CompletionItemKind.Keyword)
    ]


async def test_signature_help(client: LanguageClient):
    path = FIXTURES / "site" / "signature.pan"
    text = "unique template site/signature;\n'/a' = double_it(1);\n'/b' = substr('abc', 1, );\n"
    open_document(client, path, text)
    help_ = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=doc_id(path), position=position_of(text, "double_it(", 10))
    )
    assert help_.signatures[0].label == "double_it(ARGV[0])"
    assert help_.signatures[0].parameters[0].documentation == "the number to double"
    help_ = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=doc_id(path), position=position_of(text, "1, )", 3))
    )
    assert help_.signatures[0].label.startswith("substr(")
    assert help_.active_parameter == 2


async def test_references_across_files(client: LanguageClient):
    text = SCHEMA.read_text()
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc_id(SCHEMA),
            position=position_of(text, "SITE_DOMAIN", 1),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert sorted((loc.uri == uri(BASE), loc.range.start.line) for loc in found) == [
        (False, 26),
        (True, 4),
        (True, 6),
    ]


async def test_prepare_rename_and_rename(client: LanguageClient):
    text = SCHEMA.read_text()
    open_document(
        client, FIXTURES / "site" / "signature.pan", "unique template site/signature;\n'/a' = double_it(1);\n"
    )
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc_id(SCHEMA), position=position_of(text, "double_it", 2))
    )
    assert prepared.placeholder == "double_it"
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=doc_id(SCHEMA), position=position_of(text, "double_it", 2), new_name="twice"
        )
    )
    changed = {document: [e.range.start.line for e in edits] for document, edits in edit.changes.items()}
    # signature.pan exists only as an unsaved buffer: it counts too.
    assert changed == {uri(SCHEMA): [20], uri(BASE): [5], uri(FIXTURES / "site" / "signature.pan"): [1]}
    with pytest.raises(JsonRpcException, match="builtin"):
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=doc_id(SCHEMA), position=position_of(text, "long(", 1))
        )


async def test_rename_template_moves_the_file(client: LanguageClient):
    text = BASE.read_text()
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=doc_id(BASE), position=position_of(text, "site/schema", 2), new_name="site/types"
        )
    )
    moves = [c for c in edit.document_changes if isinstance(c, types.RenameFile)]
    assert [(m.old_uri, m.new_uri) for m in moves] == [(uri(SCHEMA), uri(FIXTURES / "site" / "types.pan"))]


async def test_semantic_tokens(client: LanguageClient):
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc_id(BASE))
    )
    legend = client.initialize_result.capabilities.semantic_tokens_provider.legend.token_types
    data = tokens.data
    decoded, line, column = [], 0, 0
    for i in range(0, len(data), 5):
        line += data[i]
        column = data[i + 1] if data[i] else column + data[i + 1]
        decoded.append((line, column, data[i + 2], legend[data[i + 3]]))
    assert (0, 0, 6, "keyword") in decoded  # unique
    assert (2, 8, 13, "namespace") in decoded  # 'site/schema'
    assert (5, 23, 9, "function") in decoded  # double_it


async def test_formatting_fixes_whitespace_and_indentation(client: LanguageClient):
    path = FIXTURES / "site" / "messy.pan"
    text = "unique template site/messy;\n\nvariable X = {\n  y = 1;   \n  y;\n};\n"
    open_document(client, path, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc_id(path), options=types.FormattingOptions(tab_size=4, insert_spaces=True)
        )
    )
    assert edits
    new_text = "".join(e.new_text for e in edits)
    assert "    y = 1;\n" in new_text


async def test_code_actions_quick_fixes_and_includes(client: LanguageClient):
    path = FIXTURES / "site" / "actions.pan"
    text = "unique template site/actions;\n\n'/software/components/ntp/active' = true; \n"
    document = open_document(client, path, text)
    shown = await diagnostics_for(
        client, document, lambda found: {"LP003", "CU001"} <= {d.code for d in found}
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc_id(path),
            range=types.Range(types.Position(2, 0), types.Position(2, 10)),
            context=types.CodeActionContext(diagnostics=[d for d in shown if d.range.start.line == 2]),
        )
    )
    titles = [a.title for a in actions]
    assert any("LP003" in t for t in titles)
    include = next(a for a in actions if a.title.startswith("Include 'components/ntp/config'"))
    [edit] = include.edit.changes[uri(path)]
    assert edit.new_text == "include 'components/ntp/config';\n" and edit.range.start.line == 1


async def test_provenance_request(client: LanguageClient):
    text = NODE.read_text()
    open_document(client, NODE)
    result = await client.protocol.send_request_async(
        "pan/provenance", {"uri": uri(NODE), "position": {"line": 5, "character": 3}}
    )
    assert result.path == "/software/web/port"
    assert [(w.template, w.value) for w in result.writes] == [
        ("site/base", "8080"),
        ("profiles/node1", "8080"),
    ]
    assert result.value == "8080"
    assert text.splitlines()[5].startswith("'/software/web/port'")


@pytest.mark.parametrize(
    "params",
    [
        {"uri": uri(NODE), "position": {"line": "5", "character": 3}},
        {"uri": uri(NODE), "position": {"line": -1, "character": 3}},
        {"textDocument": "not an object", "path": "/a"},
        {"uri": uri(NODE), "path": "/software/web/port", "object": 42},
    ],
)
async def test_provenance_request_with_bad_parameters_is_invalid_params(client: LanguageClient, params):
    with pytest.raises(JsonRpcException) as raised:
        await client.protocol.send_request_async("pan/provenance", params)
    assert raised.value.code == -32602


async def test_a_failing_request_does_not_break_the_session(client: LanguageClient):
    missing = FIXTURES / "site" / "does-not-exist.pan"
    with pytest.raises(JsonRpcException):
        await client.text_document_hover_async(
            types.HoverParams(text_document=doc_id(missing), position=types.Position(0, 0))
        )
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="web_service"))
    assert symbols
