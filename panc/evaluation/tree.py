"""Reading and writing a profile tree by path, with panc's replacement rule and final flags.

The tree is made of plain dicts and lists (see ``values``). Paths are tuples of terms
(``str`` keys, ``int`` indexes). Helpers raise ``EvalFailure``; the statement that called
them adds its position.
"""

from __future__ import annotations

from collections.abc import Sequence

from panc.evaluation.control import EvalFailure
from panc.evaluation.resources import check_replacement, rget, rput
from panc.evaluation.terms import Term, format_path
from panc.evaluation.values import NULL, UNDEF, Value, java_string_key, java_type, type_name


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()
"""Returned by lookups when a path or child does not exist (distinct from ``UNDEF``)."""


def fresh_container(next_term: Term) -> Value:
    """The resource a missing parent becomes: a list before an index, else a dict."""
    return [] if type(next_term) is int else {}


def child_of(node: Value, term: Term) -> Value:
    """The child ``term`` of ``node`` or ``MISSING`` (also for a term of the wrong kind)."""
    tn = type(node)
    if tn is dict:
        if type(term) is str:
            return node.get(term, MISSING)
        return MISSING
    if tn is list:
        if type(term) is int:
            if term < 0:
                term += len(node)
                if term < 0:
                    return MISSING
            if term < len(node):
                return node[term]
        return MISSING
    return MISSING


def lookup(root: Value, terms: Sequence[Term]) -> Value:
    """The value at ``terms`` below ``root``, or ``MISSING``."""
    node = root
    for term in terms:
        node = child_of(node, term)
        if node is MISSING:
            return MISSING
    return node


def _wrong_term(node: Value, term: Term) -> EvalFailure:
    if type(node) is dict:
        return EvalFailure(f"cannot use list index {term} on a dict")
    if type(node) is list:
        return EvalFailure(f"cannot use key '{term}' on a list")
    return EvalFailure(f"cannot add child to element of type {type_name(node)}")


def descend(node: Value, term: Term, next_term: Term) -> Value:
    """The child ``term`` of ``node``, created as a container for ``next_term`` if missing."""
    tn = type(node)
    if tn is dict:
        if type(term) is not str:
            raise _wrong_term(node, term)
        child = node.get(term, MISSING)
        if child is MISSING or child is UNDEF or child is NULL:
            child = fresh_container(next_term)
            node[term] = child
        return child
    if tn is list:
        if type(term) is not int:
            raise _wrong_term(node, term)
        index = list_index(node, term)
        if index >= len(node):
            node.extend([UNDEF] * (index - len(node)))
            child = fresh_container(next_term)
            node.append(child)
            return child
        child = node[index]
        if child is UNDEF or child is NULL:
            child = fresh_container(next_term)
            node[index] = child
        return child
    raise _wrong_term(node, term)


_JAVA_INT_MAX = 2**31 - 1


def list_index(node: list[Value], term: int) -> int:
    """A list index with negative values counted from the end (never auto-extending)."""
    if term >= _JAVA_INT_MAX:  # Java lists are int-indexed; padding further could only exhaust memory
        raise EvalFailure(f"list index {term} is too large")
    if term < 0:
        index = term + len(node)
        if index < 0:
            raise EvalFailure(f"index {term} is out of bounds for a list of size {len(node)}")
        return index
    return term


def set_child(node: Value, term: Term, value: Value) -> None:
    """Set (or with ``NULL`` delete) the child ``term`` of a resource, checking replacement."""
    tn = type(node)
    if tn is dict:
        if type(term) is not str:
            raise _wrong_term(node, term)
        old = node.get(term, MISSING)
        if value is NULL:
            if old is not MISSING:
                del node[term]
            return
        if old is not MISSING:
            check_replacement(old, value)
        node[term] = value
        return
    if tn is list:
        if type(term) is not int:
            raise _wrong_term(node, term)
        index = list_index(node, term)
        size = len(node)
        if value is NULL:
            if index < size:
                del node[index]
            return
        if index < size:
            check_replacement(node[index], value)
            node[index] = value
        else:
            node.extend([UNDEF] * (index - size))
            node.append(value)
        return
    raise _wrong_term(node, term)


class Tree:
    """A profile root with panc's final flags (``J:utils/FinalFlags``).

    ``finals`` holds the final paths; ``final_below`` maps every proper ancestor of a final
    path to the final paths beneath it. A path is final when it, an ancestor or a
    descendant was marked final.
    """

    __slots__ = ("final_below", "finals", "root")

    def __init__(self, root: dict[str, Value] | None = None) -> None:
        self.root: dict[str, Value] = root if root is not None else {}
        self.finals: set[tuple[Term, ...]] = set()
        self.final_below: dict[tuple[Term, ...], list[tuple[Term, ...]]] = {}

    def get(self, terms: Sequence[Term]) -> Value:
        return lookup(self.root, terms)

    def get_element(self, terms: tuple[Term, ...]) -> Value | None:
        """panc's ``getElement(path, false)``: the value or ``None``; ``InvalidTerm`` for a term
        of the wrong kind on the way (a property on the way gives ``None``)."""
        return rget(self.root, terms, 0, True)

    def put_element(self, terms: tuple[Term, ...], value: Value) -> None:
        """panc's ``putElement``: store (``NULL``: remove) creating parents; the root must stay
        a dict. Raises ``EvalFailure`` or ``InvalidTerm``."""
        if not terms:
            self.replace_root(value)
            return
        rput(self.root, terms, 0, value)

    def is_final(self, terms: tuple[Term, ...]) -> bool:
        """panc's ``isFinal``: ``terms`` or an ancestor is final, or it has a final descendant."""
        if not self.finals:
            return False
        for length in range(len(terms) + 1):
            if terms[:length] in self.finals:
                return True
        return terms in self.final_below

    def final_reason(self, terms: tuple[Term, ...]) -> str:
        """panc's ``getFinalReason``: which final path forbids modifying ``terms``."""
        shown = format_path(terms)
        for length in range(len(terms) + 1):
            prefix = terms[:length]
            if prefix in self.finals and length:
                return f"{shown} cannot be modified; {format_path(prefix)} is marked as final"
        below = self.final_below.get(terms)
        if below:
            first = min(below, key=_final_order)
            return f"{shown} cannot be modified; {format_path(first)} is marked as final"
        return "null"

    def mark_final(self, terms: tuple[Term, ...]) -> None:
        if terms in self.finals:
            return
        self.finals.add(terms)
        for length in range(len(terms)):
            self.final_below.setdefault(terms[:length], []).append(terms)

    def replace_root(self, value: Value) -> None:
        if value is NULL or value is None:
            raise EvalFailure("cannot set root element to null")
        if type(value) is not dict:
            raise EvalFailure(f"root element cannot be replaced by element of type {java_type(value)}")
        self.root = value

    # ------------------------------------------------------------------ for the debugger

    def check_writable(self, terms: tuple[Term, ...]) -> None:
        """Refuse to touch a final path, its descendants or its ancestors."""
        if self.is_final(terms):
            raise EvalFailure(self.final_reason(terms))

    def ensure(self, terms: tuple[Term, ...]) -> Value:
        """The current value at ``terms``, after creating it as undef (with parents) if absent."""
        current = self.get_element(terms)
        if current is None:
            self.put_element(terms, UNDEF)
            return UNDEF
        return current

    def put(self, terms: tuple[Term, ...], value: Value) -> None:
        """Write ``value`` at ``terms`` (``NULL`` deletes), creating missing parents."""
        self.put_element(terms, value)


def _final_order(terms: tuple[Term, ...]) -> tuple[tuple[int, Term], ...]:
    """panc's order of final descendants (``TreeMap`` of terms: indexes before keys; the first
    in that order is the one its message names)."""
    return tuple((0, term) if type(term) is int else (1, java_string_key(term)) for term in terms)
