"""Expressions nested hundreds of levels deep (issue 13): ``panlint --fix`` compares meanings
without recursion (panlint.equivalence), and the tools give answers, not RecursionError."""

from __future__ import annotations

from panc.syntax import parse
from panlint.config import Config
from panlint.equivalence import meaning
from panlint.fixes import fix_text

DEPTH = 3000


def _deep(depth: int) -> str:
    return "(" * depth + "1" + ")" * depth


def test_fix_of_a_template_with_deep_expressions() -> None:
    chain = " + ".join(["1"] * DEPTH)  # a binary tree 3,000 levels deep
    text = f"unique template deep;\n'/a' = {_deep(1000)};   \n'/b' = nlist('a', 1);\n'/c' = {chain};\n"
    outcome = fix_text(text, "deep.pan", Config(select=("ALL",)))
    expected = f"unique template deep;\n'/a' = {_deep(1000)};\n'/b' = dict('a', 1);\n'/c' = {chain};\n"
    assert outcome.text == expected


def test_meaning_of_very_deep_and_very_long_expressions() -> None:
    chain = " + ".join(["1"] * DEPTH)
    deep = parse(f"unique template deep;\n'/a' = {_deep(DEPTH)};\n'/c' = {chain};\n", "deep.pan").ast
    same = parse(f"unique template deep;\n'/a' =  {_deep(DEPTH)} ;\n'/c' = {chain};\n", "deep.pan").ast
    other = parse(f"unique template deep;\n'/a' = {_deep(DEPTH)};\n'/c' = {chain} + 2;\n", "deep.pan").ast
    assert meaning(deep) == meaning(same)
    assert meaning(deep) != meaning(other)
