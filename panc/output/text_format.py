"""The ``text`` format (``.txt``): panc's indented tree of the profile.

``+-name`` for a dict or list, ``$ name : (type) 'value'`` for a property, two spaces per
level, list children named by their index, strings written raw.
"""

from __future__ import annotations

from panc.evaluation.values import Value, format_scalar, sorted_keys, type_name

_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The text tree of a profile root."""
    out: list[str] = []
    _write_node(out, "profile", profile, 0)
    return "".join(out)


def _write_node(out: list[str], name: str, v: Value, depth: int) -> None:
    indent = _INDENT * depth
    t = type(v)
    if t is dict:
        out.append(f"{indent}+-{name}\n")
        for key in sorted_keys(v):
            _write_node(out, key, v[key], depth + 1)
    elif t is list:
        out.append(f"{indent}+-{name}\n")
        for index, item in enumerate(v):
            _write_node(out, str(index), item, depth + 1)
    else:
        out.append(f"{indent}$ {name} : ({type_name(v)}) '{format_scalar(v)}'\n")
