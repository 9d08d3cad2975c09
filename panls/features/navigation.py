"""Go to definition / declaration and find references."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis import navigation
from panc.analysis.document import DocumentAnalysis
from panls.convert import path_to_uri
from panls.session import Session


def _locations(session: Session, found: list[navigation.Location]) -> list[types.Location]:
    return [
        types.Location(uri=path_to_uri(loc.path), range=session.converter(loc.path).range(loc.span))
        for loc in found
    ]


def definition(session: Session, doc: DocumentAnalysis, position: types.Position) -> list[types.Location]:
    """Where the name under the cursor is declared."""
    line, column = session.converter(doc.path).to_pan(position)
    occ = doc.occurrence_at(line, column)
    if occ is None:
        return []
    return _locations(session, navigation.definitions(doc, occ, session.index))


def references(
    session: Session, doc: DocumentAnalysis, position: types.Position, include_declaration: bool
) -> list[types.Location]:
    """Every use of the name under the cursor across the include path."""
    line, column = session.converter(doc.path).to_pan(position)
    occ = doc.occurrence_at(line, column)
    if occ is None:
        return []
    return _locations(session, navigation.references(doc, occ, session.index, include_declaration))
