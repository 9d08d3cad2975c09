"""Pan values as a debugger shows them.

Scalars print as pan prints them (``to_string``: ``1.0E10``, ``true``, ``undef``), strings
quoted so that ``"1"`` and ``1`` differ; lists and dicts in ``to_string``'s layout (with
their strings quoted), shortened for a one-line view. Children come in panc's order (dict
keys sorted). Where a value is shown as pan prints it, unquoted (logpoints), and for type
names, ``panc.evaluation.values`` is used directly (``java_to_string``, ``type_name``).
"""

from __future__ import annotations

from collections.abc import Iterator

from panc.evaluation.values import Value, format_scalar, sorted_keys

SUMMARY_LIMIT = 200
"""Characters of a list or dict shown on one line before ``...``."""


def quote(text: str) -> str:
    """A pan double-quoted string literal for ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def render(value: Value) -> str:
    """One-line text of ``value`` for the variables view, hovers and the REPL."""
    t = type(value)
    if t is str:
        return quote(value)
    if t is list or t is dict:
        return _summary(value)
    return format_scalar(value)


def _summary(value: Value) -> str:
    """``[ 1, "a" ]`` / ``{ a, 1 }``: ``to_string``'s layout, cut after ``SUMMARY_LIMIT``."""
    if type(value) is list:
        texts: Iterator[str] = (render(item) for item in value)
        opening, closing = "[", "]"
    else:
        texts = (f"{key}, {render(value[key])}" for key in sorted_keys(value))
        opening, closing = "{", "}"
    parts: list[str] = []
    size = 0
    for text in texts:
        parts.append(text)
        size += len(text) + 2
        if size > SUMMARY_LIMIT:
            break
    body = ", ".join(parts)
    if size > SUMMARY_LIMIT:
        body = body[:SUMMARY_LIMIT] + " ..."
    return f"{opening} {body} {closing}" if body else f"{opening} {closing}"


def children(value: Value, start: int = 0, count: int | None = None) -> list[tuple[str, Value]]:
    """The (name, child) pairs of a list (``[0]``...) or dict (sorted keys), paged."""
    if type(value) is list:
        end = len(value) if count is None else min(len(value), start + count)
        return [(f"[{index}]", value[index]) for index in range(start, end)]
    if type(value) is dict:
        keys = sorted_keys(value)
        end = len(keys) if count is None else min(len(keys), start + count)
        return [(keys[index], value[keys[index]]) for index in range(start, end)]
    return []


def is_container(value: Value) -> bool:
    return type(value) is list or type(value) is dict
