"""Names and types resolved against the include path (SE001-SE007).

Unknown templates, include kinds that panc refuses, and functions, types and global
variables that nothing on the include path defines. These rules need the ``include-path``
setting (or ``--include-path``); without it they report nothing. They reuse the language
server's analysis (``panc.analysis``), so editor and CI agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from panc.names import BUILTIN_FUNCTIONS
from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule
from panlint.workspace import include_path_schema, workspace_index


def _analysis_findings(rule: Rule, context: LintContext, code: str) -> Iterable[Finding]:
    """The findings of ``panc.analysis.checks`` with diagnostic code ``code``, as ``rule``'s."""
    index = workspace_index(context.options.include_path)
    if index is None or context.ast is None:
        return []
    # Imported here: the index and its checks are loaded only by runs with an include path.
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
    uses_include_path = True

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
    uses_include_path = True
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


SCALAR_ACCEPTS: dict[str, frozenset[str]] = {
    "boolean": frozenset({"boolean"}),
    "long": frozenset({"long"}),
    "double": frozenset({"double", "long"}),
    "number": frozenset({"long", "double"}),
    "string": frozenset({"string"}),
    "property": frozenset({"boolean", "long", "double", "string"}),
    "list": frozenset({"list"}),
    "dict": frozenset({"dict"}),
    "nlist": frozenset({"dict"}),
    "resource": frozenset({"list", "dict"}),
}
"""Builtin type -> the kinds of constant value it can hold (``double`` is given the benefit of
the doubt for longs). ``element`` accepts anything and is left out: it never mismatches."""

MAX_ALIASES = 12


def value_kind(value: ast.Node) -> str | None:
    """The kind of a value known without evaluating it: a constant or a ``list()``/``dict()``."""
    if isinstance(value, ast.Literal):
        constant = value.value
        if isinstance(constant, bool):
            return "boolean"
        if isinstance(constant, int):
            return "long"
        if isinstance(constant, float):
            return "double"
        if isinstance(constant, str):
            return "string"
        return None  # undef and null fit anywhere until validation
    if isinstance(value, ast.Call) and value.name in ("list", "dict", "nlist"):
        return "list" if value.name == "list" else "dict"
    return None


def accepted_kinds(type_name: str, index: Any) -> frozenset[str] | None:
    """What a type (by name, maybe with a ``[]``/``{}`` suffix) accepts; ``None`` if unknown."""
    from panc.analysis.references import OccurrenceKind  # pylint: disable=import-outside-toplevel

    name = type_name.replace(" ", "")
    for _ in range(MAX_ALIASES):
        if name.endswith("[]"):
            return frozenset({"list"})
        if name.endswith("{}"):
            return frozenset({"dict"})
        if name.endswith("*"):
            return frozenset({"string"})
        if name == "element":
            return None
        if name in SCALAR_ACCEPTS:
            return SCALAR_ACCEPTS[name]
        declarations = index.declarations(OccurrenceKind.TYPE, name)
        if len(declarations) != 1:
            return None
        text = declarations[0].type_text.lstrip()
        if text.startswith(("{", "extensible")):
            return frozenset({"dict"})
        if text.startswith("choice"):
            return frozenset({"string"})
        if not declarations[0].includes:
            return None
        name = declarations[0].includes[0].replace(" ", "")
    return None


class BoundTypeMismatch(Rule):
    """A constant assigned to a path whose bound type cannot hold it: ``'/a/port' = 'http';``
    where ``bind`` (or a record field) says ``/a/port`` is a ``long``.

    Only what is certain without compiling is reported: the value is a constant (or a
    ``list()``/``dict()``), every type bound at the path is known, and none of them accepts
    that kind of value (``with`` clauses and ranges are left to panc's validation).
    """

    id = "SE007"
    name = "bound-type-mismatch"
    level = Level.ERROR
    summary = "Value cannot have the type bound to its path"
    needs_ast = True
    uses_include_path = True

    def check(self, context: LintContext) -> Iterable[Finding]:
        schema = include_path_schema(context.options.include_path)
        if schema is None:
            return
        accepted_by: dict[str, frozenset[str] | None] = context.shared.setdefault(self.id, {})
        for statement in context.ast.statements:
            if not isinstance(statement, ast.Assignment) or not statement.path.startswith("/"):
                continue
            kind = value_kind(statement.value)
            if kind is None:
                continue
            terms = tuple(term for term in statement.path.split("/") if term)
            types = set(schema.types_at(terms))
            for name in types - accepted_by.keys():
                accepted_by[name] = accepted_kinds(name, schema.index)
            accepted = [accepted_by[name] for name in types]
            if not types or any(kinds is None or kind in kinds for kinds in accepted):
                continue
            bound = " or ".join(sorted(types))
            message = f"A {kind} cannot be stored at {statement.path} (bound type: {bound})"
            yield self.finding(statement.value.span, message)


RULES = (
    UnknownTemplate,
    WrongIncludeKind,
    UndefinedFunction,
    UndefinedType,
    UndefinedVariable,
    UnusedDeclaration,
    BoundTypeMismatch,
)
