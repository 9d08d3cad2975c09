"""Builtins that build or inspect resources: ``dict`` (and the deprecated ``nlist``), ``list``,
``length``, ``key``, ``merge``, ``splice``, ``index`` and ``clone``.

None of them modifies its arguments. Results may share children with the arguments (pan values
are copy-on-write in the evaluator); only ``clone`` copies deeply.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

from panc.builtins.registry import BuiltinError, builtin
from panc.builtins.strings import from_units, int32, int_argument, to_units
from panc.diagnostics import EvaluationError, PanSyntaxError
from panc.evaluation.control import not_constant
from panc.evaluation.memory import check_growth
from panc.evaluation.resources import put_child
from panc.evaluation.terms import value_term
from panc.evaluation.values import (
    NULL,
    UNDEF,
    Value,
    deep_copy,
    java_equals,
    java_length,
    java_type,
    sorted_keys,
)


def _hash_key(key: Value) -> str:
    """panc's ``Hash.createKey``: a key argument must be a string naming a key, not an index."""
    if type(key) is not str:
        raise BuiltinError(f"nlist keys must be string; argument is of type {java_type(key)}")
    try:
        term = value_term(key)
    except EvaluationError as error:
        raise BuiltinError(error.message) from None
    if type(term) is not str:
        raise BuiltinError(f"invalid key ({key}) for nlist() or hash()")
    return term


_EVEN_NUMBER = "hash/nlist function must have an even number of arguments"


def _check_hash(args: list[Value], where: object) -> None:
    """panc's ``Hash.getInstance``: constant keys must be valid keys, and distinct."""
    if len(args) % 2:
        raise PanSyntaxError(_EVEN_NUMBER, where)  # type: ignore[arg-type]
    seen: set[str] = set()
    try:
        for position in range(0, len(args), 2):
            key = args[position]
            if not_constant(key):
                continue
            term = _hash_key(key)
            if term in seen:
                raise BuiltinError(f"duplicate key ({term}) in nlist function")
            seen.add(term)
    except (BuiltinError, EvaluationError) as error:
        raise PanSyntaxError(error.message, where) from None  # type: ignore[arg-type]


def _build_dict(args: list[Value]) -> dict[str, Value]:
    """panc's ``createHashFromArgs``: a null value removes its key; a key given twice is an
    error (unless the first time it only removed itself)."""
    if len(args) % 2:  # refused when compiled (_check_hash); kept for direct calls
        raise BuiltinError(_EVEN_NUMBER)
    result: dict[str, Value] = {}
    for position in range(0, len(args), 2):
        key = _hash_key(args[position])
        old = result.get(key)
        try:
            put_child(result, key, args[position + 1])
        except EvaluationError as error:
            raise BuiltinError(error.message) from None
        if old is not None:
            raise BuiltinError(f"duplicate key ({key}) in nlist function")
    return result


@builtin("dict", signature="dict(key, value, ...)", compile_check=_check_hash)
def pan_dict(args: list[Value]) -> dict[str, Value]:
    """Return a new dict built from key, value pairs: ``dict("one", 1, "two", 2)``. Keys are
    strings that are valid path terms; a key written entirely in braces, ``"{/etc/hosts}"``,
    is escaped. A repeated key is an error and a ``null`` value leaves its key out."""
    return _build_dict(args)


@builtin("nlist", signature="nlist(key, value, ...)", deprecated=True, compile_check=_check_hash)
def pan_nlist(args: list[Value]) -> dict[str, Value]:
    """Deprecated alias of ``dict``: return a new dict built from key, value pairs."""
    return _build_dict(args)


@builtin("list", signature="list(elem, ...)")
def pan_list(args: list[Value]) -> list[Value]:
    """Return a new list holding the arguments in order; ``list()`` is the empty list."""
    return list(args)


@builtin(
    "length",
    min_args=1,
    max_args=1,
    signature="length(arg)",
    arity_message="length() requires exactly one argument",
)
def length(args: list[Value]) -> int:
    """Return the number of characters of a string or the number of children of a resource
    (list or dict). ``undef`` has length 0."""
    value = args[0]
    t = type(value)
    if t is str:
        return java_length(value)
    if t is list or t is dict:
        return len(value)
    if value is UNDEF:
        return 0
    raise BuiltinError(
        "argument to length must be undef, string, or resource; "
        f"element of type {java_type(value)} is not valid"
    )


@builtin(
    "key",
    min_args=2,
    max_args=2,
    signature="key(resource, index)",
    arity_message="key() requires exactly two arguments",
)
def pan_key(args: list[Value]) -> str:
    """Return the name of the child of a dict at position ``index`` (from 0) in the sorted list
    of its keys; with a loop over ``length(resource)`` this walks all the keys."""
    resource = args[0]
    if type(resource) is not dict:
        raise BuiltinError("first argument to key() must be a dict")
    index = args[1]
    if type(index) is not int:
        raise BuiltinError("second argument to key() must be a long")
    if index > 0x7FFFFFFF:
        raise BuiltinError(f"index exceeds maximum value (2147483647): {index}")
    if index < 0 or index > len(resource) - 1:
        raise BuiltinError(f"index out of bounds in key(): {index}")
    return sorted_keys(resource)[index]


_MERGE_TYPES = "merge() arguments must be all lists or dicts"


def put_in_order(items: list[Value]) -> list[Value]:
    """The list panc's builtins build with ``put(n++, item)``: a null item is not stored but
    its position is counted, so a later item leaves an undef hole (``[undef, 1]`` of the items
    null, 1) and trailing nulls vanish."""
    if NULL not in items:
        return items
    result: list[Value] = []
    for position, item in enumerate(items):
        if item is not NULL:
            result.extend([UNDEF] * (position - len(result)))
            result.append(item)
    return result


@builtin(
    "merge",
    min_args=1,
    signature="merge(res1, res2, ...)",
    arity_message="merge() requires at least one argument",
)
def merge(args: list[Value]) -> list[Value] | dict[str, Value]:
    """Return a new resource combining the arguments, which must be all lists or all dicts:
    lists are concatenated in order, dicts united. A key present in two dicts is an error."""
    kind = type(args[0])
    if kind in (list, dict) and all(type(arg) is kind for arg in args):
        check_growth(sum(len(arg) for arg in args) * _BYTES_PER_MEMBER)  # type: ignore[arg-type]
    if kind is dict:
        merged: dict[str, Value] = {}
        for arg in args:
            if type(arg) is not dict:
                raise BuiltinError(_MERGE_TYPES)
            for name in sorted_keys(arg):
                old = merged.get(name)
                try:  # a child of another type: the replacement error (tests/oracle/cases/
                    put_child(merged, name, arg[name])  # builtins-merge-replacement), at the statement
                except EvaluationError as error:
                    raise BuiltinError(error.message, where="bare") from None
                if old is not None:
                    raise BuiltinError(
                        f"two (or more) children have the same name in merge(): {name}"
                    )
        return merged
    if kind is list:
        for arg in args:
            if type(arg) is not list:
                raise BuiltinError(_MERGE_TYPES)
        return put_in_order([item for arg in args for item in arg])
    raise BuiltinError(_MERGE_TYPES)


_BYTES_PER_MEMBER = 8
"""What a list or dict costs per member at least (a reference), for the memory budget."""


def _long_argument(position: str, value: Value) -> int:
    """A long argument of ``splice``, as the int panc converts it to."""
    if type(value) is not int:
        raise BuiltinError(f"{position} argument to splice() must be a long")
    return int_argument("splice", position, value)


def _splice_range(size: int, start: int, count: int, what: str) -> tuple[int, int]:
    """panc's ``Splice`` bounds (in ints, as Java computes them) with its messages."""
    if start < 0:
        start += size
    end = int32(start + count) if count >= 0 else size + count
    if start < 0:
        raise BuiltinError(f"start index in splice() is before beginning of {what}")
    if start > size:
        raise BuiltinError(f"start index in splice() is after end of {what}")
    if end < 0:
        raise BuiltinError(f"end index in splice() is before beginning of {what}")
    if end > size:
        raise BuiltinError(f"end index in splice() is after end of {what}")
    if end < start:
        raise BuiltinError("end index is before the start index")
    return start, end


_SPLICE_REPLACEMENT = "fourth argument of splice() must be of the same type as the first"


@builtin(
    "splice",
    min_args=3,
    max_args=4,
    signature="splice(target, start, length[, repl])",
    arity_message="splice() must have three or four arguments",
)
def splice(args: list[Value]) -> str | list[Value]:
    """Return a copy of a string or list in which the part of ``length`` elements starting at
    ``start`` is removed and, when given, replaced by ``repl`` (a string for a string, a list
    for a list). A negative ``start`` counts from the end: ``splice("abcde", 2, 0, "12")`` is
    ``"ab12cde"`` and ``splice("abcde", -2, 1)`` is ``"abce"``. The arguments are not modified."""
    start = _long_argument("second", args[1])
    count = _long_argument("third", args[2])
    target = args[0]
    t = type(target)
    if t is str:
        repl = args[3] if len(args) == 4 else ""
        if type(repl) is not str:
            raise BuiltinError(_SPLICE_REPLACEMENT)
        units = to_units(target)
        begin, end = _splice_range(len(units), start, count, "string")
        return from_units(units[:begin] + to_units(repl) + units[end:])
    if t is list:
        repl = args[3] if len(args) == 4 else []
        if type(repl) is not list:
            raise BuiltinError(_SPLICE_REPLACEMENT)
        begin, end = _splice_range(len(target), start, count, "list")
        return put_in_order(target[:begin] + repl + target[end:])
    raise BuiltinError("first argument of splice() must be a string or list")


@builtin(
    "index",
    min_args=2,
    max_args=3,
    signature="index(sub, arg[, start])",
    arity_message="index() must have two or three arguments",
)
def pan_index(args: list[Value]) -> int | str:
    """Find ``sub`` inside a string or resource. In a string: the position of the substring
    ``sub`` (or -1), searching from ``start``. In a list: the position of the first child equal
    to ``sub`` (or -1), from position ``start``. In a dict: the name of the child equal to
    ``sub`` (or ""), skipping ``start`` matches (keys in sorted order). Equal means of the same
    type and value: ``1`` is not ``1.0``."""
    start = 0
    if len(args) == 3:
        if type(args[2]) is not int:
            raise BuiltinError("third argument of index() must be a long")
        start = max(int32(args[2]), 0)
    sub, arg = args[0], args[1]
    t = type(arg)
    if t is str and type(sub) is str:
        units = to_units(arg)
        if start >= len(units):
            return len(units) if sub == "" else -1
        return units.find(to_units(sub), start)
    if t is list:
        for position in range(start, len(arg)):
            if java_equals(sub, arg[position]):
                return position
        return -1
    if t is dict:
        found = 0
        for name in sorted_keys(arg):
            if java_equals(sub, arg[name]):
                if found >= start:
                    return name
                found += 1
        return ""
    raise BuiltinError("invalid argument(s) in call to index()")


@builtin(
    "clone",
    min_args=1,
    max_args=1,
    signature="clone(arg)",
    arity_message="clone() requires exactly one argument",
)
def clone(args: list[Value]) -> Value:
    """Return a deep copy of the argument: later changes to the copy do not affect the original
    and vice versa. Properties are immutable and returned as they are."""
    return deep_copy(args[0])
