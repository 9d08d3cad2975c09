"""Names resolved against the include path (SE001-SE006).

Unknown templates, include kinds that panc refuses, and functions, types and global
variables that nothing on the include path defines. These rules need the ``include-path``
setting (or ``--include-path``); without it they report nothing. They reuse the language
server's analysis (``panc.analysis``), so editor and CI agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from panc.syntax import ast
from panlint.builtin_names import BUILTIN_FUNCTIONS
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule
from panlint.workspace import workspace_index


def _analysis_findings(rule: Rule, context: LintContext, code: str) -> Iterable[Finding]:
    """The findings of ``panc.analysis.checks`` with diagnostic code ``code``, as ``rule``'s."""
    index = workspace_index(context.options.include_path)
    if index is None or context.ast is None:
        return []
    # Imported here: panc.analysis is loaded only by runs with an include path.
    from panc.analysis.checks import semantic_diagnostics  # pylint: disable=import-outside-toplevel
    from panc.analysis.references import template_occurrences  # pylint: disable=import-outside-toplevel

    diagnostics = context.shared.get(__name__)
    if diagnostics is None:
        occurrences = template_occurrences(context.ast)
        diagnostics = semantic_diagnostics(context.ast, occurrences, index, BUILTIN_FUNCTIONS)
        context.shared[__name__] = diagnostics
    return [
        rule.finding(diagnostic.span._replace(file=context.path), diagnostic.message)
        for diagnostic in diagnostics
        if diagnostic.code == code
    ]


class _AnalysisRule(Rule):
    """A rule that reports one kind of ``panc.analysis`` diagnostic."""

    analysis_code: ClassVar[str]
    needs_ast = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        return _analysis_findings(self, context, self.analysis_code)


class UnknownTemplate(_AnalysisRule):
    """An ``include`` (or ``create``) names a template that is not on the include path.

    panc fails when the statement runs. ``if_exists(...)`` lookups are not reported.
    """

    id = "SE001"
    name = "unknown-template"
    level = Level.ERROR
    summary = "Template not found on the include path"
    analysis_code = "unknown-template"


class WrongIncludeKind(_AnalysisRule):
    """A template includes a template of a kind it may not include (panc's include matrix).

    Object, ordinary and unique templates include ordinary, unique and declaration
    templates; structure templates include structure and declaration templates;
    declaration templates include only declaration templates; ``create()`` needs a
    structure template.
    """

    id = "SE002"
    name = "wrong-include-kind"
    level = Level.ERROR
    summary = "Template kind cannot be included here"
    analysis_code = "wrong-include-kind"


class UndefinedFunction(_AnalysisRule):
    """A call of a function that is neither builtin nor defined on the include path."""

    id = "SE003"
    name = "undefined-function"
    level = Level.ERROR
    summary = "Undefined function"
    analysis_code = "undefined-function"


class UndefinedType(_AnalysisRule):
    """A type name that is neither builtin nor defined on the include path."""

    id = "SE004"
    name = "undefined-type"
    level = Level.ERROR
    summary = "Undefined type"
    analysis_code = "undefined-type"


class UndefinedVariable(_AnalysisRule):
    """A global variable that no template on the include path defines.

    Names assigned in the same DML are locals and automatic variables (``SELF``,
    ``ARGV``...) are always defined, so neither is reported.
    """

    id = "SE005"
    name = "undefined-variable"
    level = Level.WARNING
    summary = "Undefined global variable"
    analysis_code = "undefined-variable"


class UnusedDeclaration(Rule):
    """A type or function of a declaration template that no template on the include path uses.

    Opt-in: a library's declarations are often used only by the sites that include it.
    """

    id = "SE006"
    name = "unused-declaration"
    level = Level.INFO
    summary = "Type or function is never used"
    needs_ast = True
    enabled_by_default = False

    def check(self, context: LintContext) -> Iterable[Finding]:
        index = workspace_index(context.options.include_path)
        if index is None or context.ast.kind != "declaration":
            return
        from panc.analysis.references import OccurrenceKind  # pylint: disable=import-outside-toplevel

        for statement in context.ast.statements:
            if isinstance(statement, ast.TypeStatement):
                kind, what = OccurrenceKind.TYPE, "type"
            elif isinstance(statement, ast.FunctionStatement):
                kind, what = OccurrenceKind.FUNCTION, "function"
            else:
                continue
            used = any(
                not occurrence.declaration for _, occurrence in index.occurrences(kind, statement.name)
            )
            if not used:
                yield self.finding(statement.name_span, f"The {what} {statement.name} is never used")


RULES = (
    UnknownTemplate,
    WrongIncludeKind,
    UndefinedFunction,
    UndefinedType,
    UndefinedVariable,
    UnusedDeclaration,
)
