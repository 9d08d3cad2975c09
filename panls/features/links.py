"""Document links: template names in ``include``, ``if_exists`` and ``create`` open the template."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import OccurrenceKind
from panls.convert import Converter, path_to_uri
from panls.session import Session


def document_links(session: Session, doc: DocumentAnalysis, converter: Converter) -> list[types.DocumentLink]:
    links = []
    for occ in doc.occurrences:
        if occ.kind is not OccurrenceKind.TEMPLATE or occ.declaration:
            continue
        target = session.index.resolve(occ.name)
        if target is None:
            continue
        links.append(
            types.DocumentLink(
                range=converter.range(occ.span),
                target=path_to_uri(target),
                tooltip=f"open template {occ.name}",
            )
        )
    return links
