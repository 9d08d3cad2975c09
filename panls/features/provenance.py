""" "Where does this value come from": the writes of a path during the compile of an object."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError, JsonRpcInvalidParams

from panc.analysis.document import DocumentAnalysis
from panc.analysis.provenance import DEFAULT, PathWrite, render_value, value_at, writes_affecting
from panc.analysis.references import OccurrenceKind
from panls.convert import path_to_uri, plain_json, uri_to_path
from panls.features.compilation import CompileRecord, last_compile
from panls.session import Session

if TYPE_CHECKING:
    from panls.server import PanLanguageServer

MAX_HOVER_WRITES = 8


def _path_at(doc: DocumentAnalysis, session: Session, position: types.Position) -> str | None:
    line, column = session.converter(doc.path).to_pan(position)
    occ = doc.occurrence_at(line, column)
    if occ is None or occ.kind is not OccurrenceKind.PATH or not occ.name.startswith("/"):
        return None
    return occ.name


def hover_sections(session: Session, doc: DocumentAnalysis, position: types.Position) -> list[str]:
    """For a path in a compiled object template: its final value and the statements that wrote it."""
    path = _path_at(doc, session, position)
    record = last_compile(session, doc.path) if path else None
    if path is None or record is None or record.profile is None:
        return []
    value = value_at(record.profile, path)
    sections = [f"final value: `{render_value(value)}`" if value is not None else "absent from the profile"]
    writes = writes_affecting(record.writes, path)
    if writes:
        lines = [f"- `{w.path}` = `{w.value}` ({_where(w)})" for w in writes[-MAX_HOVER_WRITES:]]
        more = len(writes) - MAX_HOVER_WRITES
        header = "written by" + (f" (last {MAX_HOVER_WRITES} of {len(writes)})" if more > 0 else "")
        sections.append(header + ":\n" + "\n".join(lines))
    return sections


def _where(write: PathWrite) -> str:
    if write.kind == DEFAULT:
        where = f"{os.path.basename(write.span.file)}:{write.span.start_line}"
        return f"default of type {write.template}, {where}"
    return f"{write.template}:{write.span.start_line}"


async def provenance_request(server: PanLanguageServer, params: Any) -> dict[str, Any]:
    """``pan/provenance {uri, position | path, object?}``: every write of the path, in order."""
    params = plain_json(params)
    if not isinstance(params, dict):
        raise JsonRpcInvalidParams("pan/provenance expects an object of parameters")
    document = params.get("textDocument")
    uri = params.get("uri") or (document.get("uri") if isinstance(document, dict) else None)
    if not isinstance(uri, str):
        raise JsonRpcInvalidParams("pan/provenance needs a 'uri'")
    session = server.session
    doc = server.analysis(uri)
    path = params.get("path")
    if not isinstance(path, str):
        position = params.get("position")
        if not isinstance(position, dict):
            raise JsonRpcInvalidParams("pan/provenance needs a 'position' or a 'path'")
        line, character = position.get("line", 0), position.get("character", 0)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (line, character)):
            raise JsonRpcInvalidParams("a 'position' has a 'line' and a 'character' (integers from 0)")
        path = _path_at(doc, session, types.Position(line, character))
        if path is None:
            raise JsonRpcInvalidParams("no absolute profile path at this position")
    object_path, record = await object_compile(server, params, doc)
    return _response(session, record, object_path, path)


async def object_compile(
    server: PanLanguageServer, params: dict[str, Any], doc: DocumentAnalysis
) -> tuple[str, CompileRecord]:
    """The object template a request is about and its compile of the current texts: the
    ``object`` parameter, else the document itself when it is one, else the object template
    including the document that the user worked with last."""
    object_uri = params.get("object")
    if object_uri is not None and not isinstance(object_uri, str):
        raise JsonRpcInvalidParams("'object' is the uri of an object template")
    if object_uri is None and (doc.ast is None or doc.ast.kind != "object"):
        including = server.site.affected(doc.path)
        if not including:
            raise JsonRpcInvalidParams(
                "no object template includes this template (pass 'object': the uri of one)"
            )
        object_uri = path_to_uri(including[0])
    object_uri = object_uri or path_to_uri(doc.path)
    object_path = uri_to_path(object_uri)
    object_doc = doc if object_path == doc.path else server.analysis(object_uri)
    if object_doc.ast is None or object_doc.ast.kind != "object":
        raise JsonRpcInvalidParams("provenance needs an object template (pass 'object': its uri)")
    session = server.session
    server.site.remember(object_path)
    record = last_compile(session, object_path)
    if record is None or record.text != object_doc.text:
        buffers = {**session.open_texts(), object_path: object_doc.text}
        # beside the diagnostics' compile, which an edit may cancel: this request waits for its own
        compiled = await server.compiles.compile(object_path, buffers, replace=False)
        if compiled is None:
            raise JsonRpcInternalError("the compile of the object template was cancelled")
        record = compiled[0]
    return object_path, record


def location(session: Session, write: PathWrite) -> dict[str, Any]:
    """Where a write is, as an LSP location (``uri`` and ``range``)."""
    converter = session.converter(os.path.abspath(write.span.file))
    span_range = converter.range(write.span)
    return {
        "uri": path_to_uri(write.span.file),
        "range": {
            "start": {"line": span_range.start.line, "character": span_range.start.character},
            "end": {"line": span_range.end.line, "character": span_range.end.character},
        },
    }


def _response(session: Session, record: CompileRecord, object_path: str, path: str) -> dict[str, Any]:
    value = value_at(record.profile, path)
    writes = []
    for write in writes_affecting(record.writes, path):
        writes.append(
            {
                "order": write.order,
                "path": write.path,
                "value": write.value,
                "template": write.template,
                "deleted": write.deleted,
                "kind": write.kind,
                **location(session, write),
            }
        )
    return {
        "object": path_to_uri(object_path),
        "path": path,
        "value": render_value(value) if value is not None else None,
        "error": record.error,
        "writes": writes,
    }
