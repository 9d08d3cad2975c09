"""Hover: documentation of what is under the cursor, from annotations and the builtin table."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis import navigation
from panc.analysis.builtin_table import all_builtins
from panc.analysis.declarations import Declaration
from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import Occurrence, OccurrenceKind
from panc.names import BUILTIN_TYPES
from panls.session import Session

AUTOMATIC_DOCS = {
    "SELF": "The current value of the path (or variable) being assigned or validated.",
    "ARGV": "The list of the arguments of the current function call.",
    "ARGC": "The number of arguments of the current function call.",
    "OBJECT": "The name of the object template being compiled.",
    "FUNCTION": "The name of the function being executed.",
    "TEMPLATE": "The name of the template being executed.",
}

BUILTIN_TYPE_DOCS = {
    "boolean": "`true` or `false`.",
    "long": "A 64-bit signed integer; a range `long(low..high)` restricts it.",
    "double": "A 64-bit floating point number.",
    "string": "A string; a range restricts its length.",
    "number": "A `long` or a `double`.",
    "property": "Any scalar: boolean, long, double or string.",
    "resource": "A list or a dict.",
    "element": "Any value.",
    "list": "A list of any values.",
    "dict": "A dict (keys are strings).",
    "nlist": "Deprecated alias of `dict`.",
}

ExtraSections = list[str]


def hover(
    session: Session, doc: DocumentAnalysis, position: types.Position, extra: ExtraSections | None = None
) -> types.Hover | None:
    """The hover card for the name at ``position`` (``extra`` sections are appended, e.g. values)."""
    converter = session.converter(doc.path)
    line, column = converter.to_pan(position)
    occ = doc.occurrence_at(line, column)
    if occ is None:
        return None
    text = describe(session, doc, occ)
    if extra:
        text = "\n\n---\n\n".join([text, *extra]) if text else "\n\n---\n\n".join(extra)
    if not text:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=converter.range(occ.span),
    )


def describe(session: Session, doc: DocumentAnalysis, occ: Occurrence) -> str:
    """Markdown describing ``occ``."""
    if occ.kind is OccurrenceKind.FUNCTION:
        declarations = navigation.declarations_for(doc, occ, session.index)
        if not declarations and occ.name in all_builtins():
            return builtin_markdown(occ.name)
        return _declarations_markdown(declarations, occ)
    if occ.kind is OccurrenceKind.TYPE and occ.name in BUILTIN_TYPES:
        return f"```pan\ntype {occ.name}\n```\n\nbuiltin type: {BUILTIN_TYPE_DOCS.get(occ.name, '')}"
    if occ.kind is OccurrenceKind.AUTOMATIC:
        return f"```pan\n{occ.name}\n```\n\nautomatic variable: {AUTOMATIC_DOCS.get(occ.name, '')}"
    if occ.kind is OccurrenceKind.LOCAL:
        return f"```pan\n{occ.name}\n```\n\nlocal variable"
    if occ.kind is OccurrenceKind.TEMPLATE:
        target = session.index.template(occ.name)
        if target is None:
            return f"template `{occ.name}` (not found on the include path)"
        header = next((d for d in target.declarations if d.kind is OccurrenceKind.TEMPLATE), None)
        kind = f"{target.kind} " if target.kind and target.kind != "ordinary" else ""
        parts = [f"```pan\n{kind}template {occ.name};\n```", f"`{target.path}`"]
        if header is not None and header.doc:
            parts.insert(1, header.doc)
        return "\n\n".join(parts)
    if occ.kind is OccurrenceKind.PATH:
        return path_markdown(session, occ.name)
    return _declarations_markdown(navigation.declarations_for(doc, occ, session.index), occ)


def builtin_markdown(name: str) -> str:
    builtin = all_builtins()[name]
    parts = [f"```pan\n{builtin.signature}\n```"]
    if builtin.deprecated:
        parts.append("**deprecated**")
    if builtin.doc:
        parts.append(builtin.doc)
    parts.append("builtin function")
    return "\n\n".join(parts)


def signature_text(declaration: Declaration) -> str:
    """How a declaration reads in a code block."""
    kind = declaration.kind
    if kind is OccurrenceKind.FUNCTION:
        return f"function {declaration.name}({', '.join(label for label, _ in declaration.params)})"
    if kind is OccurrenceKind.TYPE:
        default = f" = {declaration.default_text}" if declaration.default_text else ""
        return f"type {declaration.name} = {declaration.type_text}{default}"
    if kind is OccurrenceKind.VARIABLE:
        final = "final " if declaration.final else ""
        operator = "=" if declaration.required else "?="
        return f"{final}variable {declaration.name} {operator} {declaration.default_text}"
    if kind is OccurrenceKind.FIELD:
        marker = ":" if declaration.required else "?"
        default = f" = {declaration.default_text}" if declaration.default_text else ""
        return f"'{declaration.name}' {marker} {declaration.type_text}{default}"
    return declaration.name


def _declarations_markdown(declarations: list[Declaration], occ: Occurrence) -> str:
    if not declarations:
        return f"`{occ.name}`: no declaration found on the include path"
    first = declarations[0]
    parts = [f"```pan\n{signature_text(first)}\n```"]
    if first.kind is OccurrenceKind.FIELD and first.container:
        parts.append(f"field of `{first.container}` ({'required' if first.required else 'optional'})")
    if first.doc:
        parts.append(first.doc)
    if first.args:
        parts.append("\n".join(f"- `ARGV[{i}]`: {arg}" for i, arg in enumerate(first.args)))
    if first.fields:
        parts.append("fields: " + ", ".join(f"`{name}`" for name in first.fields))
    where = sorted({d.template for d in declarations})
    parts.append("declared in " + ", ".join(f"`{name}`" for name in where))
    return "\n\n".join(parts)


def path_markdown(session: Session, path: str) -> str:
    """What the schema says about a profile path: its field docs and bound types."""
    schema = session.schema()
    parts = [f"`{path}`"]
    field = schema.field_declaration(path) if path.startswith("/") else None
    if field is not None:
        parts.append(f"```pan\n{signature_text(field)}\n```")
        if field.doc:
            parts.append(field.doc)
        parts.append(f"field of `{field.container}`")
    binds = navigation.bind_declarations(session.index, path)
    for bind in binds:
        parts.append(f"bound to `{bind.type_text}` in `{bind.template}`")
    return "\n\n".join(parts) if len(parts) > 1 else ""
