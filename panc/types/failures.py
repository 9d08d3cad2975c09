"""A failed type check on its way up, and the text panc prints for it.

Type checks run on every element of a large profile, so the success path builds no
strings: a check that fails raises ``TypeFailure`` holding only the facts, and each
enclosing type adds its part while the exception unwinds (the child's key for the element
path, a ``type: 'name' [location]`` line for named types). The message is assembled once,
at the top, by ``failure_message`` (panc's ``ValidationException.getMessage()``).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Context, Decimal

from panc.diagnostics import PanError
from panc.evaluation.values import Value, java_to_string, type_name

NO_VALUE = object()
"""Marks a failure whose message has no ``element value:`` line (as panc's range errors)."""

BUILTIN_LOCATION = "?:?"
"""Where panc says builtin types are defined."""


class TypeFailure(Exception):
    """A validation failure collecting its context while it propagates.

    ``terms`` holds the keys from the failing element up to the checked value (innermost
    first), ``stack`` the ``(type name, location)`` pairs of the named types passed through
    (innermost first), exactly the order panc prints them. ``cause`` is the error behind it
    (an exception thrown by a ``with`` clause, the failed check of a link's target), printed
    after the message as ``caused by: ...``.
    """

    def __init__(
        self, message: str, value: Value = NO_VALUE, cause: PanError | TypeFailure | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.cause = cause
        self.terms: list[str] = []
        self.stack: list[tuple[str, str]] = []

    def element_path(self, base_path: str) -> str:
        """The absolute path of the failing element, given the path of the checked value."""
        if not self.terms:
            return base_path
        tail = "/".join(reversed(self.terms))
        return f"/{tail}" if base_path == "/" else f"{base_path}/{tail}"


def element_type(value: Value) -> str:
    """How panc's validation names the type of an element (``getTypeAsString``): a dict is an
    ``nlist`` there."""
    return "nlist" if type(value) is dict else type_name(value)


def type_mismatch(expected: str, value: Value) -> TypeFailure:
    """panc's message for a value of the wrong kind."""
    return TypeFailure(
        f"validation requires type of '{expected}' but element is of type '{element_type(value)}'", value
    )


_WIDE = Context(prec=400, rounding=ROUND_HALF_EVEN)
"""Enough digits for the largest double with three decimals."""


def message_number(number: int | float) -> str:
    """A number as panc's messages format ``{0,number}`` (Java's default ``NumberFormat`` in
    an English locale): digits grouped by three, at most three decimals rounded half-even,
    ``∞`` for infinity."""
    if type(number) is int:
        return f"{number:,}"
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    # Java rounds the shortest decimal form of the double (its Double.toString digits).
    rounded = Decimal(repr(abs(number))).quantize(Decimal("0.001"), context=_WIDE)
    text = f"{rounded:,f}".rstrip("0").rstrip(".")
    return f"-{text}" if math.copysign(1.0, number) < 0 else text


def failure_message(failure: TypeFailure, base_path: str | None, bound_line: str | None = None) -> str:
    """The text of a failure after ``validation error [file]``, as panc's exception message:
    the message, ``element path`` (when the check had a path), ``element value``, the type
    stack, the ``path ... bound to type`` line, then ``caused by:`` and the cause's own text
    (a failure as a cause has no path and no file: ``validation error [?]``)."""
    lines = [failure.message]
    if base_path is not None:
        lines.append(f"element path: '{failure.element_path(base_path)}'")
    if failure.value is not NO_VALUE:
        lines.append(f"element value: {java_to_string(failure.value)}")
    lines.extend(f"type: '{name}' [{location}]" for name, location in failure.stack)
    if bound_line is not None:
        lines.append(bound_line)
    text = "\n".join(lines)
    if failure.cause is not None:
        text += "\ncaused by: " + _cause_text(failure.cause).removesuffix("\n")
    return text


def _cause_text(cause: PanError | TypeFailure) -> str:
    if isinstance(cause, TypeFailure):
        return f"validation error [?]\n{failure_message(cause, None)}\n"
    return cause.format()
