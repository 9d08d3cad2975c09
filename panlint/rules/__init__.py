"""All rules, one module per family, in the order reports list them."""

from __future__ import annotations

from panlint.rule import Rule
from panlint.rules import (
    deprecated,
    features,
    header,
    includes,
    messages,
    operators,
    paths,
    punctuation,
    resolution,
    semantics,
    syntax,
    variables,
    whitespace,
)

ALL_RULES: tuple[type[Rule], ...] = tuple(
    sorted(
        (
            *syntax.RULES,
            *header.RULES,
            *whitespace.RULES,
            *punctuation.RULES,
            *operators.RULES,
            *deprecated.RULES,
            *includes.RULES,
            *variables.RULES,
            *messages.RULES,
            *paths.RULES,
            *semantics.RULES,
            *resolution.RULES,
            *features.RULES,
        ),
        key=lambda rule: rule.id,
    )
)

RULES_BY_ID: dict[str, type[Rule]] = {rule.id: rule for rule in ALL_RULES}


def find_rule(key: str) -> type[Rule] | None:
    """A rule by ID (``LP003``, any case) or symbolic name (``trailing-whitespace``)."""
    upper = key.strip().upper()
    if upper in RULES_BY_ID:
        return RULES_BY_ID[upper]
    return next((rule for rule in ALL_RULES if rule.name == key.strip().lower()), None)
