"""Errors as editors show them: one line of at most 120 characters, panc's full text beside it.

The CLI prints panc's own text (a grammar error is a blank line, ``Encountered: ...`` and up to
twenty expected tokens); an editor's problem list and hover show the first line only, so the
language server and the debugger say it in one line (``panc.diagnostics.editor_message``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lsprotocol import types

from panc.analysis.document import analyse_document
from panc.compiler import CompileOptions, Compiler
from panc.diagnostics import EDITOR_LINE_LIMIT, Category, Diagnostic
from panls.convert import converter_for_text

CASES = Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance" / "panc-functional"
_EXPECT = re.compile(r"@expect=(\S+)")
_SYNTAX_EXPECTATIONS = ("org.quattor.pan.exceptions.SyntaxException", "org.quattor.pan.parser.ParseException")


def _entry_templates() -> list[Path]:
    """Every case's entry template (a folder case ``D/`` is entered by ``D/D.pan``)."""
    if not CASES.is_dir():
        return []
    entries = []
    for path in sorted(CASES.rglob("*.pan")):
        folder_case = path.parent.name != path.stem and (path.parent / f"{path.parent.name}.pan").is_file()
        if not folder_case:
            entries.append(path)
    return entries


def _expects_syntax_error(path: Path) -> bool:
    expectations = _EXPECT.findall(path.read_text(errors="replace"))
    return bool(expectations) and expectations[-1].strip('"').startswith(_SYNTAX_EXPECTATIONS)


def _lsp(diagnostic: Diagnostic, text: str) -> types.Diagnostic:
    return converter_for_text(text).diagnostic(diagnostic)


def _errors_of(path: Path) -> list[Diagnostic]:
    """What an editor shows for the case: its syntax diagnostics, else the compile's error."""
    text = path.read_text(errors="replace")
    found = [d for d in analyse_document(str(path), text).syntax_diagnostics if d.category]
    if found:
        return found
    result = Compiler(CompileOptions(include_path=[str(path.parent)])).compile_object(str(path))
    return [result.error.to_diagnostic()] if result.error is not None else []


def _assert_one_line(message: str, where: str) -> None:
    assert "\n" not in message and message.strip() == message, f"{where}: {message!r}"
    assert 0 < len(message) <= EDITOR_LINE_LIMIT, f"{where}: {len(message)} characters"


@pytest.mark.skipif(not CASES.is_dir(), reason="the conformance suite (../shared) is not here")
def test_every_syntax_error_of_the_conformance_suite_is_one_short_line() -> None:
    cases = [path for path in _entry_templates() if _expects_syntax_error(path)]
    assert len(cases) >= 40
    grammar_errors = 0
    for path in cases:
        errors = _errors_of(path)
        assert errors, f"{path}: no error"
        text = path.read_text(errors="replace")
        for error in errors:
            shown = _lsp(error, text)
            _assert_one_line(shown.message, str(path))
            if error.message.startswith("\nEncountered: "):
                grammar_errors += 1
                assert shown.message.startswith("expected ") and shown.related_information
                assert shown.related_information[0].message.startswith("expected one of: ")
    assert grammar_errors >= 5


@pytest.mark.skipif(not CASES.is_dir(), reason="the conformance suite (../shared) is not here")
def test_half_typed_templates_give_one_line_errors() -> None:
    """Every case cut short at three places, as when typing: each error is one short line."""
    checked = 0
    for path in _entry_templates():
        text = path.read_text(errors="replace")
        for cut in (len(text) // 3, len(text) // 2, 2 * len(text) // 3):
            partial = text[:cut]
            for error in analyse_document(str(path), partial).syntax_diagnostics:
                _assert_one_line(_lsp(error, partial).message, f"{path} cut at {cut}")
                checked += 1
    assert checked >= 300


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("'/a' = f(1;\n", "expected ')' or ',' before ';'"),
        ("'/a' = 1 +;\n", "expected an expression before ';'"),
        ("'/a' = 'x' 'y';\n", "expected ';' before 'y'"),
        ("type t = {\n foo\n};\n", "expected a string, 'include' or '}' before 'foo'"),
        (
            "'/a' = list(1, 2",
            "expected an operator, ')' or ',' at the end of the file",
        ),
    ],
)
def test_grammar_errors_say_what_was_expected_before_what(source: str, line: str) -> None:
    text = "object template x;\n" + source
    [error] = [
        d for d in analyse_document("/tmp/x.pan", text).syntax_diagnostics if d.category is Category.PARSE
    ]
    assert error.message.startswith("\nEncountered: ")  # what the CLI prints stays panc's
    assert _lsp(error, text).message == line


def test_a_missing_template_header_and_a_long_message() -> None:
    errors = analyse_document("/tmp/x.pan", "").syntax_diagnostics
    assert len(errors) == 1
    error = errors[0]
    assert (
        _lsp(error, "").message
        == "expected a template declaration ('object template NAME;') at the end of the file"
    )
    long = Diagnostic(Category.EVALUATION, "cannot find " + "x" * 300, error.span)
    shown = _lsp(long, "")
    assert len(shown.message) == EDITOR_LINE_LIMIT and shown.message.endswith("…")
