"""panc-annotations' XML: what ``panc-annotations`` writes for one template, from its AST.

Elements (namespace ``http://quattor.org/pan/annotations``): ``template`` (name, header
source-range, kind), then in source order ``variable``, ``function`` and ``type`` statements
and the ``basetype`` of each ``bind``; a type's ``basetype`` holds a record's ``include`` and
``field`` entries, a field its ``basetype`` and ``default``. Annotations become
``<NAME><key>value</key>...</NAME>`` (an anonymous one a bare ``<desc>``).

panc writes a ``default`` only for a literal default value. With ``all_defaults`` (an
extension: panc's open request) every default is written, with its source text when it is
not a literal.
"""

from __future__ import annotations

from collections.abc import Iterator

from panc.analysis.sourcetext import LineIndex, name_span_at_end
from panc.syntax import ast

NAMESPACE = "http://quattor.org/pan/annotations"
_INDENT = "    "


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attribute(text: str) -> str:
    return (_escape_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


class _Writer:
    def __init__(self, source: str, all_defaults: bool) -> None:
        self.lines: list[str] = []
        self.source = LineIndex(source)
        self.all_defaults = all_defaults

    def element(self, depth: int, tag: str, attributes: list[tuple[str, str]], children: list[str] | None,
                text: str | None = None) -> None:
        """One element: self-closing, with text, or opening (children follow, then ``close``)."""
        attrs = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in attributes)
        prefix = _INDENT * depth
        if text is not None:
            self.lines.append(f"{prefix}<{tag}{attrs}>{_escape_text(text)}</{tag}>")
        elif children is None:
            self.lines.append(f"{prefix}<{tag}{attrs}/>")
        else:
            self.lines.append(f"{prefix}<{tag}{attrs}>")

    def close(self, depth: int, tag: str) -> None:
        self.lines.append(f"{_INDENT * depth}</{tag}>")

    def annotations(self, depth: int, annotations: tuple[ast.Annotation, ...]) -> None:
        # panc writes a statement's annotations last first
        for annotation in reversed(annotations):
            if annotation.name is None:
                for key, value in annotation.entries:
                    self.element(depth, key, [], None, value)
                continue
            self.element(depth, annotation.name, [], [])
            for key, value in annotation.entries:
                self.element(depth + 1, key, [], None, value)
            self.close(depth, annotation.name)

    def base_type(self, depth: int, spec: ast.FullTypeSpec | ast.TypeSpec,
                  default: ast.Expr | None = None) -> None:
        """A type as panc reduces it: the innermost named type (or record) with its range."""
        inner = spec.spec if isinstance(spec, ast.FullTypeSpec) else spec
        while isinstance(inner, ast.ListOf | ast.DictOf | ast.LinkOf):
            inner = inner.element
        attributes: list[tuple[str, str]] = []
        if isinstance(inner, ast.TypeRef):
            attributes.append(("name", inner.name))
        elif isinstance(inner, ast.ChoiceType):
            attributes.append(("name", "choice"))
        attributes.append(("source-range", inner.span.range_text()))
        attributes.append(("extensible", "true" if isinstance(inner, ast.RecordType) and inner.extensible
                           else "false"))
        type_range = getattr(inner, "range", None)
        if type_range is not None:
            attributes.append(("range", _range_value(type_range)))
        if isinstance(inner, ast.RecordType) and inner.members:
            self.element(depth, "basetype", attributes, [])
            for member in inner.members:
                self.member(depth + 1, member)
            self.close(depth, "basetype")
        else:
            self.element(depth, "basetype", attributes, None)
        if default is not None:
            self.default(depth, default)

    def member(self, depth: int, member: ast.Field | ast.RecordInclude) -> None:
        if isinstance(member, ast.RecordInclude):
            name_span = name_span_at_end(member.span, member.name)
            attributes = [("name", member.name), ("source-range", name_span.range_text())]
            self.element(depth, "include", attributes, None)
            return
        attributes = [("name", member.name), ("source-range", member.name_span.range_text()),
                      ("required", "true" if member.required else "false")]
        self.element(depth, "field", attributes, [])
        self.annotations(depth + 1, member.annotations)
        self.base_type(depth + 1, member.spec, member.spec.default)
        self.close(depth, "field")

    def default(self, depth: int, default: ast.Expr) -> None:
        if isinstance(default, ast.Literal):
            text = _literal_text(default.value)
        elif self.all_defaults:
            text = self.source.span_text(default.span)
        else:
            return
        if text is None:
            return
        self.element(depth, "default", [("source-range", default.span.range_text()), ("text", text)], None)


def _range_value(type_range: ast.Range) -> str:
    low = "" if type_range.low is None else str(type_range.low)
    high = "" if type_range.high is None else str(type_range.high)
    return f"{low}..{high}"


def _literal_text(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, float):
        from panc.evaluation.values import format_double  # pylint: disable=import-outside-toplevel

        return format_double(value)
    return None


def _statements(writer: _Writer, template: ast.Template) -> Iterator[None]:
    for statement in template.statements:
        if isinstance(statement, ast.VariableStatement | ast.FunctionStatement | ast.TypeStatement):
            tag = {ast.VariableStatement: "variable", ast.FunctionStatement: "function",
                   ast.TypeStatement: "type"}[type(statement)]
            attributes = [("name", statement.name), ("source-range", statement.span.range_text())]
            has_children = bool(statement.annotations) or isinstance(statement, ast.TypeStatement)
            writer.element(1, tag, attributes, [] if has_children else None)
            if has_children:
                writer.annotations(2, statement.annotations)
                if isinstance(statement, ast.TypeStatement):
                    writer.base_type(2, statement.spec, statement.spec.default)
                writer.close(1, tag)
        elif isinstance(statement, ast.BindStatement):
            writer.base_type(1, statement.spec, statement.spec.default)
        yield None


def render(template: ast.Template, source: str, all_defaults: bool = False) -> str:
    """The annotation XML of a parsed template (``source`` is its text, for default values)."""
    writer = _Writer(source, all_defaults)
    header = template.header_span or template.span
    attributes = [("name", template.name or ""), ("source-range", header.range_text()),
                  ("type", (template.kind or "ordinary").upper())]
    for _ in _statements(writer, template):
        pass
    attrs = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in attributes)
    head = f'<?xml version="1.0" encoding="UTF-8"?><template xmlns="{NAMESPACE}"{attrs}'
    body = list(writer.lines)
    annotations = _Writer(source, all_defaults)
    annotations.annotations(1, template.annotations)
    body = annotations.lines + body
    if not body:
        return head + "/>\n"
    return head + ">\n" + "\n".join(body) + "\n</template>\n"
