"""Real templates: the template-library-core corpus and panc's functional test cases."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from syntax_support import CONFORMANCE, CORPUS

from panc.syntax import ParseResult, parse

SYNTAX_EXCEPTIONS = ("org.quattor.pan.parser.ParseException", "org.quattor.pan.exceptions.SyntaxException")

# Cases panc rejects at compile time that the parser cannot see: they need the builtins'
# argument checks or constant folding (panc/evaluation/static.py), not the grammar.
NOT_DETECTABLE_WHILE_PARSING = {
    "Functionality/bugs/bug-gh-37.pan": "default value must be a compile-time constant (value())",
    "Functionality/function/file_contents2.pan": "default value must be a compile-time constant",
    "Functionality/bugs/bug-trac-7.pan": "nlist() with a duplicate key, found by folding the call",
    "Functionality/format/format1.pan": "format() argument count",
    "Functionality/function/prepend5.pan": "prepend() argument check",
    "Functionality/function/prepend6.pan": "prepend() argument check",
    "Functionality/function/prepend9.pan": "prepend() argument check",
    "Functionality/is_valid/is_valid10.pan": "is_valid() argument count",
    "Functionality/join/join7.pan": "join() argument check",
    "Functionality/join/join8.pan": "join() argument check",
    "Functionality/key/key6.pan": "first() argument count",
    "Functionality/list/list6.pan": "merge() argument count",
    "Functionality/regexp/regexp4.pan": "match() argument count",
    "Functionality/regexp/regexp5.pan": "matches() argument count",
    "Functionality/statistical/max2.pan": "max() argument count",
    "Functionality/statistical/max4.pan": "max() argument count",
    "Functionality/statistical/min2.pan": "min() argument count",
    "Functionality/statistical/min4.pan": "min() argument count",
    "Functionality/terms/terms1.pan": "a double used as an index, found when the term is evaluated",
    "Functionality/include/include5.pan": "include of a non-string, found by evaluating its DML",
}


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return sorted(CORPUS.rglob("*.pan"))


def _conformance_cases() -> list[tuple[str, str, ParseResult]]:
    """``(relative path, expected exception or '', parse result)`` for every template of the suite."""
    if not CONFORMANCE.is_dir():
        pytest.skip("shared conformance cases not available")
    return _parsed_conformance_cases()


@functools.cache
def _parsed_conformance_cases() -> list[tuple[str, str, ParseResult]]:
    cases = []
    for path in sorted(CONFORMANCE.rglob("*.pan")):
        text = path.read_text(encoding="utf-8", errors="replace")
        expectations = re.findall(r"@expect=(\S+)", text)
        name = path.relative_to(CONFORMANCE).as_posix()
        cases.append((name, expectations[-1] if expectations else "", parse(text, name)))
    return cases


def test_every_corpus_file_parses_without_diagnostics() -> None:
    files = _corpus_files()
    assert len(files) >= 600
    failures = {}
    for path in files:
        result = parse(path.read_text(encoding="utf-8"), str(path))
        if result.diagnostics or result.ast is None or result.ast.kind is None:
            failures[str(path)] = [d.format() for d in result.diagnostics[:2]]
    assert not failures, failures


def test_conformance_cases_without_syntax_errors_parse_cleanly() -> None:
    unexpected = {
        name: [d.format() for d in result.diagnostics]
        for name, expected, result in _conformance_cases()
        if expected not in SYNTAX_EXCEPTIONS
    }
    assert {name: found for name, found in unexpected.items() if found} == {}


def test_conformance_syntax_errors_are_reported() -> None:
    detected, missed = [], []
    for name, expected, result in _conformance_cases():
        if expected in SYNTAX_EXCEPTIONS:
            (detected if result.diagnostics else missed).append(name)
    assert sorted(missed) == sorted(NOT_DETECTABLE_WHILE_PARSING)
    assert len(detected) >= 27


def test_parse_errors_have_parse_category_and_syntax_errors_syntax_category() -> None:
    categories = {}
    for name, expected, result in _conformance_cases():
        if expected in SYNTAX_EXCEPTIONS and name not in NOT_DETECTABLE_WHILE_PARSING:
            categories[name] = (expected.rsplit(".", 1)[1], result.diagnostics[0].category.value)
    mismatched = {
        name: pair
        for name, pair in categories.items()
        if (pair[0] == "ParseException") != (pair[1] == "parse error")
    }
    assert mismatched == {}


_CHARACTERS = "{}()[];'\"\\@#<=-+*/\n EOTx0123456789.:?,!~|&$"


@st.composite
def _mutated_corpus_file(draw: st.DrawFn) -> str:
    files = _MUTATION_SOURCES
    text = files[draw(st.integers(0, len(files) - 1))]
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        position = draw(st.integers(0, len(text) - 1))
        operation = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
        if operation == "delete":
            text = text[:position] + text[position + 1 :]
        elif operation == "insert":
            text = text[:position] + draw(st.sampled_from(_CHARACTERS)) + text[position:]
        elif operation == "duplicate":
            end = min(len(text), position + draw(st.integers(1, 30)))
            text = text[:end] + text[position:end] + text[end:]
        else:
            text = text[:position]
    return text


_MUTATION_SOURCES = (
    [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.pan"))[::25]]
    if CORPUS.is_dir()
    else []
)


@pytest.mark.skipif(not _MUTATION_SOURCES, reason="shared corpus not available")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_corpus_file())
def test_mutated_corpus_files_never_raise(text: str) -> None:
    result = parse(text, "mutated.pan")
    assert result.ast is not None
    assert all("internal parser error" not in d.message for d in result.diagnostics)
    assert all(d.span.start_line >= 1 for d in result.diagnostics)
