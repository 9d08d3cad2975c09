"""The ``null`` format: an empty ``.null`` file, a marker that the object compiled."""

from __future__ import annotations

from panc.evaluation.values import Value


def render(profile: dict[str, Value]) -> str:
    """Nothing, whatever the profile."""
    del profile
    return ""
