"""Rename functions, types, global variables, locals and templates (with prepareRename)."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis import navigation
from panc.analysis.builtin_table import all_builtins
from panc.analysis.document import DocumentAnalysis
from panls.convert import path_to_uri
from panls.session import Session


def prepare_rename(
    session: Session, doc: DocumentAnalysis, position: types.Position
) -> types.PrepareRenamePlaceholder | None:
    """The range and current name to rename, or ``RenameError`` saying why nothing can be renamed."""
    converter = session.converter(doc.path)
    line, column = converter.to_pan(position)
    occ = doc.occurrence_at(line, column)
    span = navigation.rename_target(doc, occ, frozenset(all_builtins()))
    assert occ is not None
    return types.PrepareRenamePlaceholder(range=converter.range(span), placeholder=occ.name)


def rename(
    session: Session,
    doc: DocumentAnalysis,
    position: types.Position,
    new_name: str,
    resource_operations: bool,
) -> types.WorkspaceEdit:
    """The workspace edit renaming the name under the cursor everywhere it is used."""
    line, column = session.converter(doc.path).to_pan(position)
    occ = doc.occurrence_at(line, column)
    navigation.rename_target(doc, occ, frozenset(all_builtins()))
    assert occ is not None
    plan = navigation.plan_rename(doc, occ, new_name, session.index, frozenset(all_builtins()))
    edits: dict[str, list[types.TextEdit]] = {}
    for path, spans in plan.edits.items():
        converter = session.converter(path)
        edits[path_to_uri(path)] = [
            types.TextEdit(range=converter.range(span), new_text=new_name) for span in sorted(set(spans))
        ]
    if not resource_operations or not plan.file_moves:
        return types.WorkspaceEdit(changes=edits)
    changes: list[types.TextDocumentEdit | types.RenameFile] = [
        types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
            edits=list(text_edits),
        )
        for uri, text_edits in edits.items()
    ]
    for old, new in plan.file_moves:
        changes.append(types.RenameFile(kind="rename", old_uri=path_to_uri(old), new_uri=path_to_uri(new)))
    return types.WorkspaceEdit(document_changes=changes)
