"""Completion: keywords and snippets, builtins, include-path functions/types/variables,
template names inside include strings, profile paths inside path strings, and the values the
schema allows or proposes for the path an assignment writes (the choices of a ``choice`` type,
the default of its field or type)."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.builtin_table import all_builtins
from panc.analysis.cursor import CompletionContext, ContextKind, completion_context
from panc.analysis.declarations import Declaration
from panc.analysis.document import DocumentAnalysis
from panc.analysis.references import OccurrenceKind
from panc.analysis.schema import Schema, split_path
from panc.names import AUTOMATIC_VARIABLES, BUILTIN_TYPES, RESERVED_WORDS
from panc.syntax import ast
from panls.features.hover import BUILTIN_TYPE_DOCS, signature_text
from panls.session import Session

MAX_ITEMS = 200
MAX_ALIAS_DEPTH = 8
TRIGGER_CHARACTERS = ["/", "'", '"']

SNIPPETS = {
    "function": ("function ${1:name} = {\n\t$0\n};", "function declaration"),
    "type": ("type ${1:name} = {\n\t'${2:field}' : ${3:string}\n};", "record type declaration"),
    "variable": ("variable ${1:NAME} ?= ${0:value};", "global variable"),
    "bind": ("bind '${1:/path}' = ${0:type};", "bind a type to a path"),
    "valid": ("valid '${1:/path}' = ${0:expression};", "validate a path"),
    "include": ("include '${0:template}';", "include a template"),
    "prefix": ("prefix '${0:/path}';", "set the path prefix"),
    "if": ("if (${1:condition}) {\n\t$0\n};", "if statement"),
    "ifelse": ("if (${1:condition}) {\n\t$2\n} else {\n\t$0\n};", "if/else statement"),
    "foreach": ("foreach (${1:key}; ${2:value}; ${3:resource}) {\n\t$0\n};", "loop over a list or dict"),
    "for": ("for (${1:i = 0}; ${2:i < n}; ${3:i = i + 1}) {\n\t$0\n};", "for loop"),
    "while": ("while (${1:condition}) {\n\t$0\n};", "while loop"),
}


def completion(session: Session, doc: DocumentAnalysis, position: types.Position) -> types.CompletionList:
    """Completion items for the cursor at ``position``."""
    converter = session.converter(doc.path)
    line, column = converter.to_pan(position)
    context = completion_context(doc.lines.line(line), column)
    start = converter.position(line, context.start_column)
    replace = types.Range(start=start, end=types.Position(line=position.line, character=position.character))
    if context.kind is ContextKind.TEMPLATE_NAME:
        items = _template_names(session, context, replace)
    elif context.kind is ContextKind.PATH:
        items = _paths(session, doc, line, context, converter.position, position)
    elif context.kind is ContextKind.TYPE:
        items = _types(session, context)
    elif context.kind is ContextKind.CODE:
        items = _code(session, doc, context)
    elif context.kind is ContextKind.VALUE:
        items = _values(session, doc, line, context, replace)
        if not context.in_string:
            items += _code(session, doc, context)
    else:
        items = []
    incomplete = len(items) > MAX_ITEMS
    return types.CompletionList(is_incomplete=incomplete, items=items[:MAX_ITEMS])


def _matches(typed: str, name: str) -> bool:
    return name.lower().startswith(typed.lower())


def _template_names(
    session: Session, context: CompletionContext, replace: types.Range
) -> list[types.CompletionItem]:
    items = []
    for name in session.index.template_names():
        if not name.startswith(context.typed):
            continue
        summary = session.index.template(name)
        items.append(
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Module,
                detail=f"{summary.kind} template" if summary and summary.kind else "template",
                text_edit=types.TextEdit(range=replace, new_text=name),
                filter_text=name,
            )
        )
    return items


def _paths(
    session: Session,
    doc: DocumentAnalysis,
    line: int,
    context: CompletionContext,
    to_lsp,
    position: types.Position,
) -> list[types.CompletionItem]:
    typed = context.typed
    if typed.startswith("/"):
        absolute = typed
    else:
        prefix = doc.prefix_at(line)
        absolute = (prefix.rstrip("/") + "/" + typed) if prefix else "/" + typed
    parent, _, partial = absolute.rpartition("/")
    segment_start = to_lsp(line, context.start_column + len(typed) - len(partial))
    replace = types.Range(start=segment_start, end=position)
    items = []
    for child in session.schema().children("/" + "/".join(split_path(parent))):
        if not child.name.startswith(partial) or (child.name == partial and child.declaration is None):
            continue
        documentation = None
        if child.doc or child.default_text:
            text = child.doc + (f"\n\ndefault: `{child.default_text}`" if child.default_text else "")
            documentation = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
        items.append(
            types.CompletionItem(
                label=child.name,
                kind=types.CompletionItemKind.Field if child.declaration else types.CompletionItemKind.Folder,
                detail=(f"{'' if child.required else 'optional '}{child.type_text}".strip() or None),
                documentation=documentation,
                text_edit=types.TextEdit(range=replace, new_text=child.name),
            )
        )
    return items


def _values(
    session: Session, doc: DocumentAnalysis, line: int, context: CompletionContext, replace: types.Range
) -> list[types.CompletionItem]:
    """The values the schema knows for the assigned path: its choices, then its default."""
    written = context.assigned_path or ""
    prefix = doc.prefix_at(line)
    absolute = written if written.startswith("/") or not prefix else prefix.rstrip("/") + "/" + written
    sources = _value_sources(session, session.schema(), absolute)
    offered: list[tuple[str, str, types.CompletionItemKind, str]] = []
    for declaration in sources:
        detail = f"choice of {_owner(declaration)}"
        for choice in declaration.choices:
            text = choice if context.in_string else _quoted(choice)
            offered.append((choice, text, types.CompletionItemKind.EnumMember, detail))
    for declaration in sources:
        text = _default_text(declaration.default_text, context.in_string)
        if text:
            offered.append((text, text, types.CompletionItemKind.Value, f"default of {_owner(declaration)}"))
    items: list[types.CompletionItem] = []
    seen: set[str] = set()
    for label, text, kind, detail in offered:
        if text in seen or not label.startswith(context.typed):
            continue
        seen.add(text)
        items.append(
            types.CompletionItem(
                label=label,
                kind=kind,
                detail=detail,
                text_edit=types.TextEdit(range=replace, new_text=text),
                filter_text=text,
                sort_text=f"!{len(items):04d}",
            )
        )
    return items


def _default_text(default: str, in_string: bool) -> str:
    """What to insert for a default written ``default``: inside a string, only a string's
    contents (``''`` when it is not a string literal)."""
    if not in_string:
        return default
    quoted = len(default) >= 2 and default[0] in ("'", '"') and default[-1] == default[0]
    return default[1:-1] if quoted else ""


def _value_sources(session: Session, schema: Schema, path: str) -> list[Declaration]:
    """The field declaring ``path`` and the types that apply there (aliases followed)."""
    found: list[Declaration] = []
    field = schema.field_declaration(path)
    if field is not None:
        found.append(field)
    pending = [name for name in schema.types_at(tuple(split_path(path))) if not name.endswith(("[]", "{}"))]
    seen: set[str] = set()
    while pending and len(seen) < MAX_ALIAS_DEPTH:
        name = pending.pop(0)
        if name in seen:
            continue
        seen.add(name)
        for declaration in session.index.declarations(OccurrenceKind.TYPE, name):
            found.append(declaration)
            pending.extend(n for n in declaration.includes if not n.endswith(("[]", "{}")))
    return found


def _owner(declaration: Declaration) -> str:
    if declaration.kind is OccurrenceKind.FIELD:
        return f"field '{declaration.name}' of {declaration.container}"
    return f"type {declaration.name}"


def _quoted(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def _types(session: Session, context: CompletionContext) -> list[types.CompletionItem]:
    items = [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.TypeParameter,
            detail="builtin type",
            documentation=BUILTIN_TYPE_DOCS.get(name),
        )
        for name in sorted(BUILTIN_TYPES)
        if _matches(context.typed, name)
    ]
    items.extend(
        types.CompletionItem(label=word, kind=types.CompletionItemKind.Keyword)
        for word in ("extensible", "choice")
        if _matches(context.typed, word)
    )
    seen = set()
    for declaration in session.index.all_declarations([OccurrenceKind.TYPE]):
        if declaration.name in seen or not _matches(context.typed, declaration.name):
            continue
        seen.add(declaration.name)
        items.append(
            types.CompletionItem(
                label=declaration.name,
                kind=types.CompletionItemKind.Struct,
                detail=f"{declaration.type_text} ({declaration.template})",
                documentation=declaration.doc or None,
            )
        )
    return items


def _code(session: Session, doc: DocumentAnalysis, context: CompletionContext) -> list[types.CompletionItem]:
    typed = context.typed
    items: list[types.CompletionItem] = []
    items.extend(_header_snippet(doc, typed))
    for word in sorted(RESERVED_WORDS):
        if _matches(typed, word):
            items.append(types.CompletionItem(label=word, kind=types.CompletionItemKind.Keyword))
    for label, (body, detail) in SNIPPETS.items():
        if _matches(typed, label):
            items.append(
                types.CompletionItem(
                    label=label,
                    kind=types.CompletionItemKind.Snippet,
                    detail=detail,
                    insert_text=body,
                    insert_text_format=types.InsertTextFormat.Snippet,
                    sort_text=f"~{label}",
                )
            )
    for name in AUTOMATIC_VARIABLES:
        if _matches(typed, name):
            items.append(
                types.CompletionItem(
                    label=name, kind=types.CompletionItemKind.Constant, detail="automatic variable"
                )
            )
    user_functions = set()
    for declaration in session.index.all_declarations([OccurrenceKind.FUNCTION, OccurrenceKind.VARIABLE]):
        if not _matches(typed, declaration.name) or (declaration.kind, declaration.name) in user_functions:
            continue
        user_functions.add((declaration.kind, declaration.name))
        is_function = declaration.kind is OccurrenceKind.FUNCTION
        items.append(
            types.CompletionItem(
                label=declaration.name,
                kind=types.CompletionItemKind.Function if is_function else types.CompletionItemKind.Variable,
                detail=f"{signature_text(declaration)} ({declaration.template})",
                documentation=declaration.doc or None,
            )
        )
    for name, builtin in all_builtins().items():
        if _matches(typed, name) and (OccurrenceKind.FUNCTION, name) not in user_functions:
            items.append(
                types.CompletionItem(
                    label=name,
                    kind=types.CompletionItemKind.Function,
                    detail=builtin.signature,
                    documentation=builtin.doc or None,
                    tags=[types.CompletionItemTag.Deprecated] if builtin.deprecated else None,
                )
            )
    locals_ = {occ.name for occ in doc.occurrences if occ.kind is OccurrenceKind.LOCAL}
    for name in sorted(locals_):
        if _matches(typed, name):
            items.append(
                types.CompletionItem(
                    label=name, kind=types.CompletionItemKind.Variable, detail="local variable"
                )
            )
    items.sort(key=lambda item: (item.sort_text or "", not item.label.startswith(typed), item.label.lower()))
    return items


def _header_snippet(doc: DocumentAnalysis, typed: str) -> list[types.CompletionItem]:
    """Offer the template header with the right name when the file has none yet."""
    template = doc.ast
    if template is not None and template.name:
        return []
    items = []
    for kind in ast.TEMPLATE_KINDS:
        modifier = "" if kind == "ordinary" else f"{kind} "
        label = f"{modifier}template {doc.template_name};"
        if _matches(typed, label):
            items.append(
                types.CompletionItem(
                    label=label,
                    kind=types.CompletionItemKind.Snippet,
                    detail="template header",
                    insert_text=label,
                    sort_text="!",
                )
            )
    return items
