"""Flat encodings of declarations and occurrences for the index's disk cache.

Unpickling thousands of slotted dataclasses is slow; tuples of plain values are not.
A cache that does not decode is ignored by the caller (``ValueError``/``TypeError``).
"""

from __future__ import annotations

import pickle

from panc.analysis.declarations import Declaration
from panc.analysis.references import Occurrence, OccurrenceKind
from panc.source import Span

_KINDS = {kind.value: kind for kind in OccurrenceKind}
_DECLARATION_FIELDS = Declaration._fields


def encode_occurrences(occurrences: tuple[Occurrence, ...]) -> bytes:
    return pickle.dumps(
        [
            (
                o.kind.value,
                o.name,
                tuple(o.span),
                o.declaration,
                tuple(o.scope) if o.scope else None,
                o.container,
                o.role,
            )
            for o in occurrences
        ],
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def decode_occurrences(data: bytes) -> tuple[Occurrence, ...]:
    if not data:
        return ()
    kinds = _KINDS
    return tuple(
        Occurrence(
            kinds[kind], name, Span(*span), declaration, Span(*scope) if scope else None, container, role
        )
        for kind, name, span, declaration, scope, container, role in pickle.loads(data)
    )


def encode_declarations(declarations: tuple[Declaration, ...]) -> list[tuple[object, ...]]:
    records = []
    for declaration in declarations:
        values = [getattr(declaration, name) for name in _DECLARATION_FIELDS]
        values[0] = declaration.kind.value
        values[4] = tuple(declaration.span)
        values[5] = tuple(declaration.full_span)
        records.append(tuple(values))
    return records


def decode_declarations(records: list[tuple[object, ...]]) -> tuple[Declaration, ...]:
    found = []
    kinds = _KINDS
    for record in records:
        values = list(record)
        values[0] = kinds[values[0]]  # type: ignore[index]
        values[4] = Span(*values[4])  # type: ignore[misc]
        values[5] = Span(*values[5])  # type: ignore[misc]
        found.append(Declaration._make(values))
    return tuple(found)
