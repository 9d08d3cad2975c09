"""The ``text`` format (``.txt``): panc's indented tree of the profile.

``+-name`` for a dict or list, ``$ name : (type) 'value'`` for a property, two spaces per
level, list children named by their index, strings written raw.
"""

from __future__ import annotations

from panc.evaluation.values import Value, format_scalar, sorted_keys, type_name

_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The text tree of a profile root (walked with a stack of its own: any depth)."""
    out: list[str] = []
    pending: list[tuple[str, Value, int]] = [("profile", profile, 0)]
    while pending:
        name, v, depth = pending.pop()
        indent = _INDENT * depth
        t = type(v)
        if t is dict:
            out.append(f"{indent}+-{name}\n")
            pending.extend((key, v[key], depth + 1) for key in reversed(sorted_keys(v)))  # type: ignore[index,arg-type]
        elif t is list:
            out.append(f"{indent}+-{name}\n")
            pending.extend((str(index), v[index], depth + 1) for index in range(len(v) - 1, -1, -1))  # type: ignore[index,arg-type]
        else:
            out.append(f"{indent}$ {name} : ({type_name(v)}) '{format_scalar(v)}'\n")
    return "".join(out)
