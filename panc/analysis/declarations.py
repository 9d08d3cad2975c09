"""What a template declares, with the documentation written in its annotations.

A ``Declaration`` is everything an editor shows about a name without re-reading the file:
its kind, where it is, its annotation docs, and for variables/types/fields the type and the
default as written.
"""

from __future__ import annotations

from typing import NamedTuple

from panc.analysis.references import OccurrenceKind
from panc.analysis.sourcetext import LineIndex, string_inner_span
from panc.analysis.walk import walk
from panc.annotations.tags import parameters, split_tags, tag_markdown
from panc.source import Span
from panc.syntax import ast

DOC_ANNOTATION_NAMES = frozenset({None, "documentation", "documenation", "docmentation", "documentations"})
"""Annotations read as documentation (the corpus spells ``documentation`` in several ways)."""


class Declaration(NamedTuple):
    kind: OccurrenceKind
    name: str
    template: str
    """Name of the declaring template."""
    path: str
    """File of the declaring template."""
    span: Span
    """The declared name."""
    full_span: Span
    """The whole declaring statement (or field)."""
    doc: str = ""
    args: tuple[str, ...] = ()
    """``arg = ...`` entries of a function's documentation, one per argument."""
    type_text: str = ""
    """The type as written: ``long(0..1)``, ``{ ... }`` (records shortened), or a variable's value."""
    default_text: str = ""
    container: str | None = None
    """For fields: the type holding them; for binds: unused."""
    required: bool = True
    fields: tuple[str, ...] = ()
    """For record types: their field names (own fields, in order)."""
    includes: tuple[str, ...] = ()
    """For record types: the records they ``include``; for binds: the bound type name."""
    final: bool = False
    params: tuple[tuple[str, str], ...] = ()
    """For functions: ``(name, doc)`` of each parameter, from ``@param`` tags, ``arg`` entries
    (named ``ARGV[i]``) or the body's use of ``ARGV`` (``...`` when it takes any number)."""
    choices: tuple[str, ...] = ()
    """For ``choice(...)`` types and fields: the values allowed."""


class AnnotationDoc(NamedTuple):
    text: str
    """Markdown: the prose, then the javadoc-style tags as a list."""
    args: tuple[str, ...]
    """The ``arg = ...`` entries, one per argument."""
    params: tuple[tuple[str, str], ...]
    """``(name, text)`` of the ``@param`` tags."""


def annotation_doc(annotations: tuple[ast.Annotation, ...]) -> AnnotationDoc:
    """The documentation of a declaration's annotations."""
    paragraphs: list[str] = []
    args: list[str] = []
    tags: list[str] = []
    params: list[tuple[str, str]] = []
    for annotation in annotations:
        if annotation.name not in DOC_ANNOTATION_NAMES:
            continue
        keyed = [(key, value) for key, value in annotation.entries if key != "desc"]
        for key, value in annotation.entries:
            if key == "desc":
                prose, found = split_tags(value)
                paragraphs.append(_clean(prose))
                tags.extend(tag_markdown(tag) for tag in found)
                params.extend(parameters(found))
            elif key == "arg":
                args.append(_clean(value))
        others = [f"**{key}**: {_clean(value)}" for key, value in keyed if key != "arg"]
        paragraphs.extend(others)
        if not annotation.entries:
            paragraphs.append(_clean(annotation.body))
    if tags:
        paragraphs.append("\n".join(tags))
    return AnnotationDoc("\n\n".join(p for p in paragraphs if p), tuple(args), tuple(params))


Parameters = tuple[tuple[str, str], ...]


def function_parameters(statement: ast.FunctionStatement, documented: AnnotationDoc) -> Parameters:
    """The parameters of a function: its ``@param`` tags, else its ``arg`` entries, else
    ``ARGV[0]``... up to the highest constant index its body reads, then ``...`` when it reads
    ``ARGV`` otherwise (a variable index, or the whole list)."""
    if documented.params:
        return documented.params
    if documented.args:
        return tuple((f"ARGV[{index}]", text) for index, text in enumerate(documented.args))
    indexes: set[int] = set()
    whole = 0
    read = 0
    for node in walk(statement.body):
        if isinstance(node, ast.Variable) and node.name == "ARGV":
            whole += 1
        elif isinstance(node, ast.Index) and isinstance(node.base, ast.Variable) and node.base.name == "ARGV":
            value = node.index.value if isinstance(node.index, ast.Literal) else None
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                indexes.add(value)
                read += 1
    found = [(f"ARGV[{index}]", "") for index in range(max(indexes) + 1)] if indexes else []
    if whole > read:
        found.append(("...", ""))
    return tuple(found)


def _clean(text: str) -> str:
    """Join ``\\``-continued lines and strip the indentation of annotation bodies."""
    text = text.replace("\\\n", " ")
    lines = [line.strip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
        elif out and out[-1]:
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n\n".join(part for part in out if part)


def _short(text: str, limit: int = 200) -> str:
    if "\n" in text or "  " in text or "\t" in text:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def template_declarations(template: ast.Template, text: str, path: str) -> list[Declaration]:
    """The functions, types (with their fields), global variables and binds ``template`` declares."""
    lines = LineIndex(text)
    name = template.name or ""
    found: list[Declaration] = []
    if template.name and template.name_span:
        doc = annotation_doc(template.annotations).text
        found.append(
            Declaration(
                OccurrenceKind.TEMPLATE,
                template.name,
                name,
                path,
                template.name_span,
                template.span,
                doc=doc,
                type_text=template.kind or "",
            )
        )
    for statement in template.statements:
        if isinstance(statement, ast.FunctionStatement):
            documented = annotation_doc(statement.annotations)
            found.append(
                Declaration(
                    OccurrenceKind.FUNCTION,
                    statement.name,
                    name,
                    path,
                    statement.name_span,
                    statement.span,
                    doc=documented.text,
                    args=documented.args,
                    params=function_parameters(statement, documented),
                )
            )
        elif isinstance(statement, ast.VariableStatement):
            doc = annotation_doc(statement.annotations).text
            found.append(
                Declaration(
                    OccurrenceKind.VARIABLE,
                    statement.name,
                    name,
                    path,
                    statement.name_span,
                    statement.span,
                    doc=doc,
                    default_text=_short(lines.span_text(statement.value.span)),
                    required=not statement.conditional,
                    final=statement.final,
                )
            )
        elif isinstance(statement, ast.TypeStatement):
            found.extend(_type_declarations(statement, name, path, lines))
        elif isinstance(statement, ast.BindStatement):
            bound = statement.spec.spec
            found.append(
                Declaration(
                    OccurrenceKind.PATH,
                    statement.path,
                    name,
                    path,
                    string_inner_span(statement.path_span),
                    statement.span,
                    type_text=_type_text(statement.spec, lines),
                    includes=_bound_names(bound),
                )
            )
    return found


def _bound_names(spec: object) -> tuple[str, ...]:
    """The user type names a bind refers to directly (``T``, ``T[]``, ``T{}``)."""
    if isinstance(spec, ast.TypeRef):
        return (spec.name,)
    if isinstance(spec, (ast.ListOf, ast.DictOf)):
        inner = _bound_names(spec.element)
        return tuple(f"{name}{'[]' if isinstance(spec, ast.ListOf) else '{}'}" for name in inner)
    return ()


def _type_text(spec: ast.FullTypeSpec, lines: LineIndex) -> str:
    if isinstance(spec.spec, ast.RecordType):
        return ("extensible " if spec.spec.extensible else "") + "{ ... }"
    return _short(lines.span_text(spec.spec.span))


def _type_declarations(
    statement: ast.TypeStatement, template: str, path: str, lines: LineIndex
) -> list[Declaration]:
    doc = annotation_doc(statement.annotations).text
    spec = statement.spec
    record = spec.spec if isinstance(spec.spec, ast.RecordType) else None
    fields = tuple(m.name for m in record.members if isinstance(m, ast.Field)) if record else ()
    if record is not None:
        includes = tuple(m.name for m in record.members if isinstance(m, ast.RecordInclude))
    else:
        includes = _bound_names(spec.spec)
    default = _short(lines.span_text(spec.default.span)) if spec.default is not None else ""
    found = [
        Declaration(
            OccurrenceKind.TYPE,
            statement.name,
            template,
            path,
            statement.name_span,
            statement.span,
            doc=doc,
            type_text=_type_text(spec, lines),
            default_text=default,
            fields=fields,
            includes=includes,
            choices=_choices(spec),
        )
    ]
    if record is None:
        return found
    for member in record.members:
        if not isinstance(member, ast.Field):
            continue
        field_doc = annotation_doc(member.annotations).text
        field_default = member.spec.default
        inner = member.spec.spec
        found.append(
            Declaration(
                OccurrenceKind.FIELD,
                member.name,
                template,
                path,
                string_inner_span(member.name_span),
                member.span,
                doc=field_doc,
                type_text=_type_text(member.spec, lines),
                default_text=_short(lines.span_text(field_default.span)) if field_default is not None else "",
                container=statement.name,
                required=member.required,
                includes=_bound_names(inner),
                choices=_choices(member.spec),
            )
        )
    return found


def _choices(spec: ast.FullTypeSpec) -> tuple[str, ...]:
    return spec.spec.choices if isinstance(spec.spec, ast.ChoiceType) else ()
