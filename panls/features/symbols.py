"""Document symbols (outline) and workspace symbols (search across the include path)."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.declarations import Declaration
from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import OccurrenceKind
from panc.syntax import ast
from panls.convert import Converter, path_to_uri
from panls.session import Session

MAX_WORKSPACE_SYMBOLS = 500

SYMBOL_KIND = {
    OccurrenceKind.TEMPLATE: types.SymbolKind.Module,
    OccurrenceKind.FUNCTION: types.SymbolKind.Function,
    OccurrenceKind.TYPE: types.SymbolKind.Struct,
    OccurrenceKind.VARIABLE: types.SymbolKind.Variable,
    OccurrenceKind.FIELD: types.SymbolKind.Field,
    OccurrenceKind.PATH: types.SymbolKind.Property,
}


def document_symbols(doc: DocumentAnalysis, converter: Converter) -> list[types.DocumentSymbol]:
    """The outline of a template: header, functions, types with fields, variables, binds, assignments."""
    template = doc.ast
    if template is None:
        return []
    fields: dict[str, list[Declaration]] = {}
    for declaration in doc.declarations:
        if declaration.kind is OccurrenceKind.FIELD and declaration.container:
            fields.setdefault(declaration.container, []).append(declaration)
    symbols: list[types.DocumentSymbol] = []
    for declaration in doc.declarations:
        if declaration.kind is OccurrenceKind.FIELD:
            continue
        children = (
            [_symbol(f, converter) for f in fields.get(declaration.name, [])]
            if declaration.kind is OccurrenceKind.TYPE
            else []
        )
        symbols.append(_symbol(declaration, converter, children))
    for statement in template.statements:
        if isinstance(statement, ast.Assignment):
            symbols.append(
                types.DocumentSymbol(
                    name=statement.path or "''",
                    kind=types.SymbolKind.Property,
                    range=converter.range(statement.span),
                    selection_range=converter.range(statement.path_span),
                    detail="?=" if statement.conditional else "=",
                )
            )
    symbols.sort(key=lambda s: (s.range.start.line, s.range.start.character))
    return symbols


def _symbol(
    declaration: Declaration, converter: Converter, children: list[types.DocumentSymbol] | None = None
) -> types.DocumentSymbol:
    full = converter.range(declaration.full_span)
    selection = converter.range(declaration.span)
    if (selection.start.line, selection.start.character) < (full.start.line, full.start.character):
        full = types.Range(selection.start, full.end)
    return types.DocumentSymbol(
        name=declaration.name or "''",
        kind=SYMBOL_KIND.get(declaration.kind, types.SymbolKind.Variable),
        range=full,
        selection_range=selection,
        detail=declaration.type_text or None,
        children=children or None,
    )


def matches(query: str, name: str) -> bool:
    """Case-insensitive subsequence match, the usual fuzzy rule of workspace symbol search."""
    if not query:
        return True
    name = name.lower()
    position = 0
    for char in query.lower():
        position = name.find(char, position) + 1
        if position == 0:
            return False
    return True


def workspace_symbols(session: Session, query: str) -> list[types.WorkspaceSymbol]:
    """Declarations across the include path whose names match ``query``."""
    kinds = [OccurrenceKind.TEMPLATE, OccurrenceKind.FUNCTION, OccurrenceKind.TYPE, OccurrenceKind.VARIABLE]
    found = [d for d in session.index.all_declarations(kinds) if matches(query, d.name)]
    found.sort(key=lambda d: (not d.name.lower().startswith(query.lower()), len(d.name), d.name))
    symbols = []
    for declaration in found[:MAX_WORKSPACE_SYMBOLS]:
        converter = session.converter(declaration.path)
        symbols.append(
            types.WorkspaceSymbol(
                name=declaration.name,
                kind=SYMBOL_KIND.get(declaration.kind, types.SymbolKind.Variable),
                location=types.Location(
                    uri=path_to_uri(declaration.path), range=converter.range(declaration.span)
                ),
                container_name=declaration.template
                if declaration.kind is not OccurrenceKind.TEMPLATE
                else None,
            )
        )
    return symbols
