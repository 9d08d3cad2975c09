"""The pan abstract syntax tree: frozen dataclasses, each with the ``Span`` it came from.

The parser builds these directly (no intermediate parse tree). Every tool reads them:
the evaluator executes them, the linter inspects them, the language server indexes them.

Conventions:
- ``span`` is always the first field; sub-spans that tools need (a name, a path) are
  separate fields named ``*_span``.
- Literal values are already decoded (escapes processed, numbers converted); the raw
  text stays available in the token list of ``ParseResult``.
- Paths in statements are stored as written, with the template's ``prefix`` already
  applied (``prefix`` is compile-time only); ``panc.syntax.paths`` splits them into terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from panc.source import Span

# --------------------------------------------------------------------------- annotations


@dataclass(frozen=True, slots=True)
class Annotation:
    """``@name{...}``, ``@name(...)``, ``@name[...]`` or the anonymous ``@{...}``.

    ``body`` is the raw text between the delimiters; ``entries`` are its ``key = value``
    lines when it has that structure, else a single ``("desc", body)`` entry (panc's rule).
    """

    span: Span
    name: str | None
    body: str
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Comment:
    span: Span
    text: str
    """The comment text including its leading ``#``."""


# --------------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Literal:
    """A constant: ``int`` (long), ``float`` (double), ``bool``, ``str``, or ``UNDEF``/``NULL``
    from ``panc.values``."""

    span: Span
    value: object


@dataclass(frozen=True, slots=True)
class Variable:
    """A bare name in DML: a local, a global, or an automatic variable (``SELF``, ``ARGV``...)."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class Index:
    """``base[index]``; ``base`` is a ``Variable`` or another ``Index`` (pan indexes variables only)."""

    span: Span
    base: Variable | Index
    index: Expr


@dataclass(frozen=True, slots=True)
class Call:
    """A call of a builtin or user function, ``name(arg, ...)``."""

    span: Span
    name: str
    name_span: Span
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Unary:
    span: Span
    op: str
    """One of ``+ - ! ~``."""
    operand: Expr


@dataclass(frozen=True, slots=True)
class Binary:
    span: Span
    op: str
    """One of ``* / % + - < <= > >= == != & ^ | && ||``."""
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Assign:
    """DML assignment ``target = value`` (``target`` a ``Variable`` or ``Index``)."""

    span: Span
    target: Variable | Index
    value: Expr
    operator_span: Span | None = None
    """The ``=`` (panc locates the assignment there)."""


@dataclass(frozen=True, slots=True)
class Block:
    """``{ s1; s2; ... }``: its value is the value of the last statement."""

    span: Span
    body: tuple[Expr, ...]
    parentheses: int = field(default=0, compare=False)
    """The pairs of parentheses it is written in, ``(({ ... }))``: panc's DML of each has no range
    of its own (see ``panc.evaluation.dml.dml_range``); no difference in meaning."""


@dataclass(frozen=True, slots=True)
class If:
    span: Span
    condition: Expr
    then: Expr
    otherwise: Expr | None
    parentheses: int = field(default=0, compare=False)
    """The pairs of parentheses it is written in (see ``Block.parentheses``)."""


@dataclass(frozen=True, slots=True)
class While:
    span: Span
    condition: Expr
    body: Expr


@dataclass(frozen=True, slots=True)
class For:
    span: Span
    init: Expr
    condition: Expr
    step: Expr
    body: Expr


@dataclass(frozen=True, slots=True)
class Foreach:
    """``foreach (key; value; resource) body``."""

    span: Span
    key_name: str
    value_name: str
    resource: Expr
    body: Expr
    key_span: Span | None = None
    value_span: Span | None = None


Expr = (
    Literal
    | Variable
    | Index
    | Call
    | Unary
    | Binary
    | Assign
    | Block
    | If
    | While
    | For
    | Foreach
)

# --------------------------------------------------------------------------- type specifications


@dataclass(frozen=True, slots=True)
class Range:
    """An inclusive range ``low..high``; ``None`` is an open end. ``n`` alone is ``n..n``."""

    span: Span
    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A builtin or user type by name, with an optional range: ``long(0..65535)``, ``port``."""

    span: Span
    name: str
    range: Range | None


@dataclass(frozen=True, slots=True)
class ChoiceType:
    """``choice('a', 'b', ...)``."""

    span: Span
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """A record field: ``'name' : type`` (required) or ``'name' ? type`` (optional)."""

    span: Span
    name: str
    name_span: Span
    required: bool
    spec: FullTypeSpec
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordInclude:
    """``include other_record`` inside a record definition."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class RecordType:
    """``[extensible] { fields } [(range)]``; ``members`` keeps fields and includes in order."""

    span: Span
    extensible: bool
    members: tuple[Field | RecordInclude, ...]
    range: Range | None


@dataclass(frozen=True, slots=True)
class ListOf:
    """``T[range?]``."""

    span: Span
    element: TypeSpec
    range: Range | None


@dataclass(frozen=True, slots=True)
class DictOf:
    """``T{range?}``."""

    span: Span
    element: TypeSpec
    range: Range | None


@dataclass(frozen=True, slots=True)
class LinkOf:
    """``T*``: a path string naming an element of type T."""

    span: Span
    element: TypeSpec


TypeSpec = TypeRef | ChoiceType | RecordType | ListOf | DictOf | LinkOf


@dataclass(frozen=True, slots=True)
class FullTypeSpec:
    """``spec [= default] [with validation]``."""

    span: Span
    spec: TypeSpec
    default: Expr | None
    validation: Expr | None
    end_keyword_span: Span | None = None
    """The ``with`` keyword, else the ``=`` of a default: panc's location of the type ends there."""


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)
class Assignment:
    """``[final] 'path' (= | ?=) dml;`` with the template's prefix already applied to ``path``."""

    span: Span
    path: str
    path_span: Span
    value: Expr
    conditional: bool
    final: bool


@dataclass(frozen=True, slots=True)
class PrefixStatement:
    """``prefix 'path';`` (kept so tools can show it; the parser already applied it)."""

    span: Span
    path: str
    path_span: Span


@dataclass(frozen=True, slots=True)
class Include:
    """``include dml;``: a constant string names the template statically."""

    span: Span
    target: Expr

    @property
    def static_name(self) -> str | None:
        """The included template's name when it is a string literal, else ``None``."""
        if isinstance(self.target, Literal) and isinstance(self.target.value, str):
            return self.target.value
        return None


@dataclass(frozen=True, slots=True)
class VariableStatement:
    """``[final] variable NAME (= | ?=) dml;``."""

    span: Span
    name: str
    name_span: Span
    value: Expr
    conditional: bool
    final: bool
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True, slots=True)
class TypeStatement:
    """``type NAME = full_type_spec;``."""

    span: Span
    name: str
    name_span: Span
    spec: FullTypeSpec
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True, slots=True)
class FunctionStatement:
    """``function NAME = dml;``."""

    span: Span
    name: str
    name_span: Span
    body: Expr
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True, slots=True)
class BindStatement:
    """``bind 'path' = full_type_spec;``."""

    span: Span
    path: str
    path_span: Span
    spec: FullTypeSpec


@dataclass(frozen=True, slots=True)
class ValidStatement:
    """``valid 'path' = dml;`` (shorthand for ``bind 'path' = element with dml;``)."""

    span: Span
    path: str
    path_span: Span
    expr: Expr


Statement = (
    Assignment
    | PrefixStatement
    | Include
    | VariableStatement
    | TypeStatement
    | FunctionStatement
    | BindStatement
    | ValidStatement
)

TEMPLATE_KINDS = ("object", "structure", "unique", "declaration", "ordinary")

INCLUDABLE_KINDS: dict[str, frozenset[str]] = {
    "object": frozenset({"ordinary", "unique", "declaration"}),
    "ordinary": frozenset({"ordinary", "unique", "declaration"}),
    "unique": frozenset({"ordinary", "unique", "declaration"}),
    "structure": frozenset({"structure", "declaration"}),
    "declaration": frozenset({"declaration"}),
}
"""panc's ``Template.allowedIncludes``: the kinds each template kind may include (the compiler
enforces it, the analysis reports it ahead)."""


@dataclass(frozen=True, slots=True)
class Template:
    """A whole template file.

    ``kind`` is one of ``TEMPLATE_KINDS`` (``ordinary`` when the header has no modifier);
    ``kind``/``name`` are ``None`` only when recovery could not read the header.
    ``annotations`` are those attached to the header; ``statements`` keeps source order,
    including ``PrefixStatement`` entries.
    """

    span: Span
    kind: str | None
    name: str | None
    name_span: Span | None
    statements: tuple[Statement, ...]
    annotations: tuple[Annotation, ...] = ()
    header_span: Span | None = None
    """The ``[kind] template NAME;`` declaration (panc's source range of a template)."""


Node = (
    Expr
    | TypeSpec
    | Statement
    | Template
    | FullTypeSpec
    | Range
    | Field
    | RecordInclude
    | Annotation
)
