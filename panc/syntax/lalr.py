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
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from lark import Lark

Callback = Callable[[list[Any]], Any]


class Reduction(NamedTuple):
    """One grammar rule as the driver needs it (a tuple: the driver unpacks it)."""

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


RuleData = tuple[int, str | None, tuple[int, ...], str]
"""A rule as stored: size, builder method (``None``: pass the child through; ``"[]"``: a
helper rule making a list), child positions to splice, origin nonterminal."""


def extract_tables(parser: Lark) -> dict[str, Any]:
    """Lark's LALR tables for ``parser`` as plain data (picklable, no Lark objects)."""
    # pylint: disable-next=import-outside-toplevel  # only needed when the grammar changed
    from lark.parsers.lalr_analysis import Shift

    table = parser.parser.parser._parse_table  # pylint: disable=protected-access
    rules: list[RuleData] = []
    index_of: dict[int, int] = {}
    actions: dict[int, dict[str, int]] = {}
    for state, row in table.states.items():
        encoded: dict[str, int] = {}
        for symbol, (action, argument) in row.items():
            symbol = str(symbol)  # Lark may hand out its own str subclasses
            if action is Shift:
                encoded[symbol] = int(argument)
                continue
            key = id(argument)
            if key not in index_of:
                index_of[key] = len(rules)
                rules.append(_rule_data(argument))
            encoded[symbol] = ~index_of[key]
        actions[int(state)] = encoded
    return {
        "actions": actions,
        "rules": rules,
        "start": int(table.start_states["start"]),
        "end": int(table.end_states["start"]),
    }


def _rule_data(rule: Any) -> RuleData:
    # pylint: disable-next=import-outside-toplevel
    from lark.grammar import NonTerminal

    origin = rule.origin.name
    spliced = tuple(
        position
        for position, symbol in enumerate(rule.expansion)
        if isinstance(symbol, NonTerminal) and symbol.name.startswith("_")
    )
    if origin.startswith("_"):
        method: str | None = "[]"
    elif rule.options.expand1 and not rule.alias:
        method = None
    else:
        method = rule.alias or origin
    return (len(rule.expansion), None if method is None else str(method), spliced, str(origin))


class Tables:
    """Actions per state: ``>= 0`` shift to that state, ``< 0`` reduce by rule ``~action``;
    nonterminal names map to goto states. Built from ``extract_tables`` data and a builder
    whose methods are the rules' callbacks."""

    def __init__(self, data: dict[str, Any], builder: object) -> None:
        self.actions: dict[int, dict[str, int]] = data["actions"]
        self.rules = tuple(_reduction(rule, builder) for rule in data["rules"])
        self.start: int = data["start"]
        self.end: int = data["end"]

    def expected(self, state: int) -> set[str]:
        """The terminals acceptable in ``state``."""
        return {symbol for symbol in self.actions[state] if symbol.isupper() or symbol == "$END"}

    def viable(self, states: list[int]) -> set[str]:
        """The terminals the parse with state stack ``states`` can go on with: those of the top
        state whose reductions end in a shift. LALR merges the lookaheads of every context a
        state serves; trying each one on the real stack keeps those of this context only
        (as an LL parser such as panc's reports them)."""
        found = set()
        actions = self.actions
        rules = self.rules
        for symbol in self.expected(states[-1]):
            stack = list(states)
            while True:
                action = actions[stack[-1]].get(symbol)
                if action is None:
                    break
                if action >= 0 or (symbol == "$END" and stack[-1] == self.end):
                    found.add(symbol)
                    break
                rule = rules[~action]
                if rule.size:
                    del stack[-rule.size :]
                goto = actions[stack[-1]].get(rule.origin)
                if goto is None:
                    break
                stack.append(goto)
                if symbol == "$END" and goto == self.end:
                    found.add(symbol)
                    break
        return found or self.expected(states[-1])


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
                raise ParseError(token, self.tables.viable(states))
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


def _reduction(rule: RuleData, builder: object) -> Reduction:
    """The driver's view of one rule, bound to ``builder``."""
    size, name, spliced, origin = rule
    method: Callback | None
    if name is None:
        if size != 1 or spliced:
            raise ValueError(f"rule {origin} needs a builder method")
        method = None
    elif name == "[]":
        method = _as_list
    else:
        method = getattr(builder, name)
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
