"""Feature templates stand alone (opt-in): no undefined globals (FT001), no other features (FT002)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from panc.analysis.references import Occurrence, OccurrenceKind, statement_occurrences
from panc.names import PREDEFINED_VARIABLES
from panc.syntax import ast
from panlint.compat.catalog import OLD_RULES
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import LineRule, Rule
from panlint.workspace import workspace_index


def is_feature_template(name: str | None) -> bool:
    return bool(name) and (name.startswith("features/") or "/features/" in name)


def _global_reads(statement: ast.Node) -> Iterator[Occurrence]:
    """Globals a statement's DML reads without testing them first (``exists``, ``is_defined``...);
    locals and automatic variables are told apart by ``panc.analysis.references``."""
    for occurrence in statement_occurrences(statement):
        if (
            occurrence.kind is OccurrenceKind.VARIABLE
            and not occurrence.declaration
            and occurrence.role != "guarded"
            and occurrence.name not in PREDEFINED_VARIABLES
        ):
            yield occurrence


class FeatureStandalone(Rule):
    """A feature template (``features/...``) can be included on its own.

    It reads no global variable that neither it (``variable X ?= default;``) nor a template
    it includes (found on the configured include path) defines. A global the same DML tests
    (``exists``, ``is_defined``, ``is_null``, ``is_string``...) is optional, and the variables
    ``first``/``next`` assign are locals. Opt-in: enable with ``--feature-templates-standalone`` or by
    selecting FT001.
    """

    id = "FT001"
    name = "feature-template-standalone"
    level = Level.WARNING
    summary = "Feature template depends on a global variable it does not define"
    needs_ast = True
    uses_include_path = True
    enabled_by_default = False

    def check(self, context: LintContext) -> Iterable[Finding]:
        tree = context.ast
        if not is_feature_template(tree.name):
            return
        defined = _defined_globals(tree, context.options.include_path)
        reported: set[str] = set()
        for statement in tree.statements:
            if isinstance(statement, ast.FunctionStatement | ast.TypeStatement):
                continue
            for variable in _global_reads(statement):
                if variable.name in defined or variable.name in reported:
                    continue
                reported.add(variable.name)
                message = f"Feature template reads global variable {variable.name} that it does not define"
                yield self.finding(variable.span, message)


def _defined_globals(tree: ast.Template, include_path: tuple[str, ...]) -> set[str]:
    """Globals defined by the template and, transitively, by what it includes statically.

    The included templates are looked up in the include path's index (the one the SE rules
    resolve names against), so no template is read or parsed again here.
    """
    defined = {
        statement.name for statement in tree.statements if isinstance(statement, ast.VariableStatement)
    }
    index = workspace_index(include_path)
    if index is None:
        return defined
    pending = [
        name
        for statement in tree.statements
        if isinstance(statement, ast.Include) and (name := statement.static_name) is not None
    ]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        summary = index.template(name)
        if summary is None:
            continue
        defined.update(d.name for d in summary.declarations if d.kind is OccurrenceKind.VARIABLE)
        pending.extend(
            occurrence.name
            for occurrence in summary.occurrences
            if occurrence.kind is OccurrenceKind.TEMPLATE and occurrence.role == "include"
        )
    return defined


class FeatureIncludesOutside(LineRule):
    """A feature template (a file under a ``features`` folder) includes only templates of its
    own feature: ``features/web/config`` may include ``features/web/apache``, not
    ``features/db/client``.

    The old panlint's ``--features_standalone`` check (site policy, so opt-in: that option,
    or selecting FT002). It reads the include lines of code, strings included; the feature
    is the file's folder from ``features`` on.
    """

    id = "FT002"
    name = "feature-include-outside"
    level, summary = OLD_RULES[id]
    enabled_by_default = False


RULES = (FeatureStandalone, FeatureIncludesOutside)
