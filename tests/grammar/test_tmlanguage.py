"""The TextMate grammar (grammars/pan.tmLanguage.json) knows the language's names.

The editor grammar lists builtins, keywords, types and automatic variables by hand; these tests keep
those lists in step with the compiler's registry and with the reference inventory.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from panc.builtins import BUILTINS
from panc.names import (
    BUILTIN_FUNCTIONS,
    BUILTIN_TYPES,
    IPV6_EXTENSION_FUNCTIONS,
    KEYWORDS,
    LITERAL_WORDS,
    PREDEFINED_VARIABLES,
)

REPO = Path(__file__).resolve().parents[2]
GRAMMAR = REPO / "grammars" / "pan.tmLanguage.json"
INVENTORY = REPO / ".." / "shared" / "reference" / "pan-inventory.md"


def _grammar() -> dict[str, Any]:
    return json.loads(GRAMMAR.read_text(encoding="utf-8"))


def _alternatives(pattern: str) -> set[str]:
    """The words of the first ``(?:a|b|c)`` group of a regex."""
    match = re.search(r"\(\?:([A-Za-z0-9_|]+)\)", pattern)
    assert match, pattern
    return set(match.group(1).split("|"))


def _keyword_words() -> set[str]:
    words: set[str] = set()
    for rule in _grammar()["repository"]["keywords"]["patterns"]:
        match = re.fullmatch(r"\\b(?:\(\?:)?([a-z|]+)\)?\\b", rule["match"])
        assert match, rule["match"]
        words.update(match.group(1).split("|"))
    return words


def test_grammar_is_the_pan_scope() -> None:
    grammar = _grammar()
    assert grammar["scopeName"] == "source.pan"
    assert set(grammar["fileTypes"]) == {"pan", "tpl"}
    repository = grammar["repository"]
    includes = {p["include"].lstrip("#") for p in repository["statement-items"]["patterns"]}
    assert includes <= set(repository), includes - set(repository)


def test_builtin_functions_cover_the_compiler_registry_and_the_linter() -> None:
    highlighted = _alternatives(_grammar()["repository"]["builtin-functions"]["match"])
    assert set(BUILTINS) <= highlighted, sorted(set(BUILTINS) - highlighted)
    assert set(BUILTIN_FUNCTIONS) <= highlighted, sorted(set(BUILTIN_FUNCTIONS) - highlighted)
    assert highlighted >= IPV6_EXTENSION_FUNCTIONS
    assert len(highlighted) == 64 + len(IPV6_EXTENSION_FUNCTIONS)


def test_builtin_functions_are_those_of_the_inventory() -> None:
    if not INVENTORY.exists():
        pytest.skip("shared/reference is not next to the repository")
    text = INVENTORY.read_text(encoding="utf-8")
    section = text.split("## d. Builtins", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for row in section.splitlines():
        cells = row.split("|")
        if len(cells) > 3 and re.fullmatch(r"\s*\d+(-\d+)?\s*", cells[1]):
            names.update(re.findall(r"`([a-z_0-9]+)\s*[(`]", cells[2]))
            names.update(re.findall(r"\b(is_[a-z]+)\b", cells[2]))
    assert len(names) == 64, sorted(names)
    highlighted = _alternatives(_grammar()["repository"]["builtin-functions"]["match"])
    assert highlighted - IPV6_EXTENSION_FUNCTIONS == names


def test_every_reserved_word_is_a_keyword() -> None:
    reserved = set(KEYWORDS)
    assert len(reserved) == 21
    assert _keyword_words() == reserved
    rules = [re.compile(rule["match"]) for rule in _grammar()["repository"]["constants"]["patterns"]]
    for word in LITERAL_WORDS:
        assert any(rule.fullmatch(word) for rule in rules), word
    assert not any(rule.fullmatch("TRUE") or rule.fullmatch("nil") for rule in rules)


def test_types_and_automatic_variables() -> None:
    repository = _grammar()["repository"]
    assert _alternatives(repository["builtin-types"]["match"]) == BUILTIN_TYPES
    assert _alternatives(repository["automatic-variables"]["match"]) == PREDEFINED_VARIABLES
