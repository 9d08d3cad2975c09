"""Which types the include path binds at a profile path, memoized for linting many files.

The same answer as ``panc.analysis.schema.Schema.types_at`` (binds, record fields followed
through aliases and included records, ``[]``/``{}`` collections), computed from the index's
public tables with every intermediate result kept: a site's profiles assign thousands of
paths under the same few prefixes.
"""

from __future__ import annotations

from typing import Any

from panc.analysis.references import OccurrenceKind

MAX_DEPTH = 12


class BoundTypes:
    """Type names bound at absolute paths, for one state of a ``WorkspaceIndex``."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.binds: dict[tuple[str, ...], list[str]] = {}
        for declaration in index.all_declarations([OccurrenceKind.PATH]):
            key = tuple(term for term in declaration.name.split("/") if term)
            self.binds.setdefault(key, []).extend(declaration.includes)
        self._at: dict[tuple[str, ...], tuple[str, ...]] = {(): tuple(self.binds.get((), ()))}
        self._fields: dict[str, dict[str, tuple[str, ...]]] = {}

    def types_at(self, terms: tuple[str, ...]) -> tuple[str, ...]:
        """Type names (``[]``/``{}`` suffixed for collections) that apply at ``terms``."""
        known = self._at.get(terms)
        if known is None:
            above = self.types_at(terms[:-1])
            below = [found for name in above for found in self._step(name, terms[-1])]
            known = self._at[terms] = (*below, *self.binds.get(terms, ()))
        return known

    def _step(self, type_name: str, term: str) -> tuple[str, ...]:
        if type_name.endswith(("[]", "{}")):
            return (type_name[:-2],)
        return self._record_fields(type_name).get(term, ())

    def _record_fields(self, type_name: str, depth: int = 0) -> dict[str, tuple[str, ...]]:
        """Field name -> type names, for a record type (following aliases and includes)."""
        cached = self._fields.get(type_name)
        if cached is not None:
            return cached
        fields: dict[str, tuple[str, ...]] = {}
        if depth <= MAX_DEPTH:
            for declaration in self.index.declarations(OccurrenceKind.TYPE, type_name):
                for field in self.index.declarations_in(declaration.path, OccurrenceKind.FIELD):
                    if field.container == type_name:
                        fields[field.name] = fields.get(field.name, ()) + tuple(field.includes)
                for included in declaration.includes:
                    if not included.endswith(("[]", "{}")):
                        for name, types in self._record_fields(included, depth + 1).items():
                            fields[name] = fields.get(name, ()) + types
        self._fields[type_name] = fields
        return fields
