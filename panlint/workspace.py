"""The include-path index that the resolution rules (SE0xx) resolve names against.

One ``panc.analysis`` ``WorkspaceIndex`` per include path and process: built on first use
(its own disk cache makes later runs cheap) and, in a parallel run, built before the
workers fork so that they share it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panc.analysis.index import WorkspaceIndex
    from panc.analysis.schema import Schema

_INDEXES: dict[tuple[str, ...], WorkspaceIndex] = {}
_SCHEMAS: dict[int, tuple[int, Schema]] = {}


def workspace_index(include_path: tuple[str, ...]) -> WorkspaceIndex | None:
    """The index of the templates on ``include_path`` (``None`` when there is no include path)."""
    if not include_path:
        return None
    index = _INDEXES.get(include_path)
    if index is None:
        # Loaded on demand: only runs with an include path pay for the analysis package.
        from panc.analysis.index import WorkspaceIndex  # pylint: disable=import-outside-toplevel

        index = WorkspaceIndex(list(include_path))
        index.refresh()
        _INDEXES[include_path] = index
    return index


def include_path_schema(include_path: tuple[str, ...]) -> Schema | None:
    """The schema (types bound at profile paths) of the templates on ``include_path``."""
    index = workspace_index(include_path)
    if index is None:
        return None
    known = _SCHEMAS.get(id(index))
    if known is None or known[0] != index.generation:
        from panc.analysis.schema import Schema  # pylint: disable=import-outside-toplevel

        known = _SCHEMAS[id(index)] = (index.generation, Schema(index))
    return known[1]


def register_index(include_path: tuple[str, ...], index: WorkspaceIndex) -> None:
    """Use an index built elsewhere (the language server's) for ``include_path``."""
    _INDEXES[tuple(include_path)] = index
