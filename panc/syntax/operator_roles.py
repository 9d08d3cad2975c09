"""Which ``+``, ``-`` and ``*`` tokens join two operands, as the syntax tree says.

One character plays several parts: ``-`` is a sign in ``-1``, ``x = -y``, ``if (c) -1`` and
``long(-1..)``, an operator of two operands in ``a - 1``; ``*`` multiplies or marks a link
type (``string*``). The tokens alone cannot always tell (a ``)`` ends an operand, except the
condition of an ``if``; a link type may be followed by anything a record field may). The
formatter and panlint's spacing check (LC001 with ``--preview``) ask here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from panc.source import Position
from panc.syntax import ast
from panc.syntax.tokens import Token

UNARY, BINARY, LINK = "unary", "binary", "link"
"""The roles of a ``+``, ``-`` or ``*`` token."""
AMBIGUOUS_TYPES = frozenset({"PLUS", "MINUS", "STAR"})
"""The tokens that may be an operator of two operands or something else."""


@dataclass(frozen=True)
class OperatorRoles:
    """Start positions of the tokens that are no operator of two operands."""

    unary: frozenset[Position]
    """``+ - ! ~`` applied to one operand, and the sign of a bound in a range (``long(-1..)``)."""
    link_stars: frozenset[Position]
    """The ``*`` of a link type."""

    def role(self, token: Token) -> str | None:
        """UNARY, BINARY or LINK for a ``+``, ``-`` or ``*`` token; None for any other."""
        if token.type not in AMBIGUOUS_TYPES:
            return None
        start = token.span.start
        if start in self.unary:
            return UNARY
        return LINK if start in self.link_stars else BINARY


def operator_roles(nodes: Iterable[object], code_tokens: Sequence[Token]) -> OperatorRoles:
    """The roles in a template, from its nodes (all of them, or at least its ``Unary``,
    ``LinkOf`` and ``Range`` nodes) and the tokens the grammar sees."""
    unary: set[Position] = set()
    link_stars: set[Position] = set()
    ranges: list[tuple[Position, Position]] = []
    for node in nodes:
        if isinstance(node, ast.Unary):
            unary.add(node.span.start)
        elif isinstance(node, ast.LinkOf):
            link_stars.add(node.span.end)  # the star is the last character of a link type
        elif isinstance(node, ast.Range):
            ranges.append((node.span.start, node.span.end))
    if ranges:
        for tok in code_tokens:
            if tok.type == "MINUS" and any(first <= tok.span.start <= last for first, last in ranges):
                unary.add(tok.span.start)
    return OperatorRoles(frozenset(unary), frozenset(link_stars))
