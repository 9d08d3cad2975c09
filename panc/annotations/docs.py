"""``panc docs``: a template library's annotations as one Markdown or HTML reference page.

    panc docs [--base-dir DIR] [--format markdown|html] [--output FILE] TEMPLATES...

For every template (parsed, never executed): its description, then its types (base type, or the
fields of a record with their type, whether required, default value of any kind, description),
functions (description and arguments) and variables (description and value). Every use of a
type defined in the documented templates links to its definition.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from panc.analysis.sourcetext import LineIndex
from panc.annotations.tags import Tag, split_tags, tag_markdown
from panc.commands import HelpShown, OptionsError, OptionsParser
from panc.diagnostics import Severity
from panc.loader import TEMPLATE_SUFFIXES
from panc.source import Span
from panc.syntax import ast

_DESCRIPTION_KEYS = ("desc", "descr", "description")
# a quoted string (left alone: a type name inside a string is not a use of it) or a word
_STRING_OR_WORD = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"|[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Description:
    """Documentation text: prose paragraphs, then javadoc-style tags (``@param x ...``)."""

    text: str = ""
    tags: list[Tag] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.text or self.tags)

    def one_line(self) -> str:
        """For a table cell: the prose, then each tag as ``@name target text``."""
        tags = [" ".join(part for part in (f"@{t.name}", t.target, t.text) if part) for t in self.tags]
        return "; ".join(part for part in (" ".join(self.text.split()), *tags) if part)


@dataclass
class FieldDoc:
    name: str
    type_text: str
    required: bool
    default: str | None
    description: Description


@dataclass
class TypeDoc:
    name: str
    type_text: str
    description: Description
    fields: list[FieldDoc] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)


@dataclass
class FunctionDoc:
    name: str
    description: Description
    arguments: list[str]


@dataclass
class VariableDoc:
    name: str
    value: str
    description: Description


@dataclass
class TemplateDoc:
    """What the reference shows of one template."""

    name: str
    kind: str
    path: str
    description: Description
    types: list[TypeDoc] = field(default_factory=list)
    functions: list[FunctionDoc] = field(default_factory=list)
    variables: list[VariableDoc] = field(default_factory=list)


def _paragraphs(text: str) -> str:
    """Text with its paragraphs (blank-line separated) kept and each paragraph on one line."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text) if p.strip())


def _description(annotations: tuple[ast.Annotation, ...]) -> Description:
    parts: list[str] = []
    tags: list[Tag] = []
    for annotation in annotations:
        for key, value in annotation.entries:
            if key in _DESCRIPTION_KEYS:
                prose, found = split_tags(value)
                parts.append(_paragraphs(prose))
                tags.extend(found)
    return Description("\n\n".join(p for p in parts if p), tags)


def _arguments(annotations: tuple[ast.Annotation, ...]) -> list[str]:
    return [" ".join(value.split()) for a in annotations for key, value in a.entries if key == "arg"]


def _one_line(source: LineIndex, span: Span) -> str:
    """The source text of ``span``, its whitespace runs made single spaces."""
    return " ".join(source.span_text(span).split())


def document_template(template: ast.Template, text: str, path: str) -> TemplateDoc:
    """The documentation model of one parsed template."""
    source = LineIndex(text)
    doc = TemplateDoc(template.name or path, template.kind or "ordinary", path,
                      _description(template.annotations))
    for statement in template.statements:
        if isinstance(statement, ast.TypeStatement):
            doc.types.append(_type_doc(statement, source))
        elif isinstance(statement, ast.FunctionStatement):
            doc.functions.append(FunctionDoc(statement.name, _description(statement.annotations),
                                             _arguments(statement.annotations)))
        elif isinstance(statement, ast.VariableStatement):
            doc.variables.append(VariableDoc(statement.name, _one_line(source, statement.value.span),
                                             _description(statement.annotations)))
    return doc


def _type_doc(statement: ast.TypeStatement, source: LineIndex) -> TypeDoc:
    spec = statement.spec.spec
    record = spec
    while isinstance(record, ast.ListOf | ast.DictOf | ast.LinkOf):
        record = record.element
    if isinstance(record, ast.RecordType):
        type_text = "record" + (" (extensible)" if record.extensible else "")
    else:
        type_text = _one_line(source, statement.spec.span)
    doc = TypeDoc(statement.name, type_text, _description(statement.annotations))
    if isinstance(record, ast.RecordType):
        for member in record.members:
            if isinstance(member, ast.RecordInclude):
                doc.includes.append(member.name)
                continue
            default = member.spec.default
            doc.fields.append(FieldDoc(
                member.name, _one_line(source, member.spec.spec.span), member.required,
                None if default is None else _one_line(source, default.span),
                _description(member.annotations)))
    return doc


# ---------------------------------------------------------------------- rendering


def _anchor(kind: str, name: str) -> str:
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "-", name).lower()


class _Linker:
    """Turns the names of documented types into links."""

    def __init__(self, docs: Sequence[TemplateDoc], markdown: bool) -> None:
        self.types = {t.name for d in docs for t in d.types}
        self.markdown = markdown

    def code(self, text: str) -> str:
        """``text`` as code, its documented type names linked."""
        if self.markdown:
            linked = [f"[{name}](#{_anchor('type', name)})" for name in _uses(text, self.types)]
            shown = "`" + text.replace("`", "'") + "`"
            return shown + (" (" + ", ".join(linked) + ")" if linked else "")

        def link(match: re.Match[str]) -> str:
            name = match.group(0)
            return f'<a href="#{_anchor("type", name)}">{name}</a>' if name in self.types else name

        return "<code>" + _STRING_OR_WORD.sub(link, html.escape(text, quote=False)) + "</code>"


def _uses(text: str, names: set[str]) -> list[str]:
    seen: list[str] = []
    for match in _STRING_OR_WORD.finditer(text):
        if match.group(0) in names and match.group(0) not in seen:
            seen.append(match.group(0))
    return seen


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(docs: Sequence[TemplateDoc], title: str = "Template reference") -> str:
    """The reference as Markdown."""
    link = _Linker(docs, markdown=True)
    out = [f"# {title}", ""]
    out += [f"- [{d.name}](#{_anchor('template', d.name)}) ({d.kind})" for d in docs]
    for doc in docs:
        out += ["", f'<a id="{_anchor("template", doc.name)}"></a>', f"## {doc.name}", "",
                f"*{doc.kind} template* — `{doc.path}`"]
        out += _markdown_description(doc.description)
        if doc.types:
            out += ["", "### Types"]
        for type_doc in doc.types:
            out += ["", f'<a id="{_anchor("type", type_doc.name)}"></a>', f"#### {type_doc.name}"]
            out += _markdown_description(type_doc.description)
            out += ["", f"Type: {link.code(type_doc.type_text)}"]
            if type_doc.includes:
                out += ["", "Includes: " + ", ".join(link.code(i) for i in type_doc.includes)]
            if type_doc.fields:
                out += ["", "| Field | Type | Required | Default | Description |", "|---|---|---|---|---|"]
                out += [f"| `{_cell(f.name)}` | {_cell(link.code(f.type_text))} | "
                        f"{'yes' if f.required else 'no'} | "
                        f"{_cell('`' + f.default + '`') if f.default is not None else ''} | "
                        f"{_cell(f.description.one_line())} |" for f in type_doc.fields]
        if doc.functions:
            out += ["", "### Functions"]
        for function in doc.functions:
            out += ["", f'<a id="{_anchor("function", function.name)}"></a>', f"#### {function.name}()"]
            out += _markdown_description(function.description)
            if function.arguments:
                out += [""] + [f"{i}. {argument}" for i, argument in enumerate(function.arguments, 1)]
        if doc.variables:
            out += ["", "### Variables", "", "| Variable | Value | Description |", "|---|---|---|"]
            out += [f"| `{_cell(v.name)}` | {_cell(link.code(v.value))} | {_cell(v.description.one_line())} |"
                    for v in doc.variables]
    return "\n".join(out) + "\n"


def render_html(docs: Sequence[TemplateDoc], title: str = "Template reference") -> str:
    """The reference as a standalone HTML page."""
    link = _Linker(docs, markdown=False)
    esc = html.escape
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">', f"<title>{esc(title)}</title>",
           "<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>",
           f"<h1>{esc(title)}</h1>", "<ul>"]
    out += [f'<li><a href="#{_anchor("template", d.name)}">{esc(d.name)}</a> ({d.kind})</li>' for d in docs]
    out.append("</ul>")
    for doc in docs:
        out.append(f'<h2 id="{_anchor("template", doc.name)}">{esc(doc.name)}</h2>')
        out.append(f"<p><em>{doc.kind} template</em> — <code>{esc(doc.path)}</code></p>")
        if doc.description:
            out.append(_html_description(doc.description))
        for type_doc in doc.types:
            out.append(f'<h4 id="{_anchor("type", type_doc.name)}">type {esc(type_doc.name)}</h4>')
            if type_doc.description:
                out.append(_html_description(type_doc.description))
            out.append(f"<p>Type: {link.code(type_doc.type_text)}</p>")
            if type_doc.includes:
                out.append("<p>Includes: " + ", ".join(link.code(i) for i in type_doc.includes) + "</p>")
            if type_doc.fields:
                out.append("<table><tr><th>Field</th><th>Type</th><th>Required</th><th>Default</th>"
                           "<th>Description</th></tr>")
                out += [f"<tr><td><code>{esc(f.name)}</code></td><td>{link.code(f.type_text)}</td>"
                        f"<td>{'yes' if f.required else 'no'}</td>"
                        f"<td>{'' if f.default is None else link.code(f.default)}</td>"
                        f"<td>{esc(f.description.one_line())}</td></tr>" for f in type_doc.fields]
                out.append("</table>")
        for function in doc.functions:
            out.append(f'<h4 id="{_anchor("function", function.name)}">function {esc(function.name)}()</h4>')
            if function.description:
                out.append(_html_description(function.description))
            if function.arguments:
                out.append("<ol>" + "".join(f"<li>{esc(a)}</li>" for a in function.arguments) + "</ol>")
        if doc.variables:
            out.append("<table><tr><th>Variable</th><th>Value</th><th>Description</th></tr>")
            out += [f"<tr><td><code>{esc(v.name)}</code></td><td>{link.code(v.value)}</td>"
                    f"<td>{esc(v.description.one_line())}</td></tr>" for v in doc.variables]
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _markdown_description(description: Description) -> list[str]:
    """Lines to add for a description: its paragraphs, then its tags as a list."""
    lines = ["", description.text] if description.text else []
    if description.tags:
        lines += ["", *(tag_markdown(tag) for tag in description.tags)]
    return lines


def _html_description(description: Description) -> str:
    esc = html.escape
    out = "".join(f"<p>{esc(p)}</p>" for p in description.text.split("\n\n") if p)
    if description.tags:
        items = []
        for tag in description.tags:
            target = f" <code>{esc(tag.target)}</code>" if tag.target else ""
            text = f" — {esc(tag.text)}" if tag.text else ""
            items.append(f"<li><em>@{esc(tag.name)}</em>{target}{text}</li>")
        out += '<ul class="tags">' + "".join(items) + "</ul>"
    return out


# ---------------------------------------------------------------------- command line


def template_files(paths: Sequence[str], base_dir: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(path as shown, file) for each template given, a directory standing for every ``.pan``
    and ``.tpl`` file below it (in name order); and the paths that do not exist."""
    found, missing = [], []
    for path in paths:
        full = path if os.path.isabs(path) else os.path.join(base_dir, path)
        if os.path.isdir(full):
            below = sorted(p for p in Path(full).rglob("*") if p.suffix in TEMPLATE_SUFFIXES and p.is_file())
            found.extend((os.path.join(path, str(p.relative_to(full))), str(p)) for p in below)
        elif os.path.exists(full):
            found.append((path, full))
        else:
            missing.append(path)
    return found, missing


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc docs") -> int:
    """``panc docs``; returns the exit code (1 when a path does not exist, a template could not be
    read or parsed, or the page not written; a path that does not exist writes no page)."""
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    parser = OptionsParser(prog=prog, stdout=stdout,
                           description="Render the annotations of pan templates as a reference page.")
    parser.add_argument("--base-dir", default=".", help="directory the template paths are relative to")
    parser.add_argument("--format", choices=("markdown", "html"), default="markdown",
                        help="the page as Markdown or as a standalone HTML page (default: markdown)")
    parser.add_argument("--output", help="file to write (default: standard output)")
    parser.add_argument("--title", default="Template reference", help="the page's title")
    parser.add_argument("templates", nargs="+", metavar="template",
                        help="template files, or directories whose .pan and .tpl files are all documented")
    try:
        args = parser.parse_args(list(argv))
    except OptionsError as error:
        stdout.write(f"OPTIONS ERROR: {error}\n")
        return 1
    except HelpShown:
        return 0
    files, missing = template_files(args.templates, args.base_dir)
    for path in missing:
        stderr.write(f"{prog}: {path}: no such file or directory\n")
    if missing:
        return 1
    docs, failed = [], False
    for path, full in files:
        try:
            # as Java reads it: a byte that is not UTF-8 is U+FFFD
            text = Path(full).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            stderr.write(f"cannot read {path}: {error.strerror}\n")
            failed = True
            continue
        result = parse(text, full)
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if errors:
            start = errors[0].span.start
            problem = f"{errors[0].message} (line {start.line}, column {start.column})"
        elif result.ast is None:
            problem = "empty template"
        else:
            docs.append(document_template(result.ast, text, os.path.relpath(full, args.base_dir)))
            continue
        stderr.write(f"{path}: {problem}\n")
        failed = True
    docs.sort(key=lambda d: d.name)
    page = (render_html if args.format == "html" else render_markdown)(docs, args.title)
    if args.output:
        try:
            Path(args.output).write_text(page, encoding="utf-8")
        except OSError as error:
            stderr.write(f"cannot write {args.output}: {error.strerror}\n")
            return 1
    else:
        stdout.write(page)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
