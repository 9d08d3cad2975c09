"""Reading and writing children of pan resources with panc's exact rules and messages.

panc's ``HashResource``, ``ListResource`` and ``Element`` decide what ``x[0]``, ``x['a']['b'] =
v`` or a profile path does when a term has the wrong kind, a list index is out of range or
a parent is a property: the functions here do the same on our plain ``dict``/``list``
values. A term of the wrong kind raises ``InvalidTerm`` (panc's ``InvalidTermException``),
which the caller turns into panc's message for a variable or a path; the other failures are
``EvalFailure``s with panc's text.

``None`` stands for Java's ``null`` (no such child); ``MISSING`` is not used here.
"""

from __future__ import annotations

from collections.abc import Sequence

from panc.evaluation.control import EvalFailure
from panc.evaluation.values import NULL, UNDEF, Value, java_type

Term = str | int


class InvalidTerm(Exception):
    """A key used on a list or an index used on a dict (panc's ``InvalidTermException``)."""

    def __init__(self, term: Term) -> None:
        super().__init__(str(term))
        self.term = term
        self.error_path = "null"
        self.actual_type = "null"

    def set_info(self, terms: Sequence[Term], position: int, actual_type: str) -> InvalidTerm:
        """Where it happened: the terms up to ``position`` and the type found there."""
        self.actual_type = actual_type
        self.error_path = "/".join(str(term) for term in terms[: position + 1])
        return self

    def variable_message(self, name: str) -> str:
        """panc's ``formatVariableMessage`` for ``name[...]`` (its odd ``error at`` included)."""
        return (
            f"cannot dereference element of type '{self.actual_type}' with term '{self.term}'; "
            f"error at '{name}{self.error_path}' with full path '{name}'"
        )

    def path_message(self, shown: str, prefix: str) -> str:
        """panc's ``formatMessage(path)``: ``prefix`` is ``/`` or ``tpl:`` as the path is."""
        return (
            f"cannot dereference element of type '{self.actual_type}' with term '{self.term}'; "
            f"error at '{prefix}{self.error_path}' with full path '{shown}'"
        )


def check_replacement(old: Value, new: Value) -> None:
    """panc's ``checkValidReplacement``: same kind, or undef/null on either side."""
    if old is UNDEF or old is NULL or new is UNDEF or new is NULL:
        return
    if type(old) is type(new):
        return
    raise EvalFailure(
        f"existing element of type {java_type(old)} cannot be replaced by one of type {java_type(new)}"
    )


def get_child(resource: Value, term: Term) -> Value | None:
    """panc's ``Resource.get``: the child or ``None``; ``InvalidTerm`` for a wrong term kind."""
    if type(resource) is dict:
        if type(term) is not str:
            raise InvalidTerm(term)
        return resource.get(term)
    if type(term) is not int:
        raise InvalidTerm(term)
    index = term + len(resource) if term < 0 else term
    if 0 <= index < len(resource):
        return resource[index]
    return None


def put_child(resource: Value, term: Term, value: Value) -> None:
    """panc's ``Resource.put``: set (``NULL``: remove) a child, checking the replacement."""
    if type(resource) is dict:
        if type(term) is not str:
            raise InvalidTerm(term)
        if value is NULL:
            resource.pop(term, None)
            return
        old = resource.get(term)
        resource[term] = value
        if old is not None:
            check_replacement(old, value)
        return
    if type(term) is not int:
        raise InvalidTerm(term)
    size = len(resource)
    index = term
    if index < 0:
        if index < -size:
            raise EvalFailure(
                f"value {index} is an invalid negative list index (lowest allowed -{size:,})"
            )
        index += size
    if value is NULL:
        if index < size:
            del resource[index]
        return
    if index >= size:
        resource.extend([UNDEF] * (index - size))
        resource.append(value)
        return
    old = resource[index]
    resource[index] = value
    check_replacement(old, value)


def _is_resource(value: Value) -> bool:
    t = type(value)
    return t is dict or t is list


def rget(element: Value, terms: Sequence[Term], position: int, lookup_only: bool) -> Value | None:
    """panc's ``Element.rget``: the descendant at ``terms[position:]`` or ``None``.

    Dereferencing a property, undef or null fails unless ``lookup_only``.
    """
    node = element
    while position < len(terms):
        if not _is_resource(node):
            if lookup_only:
                return None
            raise EvalFailure(f"element of type '{java_type(node)}' cannot be dereferenced")
        try:
            child = get_child(node, terms[position])
        except InvalidTerm as problem:
            raise problem.set_info(terms, position, java_type(node)) from None
        if child is None:
            return None
        node = child
        position += 1
    return node


def rput(element: Value, terms: Sequence[Term], position: int, value: Value) -> None:
    """panc's ``Element.rput``: store ``value`` at ``terms[position:]``, creating parents (a
    dict before a key, a list before an index) where they are missing or undef."""
    node = element
    last = len(terms) - 1
    while True:
        if not _is_resource(node):
            raise EvalFailure(f"cannot add child to element of type {java_type(node)}")
        term = terms[position]
        if position == last:
            try:
                put_child(node, term, value)
            except InvalidTerm as problem:
                raise problem.set_info(terms, position, java_type(node)) from None
            return
        try:
            child = get_child(node, term)
        except InvalidTerm as problem:
            raise problem.set_info(terms, position, java_type(node)) from None
        if child is None or child is UNDEF:
            child = {} if type(terms[position + 1]) is str else []
            put_child(node, term, child)
        node = child
        position += 1


def rget_list(element: Value, terms: Sequence[Term], position: int) -> list[Value]:
    """panc's ``rgetList`` (``append(x[...], v)``): the list at ``terms[position:]``, created
    when missing or undef, with dict/list parents created on the way."""
    node = element
    last = len(terms) - 1
    while True:
        if not _is_resource(node):
            raise EvalFailure(f"element of type '{java_type(node)}' cannot be dereferenced")
        term = terms[position]
        try:
            child = get_child(node, term)
        except InvalidTerm as problem:
            raise problem.set_info(terms, position, java_type(node)) from None
        if position == last:
            if type(child) is list:
                return child
            if child is not None and child is not UNDEF:
                raise EvalFailure(f"referenced variable of type {java_type(child)} is not a list")
            created: list[Value] = []
            put_child(node, term, created)
            return created
        if child is None or child is UNDEF:
            child = {} if type(terms[position + 1]) is str else []
            put_child(node, term, child)
        node = child
        position += 1
