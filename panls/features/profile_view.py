"""``pan/profile``: the compiled profile of an object template, a branch at a time, with the
statement that set each node (the editor's profile view)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pygls.exceptions import JsonRpcInvalidParams

from panc.analysis.profile_tree import ProfileNode, WriteIndex, children, path_terms
from panls.convert import path_to_uri, plain_json
from panls.features.compilation import CompileRecord
from panls.features.provenance import location, object_compile
from panls.session import Session

if TYPE_CHECKING:
    from panls.server import PanLanguageServer

PROFILE = "pan/profile"
MAX_CHILDREN = 5000


async def profile_request(server: PanLanguageServer, params: Any) -> dict[str, Any]:
    """``pan/profile {uri, path?, object?}`` -> the children of ``path`` (default ``/``) in
    the profile of the object template (``object``, the document, or the object including
    the document used last): ``{object, path, error, children: [{name, path, kind, value,
    size, origin: {uri, range, template, kind} | null}]}``."""
    params = plain_json(params)
    if not isinstance(params, dict):
        raise JsonRpcInvalidParams(f"{PROFILE} expects an object of parameters")
    document = params.get("textDocument")
    uri = params.get("uri") or (document.get("uri") if isinstance(document, dict) else None)
    if not isinstance(uri, str):
        raise JsonRpcInvalidParams(f"{PROFILE} needs a 'uri'")
    path = params.get("path", "/")
    terms = path_terms(path) if isinstance(path, str) else None
    if terms is None:
        raise JsonRpcInvalidParams("'path' is an absolute profile path")
    object_path, record = await object_compile(server, params, server.analysis(uri))
    return _response(server.session, record, object_path, path, terms)


def _response(
    session: Session, record: CompileRecord, object_path: str, path: str, terms: tuple[Any, ...]
) -> dict[str, Any]:
    nodes = None
    if record.profile is not None:
        nodes = children(record.profile, _index(record), terms)
    return {
        "object": path_to_uri(object_path),
        "path": path,
        "error": record.error,
        "exists": nodes is not None,
        "children": [_node(session, n) for n in (nodes or [])[:MAX_CHILDREN]],
        "more": max(0, len(nodes or []) - MAX_CHILDREN),
    }


def _index(record: CompileRecord) -> WriteIndex:
    """The write index of a compile, made once per compile (a view opens many branches)."""
    if record.write_index is None:
        record.write_index = WriteIndex(record.writes)
    return record.write_index


def _node(session: Session, node: ProfileNode) -> dict[str, Any]:
    origin = None
    if node.origin is not None:
        origin = {
            "template": node.origin.template,
            "kind": node.origin.kind,
            **location(session, node.origin),
        }
    return {
        "name": node.name,
        "path": node.path,
        "kind": node.kind,
        "value": node.value,
        "size": node.size,
        "origin": origin,
    }
