"""Validation of a built profile (panc's ``Valid1Task``).

First the whole tree must be free of undef; then each binding is checked, in ``Path.compareTo``
order (deepest paths first), and the types bound to one path in declaration order. The first
failure stops the object with panc's message:

    validation requires type of 'long' but element is of type 'string'
    element path: '/cfg/port'
    element value: not-a-number
    type: 'long' [?:?]
    type: 'mytype' [errors/validation_error.pan:3.15-5.1]
    path '/cfg' bound to type mytype in [errors/validation_error.pan:7.15-7.20]
"""

from __future__ import annotations

from panc.diagnostics import ValidationError
from panc.evaluation.tree import MISSING, lookup
from panc.evaluation.values import NULL, UNDEF, Value, sorted_keys
from panc.types.binding import Binding, sorted_bindings
from panc.types.context import ValidationContext
from panc.types.failures import TypeFailure, failure_message


def validate_profile(
    root: dict[str, Value], bindings: list[Binding], vctx: ValidationContext, object_file: str
) -> None:
    """Check ``root`` (defaults already inserted); raise ``ValidationError`` on the first failure."""
    undefined = first_undefined(root)
    if undefined is not None:
        raise ValidationError(f"element at {undefined} is undefined", object_file, element_path=undefined)
    for binding in sorted_bindings(bindings):
        value = lookup(root, binding.terms)
        element = binding.display_path
        if value is MISSING:
            message = f"element does not exist\nelement path: '{element}'\n{binding.bound_line()}"
        else:
            try:
                binding.type.check(value, vctx)
                continue
            except TypeFailure as failure:
                message = failure_message(failure, element, binding.bound_line())
                element = failure.element_path(element)
        raise ValidationError(message, object_file, element_path=element)


def first_undefined(root: Value) -> str | None:
    """The path of the first undef (or null, which a list may hold) element in key order, or
    ``None`` when there is none: panc's transient elements."""
    if not _contains_undef(root):
        return None
    return _locate_undef(root, "")


def _contains_undef(node: Value) -> bool:
    """A quick unordered search: the common case (no undef) needs no sorting."""
    t = type(node)
    if t is dict:
        children = node.values()
    elif t is list:
        children = node
    else:
        return node is UNDEF or node is NULL
    for child in children:
        tc = type(child)
        if tc is dict or tc is list:
            if _contains_undef(child):
                return True
        elif child is UNDEF or child is NULL:
            return True
    return False


def _locate_undef(node: Value, path: str) -> str | None:
    if node is UNDEF or node is NULL:
        return path or "/"
    t = type(node)
    if t is dict:
        for key in sorted_keys(node):
            found = _locate_undef(node[key], f"{path}/{key}")
            if found is not None:
                return found
    elif t is list:
        for index, child in enumerate(node):
            found = _locate_undef(child, f"{path}/{index}")
            if found is not None:
                return found
    return None
