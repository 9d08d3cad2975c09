"""The ``json`` format: panc's JSON profile, as Gson's pretty printer writes it.

Two-space indentation, ``"key": value``, dict keys in panc's order, native numbers and
booleans, no final newline, and Gson's HTML-safe string escaping (``<``, ``>``, ``&``, ``=``
and ``'`` become ``\\u003c``...: ``json_string``, shared with the ``json_encode`` builtin).

The tree is walked with a stack of its own, not Python's: a profile of any depth is written.
"""

from __future__ import annotations

from panc.builtins.encoding import json_string
from panc.evaluation.values import Value, format_double, sorted_keys

_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The JSON document of a profile root."""
    out: list[str] = []
    # What is left to write, last first: text as it is, or (value, depth) to render.
    pending: list[str | tuple[Value, int]] = [(profile, 0)]
    push = pending.append
    while pending:
        item = pending.pop()
        if type(item) is str:
            out.append(item)
            continue
        v, depth = item  # type: ignore[misc]
        t = type(v)
        if t is dict:
            if not v:
                out.append("{}")
                continue
            inner = "\n" + _INDENT * (depth + 1)
            push("\n" + _INDENT * depth + "}")
            keys = sorted_keys(v)  # type: ignore[arg-type]
            for position in range(len(keys) - 1, -1, -1):
                key = keys[position]
                push((v[key], depth + 1))  # type: ignore[index]
                push(("," if position else "{") + inner + json_string(key) + ": ")
        elif t is list:
            if not v:
                out.append("[]")
                continue
            inner = "\n" + _INDENT * (depth + 1)
            push("\n" + _INDENT * depth + "]")
            for position in range(len(v) - 1, -1, -1):  # type: ignore[arg-type]
                push((v[position], depth + 1))  # type: ignore[index]
                push(("," if position else "[") + inner)
        else:
            out.append(_scalar(v))
    return "".join(out)


def _scalar(v: Value) -> str:
    t = type(v)
    if t is str:
        return json_string(v)  # type: ignore[arg-type]
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return format_double(v)  # type: ignore[arg-type]
    raise TypeError(f"not a profile value: {v!r}")
