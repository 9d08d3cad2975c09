"""Default insertion: after an object's templates ran, before validation (panc's ``setDefaults``).

Bound paths are processed deepest first (``Path.compareTo`` order). An absent or undef bound
path receives the first default among the types bound to it; then each bound type walks the
value and fills its children (records: required fields absent or undef, optional fields only
when explicitly undef; ``T[]``/``T{}``: undef children), defaults inserted on the way being
walked in turn. Explicit values are never replaced. Inserted values are fresh copies.
"""

from __future__ import annotations

from panc.diagnostics import EvaluationError
from panc.evaluation.control import EvalFailure
from panc.evaluation.tree import MISSING, descend, lookup, set_child
from panc.evaluation.values import UNDEF, Value, deep_copy, type_name
from panc.types.binding import Binding, Term, path_order_key
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
        value = lookup(root, terms)
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
    """Write ``value`` where the path is absent or undef, creating missing parents as an
    assignment does (a list before an index)."""
    node: Value = root
    last = len(terms) - 1
    try:
        for position in range(last):
            node = descend(node, terms[position], terms[position + 1])
        set_child(node, terms[last], value)
    except EvalFailure as failure:
        # the parent where it failed is ``node``: a property, or a list or dict refusing the term
        reason = (
            failure.message
            if type(node) is list or type(node) is dict
            else f"a parent is an element of type {type_name(node)}"
        )
        raise EvaluationError(
            f"cannot insert the default value of {binding.display_path}: {reason}", binding.span
        ) from None
