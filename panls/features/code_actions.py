"""Code actions: the quick fixes of the diagnostics the client asks about, and "fix all".

A client sends, with the range, the diagnostics it shows there (``context.diagnostics``): the
quick fixes answer those only, a panlint finding's fix or the include a CU001 finding names,
and the first of them is the preferred one (what "auto fix" applies). "Fix all" applies
every mechanical panlint fix of the document.
"""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.syntax import ast
from panlint.findings import Finding
from panlint.fixes import fix_text
from panls.convert import Converter, path_to_uri
from panls.features.formatting import text_edits
from panls.features.linting import lint_config, lint_findings
from panls.session import Session


def code_actions(
    session: Session, doc: DocumentAnalysis, params: types.CodeActionParams
) -> list[types.CodeAction]:
    converter = session.converter(doc.path)
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    if _wants(wanted, types.CodeActionKind.QuickFix) and params.context.diagnostics:
        for finding in lint_findings(doc, session.settings):
            asked = _asked_about(finding, converter, params.context.diagnostics)
            if asked is None:
                continue
            if finding.fix is not None:
                actions.append(_fix_action(doc, converter, finding, asked))
            if finding.missing_include is not None:
                actions.append(_include_action(doc, converter, finding, asked))
        if actions:
            actions[0].is_preferred = True
    if _wants(wanted, types.CodeActionKind.SourceFixAll):
        outcome = fix_text(doc.text, doc.path, lint_config(session.settings))
        edits = text_edits(doc.text, outcome.text)
        if edits:
            actions.append(
                types.CodeAction(
                    title="Fix all panlint findings that have a mechanical fix",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=types.WorkspaceEdit(changes={params.text_document.uri: edits}),
                )
            )
    return actions


def _wants(only: list[str] | None, kind: str) -> bool:
    return not only or any(kind == want or kind.startswith(want + ".") for want in only)


def _asked_about(
    finding: Finding, converter: Converter, diagnostics: list[types.Diagnostic]
) -> types.Diagnostic | None:
    """The diagnostic of the request that ``finding`` was published as, if any."""
    finding_range = converter.range(finding.span)
    for diagnostic in diagnostics:
        if diagnostic.code == finding.rule_id and diagnostic.range == finding_range:
            return diagnostic
    return None


def _fix_action(
    doc: DocumentAnalysis, converter: Converter, finding: Finding, diagnostic: types.Diagnostic
) -> types.CodeAction:
    assert finding.fix is not None
    edits = [
        types.TextEdit(
            range=types.Range(
                converter.position(e.line, e.column), converter.position(e.end_line, e.end_column)
            ),
            new_text=e.text,
        )
        for e in finding.fix.edits
    ]
    return types.CodeAction(
        title=f"{finding.fix.description} ({finding.rule_id})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={_uri(doc): edits}),
    )


def _include_action(
    doc: DocumentAnalysis, converter: Converter, finding: Finding, diagnostic: types.Diagnostic
) -> types.CodeAction:
    template = finding.missing_include
    line = _include_line(doc)
    position = converter.position(line + 1, 1)
    return types.CodeAction(
        title=f"Include '{template}' ({finding.message})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(
            changes={
                _uri(doc): [
                    types.TextEdit(range=types.Range(position, position), new_text=f"include '{template}';\n")
                ]
            }
        ),
    )


def _include_line(doc: DocumentAnalysis) -> int:
    """The 1-based line after which a new include goes: after the last include, else the header."""
    template = doc.ast
    if template is None:
        return 1
    last = template.name_span.end_line if template.name_span else 1
    for statement in template.statements:
        if isinstance(statement, ast.Include):
            last = statement.span.end_line
    return last


def _uri(doc: DocumentAnalysis) -> str:
    return path_to_uri(doc.path)
