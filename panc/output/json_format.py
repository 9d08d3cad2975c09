"""The ``json`` format: panc's JSON profile, as Gson's pretty printer writes it.

Two-space indentation, ``"key": value``, dict keys in panc's order, native numbers and
booleans, no final newline, and Gson's HTML-safe string escaping (``<``, ``>``, ``&``, ``=``
and ``'`` become ``\\u003c``...: ``panc.javatext.json_string``, shared with the ``json_encode`` builtin).
"""

from __future__ import annotations

from panc.evaluation.values import Value, format_double, sorted_keys
from panc.javatext import json_string

_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The JSON document of a profile root."""
    out: list[str] = []
    _write_value(out, profile, 0)
    return "".join(out)


def _write_value(out: list[str], v: Value, depth: int) -> None:
    t = type(v)
    if t is dict:
        if not v:
            out.append("{}")
            return
        inner = "\n" + _INDENT * (depth + 1)
        separator = "{"
        for key in sorted_keys(v):
            out.append(separator)
            out.append(inner)
            out.append(json_string(key))
            out.append(": ")
            _write_value(out, v[key], depth + 1)
            separator = ","
        out.append("\n" + _INDENT * depth + "}")
    elif t is list:
        if not v:
            out.append("[]")
            return
        inner = "\n" + _INDENT * (depth + 1)
        separator = "["
        for item in v:
            out.append(separator)
            out.append(inner)
            _write_value(out, item, depth + 1)
            separator = ","
        out.append("\n" + _INDENT * depth + "]")
    elif t is str:
        out.append(json_string(v))
    elif t is bool:
        out.append("true" if v else "false")
    elif t is int:
        out.append(str(v))
    elif t is float:
        out.append(format_double(v))
    else:
        raise TypeError(f"not a profile value: {v!r}")
