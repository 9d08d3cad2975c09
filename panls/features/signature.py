"""Signature help for builtins and user functions: a user function's parameters come from its
``@param`` tags, else its ``arg = ...`` entries, else the body's use of ``ARGV``."""

from __future__ import annotations

import re

from lsprotocol import types

from panc.analysis.builtin_table import all_builtins
from panc.analysis.cursor import enclosing_call
from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import OccurrenceKind
from panls.session import Session

TRIGGER_CHARACTERS = ["(", ","]
_PARAMETER = re.compile(r"[^,\[\]()]+")


def signature_help(
    session: Session, doc: DocumentAnalysis, position: types.Position
) -> types.SignatureHelp | None:
    line, column = session.converter(doc.path).to_pan(position)
    call = enclosing_call(doc.text, doc.lines.offset(line, column))
    if call is None:
        return None
    declarations = [d for d in doc.declarations if d.kind is OccurrenceKind.FUNCTION and d.name == call.name]
    declarations = declarations or session.index.declarations(OccurrenceKind.FUNCTION, call.name)
    if declarations:
        declaration = declarations[0]
        names = [name for name, _ in declaration.params]
        label = f"{call.name}({', '.join(names)})"
        parameters = _parameters(label, names, [text for _, text in declaration.params])
        signature = types.SignatureInformation(
            label=label,
            parameters=parameters,
            documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=declaration.doc)
            if declaration.doc
            else None,
        )
    elif call.name in all_builtins():
        builtin = all_builtins()[call.name]
        label = builtin.signature
        inside = label[label.find("(") + 1 : label.rfind(")")] if "(" in label else ""
        names = [m.group(0).strip() for m in _PARAMETER.finditer(inside) if m.group(0).strip()]
        signature = types.SignatureInformation(
            label=label, parameters=_parameters(label, names, []), documentation=builtin.doc or None
        )
    else:
        return None
    count = len(signature.parameters or [])
    active = min(call.active_argument, count - 1) if count else 0
    return types.SignatureHelp(signatures=[signature], active_signature=0, active_parameter=active)


def _parameters(label: str, names: list[str], docs: list[str]) -> list[types.ParameterInformation]:
    parameters = []
    search_from = label.find("(") + 1
    for i, name in enumerate(names):
        start = label.find(name, search_from)
        if start < 0:
            parameters.append(types.ParameterInformation(label=name))
            continue
        search_from = start + len(name)
        parameters.append(
            types.ParameterInformation(
                label=(start, start + len(name)), documentation=(docs[i] or None) if i < len(docs) else None
            )
        )
    return parameters
