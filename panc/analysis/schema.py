"""The profile schema as the include path declares it: which paths exist and what they hold.

Built from ``bind`` statements and the record types they name, plus the paths assignments
write. It answers "what can follow ``/software/components/``" and "what type is bound
at this path" without compiling anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from panc.analysis.declarations import Declaration
from panc.analysis.index import WorkspaceIndex
from panc.analysis.references import OccurrenceKind

ANY_KEY = "*"
MAX_ALIAS_DEPTH = 12


@dataclass(frozen=True, slots=True)
class PathChild:
    """A possible next term under a path."""

    name: str
    type_text: str = ""
    doc: str = ""
    required: bool = False
    default_text: str = ""
    declaration: Declaration | None = None


def split_path(path: str) -> list[str]:
    """The terms of an absolute path (``/a/b`` -> ``["a", "b"]``)."""
    return [term for term in path.strip("/").split("/") if term]


class Schema:
    """Paths and types of the whole include path (recomputed when the index changes)."""

    def __init__(self, index: WorkspaceIndex) -> None:
        self.index = index
        self._binds: dict[tuple[str, ...], list[str]] = {}
        for declaration in index.all_declarations([OccurrenceKind.PATH]):
            key = tuple(split_path(declaration.name))
            self._binds.setdefault(key, []).extend(declaration.includes)
        # Memos: a site assigns thousands of paths under the same few prefixes and records.
        self._types_at: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._fields: dict[str, list[Declaration]] = {}

    @cached_property
    def _written(self) -> set[tuple[str, ...]]:
        """The absolute paths assignments and binds write (read from every file's occurrences,
        so only when ``children`` first needs them)."""
        written: set[tuple[str, ...]] = set()
        for summary in self.index.summaries():
            for occ in summary.occurrences:
                if (
                    occ.kind is OccurrenceKind.PATH
                    and occ.role in ("assign", "bind")
                    and occ.name.startswith("/")
                ):
                    written.add(tuple(split_path(occ.name)))
        return written

    def children(self, path: str) -> list[PathChild]:
        """The terms that may follow the absolute ``path``, best known first."""
        terms = tuple(split_path(path))
        found: dict[str, PathChild] = {}
        for type_name in self.types_at(terms):
            for child in self._type_children(type_name):
                found.setdefault(child.name, child)
        depth = len(terms)
        for known in [*self._binds, *self._written]:
            if len(known) > depth and known[:depth] == terms and known[depth] not in found:
                found[known[depth]] = PathChild(known[depth])
        return sorted(found.values(), key=lambda c: (c.declaration is None, c.name))

    def types_at(self, terms: tuple[str, ...]) -> list[str]:
        """Type names (with ``[]``/``{}`` collection suffixes) that apply at ``terms``: those
        bound at each prefix of it followed down the remaining terms, the root's first."""
        known = self._types_at.get(terms)
        if known is None:
            above = self.types_at(terms[:-1]) if terms else []
            below = [found for name in above for found in self._step(name, terms[-1])]
            known = self._types_at[terms] = (*below, *self._binds.get(terms, ()))
        return list(known)

    def _step(self, type_name: str, term: str) -> list[str]:
        """The types one path term below a value of ``type_name``."""
        if type_name.endswith(("[]", "{}")):
            return [type_name[:-2]]
        found = []
        for declaration in self._record_fields(type_name):
            if declaration.name == term:
                found.extend(declaration.includes)
        return found

    def _type_children(self, type_name: str) -> list[PathChild]:
        if type_name.endswith(("[]", "{}")):
            return []
        return [
            PathChild(d.name, d.type_text, d.doc, d.required, d.default_text, d)
            for d in self._record_fields(type_name)
        ]

    def _record_fields(self, type_name: str, depth: int = 0) -> list[Declaration]:
        """The fields of a record type, following aliases and ``include``d records."""
        if depth == 0 and type_name in self._fields:
            return self._fields[type_name]
        if depth > MAX_ALIAS_DEPTH:
            return []
        fields: list[Declaration] = []
        for declaration in self.index.declarations(OccurrenceKind.TYPE, type_name):
            fields.extend(
                d
                for d in self.index.declarations_in(declaration.path, OccurrenceKind.FIELD)
                if d.container == type_name
            )
            for included in declaration.includes:
                if not included.endswith(("[]", "{}")):
                    fields.extend(self._record_fields(included, depth + 1))
        if depth == 0:
            # Only complete answers are kept: a deeper call may have been cut at MAX_ALIAS_DEPTH.
            self._fields[type_name] = fields
        return fields

    def field_declaration(self, path: str) -> Declaration | None:
        """The record field declaring the last term of ``path``, when the schema knows it."""
        terms = tuple(split_path(path))
        if not terms:
            return None
        for type_name in self.types_at(terms[:-1]):
            for child in self._type_children(type_name):
                if child.name == terms[-1] and child.declaration is not None:
                    return child.declaration
        return None
