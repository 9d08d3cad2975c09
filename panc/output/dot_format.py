"""The ``dot`` format: the profile as a Graphviz graph, as panc draws it.

One box per node named by its path under ``/profile``, an edge from each parent; a property's
label holds its value with runs of line breaks made one space, and a value longer than 15
characters (counting the opening quote of a string) cut after 12 with ``...`` appended.
Labels are not escaped, as in panc.
"""

from __future__ import annotations

import re

from panc.evaluation.memory import check_resident
from panc.evaluation.values import Value, format_scalar, is_string, sorted_keys

_PREAMBLE = (
    'digraph "profile" {\n'
    "bgcolor = beige\n"
    "node [ color = black, shape = box, fontname=Helvetica ]\n"
    "edge [ color = black ]\n"
    '"/profile" [ label = "profile"]\n'
)
_VALUE_WIDTH = 12
_LONGEST_KEPT = 15
_LONG_PATH = 10_000


def render(profile: dict[str, Value]) -> str:
    """The Graphviz description of a profile root (walked with a stack of its own: any depth)."""
    out = [_PREAMBLE]
    pending: list[tuple[str, str, Value]] = []
    _push_children(pending, "/profile", profile)
    while pending:
        parent, name, v = pending.pop()
        path = f"{parent}/{name}"
        t = type(v)
        if t is dict or t is list:
            if len(path) > _LONG_PATH or not len(out) & 0xFFFF:  # deep: quadratic paths
                check_resident()
            out.append(f'"{path}" [ label = "{name}" ]\n')
            out.append(f'"{parent}" -> "{path}"\n')
            _push_children(pending, path, v)
        else:
            out.append(f'"{path}" [ label = "{name}\\n{_label_value(v)}" ]\n')
            out.append(f'"{parent}" -> "{path}"\n')
    out.append("}\n")
    return "".join(out)


def _push_children(pending: list[tuple[str, str, Value]], path: str, v: Value) -> None:
    if isinstance(v, dict):
        pending.extend((path, key, v[key]) for key in reversed(sorted_keys(v)))
    else:
        pending.extend((path, str(index), v[index]) for index in range(len(v) - 1, -1, -1))  # type: ignore[arg-type]


def _label_value(v: Value) -> str:
    if is_string(v):
        return _truncated("'" + _LINE_BREAKS.sub(" ", v)) + "'"  # type: ignore[arg-type]
    return _truncated(_LINE_BREAKS.sub(" ", format_scalar(v)))


_LINE_BREAKS = re.compile(r"[\n\r]+")


def _truncated(text: str) -> str:
    """panc's ``fixString``: beyond 15 characters, the first 12 and ``...`` (lengths in UTF-16
    code units)."""
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * _LONGEST_KEPT:
        return text
    # A surrogate pair cut in half comes out as '?' from Java's UTF-8 encoder.
    head = units[: 2 * _VALUE_WIDTH].decode("utf-16-le", "replace").replace("\ufffd", "?")
    return head + "..."
