"""DML typed by a debugger user, compiled with the real parser and DmlCompiler."""

from __future__ import annotations

import pytest

from panc.diagnostics import PanError, PanParseError
from panc.evaluation.constant import evaluate_constant
from panc.evaluation.snippets import compile_snippet
from panc.source import Span

_SPAN = Span("<evaluate>", 1, 1, 1, 1)


def test_the_value_is_that_of_the_last_statement() -> None:
    code = compile_snippet("x = 2;\nx * 21", "site/base")
    assert evaluate_constant(code, _SPAN) == 42


def test_errors_are_located_in_the_lines_typed() -> None:
    with pytest.raises(PanParseError) as caught:
        compile_snippet("1 +\n+ )", "t")
    assert caught.value.span is not None and caught.value.span.start_line == 2


@pytest.mark.parametrize("text", ["", "  \n", "1 }; '/b' = { 2", "1 };\nvariable X = { 2"])
def test_only_dml_is_accepted(text: str) -> None:
    with pytest.raises(PanError):
        compile_snippet(text, "t")
