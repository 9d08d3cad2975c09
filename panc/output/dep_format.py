"""The ``dep`` format: one ``name TYPE uri`` line per dependency of the object, sorted by name.

Dependencies are every template the object used, the ``file_contents`` files it read and the
lookups that found nothing (a later file there would change the result).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panc.output.formats import DependencyLike


def render(dependencies: Sequence[DependencyLike]) -> str:
    """The dependency file of an object."""
    lines = {f"{d.name} {d.kind} {d.uri}\n": (d.name, d.kind, d.uri) for d in dependencies}
    return "".join(sorted(lines, key=lines.__getitem__))
