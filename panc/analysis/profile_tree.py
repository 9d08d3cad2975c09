"""A compiled profile as a tree to browse, each node with the statement that set it.

For the editors' profile view: the children of a path, one level at a time (a profile of
thousands of nodes is opened a branch at a time), each with its kind, its value (scalars) or
size (dicts and lists), and its origin: the last write of the node itself or of a parent
(an assignment or a type default), else, for a container that only writes below it built,
the first of those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from panc.analysis.provenance import CREATE, PathWrite, render_value
from panc.evaluation.control import EvalFailure
from panc.evaluation.terms import Term, format_path, parse_path_text
from panc.evaluation.tree import MISSING, lookup
from panc.evaluation.values import sorted_keys, type_name


@dataclass(frozen=True)
class ProfileNode:
    """One node of the profile: ``value`` is the rendered scalar (``None`` for a dict or a
    list, whose ``size`` is its number of children)."""

    name: str
    path: str
    kind: str
    value: str | None
    size: int
    origin: PathWrite | None


class WriteIndex:
    """The writes of a compile, by the path they wrote and by the paths above it."""

    def __init__(self, writes: list[PathWrite]) -> None:
        self._at: dict[tuple[Term, ...], PathWrite] = {}
        """path -> its last write."""
        self._first_below: dict[tuple[Term, ...], PathWrite] = {}
        """path -> the first write below it."""
        for write in writes:
            if write.kind == CREATE:
                continue
            terms = path_terms(write.path)
            if terms is None:
                continue
            self._at[terms] = write
            for depth in range(len(terms)):
                self._first_below.setdefault(terms[:depth], write)

    def origin(self, terms: tuple[Term, ...]) -> PathWrite | None:
        """The write that set the node at ``terms`` (see the module docstring)."""
        found = [w for w in (self._at.get(terms[:depth]) for depth in range(len(terms) + 1)) if w is not None]
        if found:
            return max(found, key=lambda w: w.order)
        return self._first_below.get(terms)


def path_terms(path: str) -> tuple[Term, ...] | None:
    """The terms of an absolute path, ``None`` when it is none."""
    try:
        _, absolute, terms = parse_path_text(path)
    except EvalFailure:
        return None
    return terms if absolute else None


def node(name: str, terms: tuple[Term, ...], value: Any, index: WriteIndex) -> ProfileNode:
    """The node at ``terms`` holding ``value``."""
    container = type(value) in (dict, list)
    return ProfileNode(
        name,
        format_path(terms),
        type_name(value),
        None if container else render_value(value),
        len(value) if container else 0,
        index.origin(terms),
    )


def children(profile: dict[str, Any], index: WriteIndex, terms: tuple[Term, ...]) -> list[ProfileNode] | None:
    """The children of the node at ``terms`` (``None`` when there is no such node; ``[]``
    for a scalar), dict keys in the profile's order."""
    value = lookup(profile, terms) if terms else profile
    if value is MISSING:
        return None
    if type(value) is dict:
        return [node(str(key), (*terms, key), value[key], index) for key in sorted_keys(value)]
    if type(value) is list:
        return [node(str(i), (*terms, i), item, index) for i, item in enumerate(value)]
    return []
