"""``${name}`` interpolation as ``substitute()`` does it (commons-lang3's ``StrSubstitutor``).

The rules, observable in panc's results:
- ``${name}`` is replaced by the looked-up value, and the inserted text is interpolated in
  turn (``${a}`` with ``a`` = ``'${b}'`` gives ``b``'s value); a name met again while its own
  value is being interpolated is a cycle, a Java ``IllegalStateException`` that panc prints
  bare (``Infinite loop in property interpolation of TEXT: a->b``).
- ``$${`` is an escaped ``${``: the first ``$`` is dropped and no variable is read. The ``$``
  before ``${`` is looked for in the text as it stands, which may end an inserted value
  (but not one from before the inserted region, while that region is interpolated).
- ``${name:-default}``: the name is what precedes ``:-`` (unless a ``${`` comes first); the
  default is used only when the lookup has no value.
- A ``${`` with no ``}`` after it ends the scan.
"""

from __future__ import annotations

from collections.abc import Callable

_START = "${"
_DEFAULT = ":-"


class InterpolationCycle(Exception):
    """A variable met again inside its own value: Java's message as ``str(self)``."""


def interpolate(text: str, lookup: Callable[[str], str | None]) -> str:
    """``text`` with each ``${name}`` replaced by ``lookup(name)`` (``None``: no value)."""
    result, _ = _interpolate(text, 0, len(text), lookup, [text])
    return result


def _interpolate(
    buffer: str, offset: int, length: int, lookup: Callable[[str], str | None], prior: list[str]
) -> tuple[str, int]:
    """Interpolate ``buffer[offset:offset + length]`` in place: the new buffer and how much
    longer the region got."""
    end = offset + length
    position = offset
    growth = 0
    while position < end:
        if not buffer.startswith(_START, position) or position + len(_START) > end:
            position += 1
            continue
        if position > offset and buffer[position - 1] == "$":
            buffer = buffer[: position - 1] + buffer[position:]  # the escape goes, no variable
            end -= 1
            growth -= 1
            continue
        close = buffer.find("}", position + len(_START), end)
        if close < 0:
            break
        expression = buffer[position + len(_START) : close]
        name, default = _name_and_default(expression)
        if name in prior:
            chain = "->".join(prior[1:])
            raise InterpolationCycle(f"Infinite loop in property interpolation of {prior[0]}: {chain}")
        prior.append(name)
        value = lookup(name)
        if value is None:
            value = default
        stop = close + 1
        if value is not None:
            buffer = buffer[:position] + value + buffer[stop:]
            buffer, inner = _interpolate(buffer, position, len(value), lookup, prior)
            change = inner + len(value) - (stop - position)
            end += change
            growth += change
            stop += change
        prior.pop()
        position = stop
    return buffer, growth


def _name_and_default(expression: str) -> tuple[str, str | None]:
    for index in range(len(expression)):
        if expression.startswith(_START, index):
            break
        if expression.startswith(_DEFAULT, index):
            return expression[:index], expression[index + len(_DEFAULT) :]
    return expression, None
