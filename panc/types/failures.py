"""A failed type check on its way up, and the text panc prints for it.

Type checks run on every element of a large profile, so the success path builds no
strings: a check that fails raises ``TypeFailure`` holding only the facts, and each
enclosing type adds its part while the exception unwinds (the child's key for the element
path, a ``type: 'name' [location]`` line for named types). The message is assembled once,
at the top, by ``failure_text``.
"""

from __future__ import annotations

from panc.evaluation.values import Value, java_to_string, type_name

NO_VALUE = object()
"""Marks a failure whose message has no ``element value:`` line (as panc's range errors)."""

BUILTIN_LOCATION = "?:?"
"""Where panc says builtin types are defined."""


class TypeFailure(Exception):
    """A validation failure collecting its context while it propagates.

    ``terms`` holds the keys from the failing element up to the checked value (innermost
    first), ``stack`` the ``(type name, location)`` pairs of the named types passed through
    (innermost first), exactly the order panc prints them.
    """

    def __init__(self, message: str, value: Value = NO_VALUE) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.terms: list[str] = []
        self.stack: list[tuple[str, str]] = []

    def element_path(self, base_path: str) -> str:
        """The absolute path of the failing element, given the path of the checked value."""
        if not self.terms:
            return base_path
        tail = "/".join(reversed(self.terms))
        return f"/{tail}" if base_path == "/" else f"{base_path}/{tail}"


def type_mismatch(expected: str, value: Value) -> TypeFailure:
    """panc's message for a value of the wrong kind."""
    return TypeFailure(
        f"validation requires type of '{expected}' but element is of type '{type_name(value)}'", value
    )


def failure_text(failure: TypeFailure, base_path: str) -> list[str]:
    """The lines of panc's validation message, without the ``path ... bound to`` line."""
    lines = [failure.message, f"element path: '{failure.element_path(base_path)}'"]
    if failure.value is not NO_VALUE:
        lines.append(f"element value: {java_to_string(failure.value)}")
    lines.extend(f"type: '{name}' [{location}]" for name, location in failure.stack)
    return lines
