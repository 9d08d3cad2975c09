"""Where a profile value comes from: every statement that wrote a path while compiling an object.

``ProvenanceRecorder`` is a set of evaluation hooks that logs each path write in order
(with a short rendering of the value as it was then); ``writes_affecting`` answers "which
statements shaped the value at this path" and ``value_at`` reads the final value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from panc.analysis.schema import split_path
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.values import NULL, UNDEF, format_scalar, sorted_keys
from panc.source import Span

MAX_RENDERED = 160
MAX_WRITES = 200_000


@dataclass(frozen=True, slots=True)
class PathWrite:
    order: int
    path: str
    value: str
    """The value written, rendered (and shortened) at the time of the write."""
    span: Span
    template: str
    deleted: bool = False


@dataclass
class ProvenanceRecorder(EvaluationHooks):
    """Evaluation hooks recording every path write of one compile, in order."""

    writes: list[PathWrite] = field(default_factory=list)

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        if len(self.writes) >= MAX_WRITES:
            return
        self.writes.append(
            PathWrite(len(self.writes), path, render_value(value), span, template_name, deleted=value is NULL)
        )


def render_value(value: Any, limit: int = MAX_RENDERED) -> str:
    """A short pan-like rendering: ``'text'``, ``42``, ``list(1, 2)``, ``dict('a', 1)``..."""
    out: list[str] = []
    size = 0

    def emit(text: str) -> bool:
        nonlocal size
        out.append(text)
        size += len(text)
        return size <= limit

    def walk(item: Any) -> bool:
        if isinstance(item, dict):
            if not emit("dict("):
                return False
            for i, key in enumerate(sorted_keys(item)):
                if (i and not emit(", ")) or not emit(repr(key)) or not emit(", ") or not walk(item[key]):
                    return False
            return emit(")")
        if isinstance(item, list):
            if not emit("list("):
                return False
            for i, element in enumerate(item):
                if (i and not emit(", ")) or not walk(element):
                    return False
            return emit(")")
        if isinstance(item, str):
            return emit(repr(item))
        if item is UNDEF or item is NULL or isinstance(item, (bool, int, float)):
            return emit(format_scalar(item))
        return emit(str(item))

    complete = walk(value)
    text = "".join(out)
    if complete and len(text) <= limit:
        return text
    return text[: limit - 3] + "..."


def _is_within(path: str, ancestor: str) -> bool:
    a, b = split_path(path), split_path(ancestor)
    return len(a) >= len(b) and a[: len(b)] == b


def writes_affecting(writes: list[PathWrite], path: str) -> list[PathWrite]:
    """The writes that set ``path``, one of its ancestors, or something below it, in order."""
    return [w for w in writes if _is_within(path, w.path) or _is_within(w.path, path)]


_MISSING = object()


def value_at(profile: dict[str, Any] | None, path: str) -> Any:
    """The value at ``path`` in a compiled profile, or ``None`` when absent."""
    current: Any = profile
    for term in split_path(path):
        if isinstance(current, dict):
            current = current.get(term, _MISSING)
        elif isinstance(current, list) and term.isdigit() and int(term) < len(current):
            current = current[int(term)]
        else:
            return None
        if current is _MISSING:
            return None
    return current
