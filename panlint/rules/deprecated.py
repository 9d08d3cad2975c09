"""Deprecated builtins (LP004): ``nlist``/``is_nlist`` and the ``nlist`` type."""

from __future__ import annotations

from collections.abc import Iterable

from panc.analysis.sourcetext import name_span_at_start
from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import Rule

REPLACEMENTS = {"nlist": "dict", "is_nlist": "is_dict"}
"""Deprecated name -> its replacement; each pair is the same builtin under two names."""


class NlistToDict(Rule):
    """Use ``dict``/``is_dict`` instead of the deprecated ``nlist``/``is_nlist``.

    ``nlist`` is a deprecated alias of ``dict`` (the function and the type) and ``is_nlist``
    of ``is_dict``; they behave identically, so the fix renames them.
    """

    id = "LP004"
    name = "deprecated-nlist"
    level = Level.WARNING
    summary = "Use dict instead of nlist"
    fixable = True
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for node in context.nodes_of(ast.Call, ast.TypeRef):
            if isinstance(node, ast.Call) and node.name in REPLACEMENTS:
                name, span = node.name, node.name_span
            elif isinstance(node, ast.TypeRef) and node.name == "nlist":
                name, span = node.name, name_span_at_start(node.span, node.name)
            else:
                continue
            new = REPLACEMENTS[name]
            edit = Edit(
                span.start_line, span.start_column, span.start_line, span.start_column + len(name), new
            )
            message = f"Use {new} instead of {name}"
            yield self.finding(span, message, Fix(f"Replace {name} with {new}", (edit,)))


RULES = (NlistToDict,)
