"""Type tests: ``is_boolean``, ``is_string``, ``is_dict``... (and the deprecated ``is_nlist``).

They only test the value they get. Two cases belong to the evaluator: a bare undefined
variable as argument gives ``false`` instead of an error, and ``is_defined`` (a context builtin)
may not evaluate its argument at all.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.registry import builtin
from panc.evaluation import values
from panc.evaluation.values import NULL, Value


@builtin("is_boolean", min_args=1, max_args=1, signature="is_boolean(arg)")
def is_boolean(args: list[Value]) -> bool:
    """Return true if the argument is a boolean value, false otherwise."""
    return values.is_boolean(args[0])


@builtin("is_double", min_args=1, max_args=1, signature="is_double(arg)")
def is_double(args: list[Value]) -> bool:
    """Return true if the argument is a double value, false otherwise."""
    return values.is_double(args[0])


@builtin("is_long", min_args=1, max_args=1, signature="is_long(arg)")
def is_long(args: list[Value]) -> bool:
    """Return true if the argument is a long value, false otherwise."""
    return values.is_long(args[0])


@builtin("is_number", min_args=1, max_args=1, signature="is_number(arg)")
def is_number(args: list[Value]) -> bool:
    """Return true if the argument is a number (a long or a double), false otherwise."""
    return values.is_number(args[0])


@builtin("is_string", min_args=1, max_args=1, signature="is_string(arg)")
def is_string(args: list[Value]) -> bool:
    """Return true if the argument is a string value, false otherwise."""
    return values.is_string(args[0])


@builtin("is_property", min_args=1, max_args=1, signature="is_property(arg)")
def is_property(args: list[Value]) -> bool:
    """Return true if the argument is a property (an atomic value: boolean, long, double or
    string), false otherwise."""
    return values.is_property(args[0])


@builtin("is_resource", min_args=1, max_args=1, signature="is_resource(arg)")
def is_resource(args: list[Value]) -> bool:
    """Return true if the argument is a resource (a collection: list or dict), false otherwise."""
    return values.is_resource(args[0])


@builtin("is_list", min_args=1, max_args=1, signature="is_list(arg)")
def is_list(args: list[Value]) -> bool:
    """Return true if the argument is a list, false otherwise."""
    return type(args[0]) is list


@builtin("is_dict", min_args=1, max_args=1, signature="is_dict(arg)")
def is_dict(args: list[Value]) -> bool:
    """Return true if the argument is a dict, false otherwise."""
    return type(args[0]) is dict


@builtin("is_nlist", min_args=1, max_args=1, signature="is_nlist(arg)", deprecated=True)
def is_nlist(args: list[Value]) -> bool:
    """Deprecated alias of ``is_dict``: return true if the argument is a dict, false otherwise."""
    return type(args[0]) is dict


@builtin("is_null", min_args=1, max_args=1, signature="is_null(arg)")
def is_null(args: list[Value]) -> bool:
    """Return true if the argument is null, false otherwise."""
    return args[0] is NULL
