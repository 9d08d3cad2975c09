"""The messages of ``error()`` and ``debug()``: redundant ``format`` (LP012), non-string (SM003)."""

from __future__ import annotations

from collections.abc import Iterable

from panc.syntax import ast
from panlint.compat.catalog import OLD_RULES
from panlint.context import LintContext
from panlint.findings import Edit, Finding, Fix, Level
from panlint.rule import LineRule, Rule

MESSAGE_FUNCTIONS = ("error", "debug")


class RedundantFormat(LineRule):
    """``error`` and ``debug`` format their arguments themselves: ``error('%s', x)``.

    Since pan 10.4, ``error(fmt, args...)`` and ``debug(fmt, args...)`` apply ``format``;
    wrapping the arguments in ``format(...)`` is redundant. The fix (``--fix``, editors)
    unwraps the call when ``format`` has arguments beyond the format string (with the format
    string alone the two spellings differ: ``format`` would still process ``%%``).
    """

    id = "LP012"
    name = "redundant-format"
    level, summary = OLD_RULES[id]
    fixable = True


def unwrap_format_fixes(context: LintContext) -> dict[int, Fix]:
    """The LP012 fixes of a parsed file, by the line of the redundant ``format``."""
    fixes: dict[int, Fix] = {}
    for node in context.nodes_of(ast.Call):
        if not (node.name in MESSAGE_FUNCTIONS and len(node.args) == 1):
            continue
        inner = node.args[0]
        if not (isinstance(inner, ast.Call) and inner.name == "format" and len(inner.args) > 1):
            continue
        first, last, outer = inner.args[0].span, inner.args[-1].span, inner.span
        fixes[inner.name_span.start_line] = Fix(
            f"Pass the format arguments to {node.name} directly",
            (
                Edit(outer.start_line, outer.start_column, first.start_line, first.start_column, ""),
                Edit(last.end_line, last.end_column + 1, outer.end_line, outer.end_column + 1, ""),
            ),
        )
    return fixes


class NonStringMessage(Rule):
    """The message of ``error()`` is a string.

    ``error(42)`` or ``error(list(...))`` fails at run time with a confusing message of
    its own instead of the intended one. Only literal arguments are judged.
    """

    id = "SM003"
    name = "error-message-not-string"
    level = Level.ERROR
    summary = "The message of error() must be a string"
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        for node in context.nodes_of(ast.Call):
            if node.name != "error":
                continue
            if not node.args:
                yield self.finding(node.span, "error() is called without a message")
                continue
            message = node.args[0]
            literal = isinstance(message, ast.Literal) and not isinstance(message.value, str)
            resource = isinstance(message, ast.Call) and message.name in ("list", "dict", "nlist")
            if literal or resource:
                yield self.finding(message.span)


RULES = (RedundantFormat, NonStringMessage)
