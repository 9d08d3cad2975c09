"""Code actions: panlint quick fixes, "fix all", and the include a CU001 finding names."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.syntax import ast
from panlint.findings import Finding
from panls.convert import Converter, path_to_uri
from panls.features.formatting import format_document
from panls.features.linting import lint_findings
from panls.session import Session


def code_actions(
    session: Session, doc: DocumentAnalysis, params: types.CodeActionParams
) -> list[types.CodeAction]:
    converter = session.converter(doc.path)
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    if _wants(wanted, types.CodeActionKind.QuickFix):
        requested = converter.span(doc.path, params.range)
        for finding in lint_findings(doc, session.settings):
            if finding.span.end_line < requested.start_line or finding.span.start_line > requested.end_line:
                continue
            if finding.fix is not None:
                actions.append(_fix_action(doc, converter, finding))
            if finding.missing_include is not None:
                actions.append(_include_action(doc, converter, finding.missing_include, finding.message))
    if _wants(wanted, types.CodeActionKind.SourceFixAll):
        edits = format_document(session, doc)
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


def _fix_action(doc: DocumentAnalysis, converter: Converter, finding: Finding) -> types.CodeAction:
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
        edit=types.WorkspaceEdit(changes={_uri(doc): edits}),
        is_preferred=True,
    )


def _include_action(doc: DocumentAnalysis, converter: Converter, template: str, why: str) -> types.CodeAction:
    line = _include_line(doc)
    position = converter.position(line + 1, 1)
    return types.CodeAction(
        title=f"Include '{template}' ({why})",
        kind=types.CodeActionKind.QuickFix,
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
