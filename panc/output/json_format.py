"""The ``json`` format: panc's JSON profile, as Gson's pretty printer writes it.

Two-space indentation, ``"key": value``, dict keys in panc's order, native numbers and
booleans, no final newline, and Gson's HTML-safe string escaping (``<``, ``>``, ``&``, ``=``
and ``'`` become ``\\u003c``...).
"""

from __future__ import annotations

from panc.evaluation.values import Value, format_double, sorted_keys

_INDENT = "  "


def _gson_escapes() -> dict[int, str]:
    table = {c: f"\\u{c:04x}" for c in range(0x20)}
    table.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\t"): "\\t", ord("\b"): "\\b"})
    table.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\f"): "\\f"})
    # Gson's default (HTML-safe) writer also escapes these
    for c in "<>&='":
        table[ord(c)] = f"\\u{ord(c):04x}"
    table[0x2028] = "\\u2028"
    table[0x2029] = "\\u2029"
    return table


_ESCAPES = _gson_escapes()


def quote(s: str) -> str:
    """A JSON string literal exactly as Gson writes it."""
    return f'"{s.translate(_ESCAPES)}"'


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
            out.append(quote(key))
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
        out.append(quote(v))
    elif t is bool:
        out.append("true" if v else "false")
    elif t is int:
        out.append(str(v))
    elif t is float:
        out.append(format_double(v))
    else:
        raise TypeError(f"not a profile value: {v!r}")
