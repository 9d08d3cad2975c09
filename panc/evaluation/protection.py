"""panc's protected resources, as far as templates can observe them.

A statement panc computes when compiling (``'/a' = dict('k', 1);``) stores one protected
resource, shared read-only; panc copies it where a write would change it: a write through a
path or ``SELF[...]`` makes a shallow writable copy of each protected resource on the way
(their other children stay protected), and a local variable set to a protected resource
(``x = SELF``, ``x = SELF['k']``) gets a deep copy. Here a build stores a fresh copy of the
constant and remembers its resources by identity as protected; a write copies the protected
resources on its way as panc does, and a local variable set to one copies it, so that
``x = SELF; x['k'] = 2; SELF`` leaves ``SELF`` as panc leaves it and an iteration over a
protected ``SELF`` does not see the writes of its body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

    def local_value(self, value: Value) -> Value:
        """What a local variable set to ``value`` holds: a copy of a protected resource."""
        if self._held and id(value) in self._held:
            return deep_copy(value)
        return value

    def writable_path(
        self, container: Value, terms: Sequence[object], replace: Callable[[Value], None] | None = None
    ) -> Value:
        """Before a write of ``terms`` under ``container``: each protected resource on the way
        (``container`` included, the last term's own value not) becomes a shallow copy in its
        place, its children still protected, as panc's ``writableCopy``; whoever held the old
        one (an iteration) keeps it unchanged. ``replace`` stores a new ``container``. Returns
        the container to write into."""
        held = self._held
        if not held:
            return container
        if id(container) in held:
            container = _shallow_copy(container)
            if replace is not None:
                replace(container)
        current = container
        for term in terms[:-1]:
            if type(current) is dict and type(term) is str:
                child = current.get(term)
            elif type(current) is list and type(term) is int and -len(current) <= term < len(current):
                child = current[term]
            else:
                break
            if type(child) is not dict and type(child) is not list:
                break
            if id(child) in held:
                child = _shallow_copy(child)
                current[term] = child  # type: ignore[index]
            current = child
        return container


def _shallow_copy(value: Value) -> Value:
    return dict(value) if type(value) is dict else list(value)  # type: ignore[arg-type]
