"""Literals that broke the compiler (issue 13) are pan errors.

The cases the Java panc answers with a pan error are oracle cases (``tests/oracle/cases``:
``digits-path-term``, ``escape-*``, ``format-*-beyond-int``); here, what it answers with a Java
stack trace.
"""

from __future__ import annotations

import pytest

from panc.syntax import parse


@pytest.mark.parametrize("digits", [30, 4300, 5000, 100_000])
def test_a_long_literal_of_any_length_is_out_of_range(digits: int) -> None:
    # The Java panc fails with an "unexpected system exception" (a Java stack trace) from 20 digits
    # on; ours reports them all as the syntax error it gives a 20-digit literal.
    number = "1" * digits
    result = parse(f"object template x;\n'/a' = {number};\n", "x.pan")
    (diagnostic,) = result.diagnostics
    assert diagnostic.category.name == "SYNTAX"
    assert diagnostic.message == f"long literal out of range ({number})"
