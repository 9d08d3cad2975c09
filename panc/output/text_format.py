"""The ``text`` format (``.txt``): panc's indented tree of the profile.

``+-name`` for a dict or list, ``$ name : (type) 'value'`` for a property, two spaces per
level, list children named by their index, strings written raw.
"""

from __future__ import annotations

from typing import Any

from panc.evaluation.memory import check_resident
from panc.evaluation.values import Value, format_scalar, sorted_keys, type_name

_DEEP = 1000
_INDENT = "  "


def render(profile: dict[str, Value]) -> str:
    """The text tree of a profile root (walked with a stack of its own: any depth)."""
    out = ["+-profile\n"]
    append = out.append
    # The dicts and lists being written around the current one: (value, sorted keys or None
    # for a list, next position, indentation of its members).
    stack: list[tuple[Any, list[str] | None, int, str]] = []
    container: Any = profile
    keys: list[str] | None = sorted_keys(profile)
    position = 0
    indent = _INDENT
    while True:
        size = len(container)
        while position < size:
            if keys is not None:
                name = keys[position]
                child = container[name]
            else:
                name = str(position)
                child = container[position]
            position += 1
            t = type(child)
            if t is dict or t is list:
                append(f"{indent}+-{name}\n")
                stack.append((container, keys, position, indent))
                if len(stack) > _DEEP or not len(out) & 0xFFFF:  # deep: quadratic indentation
                    check_resident()
                container, keys, position = child, (sorted_keys(child) if t is dict else None), 0
                indent += _INDENT
                size = len(container)
                continue
            append(f"{indent}$ {name} : ({type_name(child)}) '{format_scalar(child)}'\n")
        if not stack:
            return "".join(out)
        container, keys, position, indent = stack.pop()
