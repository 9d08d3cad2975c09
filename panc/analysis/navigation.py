"""Where a name is defined, where it is used, and what renaming it changes.

These work on one analysed document (``DocumentAnalysis``) plus the workspace index, and
answer with file paths and ``Span`` values; editors convert them to their own coordinates.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from panc.analysis.declarations import Declaration
from panc.analysis.document import DocumentAnalysis
from panc.analysis.index import WorkspaceIndex
from panc.analysis.references import Occurrence, OccurrenceKind
from panc.names import AUTOMATIC_VARIABLES, BUILTIN_TYPES
from panc.source import Span

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_+.-]+(/[A-Za-z0-9_+.-]+)*\Z")
RENAMABLE = frozenset(
    {
        OccurrenceKind.FUNCTION,
        OccurrenceKind.TYPE,
        OccurrenceKind.VARIABLE,
        OccurrenceKind.LOCAL,
        OccurrenceKind.TEMPLATE,
    }
)


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    span: Span


class RenameError(ValueError):
    """A rename that cannot be done; the message says why."""


def definitions(doc: DocumentAnalysis, occ: Occurrence, index: WorkspaceIndex) -> list[Location]:
    """Where the thing ``occ`` names is declared (several places when declared several times)."""
    if occ.kind is OccurrenceKind.LOCAL:
        first = next(
            (
                o
                for o in doc.occurrences
                if o.kind is OccurrenceKind.LOCAL and o.name == occ.name and o.scope == occ.scope
            ),
            None,
        )
        return [Location(doc.path, first.span)] if first else []
    if occ.kind is OccurrenceKind.TEMPLATE:
        target = index.template(occ.name)
        if target is None:
            return []
        header = next((d for d in target.declarations if d.kind is OccurrenceKind.TEMPLATE), None)
        span = header.span if header else Span(target.path, 1, 1, 1, 1)
        return [Location(target.path, span)]
    if occ.kind is OccurrenceKind.PATH:
        return [Location(d.path, d.span) for d in bind_declarations(index, occ.name)]
    if occ.kind in (
        OccurrenceKind.FUNCTION,
        OccurrenceKind.TYPE,
        OccurrenceKind.VARIABLE,
        OccurrenceKind.FIELD,
    ):
        found = [Location(d.path, d.span) for d in declarations_for(doc, occ, index)]
        return found
    return []


def declarations_for(doc: DocumentAnalysis, occ: Occurrence, index: WorkspaceIndex) -> list[Declaration]:
    """The declarations ``occ`` refers to: this document's first, then the include path's."""
    if occ.kind is OccurrenceKind.FIELD:
        return [d for d in index.declarations(occ.kind, occ.name) if d.container == occ.container] or [
            d for d in doc.declarations if d.kind is occ.kind and d.name == occ.name
        ]
    local = [d for d in doc.declarations if d.kind is occ.kind and d.name == occ.name]
    others = [d for d in index.declarations(occ.kind, occ.name) if d.path != doc.path]
    return local + others


def bind_declarations(index: WorkspaceIndex, path: str) -> list[Declaration]:
    return index.declarations(OccurrenceKind.PATH, path)


def references(
    doc: DocumentAnalysis, occ: Occurrence, index: WorkspaceIndex, include_declaration: bool = True
) -> list[Location]:
    """Every place that names the same thing as ``occ``."""
    if occ.kind is OccurrenceKind.LOCAL:
        found = [
            Location(doc.path, o.span)
            for o in doc.occurrences
            if o.kind is OccurrenceKind.LOCAL and o.name == occ.name and o.scope == occ.scope
        ]
        return found
    if occ.kind in (OccurrenceKind.AUTOMATIC, OccurrenceKind.FIELD):
        return [
            Location(doc.path, o.span) for o in doc.occurrences if o.kind is occ.kind and o.name == occ.name
        ]
    seen: set[tuple[str, Span]] = set()
    found = []
    for o in doc.occurrences:
        if o.kind is occ.kind and o.name == occ.name and (include_declaration or not o.declaration):
            seen.add((doc.path, o.span))
            found.append(Location(doc.path, o.span))
    for summary, o in index.occurrences(occ.kind, occ.name):
        if summary.path == doc.path or (not include_declaration and o.declaration):
            continue
        if (summary.path, o.span) not in seen:
            seen.add((summary.path, o.span))
            found.append(Location(summary.path, o.span))
    return found


def rename_target(doc: DocumentAnalysis, occ: Occurrence | None, builtins: set[str] | frozenset[str]) -> Span:
    """The span an editor offers for renaming, or ``RenameError`` saying why it cannot."""
    if occ is None:
        raise RenameError("nothing to rename here")
    if occ.kind not in RENAMABLE:
        raise RenameError(f"a {occ.kind.value} cannot be renamed")
    if (
        occ.kind is OccurrenceKind.FUNCTION
        and occ.name in builtins
        and not any(d.kind is OccurrenceKind.FUNCTION and d.name == occ.name for d in doc.declarations)
    ):
        raise RenameError(f"'{occ.name}' is a builtin function")
    if occ.kind is OccurrenceKind.TYPE and occ.name in BUILTIN_TYPES:
        raise RenameError(f"'{occ.name}' is a builtin type")
    if occ.kind is OccurrenceKind.VARIABLE and occ.name in AUTOMATIC_VARIABLES:
        raise RenameError(f"'{occ.name}' is an automatic variable")
    return occ.span


@dataclass(frozen=True, slots=True)
class RenamePlan:
    edits: dict[str, list[Span]]
    """path -> spans whose text becomes the new name."""
    file_moves: tuple[tuple[str, str], ...] = ()
    """``(old path, new path)`` for renamed templates."""


def plan_rename(
    doc: DocumentAnalysis,
    occ: Occurrence,
    new_name: str,
    index: WorkspaceIndex,
    builtins: set[str] | frozenset[str],
) -> RenamePlan:
    """The edits renaming what ``occ`` names to ``new_name`` across the include path."""
    rename_target(doc, occ, builtins)
    pattern = TEMPLATE_NAME if occ.kind is OccurrenceKind.TEMPLATE else IDENTIFIER
    if not pattern.match(new_name):
        raise RenameError(f"'{new_name}' is not a valid {occ.kind.value} name")
    edits: dict[str, list[Span]] = {}
    for location in references(doc, occ, index):
        edits.setdefault(location.path, []).append(location.span)
    moves: tuple[tuple[str, str], ...] = ()
    if occ.kind is OccurrenceKind.TEMPLATE:
        old_path = index.resolve(occ.name) or (doc.path if doc.template_name == occ.name else None)
        if old_path is not None:
            suffix = os.path.splitext(old_path)[1]
            root = old_path[: len(old_path) - len(occ.name + suffix)]
            moves = ((old_path, root + new_name + suffix),)
    return RenamePlan(edits, moves)
