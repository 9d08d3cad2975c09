"""Which types apply to a profile path, and which type a default at that path came from.

For "where did this value come from" (``panc explain``, the editors' provenance): the
``bind``/``valid`` statements on a path and on its parents, the types reached at the path
through them (record fields, list and dict elements, named types), the defaults that the
compiler inserted (a comparison of the profile before and after ``insert_defaults``) and the
type that declared each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from panc.evaluation.values import UNDEF, Value
from panc.source import Span
from panc.types.binding import Binding, Term
from panc.types.kinds import AliasType, BaseType, DictType, ListType, PanType, RecordType


@dataclass(frozen=True)
class TypeAtPath:
    """A binding on the path or on one of its parents, and the types it puts on the path
    (outermost first: the bound type or record field, then the named types behind it)."""

    binding: Binding
    types: tuple[PanType, ...]


def types_at(bindings: list[Binding], terms: tuple[Term, ...]) -> list[TypeAtPath]:
    """The bindings of ``terms`` and of its parents (shallowest first, then in declaration
    order), each with the types it puts on ``terms``; a binding whose type does not reach
    ``terms`` (a field it does not declare, a link) gives no types."""
    found = []
    for binding in sorted(
        (b for b in bindings if terms[: len(b.terms)] == b.terms), key=lambda b: len(b.terms)
    ):
        found.append(TypeAtPath(binding, tuple(_descend(binding.type, terms[len(binding.terms) :]))))
    return found


def _aliases(pan_type: PanType) -> Iterator[PanType]:
    """``pan_type`` and the named types behind it (``type a = b;``), outermost first."""
    current: PanType | None = pan_type
    while current is not None:
        yield current
        base = current.base
        current = base.target if isinstance(base, AliasType) else None


def _element_types(base: BaseType) -> list[PanType]:
    """The named types behind a list or dict element spec (an anonymous element has none)."""
    return list(_aliases(base.target)) if isinstance(base, AliasType) else []


def _descend(pan_type: PanType, rest: tuple[Term, ...]) -> list[PanType]:
    """The types ``pan_type`` puts at the path ``rest`` below it ([] when it puts none)."""
    chain = list(_aliases(pan_type))
    for term in rest:
        base = chain[-1].base
        if isinstance(base, RecordType) and isinstance(term, str):
            field = base.fields.get(term)
            if field is None:
                return []
            declared = next((t for t in field.types if t.default is field.default), field.types[0])
            chain = list(_aliases(declared))
        elif isinstance(base, (ListType, DictType)):
            element = base.element
            chain = _element_types(element)
            if not chain:
                return []
        else:
            return []
    return chain


def default_declaration(bindings: list[Binding], terms: tuple[Term, ...]) -> PanType | None:
    """The type whose default the compiler inserted at ``terms``: among the types the deepest
    binding puts there, the innermost named type declaring that default value."""
    for at_path in sorted(types_at(bindings, terms), key=lambda t: -len(t.binding.terms)):
        outer = next((t for t in at_path.types if t.default is not None), None)
        if outer is None:
            continue
        return [t for t in at_path.types if t.default is outer.default][-1]
    return None


def inserted_defaults(before: Value, after: Value) -> Iterator[tuple[tuple[Term, ...], Value]]:
    """The paths where ``after`` has a value that ``before`` lacked (absent or undef), with
    that value, in path order; the outermost only (a default record is one insertion)."""
    stack: list[tuple[tuple[Term, ...], Value, Value]] = [((), before, after)]
    while stack:
        terms, old, new = stack.pop()
        if old is UNDEF:
            if new is not UNDEF:
                yield terms, new
        elif type(new) is dict:
            children = old if type(old) is dict else {}
            stack.extend(
                ((*terms, key), children.get(key, UNDEF), new[key]) for key in sorted(new, reverse=True)
            )
        elif type(new) is list:
            items = old if type(old) is list else []
            stack.extend(
                ((*terms, index), items[index] if index < len(items) else UNDEF, new[index])
                for index in range(len(new) - 1, -1, -1)
            )


def location_span(location: str) -> Span | None:
    """The span of a type's ``location`` (``file:L.C-L.C``); ``None`` for a builtin type."""
    file, _, lines = location.rpartition(":")
    try:
        start, end = lines.split("-")
        start_line, start_column = (int(n) for n in start.split("."))
        end_line, end_column = (int(n) for n in end.split("."))
    except ValueError:
        return None
    return Span(file, start_line, start_column, end_line, end_column) if file else None
