"""A compact LALR(1) driver over the tables Lark computes for ``pan.lark``.

Lark's own driver looks up each reduction's callback by hashing a ``Rule`` object and wraps
callbacks in several layers; this one flattens the tables to integers once and calls the
builder directly, which halves the parser's time. Rule handling matches Lark's tree builder
for the constructs the grammar uses: an alias or the rule name picks the builder method,
``?rule`` with one child passes the child through, and the helper rules Lark makes for
``x*`` are spliced into their parent's children.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lark import Lark
from lark.grammar import NonTerminal
from lark.parsers.lalr_analysis import Shift

Callback = Callable[[list[Any]], Any]


@dataclass(frozen=True, slots=True)
class Reduction:
    """One grammar rule as the driver needs it."""

    size: int
    callback: Callback | None
    """``None``: pass the only child through (a ``?rule``)."""
    origin: str


class ParseError(Exception):
    """The token cannot follow what was parsed so far; ``expected`` lists what could."""

    def __init__(self, token: Any, expected: set[str]) -> None:
        super().__init__(f"unexpected {token.type}")
        self.token = token
        self.expected = expected


class Tables:
    """Actions per state: ``>= 0`` shift to that state, ``< 0`` reduce by rule ``~action``;
    nonterminal names map to goto states."""

    def __init__(self, parser: Lark, builder: object) -> None:
        table = parser.parser.parser._parse_table  # pylint: disable=protected-access
        rules: list[Reduction] = []
        index_of: dict[int, int] = {}
        self.actions: dict[int, dict[str, int]] = {}
        for state, row in table.states.items():
            actions: dict[str, int] = {}
            for symbol, (action, argument) in row.items():
                if action is Shift:
                    actions[symbol] = argument
                    continue
                key = id(argument)
                if key not in index_of:
                    index_of[key] = len(rules)
                    rules.append(_reduction(argument, builder))
                actions[symbol] = ~index_of[key]
            self.actions[state] = actions
        self.rules = tuple(rules)
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def expected(self, state: int) -> set[str]:
        """The terminals acceptable in ``state``."""
        return {symbol for symbol in self.actions[state] if symbol.isupper() or symbol == "$END"}


class ParserState:
    """The stacks of one parse."""

    __slots__ = ("states", "tables", "values")

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.states: list[int] = [tables.start]
        self.values: list[Any] = []

    def copy(self) -> ParserState:
        other = ParserState(self.tables)
        other.states = list(self.states)
        other.values = list(self.values)
        return other

    def feed(self, token: Any) -> Any:
        """Shift ``token`` after the reductions it triggers; at ``$END``, return the result."""
        kind = token.type
        states = self.states
        values = self.values
        actions = self.tables.actions
        rules = self.tables.rules
        while True:
            action = actions[states[-1]].get(kind)
            if action is None:
                raise ParseError(token, self.tables.expected(states[-1]))
            if action >= 0:
                states.append(action)
                values.append(token)
                return None
            rule = rules[~action]
            size = rule.size
            if size:
                children = values[-size:]
                del values[-size:]
                del states[-size:]
            else:
                children = []
            callback = rule.callback
            value = callback(children) if callback is not None else children[0]
            states.append(actions[states[-1]][rule.origin])
            values.append(value)
            if kind == "$END" and states[-1] == self.tables.end:
                return value


def _reduction(rule: Any, builder: object) -> Reduction:
    """The driver's view of a Lark ``Rule``."""
    size = len(rule.expansion)
    origin = rule.origin.name
    spliced = tuple(
        position
        for position, symbol in enumerate(rule.expansion)
        if isinstance(symbol, NonTerminal) and symbol.name.startswith("_")
    )
    if origin.startswith("_"):
        method: Callback | None = _as_list
    else:
        method = getattr(builder, rule.alias or origin, None)
        if method is None or (rule.options.expand1 and not rule.alias):
            if size != 1 or spliced:
                raise ValueError(f"rule {origin} needs a builder method")
            method = None
    if spliced and method is not None:
        method = _extend_first if method is _as_list and spliced == (0,) else _splicing(method, spliced)
    return Reduction(size, method, origin)


def _as_list(children: list[Any]) -> list[Any]:
    return children


def _extend_first(children: list[Any]) -> list[Any]:
    """A left-recursive helper rule: append to the list its first child already is."""
    items = children[0]
    items.extend(children[1:])
    return items


def _splicing(method: Callback, positions: tuple[int, ...]) -> Callback:
    """Wrap ``method`` so the helper-rule lists at ``positions`` are spliced into the children."""

    def call(children: list[Any]) -> Any:
        flat: list[Any] = []
        for position, child in enumerate(children):
            if position in positions:
                flat.extend(child)
            else:
                flat.append(child)
        return method(flat)

    return call
