"""Builtins that build or inspect resources: ``dict`` (and the deprecated ``nlist``), ``list``,
``length``, ``key``, ``merge``, ``splice``, ``index`` and ``clone``.

None of them modifies its arguments. Results may share children with the arguments (pan values
are copy-on-write in the evaluator); only ``clone`` copies deeply.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import functools
import re

from panc.builtins.arguments import dict_arg, long_arg
from panc.builtins.registry import BuiltinError, builtin
from panc.builtins.strings import from_units, java_range, to_units
from panc.diagnostics import EvaluationError, PanSyntaxError
from panc.evaluation.control import not_constant
from panc.evaluation.memory import check_growth
from panc.evaluation.resources import put_child
from panc.evaluation.terms import value_term
from panc.evaluation.values import (
    UNDEF,
    Value,
    deep_copy,
    is_property,
    java_length,
    java_type,
    sorted_keys,
    type_name,
)
from panc.syntax import paths

_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_+.-]*")


def is_valid_key(key: str) -> bool:
    """A dict key a path may name: ``^\\w[\\w+.-]*$`` but not all digits (that is a list index)."""
    return _KEY.fullmatch(key) is not None and not key.isdigit()


def dict_key(function: str, key: Value) -> str:
    """``key`` checked as a dict key; a key written entirely as ``{...}`` is escaped (pan 10.7)."""
    if type(key) is not str:
        raise BuiltinError(f"{function}() requires string keys, not {type_name(key)} ({format_key(key)})")
    checked = _checked_key(key)
    if checked is None:
        raise BuiltinError(f"invalid key ({key}) for nlist() or hash()")
    return checked


@functools.lru_cache(maxsize=65536)
def _checked_key(key: str) -> str | None:
    """The key as stored (braces escaped), or None when invalid; templates repeat their keys."""
    if len(key) >= 2 and key[0] == "{" and key[-1] == "}":
        try:
            return paths.escape(key[1:-1])
        except paths.PathSyntaxError:
            return None
    return key if is_valid_key(key) else None


def format_key(key: Value) -> str:
    return key if type(key) is str else repr(key)


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


def _check_hash(args: list[Value], where: object) -> None:
    """panc's ``Hash.getInstance``: constant keys must be valid keys, and distinct."""
    if len(args) % 2:
        raise PanSyntaxError("hash/nlist function must have an even number of arguments", where)  # type: ignore[arg-type]
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


@builtin("key", min_args=2, max_args=2, signature="key(resource, index)")
def pan_key(args: list[Value]) -> str:
    """Return the name of the child of a dict at position ``index`` (from 0) in the sorted list
    of its keys; with a loop over ``length(resource)`` this walks all the keys."""
    resource = dict_arg("key", args, 0)
    index = long_arg("key", args, 1)
    if not 0 <= index < len(resource):
        raise BuiltinError(f"key() index ({index}) out of range for a dict of size {len(resource)}")
    return sorted_keys(resource)[index]


@builtin("merge", min_args=1, signature="merge(res1, res2, ...)")
def merge(args: list[Value]) -> list[Value] | dict[str, Value]:
    """Return a new resource combining the arguments, which must be all lists or all dicts:
    lists are concatenated in order, dicts united. A key present in two dicts is an error."""
    kind = type(args[0])
    if kind is not list and kind is not dict:
        raise BuiltinError(f"merge() requires lists or dicts, not {type_name(args[0])}")
    for arg in args[1:]:
        if type(arg) is not kind:
            raise BuiltinError(
                f"merge() requires arguments of the same type: {type_name(args[0])} and {type_name(arg)}"
            )
    check_growth(sum(len(arg) for arg in args) * _BYTES_PER_MEMBER)  # type: ignore[arg-type]
    if kind is list:
        return [item for arg in args for item in arg]
    merged: dict[str, Value] = {}
    for arg in args:
        for name, child in arg.items():
            if name in merged:
                raise BuiltinError(f"merge() found the key ({name}) in more than one dict")
            merged[name] = child
    return merged


_BYTES_PER_MEMBER = 8
"""What a list or dict costs per member at least (a reference), for the memory budget."""


@builtin("splice", min_args=3, max_args=4, signature="splice(target, start, length[, repl])")
def splice(args: list[Value]) -> str | list[Value]:
    """Return a copy of a string or list in which the part of ``length`` elements starting at
    ``start`` is removed and, when given, replaced by ``repl`` (a string for a string, a list
    for a list). A negative ``start`` counts from the end: ``splice("abcde", 2, 0, "12")`` is
    ``"ab12cde"`` and ``splice("abcde", -2, 1)`` is ``"abce"``. The arguments are not modified."""
    target = args[0]
    start = long_arg("splice", args, 1)
    count = long_arg("splice", args, 2)
    t = type(target)
    if t is str:
        units = to_units(target)
        begin, end = java_range("splice", len(units), start, count)
        repl = args[3] if len(args) > 3 else ""
        if type(repl) is not str:
            raise BuiltinError(f"splice() of a string requires a string replacement, not {type_name(repl)}")
        return from_units(units[:begin] + to_units(repl) + units[end:])
    if t is list:
        begin, end = java_range("splice", len(target), start, count)
        repl = args[3] if len(args) > 3 else []
        if type(repl) is not list:
            raise BuiltinError(f"splice() of a list requires a list replacement, not {type_name(repl)}")
        return target[:begin] + list(repl) + target[end:]
    raise BuiltinError(f"splice() requires a string or a list as first argument, not {type_name(target)}")


def _same_property(function: str, wanted: Value, child: Value) -> bool:
    if type(child) is not type(wanted):
        raise BuiltinError(
            f"{function}() cannot compare a {type_name(wanted)} with a child of type {type_name(child)}"
        )
    return bool(child == wanted)


def _dict_matches(wanted: dict[str, Value], child: Value) -> bool:
    """Does ``child`` hold every child of ``wanted`` with the same value?"""
    if type(child) is not dict:
        raise BuiltinError(f"index() cannot compare a dict with a child of type {type_name(child)}")
    for name, value in wanted.items():
        if not is_property(value):
            raise BuiltinError(f"index() requires a dict of properties as first argument ({name} is not)")
        if name not in child:
            return False
        if not _same_property("index", value, child[name]):
            return False
    return True


def _matches(sub: Value, child: Value) -> bool:
    if type(sub) is dict:
        return _dict_matches(sub, child)
    return _same_property("index", sub, child)


@builtin("index", min_args=2, max_args=3, signature="index(sub, arg[, start])")
def pan_index(args: list[Value]) -> int | str:
    """Find ``sub`` inside a string or resource. In a string: the position of the substring
    ``sub`` (or -1), searching from ``start``. In a list: the position of the first child equal
    to the property ``sub`` (or -1), from position ``start``. In a dict: the name of the first
    child equal to ``sub`` (or ""), skipping ``start`` matches. When ``sub`` is a dict, a child
    matches if it is a dict holding all of ``sub``'s children with equal values."""
    sub, arg = args[0], args[1]
    start = long_arg("index", args, 2) if len(args) > 2 else 0
    if type(sub) is not dict and not is_property(sub):
        raise BuiltinError(f"index() requires a property or a dict as first argument, not {type_name(sub)}")
    t = type(arg)
    if t is str:
        if type(sub) is not str:
            raise BuiltinError(f"index() in a string requires a string to search, not {type_name(sub)}")
        units = to_units(arg)
        if sub == "":  # Java: the empty string is found at the start position, capped at the end
            return min(max(start, 0), len(units))
        return units.find(to_units(sub), max(start, 0))
    if t is list:
        for position in range(max(start, 0), len(arg)):
            if _matches(sub, arg[position]):
                return position
        return -1
    if t is dict:
        skip = start
        for name in sorted_keys(arg):
            if _matches(sub, arg[name]):
                if skip <= 0:
                    return name
                skip -= 1
        return ""
    raise BuiltinError(f"index() requires a string, list or dict as second argument, not {type_name(arg)}")


@builtin("clone", min_args=1, max_args=1, signature="clone(arg)")
def clone(args: list[Value]) -> Value:
    """Return a deep copy of the argument: later changes to the copy do not affect the original
    and vice versa. Properties are immutable and returned as they are."""
    return deep_copy(args[0])
