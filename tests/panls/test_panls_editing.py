"""Editing features end to end: formatting (document and range), semantic tokens of a range,
value completion from the schema, signature help and hover from ``@param`` tags and ``ARGV``
use, code actions for the diagnostics asked about, diagnostics under the client's URI."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from lsp_support import diagnostics_for, open_document, position_of, server_config, start, uri
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

WORKSPACE = Path(__file__).resolve().parent / "fixtures" / "editing"
ROLES = WORKSPACE / "site" / "roles.pan"


@pytest_lsp.fixture(config=server_config(), scope="module", name="client")
async def client_fixture(lsp_client: LanguageClient):
    lsp_client.initialize_result = await start(lsp_client, WORKSPACE)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def doc_id(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri(path))


def open_uri(client: LanguageClient, document_uri: str, text: str) -> None:
    """didOpen with the URI spelled exactly as given."""
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=document_uri, language_id="pan", version=1, text=text)
        )
    )


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with line-based edits (whole lines, as the server sends) applied."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return min(offsets[position.line] + position.character, len(text))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


MESSY = (
    "unique template site/messy;\n"
    "function  twice = {\n"
    "return( ARGV [0]*2 ) ;\n"
    "};\n"
    "'/a' = list( 1, 2 , 3 ) ;\n"
    "'/b' = twice( 4 );\n"
)


async def format_document(client: LanguageClient, path: Path) -> list[types.TextEdit]:
    return await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc_id(path), options=types.FormattingOptions(tab_size=4, insert_spaces=True)
        )
    )


async def test_document_formatting_gives_the_canonical_layout(client: LanguageClient):
    path = WORKSPACE / "site" / "messy.pan"
    open_document(client, path, MESSY)
    edits = await format_document(client, path)
    assert applied(MESSY, edits) == (
        "unique template site/messy;\n"
        "function twice = {\n"
        "    return(ARGV[0] * 2);\n"
        "};\n"
        "'/a' = list(1, 2, 3);\n"
        "'/b' = twice(4);\n"
    )
    assert all(edit.range.start.character == edit.range.end.character == 0 for edit in edits)


async def test_range_formatting_touches_only_the_selected_lines(client: LanguageClient):
    path = WORKSPACE / "site" / "ranged.pan"
    open_document(client, path, MESSY.replace("messy", "ranged"))
    edits = await client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            text_document=doc_id(path),
            range=types.Range(types.Position(4, 0), types.Position(4, 5)),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    result = applied(MESSY.replace("messy", "ranged"), edits)
    assert result.split("\n")[4] == "'/a' = list(1, 2, 3);"
    assert result.split("\n")[:4] == MESSY.replace("messy", "ranged").split("\n")[:4]
    assert result.split("\n")[5] == "'/b' = twice( 4 );"


async def test_a_template_with_syntax_errors_gets_no_formatting_edits(client: LanguageClient):
    path = WORKSPACE / "site" / "broken.pan"
    open_document(client, path, "unique template site/broken;\n'/a' = (1 ;\n")
    assert not await format_document(client, path)


def decode(data: list[int]) -> list[tuple[int, int, int, int]]:
    decoded, line, column = [], 0, 0
    for i in range(0, len(data), 5):
        line += data[i]
        column = data[i + 1] if data[i] else column + data[i + 1]
        decoded.append((line, column, data[i + 2], data[i + 3]))
    return decoded


async def test_semantic_tokens_of_a_range(client: LanguageClient):
    capabilities = client.initialize_result.capabilities.semantic_tokens_provider
    assert capabilities.range is True and capabilities.full
    full = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc_id(ROLES))
    )
    part = await client.text_document_semantic_tokens_range_async(
        types.SemanticTokensRangeParams(
            text_document=doc_id(ROLES), range=types.Range(types.Position(4, 0), types.Position(6, 0))
        )
    )
    everything = decode(full.data)
    expected = [token for token in everything if 4 <= token[0] <= 6]
    assert decode(part.data) == expected
    assert {token[0] for token in expected} == {4, 5, 6}
    assert len(expected) < len(everything)


async def complete(client: LanguageClient, path: Path, text: str, needle: str, offset: int):
    open_document(client, path, text)
    return await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(path), position=position_of(text, needle, offset))
    )


async def test_completion_offers_the_choices_of_a_choice_type(client: LanguageClient):
    path = WORKSPACE / "site" / "role_value.pan"
    text = 'object template role_value;\ninclude "site/roles";\n"/system/role" = "";\n'
    result = await complete(client, path, text, '= ""', 3)
    items = [item for item in result.items if item.kind == types.CompletionItemKind.EnumMember]
    assert [item.label for item in items] == ["server", "workstation", "router"]
    assert items[0].detail == "choice of type system_role"
    assert items[1].text_edit.new_text == "workstation"  # inside the quotes already typed
    values = [item for item in result.items if item.kind == types.CompletionItemKind.Value]
    assert values == []  # the default 'server' is one of the choices: offered once


async def test_completion_offers_inline_choices_and_field_defaults_in_code(client: LanguageClient):
    path = WORKSPACE / "site" / "state_value.pan"
    text = "object template state_value;\ninclude 'site/roles';\n'/system/state' = ;\n'/system/owner' = ;\n"
    result = await complete(client, path, text, "'/system/state' = ", 18)
    first = [item for item in result.items if (item.sort_text or "").startswith("!")]
    offered = [(item.label, item.text_edit.new_text) for item in first]
    assert offered == [("production", "'production'"), ("test", "'test'")]
    assert "true" in {item.label for item in result.items}  # code completion goes on after them
    result = await complete(client, path, text, "'/system/owner' = ", 18)
    defaults = [item for item in result.items if item.kind == types.CompletionItemKind.Value]
    expected = [("'root'", "default of field 'owner' of site_system")]
    assert [(item.label, item.detail) for item in defaults] == expected


async def signature(client: LanguageClient, text: str, needle: str, offset: int) -> types.SignatureHelp:
    path = WORKSPACE / "site" / "calls.pan"
    open_document(client, path, text)
    return await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=doc_id(path), position=position_of(text, needle, offset))
    )


async def test_signature_help_from_param_tags_and_argv_use(client: LanguageClient):
    text = (
        "object template calls;\ninclude 'site/roles';\n"
        "'/a' = add(1, 2);\n'/b' = pick(1, 2);\n'/c' = total(1);\n"
    )
    help_ = await signature(client, text, "add(1, ", 7)
    [info] = help_.signatures
    assert info.label == "add(first, second)"
    assert [param.documentation for param in info.parameters] == ["the first number", "the second number"]
    assert help_.active_parameter == 1
    assert "Adds two numbers." in info.documentation.value
    help_ = await signature(client, text, "pick(1, ", 8)
    assert help_.signatures[0].label == "pick(ARGV[0], ARGV[1], ARGV[2])"
    help_ = await signature(client, text, "total(", 6)
    assert help_.signatures[0].label == "total(...)"


async def test_hover_lists_the_javadoc_tags(client: LanguageClient):
    text = ROLES.read_text()
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(ROLES), position=position_of(text, "function add", 10))
    )
    value = hover.contents.value
    assert "function add(first, second)" in value
    assert "Adds two numbers.\n\n- *@param* `first` — the first number\n" in value
    assert "- *@param* `second` — the second number\n- *@return* — their sum" in value


async def test_code_actions_answer_the_diagnostics_asked_about(client: LanguageClient):
    path = WORKSPACE / "site" / "actions.pan"
    text = "unique template site/actions;\n'/a' = list(1,2);   \n"
    document = open_document(client, path, text)
    shown = await diagnostics_for(
        client, document, lambda found: {"LP003", "LP007"} <= {d.code for d in found}
    )
    on_line = [d for d in shown if d.range.start.line == 1]
    line = types.Range(types.Position(1, 0), types.Position(1, 20))

    async def actions_for(diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
        return await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=doc_id(path),
                range=line,
                context=types.CodeActionContext(
                    diagnostics=diagnostics, only=[types.CodeActionKind.QuickFix]
                ),
            )
        )

    trailing = [d for d in on_line if d.code == "LP003"]
    actions = await actions_for(trailing)
    assert [(a.title, a.is_preferred) for a in actions] == [("Remove trailing whitespace (LP003)", True)]
    assert list(actions[0].diagnostics) == trailing
    assert not await actions_for([])
    both = await actions_for(on_line)
    titles = sorted(a.title for a in both)
    # the old panlint's LP009 also fires on the semicolon followed by blanks
    assert titles == [
        "Add space after comma (LP007)",
        "One space after semicolon (LP009)",
        "Remove trailing whitespace (LP003)",
    ]
    assert [a.is_preferred for a in both].count(True) == 1


BROKEN = "unique template site/spelled;\n'/a' = (1;\n"


async def test_diagnostics_use_the_uri_the_client_opened_with_dots(client: LanguageClient):
    dotted = uri(WORKSPACE / "site").rstrip("/") + "/../site/spelled.pan"
    open_uri(client, dotted, BROKEN)
    found = await diagnostics_for(client, dotted, lambda diagnostics: bool(diagnostics))
    assert found[0].range.start.line == 1
    assert uri(WORKSPACE / "site" / "spelled.pan") not in client.diagnostics


async def test_diagnostics_use_the_uri_the_client_opened_with_its_own_escaping(client: LanguageClient):
    # Neovim leaves "(" and ")" as they are; Python's quote() would write %28 and %29
    spelled = uri(WORKSPACE / "site").rstrip("/") + "/odd(1).pan"
    open_uri(client, spelled, BROKEN)
    found = await diagnostics_for(client, spelled, lambda diagnostics: bool(diagnostics))
    assert any(d.range.start.line == 1 for d in found)


async def test_diagnostics_use_the_uri_the_client_opened_through_a_link(client: LanguageClient):
    text = BROKEN.replace("spelled", "linked")
    linked_dir = Path(tempfile.mkdtemp(prefix="panls-link-"))
    try:
        link = linked_dir / "site-link"
        os.symlink(WORKSPACE / "site", link)
        linked = "file://" + str(link / "linked.pan")
        open_uri(client, linked, text)
        found = await diagnostics_for(client, linked, lambda diagnostics: bool(diagnostics))
        assert found[0].range.start.line == 1
    finally:
        shutil.rmtree(linked_dir)
