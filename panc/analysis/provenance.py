"""Where a profile value comes from: every statement that wrote a path while compiling an object.

``ProvenanceRecorder`` is a set of evaluation hooks that logs each path write in order
(with a short rendering of the value as it was then, and for a debugger the value itself);
``writes_affecting`` answers "which statements shaped the value at this path" and ``value_at``
reads the final value. The language server's hovers and the debugger's "who set this" and data
breakpoints all read this one log.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from panc.analysis.schema import split_path
from panc.evaluation.control import EvalFailure
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.terms import Term, parse_path_text
from panc.evaluation.tree import MISSING, lookup
from panc.evaluation.values import NULL, UNDEF, deep_copy, format_scalar, sorted_keys
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
    written: Any = None
    """The value itself (a copy), when the recorder keeps values (``keep_values``)."""


Relation = Literal["self", "parent", "child"]
_SCALARS = (str, int, float, bool)


@dataclass
class ProvenanceRecorder(EvaluationHooks):
    """Evaluation hooks recording every path write of one compile, in order.

    ``keep_values`` keeps a copy of each value written (a debugger shows the value a write
    gave any path below it); ``max_writes`` bounds the log (``None``: no bound).
    """

    writes: list[PathWrite] = field(default_factory=list)
    keep_values: bool = False
    max_writes: int | None = MAX_WRITES
    _terms: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        self.record(path, value, span, template_name)

    def record(self, path: str, value: Any, span: Span, template_name: str) -> None:
        """Log one write (also one the evaluator does not see, such as a debugger's)."""
        if self.max_writes is not None and len(self.writes) >= self.max_writes:
            return
        kept = None
        if self.keep_values:
            kept = value if type(value) in _SCALARS else deep_copy(value)
        self.writes.append(
            PathWrite(
                len(self.writes), path, render_value(value), span, template_name, value is NULL, kept
            )
        )

    def terms(self, path: str) -> tuple[Term, ...]:
        """The terms of a written path (``()`` for a text that is no path), memoised."""
        terms = self._terms.get(path)
        if terms is None:
            try:
                terms = parse_path_text(path)[2]
            except EvalFailure:
                terms = ()
            self._terms[path] = terms
        return terms

    def writes_touching(self, terms: tuple[Term, ...]) -> Iterator[tuple[PathWrite, Relation, Any]]:
        """The writes to the path ``terms``, to its parents and to its children, in order, each
        with how it touches the path and the value it gave the path (a parent's write: the part
        of its value at the path; writes that left nothing there are skipped). Needs
        ``keep_values``."""
        for write in list(self.writes):
            written = self.terms(write.path)
            relation = related(terms, written)
            if relation is None:
                continue
            shown = write.written
            if relation == "parent":
                shown = lookup(shown, terms[len(written) :]) if type(shown) in (list, dict) else MISSING
                if shown is MISSING:
                    continue
            yield write, relation, shown


def related(watched: tuple[Term, ...], written: tuple[Term, ...]) -> Relation | None:
    """How a write to ``written`` touches ``watched``: ``self``, ``parent``, ``child`` or not."""
    if written == watched:
        return "self"
    if len(written) < len(watched) and watched[: len(written)] == written:
        return "parent"
    if len(written) > len(watched) and written[: len(watched)] == watched:
        return "child"
    return None


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
