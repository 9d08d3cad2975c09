"""``panc.names`` lists what the implementations define: the builtins, the types, the keywords.

The name lists are written out by hand (so that importing them stays cheap); these tests keep them
equal to the compiler's tables and to the reference inventory.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

# The builtins that need the evaluator (debug, value...) register when this module loads.
import panc.builtins.context  # noqa: F401  # pylint: disable=unused-import
from panc.builtins import BUILTINS
from panc.names import (
    AUTOMATIC_VARIABLES,
    BUILTIN_FUNCTIONS,
    BUILTIN_TYPES,
    DEPRECATED_FUNCTIONS,
    IPV6_EXTENSION_FUNCTIONS,
    KEYWORDS,
    LITERAL_WORDS,
    PREDEFINED_VARIABLES,
    RESERVED_WORDS,
    TYPE_TEST_FUNCTIONS,
)
from panc.types import TypeRegistry

INVENTORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "pan-inventory.md"


def _inventory() -> str:
    if not INVENTORY.exists():
        pytest.skip("shared/reference is not next to the repository")
    return INVENTORY.read_text(encoding="utf-8")


def _first_code_span_after(text: str, marker: str) -> set[str]:
    """The words of the first backquoted span on the inventory line starting with ``marker``."""
    line = next(line for line in text.splitlines() if line.startswith(marker))
    match = re.search(r"`([^`]+)`", line)
    assert match, line
    return set(match.group(1).split())


def test_builtin_functions_are_the_compiler_registry() -> None:
    assert set(BUILTINS) == BUILTIN_FUNCTIONS
    assert len(BUILTIN_FUNCTIONS) == 64 + len(IPV6_EXTENSION_FUNCTIONS)


def test_deprecated_functions_are_those_the_registry_marks() -> None:
    assert {name for name, entry in BUILTINS.items() if entry.deprecated} == DEPRECATED_FUNCTIONS


def test_type_tests_are_the_is_builtins_but_is_valid() -> None:
    assert {name for name in BUILTIN_FUNCTIONS if name.startswith("is_")} - {
        "is_valid"
    } == TYPE_TEST_FUNCTIONS


def test_builtin_types_are_the_type_registry() -> None:
    assert set(TypeRegistry()) == BUILTIN_TYPES


def test_keywords_and_types_are_those_of_the_inventory() -> None:
    text = _inventory()
    assert _first_code_span_after(text, "- [ ] Reserved words (21):") == KEYWORDS
    assert _first_code_span_after(text, "- [ ] Builtin types (11):") | {"nlist"} == BUILTIN_TYPES
    assert len(KEYWORDS) == 21
    assert RESERVED_WORDS == KEYWORDS | LITERAL_WORDS
    assert not RESERVED_WORDS & BUILTIN_FUNCTIONS


def test_automatic_variables() -> None:
    assert {"SELF", "ARGV", "ARGC", "OBJECT", "FUNCTION", "TEMPLATE"} == AUTOMATIC_VARIABLES
    assert {"LOADPATH"} == PREDEFINED_VARIABLES - AUTOMATIC_VARIABLES


def test_importing_the_names_loads_nothing_else() -> None:
    code = "import sys, panc.names; print(sorted(m for m in sys.modules if m.startswith(('panc', 'lark'))))"
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    assert result.stdout.strip() == "['panc', 'panc.names']"
