"""Where a profile value comes from: every statement that wrote a path while compiling an object.

``ProvenanceRecorder`` is a set of evaluation hooks that logs each path write in order
(with a short rendering of the value as it was then, and for a debugger the value itself):
the assignments, the writes of the structure templates that ``create()`` instantiates, and
the type defaults the compiler inserted; beside them, the object's ``bind``/``valid``
statements (``checks``). ``writes_affecting`` answers "which statements shaped the value at
this path", ``explain_path`` gives the whole chain of a path (``panc explain``) and
``value_at`` reads the final value. The language server's hovers and profile view, the
debugger's "who set this" and data breakpoints, and ``panc explain`` all read this one log.
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
ASSIGN, CREATE, DEFAULT = "assign", "create", "default"
"""Kinds of ``PathWrite``: an assignment to the profile; an assignment in a structure template
that a ``create()`` instantiates (its ``path`` is relative to the structure: ``a/b``); a type
default inserted by the compiler once the templates ran (its ``template`` is the type)."""


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
    kind: str = ASSIGN


@dataclass(frozen=True, slots=True)
class PathCheck:
    """A ``bind`` (or ``valid``) statement of the object: ``type_name`` is bound to ``path``."""

    path: str
    type_name: str
    span: Span
    source: str


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
    checks: list[PathCheck] = field(default_factory=list)
    bindings: list[Any] = field(default_factory=list)
    """The object's ``Binding`` objects themselves (with ``keep_values``: ``panc explain``
    follows their types down to a path)."""
    root: dict[str, Any] | None = None
    """With ``keep_values``: the profile of the (last) object built, defaults inserted, also
    when its validation fails."""
    wants_defaults = True
    _terms: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)

    def on_path_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        self.record(path, value, span, template_name)

    def on_structure_write(self, path: str, value: Any, span: Span, template_name: str) -> None:
        self.record(path, value, span, template_name, CREATE)

    def on_default(self, path: str, value: Any, span: Span, type_name: str) -> None:
        self.record(path, value, span, type_name, DEFAULT)

    def on_built(self, root: dict[str, Any], bindings: list[Any]) -> None:
        self.checks = [PathCheck(b.display_path, b.type.text, b.span, b.source_path) for b in bindings]
        if self.keep_values:
            self.root, self.bindings = root, list(bindings)

    def record(self, path: str, value: Any, span: Span, template_name: str, kind: str = ASSIGN) -> None:
        """Log one write (also one the evaluator does not see, such as a debugger's)."""
        if self.max_writes is not None and len(self.writes) >= self.max_writes:
            return
        kept = None
        if self.keep_values:
            kept = value if type(value) in _SCALARS else deep_copy(value)
        self.writes.append(
            PathWrite(
                len(self.writes), path, render_value(value), span, template_name, value is NULL, kept, kind
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
            if write.kind == CREATE:
                continue
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


@dataclass(frozen=True)
class ExplainedWrite:
    """One write in the history of a path: how it touches the path, the value it gave it
    (``MISSING`` when the recorder kept no values) and, for an assignment whose value came
    from ``create()``, the writes of the structure templates that built the part at the path."""

    write: PathWrite
    relation: Relation
    value: Any
    created: tuple[PathWrite, ...] = ()


def explain_path(
    recorder: ProvenanceRecorder, terms: tuple[Term, ...], children: bool = False
) -> list[ExplainedWrite]:
    """Every write of the path ``terms`` and of its parents (and below it, with ``children``),
    in order: assignments (with the ``create()`` writes behind them) and type defaults."""
    found: list[ExplainedWrite] = []
    structure: list[PathWrite] = []  # the writes of structure templates since the last profile write
    for write in list(recorder.writes):
        if write.kind == CREATE:
            structure.append(write)
            continue
        made, structure = structure, []
        written = recorder.terms(write.path)
        relation = related(terms, written)
        if relation is None or (relation == "child" and not children):
            continue
        shown = write.written if recorder.keep_values else MISSING
        if relation == "parent" and recorder.keep_values:
            shown = lookup(shown, terms[len(written) :]) if type(shown) in (list, dict) else MISSING
            if shown is MISSING:
                continue
        rest = terms[len(written) :] if relation != "child" else ()
        created = tuple(
            w
            for w in made
            if write.kind == ASSIGN and related(rest, recorder.terms("/" + w.path)) is not None
        )
        found.append(ExplainedWrite(write, relation, shown, created))
    return found


def checks_of(checks: list[PathCheck], path: str) -> list[PathCheck]:
    """The ``bind``/``valid`` statements on ``path`` and on its parents, shallowest first."""
    within = [c for c in checks if is_within(path, c.path)]
    return sorted(within, key=lambda c: len(split_path(c.path)))


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


def is_within(path: str, ancestor: str) -> bool:
    """Whether ``path`` is ``ancestor`` or below it."""
    a, b = split_path(path), split_path(ancestor)
    return len(a) >= len(b) and a[: len(b)] == b


def writes_affecting(writes: list[PathWrite], path: str) -> list[PathWrite]:
    """The writes that set ``path``, one of its ancestors, or something below it, in order."""
    return [
        w for w in writes if w.kind != CREATE and (is_within(path, w.path) or is_within(w.path, path))
    ]


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
