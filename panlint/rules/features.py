"""Feature templates stand alone (FT001, opt-in)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from panc.analysis.walk import walk
from panc.names import PREDEFINED_VARIABLES
from panc.syntax import ast
from panlint.context import LintContext
from panlint.findings import Finding, Level
from panlint.rule import Rule
from panlint.rules.includes import static_include_name

GUARDS = ("is_defined", "exists", "is_null")
"""Calls whose variable argument may be absent: reading it there is a test, not a dependency."""


def is_feature_template(name: str | None) -> bool:
    return bool(name) and (name.startswith("features/") or "/features/" in name)


def _locals(expression: ast.Node) -> set[str]:
    names: set[str] = set()
    for node in walk(expression):
        if isinstance(node, ast.Assign):
            target = node.target
            while isinstance(target, ast.Index):
                target = target.base
            names.add(target.name)
        elif isinstance(node, ast.Foreach):
            names.update((node.key_name, node.value_name))
    return names


def _global_reads(statement: ast.Node) -> Iterator[ast.Variable]:
    """Variables read by a statement's DML that are neither its locals nor automatic."""
    local = _locals(statement)
    guarded: set[int] = set()
    for node in walk(statement):
        if isinstance(node, ast.Call) and node.name in GUARDS:
            guarded.update(id(arg) for arg in node.args if isinstance(arg, ast.Variable))
    for node in walk(statement):
        if (
            isinstance(node, ast.Variable)
            and id(node) not in guarded
            and node.name not in local
            and node.name not in PREDEFINED_VARIABLES
        ):
            yield node


class FeatureStandalone(Rule):
    """A feature template (``features/...``) can be included on its own.

    It reads no global variable that neither it (``variable X ?= default;``) nor a template
    it includes (found on the configured include path) defines; tests with ``is_defined``
    or ``exists`` are fine. Opt-in: enable with ``--feature-templates-standalone`` or by
    selecting FT001.
    """

    id = "FT001"
    name = "feature-template-standalone"
    level = Level.WARNING
    summary = "Feature template depends on a global variable it does not define"
    needs_ast = True
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
    """Globals defined by the template and, transitively, by what it includes statically."""
    # Imported here: the runner imports the rules, and this is the only rule that parses others.
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    defined: set[str] = set()
    seen: set[str] = set()
    pending = [tree]
    while pending:
        current = pending.pop()
        for statement in current.statements:
            if isinstance(statement, ast.VariableStatement):
                defined.add(statement.name)
            elif isinstance(statement, ast.Include):
                name = static_include_name(statement)
                if name is None or name in seen:
                    continue
                seen.add(name)
                source = _find_template(name, include_path)
                if source is None:
                    continue
                result = parse(source.read_text(encoding="utf-8", errors="replace"), str(source))
                if result.ast is not None:
                    pending.append(result.ast)
    return defined


def _find_template(name: str, include_path: tuple[str, ...]) -> Path | None:
    for directory in include_path:
        candidate = Path(directory) / f"{name}.pan"
        if candidate.is_file():
            return candidate
    return None


RULES = (FeatureStandalone,)
