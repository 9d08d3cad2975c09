"""Paths computed at run time (``value``, ``exists``, ``bind`` with ``${VAR}``...) are read by the
one path parser of the syntax layer; the evaluator only memoises and reports its errors as
evaluation failures."""

from __future__ import annotations

import pytest

from panc.evaluation.control import EvalFailure
from panc.evaluation.terms import parse_path_text
from panc.syntax.paths import PathSyntaxError, TermError, parse_path


@pytest.mark.parametrize(
    "text",
    ["/a/b/0", "a/-1", "+foo:/a", "-foo:a", "tpl:", "/a/{b/c}", "/", ".foo:/a", "/0", "", "/a//b", "/a/{b"],
)
def test_the_evaluator_reads_paths_with_the_same_parser(text: str) -> None:
    try:
        parsed = parse_path(text)
    except (PathSyntaxError, TermError) as error:
        with pytest.raises(EvalFailure) as failure:
            parse_path_text(text)
        assert failure.value.message == str(error)
    else:
        assert parse_path_text(text) == (parsed.template, not parsed.is_relative, parsed.terms)
