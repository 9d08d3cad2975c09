"""panc's protected resources, as far as templates can observe them.

A statement panc computes when compiling (``'/a' = dict('k', 1);``) stores one protected
resource, shared read-only; panc copies it where a write would change it: a write through a
path or ``SELF[...]`` makes a shallow writable copy of each protected resource on the way
(their other children stay protected), and a local variable set to a protected resource
(``x = SELF``, ``x = SELF['k']``) gets a deep copy. Here a build stores a fresh copy of the
constant and remembers its resources by identity as protected; a write releases the
resources on its way, and a local variable set to one still protected copies it, so that
``x = SELF; x['k'] = 2; SELF`` leaves ``SELF`` as panc leaves it.
"""

from __future__ import annotations

from collections.abc import Sequence

from panc.evaluation.values import Value, deep_copy


class Protection:
    """The resources of one build that panc would hold protected."""

    __slots__ = ("_held",)

    def __init__(self) -> None:
        self._held: dict[int, Value] = {}
        """By ``id``; the value is kept so that the identity stays valid."""

    def protect(self, value: Value) -> None:
        """``value`` and every resource inside it are protected (a constant just stored)."""
        pending = [value]
        while pending:
            current = pending.pop()
            if type(current) is dict:
                self._held[id(current)] = current
                pending.extend(current.values())
            elif type(current) is list:
                self._held[id(current)] = current
                pending.extend(current)

    def is_protected(self, value: Value) -> bool:
        return bool(self._held) and id(value) in self._held

    def local_value(self, value: Value) -> Value:
        """What a local variable set to ``value`` holds: a copy of a protected resource."""
        if self._held and id(value) in self._held:
            return deep_copy(value)
        return value

    def release_path(self, container: Value, terms: Sequence[object]) -> None:
        """A write of ``terms`` under ``container`` changes each resource on the way: none of
        them is protected any more (panc writes into a copy of each)."""
        held = self._held
        if not held:
            return
        last = len(terms) - 1
        for position, term in enumerate(terms):
            held.pop(id(container), None)
            if position == last:
                return
            if type(container) is dict and type(term) is str:
                container = container.get(term)
            elif type(container) is list and type(term) is int and -len(container) <= term < len(container):
                container = container[term]
            else:
                return
