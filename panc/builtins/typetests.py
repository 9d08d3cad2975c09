"""Type tests: ``is_boolean``, ``is_string``, ``is_dict``... (and the deprecated ``is_nlist``).

Each test is a plain predicate on a value. How the argument is read is panc's
``IsOfType`` rule, applied where the tests are registered (``panc.builtins.context``): on a
variable reference (``is_string(x)``, ``is_dict(x['a'])``) a variable or child that does not
exist is not of the type (``false``, no error); on any other argument its value is tested.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from panc.evaluation import values
from panc.evaluation.values import NULL, UNDEF, Value


@dataclass(frozen=True, slots=True)
class TypeTest:
    test: Callable[[Value], bool]
    doc: str
    deprecated: bool = False


TYPE_TESTS: dict[str, TypeTest] = {
    "is_boolean": TypeTest(
        values.is_boolean, "Return true if the argument is a boolean value, false otherwise."
    ),
    "is_double": TypeTest(
        values.is_double, "Return true if the argument is a double value, false otherwise."
    ),
    "is_long": TypeTest(values.is_long, "Return true if the argument is a long value, false otherwise."),
    "is_number": TypeTest(
        values.is_number, "Return true if the argument is a number (a long or a double), false otherwise."
    ),
    "is_string": TypeTest(
        values.is_string, "Return true if the argument is a string value, false otherwise."
    ),
    "is_property": TypeTest(
        values.is_property,
        "Return true if the argument is a property (an atomic value: boolean, long, double or string), "
        "false otherwise.",
    ),
    "is_resource": TypeTest(
        values.is_resource,
        "Return true if the argument is a resource (a collection: list or dict), false otherwise.",
    ),
    "is_list": TypeTest(lambda v: type(v) is list, "Return true if the argument is a list, false otherwise."),
    "is_dict": TypeTest(lambda v: type(v) is dict, "Return true if the argument is a dict, false otherwise."),
    "is_nlist": TypeTest(
        lambda v: type(v) is dict,
        "Deprecated alias of ``is_dict``: return true if the argument is a dict, false otherwise.",
        deprecated=True,
    ),
    "is_null": TypeTest(lambda v: v is NULL, "Return true if the argument is null, false otherwise."),
    "is_defined": TypeTest(
        lambda v: v is not UNDEF and v is not NULL,
        "Return true if the argument is defined: neither undef nor null (an undefined variable is not).",
    ),
}
"""Every type test by builtin name."""
