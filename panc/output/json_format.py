"""The ``json`` format: panc's JSON profile, as Gson's pretty printer writes it.

Two-space indentation, ``"key": value``, dict keys in panc's order, native numbers and
booleans, no final newline, and Gson's HTML-safe string escaping (``<``, ``>``, ``&``, ``=``
and ``'`` become ``\\u003c``...: ``panc.javatext.json_string``, shared with the ``json_encode`` builtin).

The tree is walked with a stack of its own, not Python's: a profile of any depth is written.
"""

from __future__ import annotations

from typing import Any

from panc.evaluation.memory import check_resident
from panc.evaluation.values import Value, format_double, sorted_keys
from panc.javatext import json_string

_DEEP = 1000
_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The JSON document of a profile root."""
    if not profile:
        return "{}"
    out = ["{"]
    append = out.append
    # The dicts and lists being written around the current one: (value, sorted keys or None
    # for a list, next position, depth, indentation of its members).
    stack: list[tuple[Any, list[str] | None, int, int, str]] = []
    container: Any = profile
    keys: list[str] | None = sorted_keys(profile)
    position, depth = 0, 0
    inner = "\n  "
    while True:
        size = len(container)
        while position < size:
            if keys is not None:
                key = keys[position]
                child = container[key]
                if position:
                    append(",")
                append(inner)
                append(json_string(key))
                append(": ")
            else:
                child = container[position]
                if position:
                    append(",")
                append(inner)
            position += 1
            t = type(child)
            if (t is dict or t is list) and child:
                append("{" if t is dict else "[")
                stack.append((container, keys, position, depth, inner))
                if len(stack) > _DEEP or not len(out) & 0xFFFF:  # deep: quadratic indentation
                    check_resident()
                container, keys, position = child, (sorted_keys(child) if t is dict else None), 0
                depth += 1
                inner = "\n" + _INDENT * (depth + 1)
                size = len(container)
                continue
            if t is str:
                append(json_string(child))
            else:
                append(_scalar(child))
        append("\n" + _INDENT * depth + ("}" if keys is not None else "]"))
        if not stack:
            return "".join(out)
        container, keys, position, depth, inner = stack.pop()


def _scalar(v: Value) -> str:
    t = type(v)
    if t is str:
        return json_string(v)
    if t is dict:
        return "{}"
    if t is list:
        return "[]"  # type: ignore[arg-type]
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return format_double(v)  # type: ignore[arg-type]
    raise TypeError(f"not a profile value: {v!r}")
