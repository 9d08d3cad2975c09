"""The static include graph of an index: which templates each template names, and so which
templates each object template can reach without compiling anything.

A template names another by ``include 'x'`` (or ``include {'x'}``), ``if_exists('x')`` and
``create('x')`` with a literal name; an include computed at run time (``include
{VARIABLE}``) is invisible here: a compile's dependencies (``panc.build.dependents``) know
those. The edges of a file are recomputed only when its summary in the index changes (an
unsaved buffer, a file saved), and the reach of the objects only when some file's edges do.
"""

from __future__ import annotations

import threading

from panc.analysis.index import TemplateSummary, WorkspaceIndex
from panc.analysis.references import OccurrenceKind

Use = tuple[str, str | None]


def named_templates(summary: TemplateSummary) -> frozenset[str]:
    """The template names a template names literally (not its own header)."""
    return frozenset(
        occurrence.name
        for occurrence in summary.occurrences
        if occurrence.kind is OccurrenceKind.TEMPLATE and occurrence.role != "header"
    )


class IncludeGraph:
    """The static include graph of ``index``, kept current as the index changes."""

    def __init__(self, index: WorkspaceIndex) -> None:
        self.index = index
        self._edges: dict[str, tuple[TemplateSummary, frozenset[str]]] = {}
        self._reach: dict[str, frozenset[Use]] = {}
        """object template path -> every lookup it makes, directly or not."""
        self._lock = threading.Lock()

    def refresh(self) -> bool:
        """Bring the edges up to date with the index; ``True`` when some changed (the reach
        of the objects is then recomputed when next asked)."""
        with self._lock:
            summaries = {s.path: s for s in self.index.summaries()}
            changed = len(summaries) != len(self._edges) or any(p not in summaries for p in self._edges)
            edges = {}
            for path, summary in summaries.items():
                known = self._edges.get(path)
                if known is not None and known[0] is summary:
                    edges[path] = known
                    continue
                names = named_templates(summary)
                changed = changed or known is None or known[1] != names or known[0].kind != summary.kind
                edges[path] = (summary, names)
            self._edges = edges
            if changed:
                self._reach = {}
            return changed

    def objects(self) -> list[str]:
        """The object templates of the index (their files), in path order."""
        return sorted(path for path, (summary, _) in self._edges.items() if summary.kind == "object")

    def names_of(self, path: str) -> frozenset[str]:
        """The template names the file at ``path`` names (as of the last ``refresh``)."""
        known = self._edges.get(path)
        return known[1] if known else frozenset()

    def reach(self, object_path: str) -> frozenset[Use]:
        """Every lookup ``object_path`` makes statically, through the templates it names."""
        cached = self._reach.get(object_path)
        if cached is not None:
            return cached
        found: set[Use] = set()
        seen = {object_path}
        pending = [object_path]
        while pending:
            for name in self.names_of(pending.pop()):
                target = self.index.resolve(name)
                found.add((name, target))
                if target is not None and target not in seen:
                    seen.add(target)
                    pending.append(target)
        reach = frozenset(found)
        self._reach[object_path] = reach
        return reach

    def uses(self) -> dict[str, set[Use]]:
        """object template path -> its static lookups (``refresh`` first)."""
        return {path: set(self.reach(path)) for path in self.objects()}
