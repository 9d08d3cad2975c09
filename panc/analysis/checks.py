"""Semantic checks that need the include path but not an evaluation.

Unknown templates in ``include``, wrong include kinds (panc's include matrix), undefined
functions, types and global variables. These are warnings: the compiler only fails on them
when the statement actually runs, and a workspace may lack some external library.
"""

from __future__ import annotations

from collections.abc import Container

from panc.analysis.index import WorkspaceIndex
from panc.analysis.references import Occurrence, OccurrenceKind
from panc.diagnostics import Diagnostic, Severity
from panc.names import BUILTIN_TYPES
from panc.syntax import ast

UNKNOWN_TEMPLATE = "unknown-template"
WRONG_INCLUDE_KIND = "wrong-include-kind"
UNDEFINED_FUNCTION = "undefined-function"
UNDEFINED_TYPE = "undefined-type"
UNDEFINED_VARIABLE = "undefined-variable"


def semantic_diagnostics(
    template: ast.Template, occurrences: list[Occurrence], index: WorkspaceIndex, builtins: Container[str]
) -> list[Diagnostic]:
    """The semantic findings for one parsed template, resolved against ``index``."""
    found: list[Diagnostic] = []
    declared_here = {(occ.kind, occ.name) for occ in occurrences if occ.declaration}
    for occ in occurrences:
        if occ.declaration:
            continue
        if occ.kind is OccurrenceKind.TEMPLATE:
            found.extend(_template_reference(template, occ, index))
            continue
        code = _UNDEFINED.get(occ.kind)
        if code is None or _predefined(occ, builtins):
            continue
        if (occ.kind, occ.name) not in declared_here and not index.declarations(occ.kind, occ.name):
            found.append(_warning(code, f"undefined {occ.kind.value} '{occ.name}'", occ))
    return found


_UNDEFINED = {
    OccurrenceKind.FUNCTION: UNDEFINED_FUNCTION,
    OccurrenceKind.TYPE: UNDEFINED_TYPE,
    OccurrenceKind.VARIABLE: UNDEFINED_VARIABLE,
}
"""The diagnostic code for a name of each kind that nothing declares."""


def _predefined(occ: Occurrence, builtins: Container[str]) -> bool:
    """A builtin function or type, or a global its DML only tests (``exists``, ``is_defined``)."""
    if occ.kind is OccurrenceKind.FUNCTION:
        return occ.name in builtins
    if occ.kind is OccurrenceKind.TYPE:
        return occ.name in BUILTIN_TYPES
    return occ.role == "guarded"


def _template_reference(template: ast.Template, occ: Occurrence, index: WorkspaceIndex) -> list[Diagnostic]:
    if occ.role == "if_exists":
        return []
    target = index.template(occ.name)
    if target is None:
        return [_warning(UNKNOWN_TEMPLATE, f"cannot find template '{occ.name}' on the include path", occ)]
    if target.kind is None:
        return []
    if occ.role == "create":
        if target.kind != "structure":
            return [
                _warning(
                    WRONG_INCLUDE_KIND,
                    f"create() needs a structure template; '{occ.name}' is a {target.kind} template",
                    occ,
                )
            ]
        return []
    allowed = ast.INCLUDABLE_KINDS.get(template.kind or "")
    if allowed is not None and target.kind not in allowed:
        return [
            _warning(
                WRONG_INCLUDE_KIND,
                f"a {template.kind} template cannot include the {target.kind} template '{occ.name}'",
                occ,
            )
        ]
    return []


def _warning(code: str, message: str, occ: Occurrence) -> Diagnostic:
    return Diagnostic(None, message, occ.span, severity=Severity.WARNING, code=code)
