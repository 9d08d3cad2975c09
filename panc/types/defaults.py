"""Default insertion: after an object's templates ran, before validation (panc's ``setDefaults``).

Bound paths are processed deepest first (``Path.compareTo`` order). An absent or undef bound
path receives the first default among the types bound to it; then each bound type walks the
value and fills its children (records: required fields absent or undef, optional fields only
when explicitly undef; ``T[]``/``T{}``: undef children), defaults inserted on the way being
walked in turn. Explicit values are never replaced. Inserted values are fresh copies.
"""

from __future__ import annotations

from panc.diagnostics import EvaluationError
from panc.evaluation.values import UNDEF, Value, deep_copy, type_name
from panc.types.binding import MISSING, Binding, Term, element_at, path_order_key
from panc.types.context import ValidationContext


def insert_defaults(root: dict[str, Value], bindings: list[Binding], vctx: ValidationContext) -> None:
    """Fill the defaults of the bound types into ``root``, in place.

    The caller must hand over a tree whose containers are not shared with anything that
    must stay unchanged (variables, other objects): defaults are written into it directly.
    """
    groups: dict[tuple[Term, ...], list[Binding]] = {}
    for binding in bindings:
        groups.setdefault(binding.terms, []).append(binding)
    for terms in sorted(groups, key=path_order_key):
        group = groups[terms]
        value = element_at(root, terms)
        if value is MISSING or value is UNDEF:
            default = next((b.type.default for b in group if b.type.default is not None), None)
            if default is None:
                continue
            value = deep_copy(default)
            _put(root, terms, value, group[0])
        for binding in group:
            if binding.type.walks:
                binding.type.set_defaults(value, vctx)


def _put(root: dict[str, Value], terms: tuple[Term, ...], value: Value, binding: Binding) -> None:
    """Write ``value`` at ``terms``, creating missing parents (a list before an index)."""
    node: Value = root
    for position, term in enumerate(terms):
        last = position == len(terms) - 1
        child = value if last else ([] if type(terms[position + 1]) is int else {})
        if type(node) is dict and type(term) is str:
            existing = node.get(term, MISSING)
            if last or existing is MISSING or existing is UNDEF:
                node[term] = child
            else:
                child = existing
        elif type(node) is list and type(term) is int:
            index = term + len(node) if term < 0 else term
            if 0 <= index < len(node):
                if last or node[index] is UNDEF:
                    node[index] = child
                else:
                    child = node[index]
            elif index >= len(node):
                node.extend([UNDEF] * (index - len(node)))
                node.append(child)
            else:
                raise _cannot_insert(binding, node)
        else:
            raise _cannot_insert(binding, node)
        node = child


def _cannot_insert(binding: Binding, parent: Value) -> EvaluationError:
    return EvaluationError(
        f"cannot insert the default value of {binding.display_path}: "
        f"a parent is an element of type {type_name(parent)}",
        binding.span,
    )
