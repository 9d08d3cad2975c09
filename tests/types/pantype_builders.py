"""Hand-built type-spec AST nodes and a fake evaluator for the type system's tests.

``with`` clauses are ``Call`` nodes naming a Python predicate known to ``FakeContext``;
defaults are ``Literal`` nodes (any Python value), anything else is "not constant".
"""

from __future__ import annotations

from collections.abc import Callable

from panc.diagnostics import EvaluationError, ValidationError
from panc.evaluation.tree import MISSING, lookup
from panc.evaluation.values import Value
from panc.source import Span
from panc.syntax import ast
from panc.types import Binding, TypeRegistry, compile_type, insert_defaults, validate_profile
from panc.types.binding import path_terms

FILE = "t.pan"


def span(line: int, col: int, end_line: int | None = None, end_col: int | None = None) -> Span:
    return Span(
        FILE, line, col, end_line if end_line is not None else line, end_col if end_col is not None else col
    )


S = span(1, 1)


def rng(low: int | None, high: int | None) -> ast.Range:
    return ast.Range(S, low, high)


def ref(name: str, low: int | None = None, high: int | None = None, ranged: bool = False) -> ast.TypeRef:
    """``name`` or, with bounds (or ``ranged``), ``name(low..high)``."""
    has_range = ranged or low is not None or high is not None
    return ast.TypeRef(S, name, rng(low, high) if has_range else None)


def full(
    spec: ast.TypeSpec,
    default: Value | ast.Expr | None = None,
    check: str | None = None,
    at: Span = S,
    with_at: Span | None = None,
) -> ast.FullTypeSpec:
    """``spec [= default] [with check()]``; a non-AST default becomes a literal."""
    if default is not None and not isinstance(default, (ast.Literal, ast.Variable, ast.Call)):
        default = ast.Literal(S, default)
    validation = ast.Call(S, check, S, ()) if check else None
    return ast.FullTypeSpec(at, spec, default, validation, with_at)


def fld(name: str, spec: ast.TypeSpec | ast.FullTypeSpec, required: bool = True) -> ast.Field:
    if not isinstance(spec, ast.FullTypeSpec):
        spec = full(spec)
    return ast.Field(S, name, S, required, spec)


def opt(name: str, spec: ast.TypeSpec | ast.FullTypeSpec) -> ast.Field:
    return fld(name, spec, required=False)


def inc(name: str) -> ast.RecordInclude:
    return ast.RecordInclude(S, name)


def record(
    *members: ast.Field | ast.RecordInclude, extensible: bool = False, size: ast.Range | None = None
) -> ast.RecordType:
    return ast.RecordType(S, extensible, tuple(members), size)


def list_of(element: ast.TypeSpec, size: ast.Range | None = None) -> ast.ListOf:
    return ast.ListOf(S, element, size)


def dict_of(element: ast.TypeSpec, size: ast.Range | None = None) -> ast.DictOf:
    return ast.DictOf(S, element, size)


def link_of(element: ast.TypeSpec) -> ast.LinkOf:
    return ast.LinkOf(S, element)


def choice(*choices: str) -> ast.ChoiceType:
    return ast.ChoiceType(S, choices)


def type_stmt(name: str, spec: ast.FullTypeSpec | ast.TypeSpec, at: Span = S) -> ast.TypeStatement:
    if not isinstance(spec, ast.FullTypeSpec):
        spec = full(spec)
    return ast.TypeStatement(at, name, S, spec)


class FakeContext:
    """A ``ValidationContext`` over Python predicates and a profile root.

    ``calls`` records the ``with`` predicates run, in order, with their ``SELF``.
    """

    def __init__(self, predicates: dict[str, Callable[[Value], Value]] | None = None) -> None:
        self.predicates = predicates or {}
        self.root: dict[str, Value] = {}
        self.calls: list[tuple[str, Value]] = []

    def run_with(self, expr: ast.Expr, self_value: Value, at: Span) -> Value:
        del at
        assert isinstance(expr, ast.Call)
        self.calls.append((expr.name, self_value))
        return self.predicates[expr.name](self_value)

    def evaluate_constant(self, expr: ast.Expr) -> Value:
        if isinstance(expr, ast.Literal):
            return expr.value
        raise EvaluationError("not a constant", expr.span)

    def resolve_path(self, path: str) -> Value | None:
        value = lookup(self.root, path_terms(path))
        return None if value is MISSING else value


class Scenario:
    """A registry, bindings and a fake context: define types, bind paths, then build."""

    def __init__(self, predicates: dict[str, Callable[[Value], Value]] | None = None) -> None:
        self.vctx = FakeContext(predicates)
        self.registry = TypeRegistry()
        self.bindings: list[Binding] = []

    def define(self, name: str, spec: ast.FullTypeSpec | ast.TypeSpec) -> Scenario:
        self.registry.define(type_stmt(name, spec), FILE, self.vctx)
        return self

    def bind(self, path: str, spec: ast.FullTypeSpec | ast.TypeSpec) -> Scenario:
        if not isinstance(spec, ast.FullTypeSpec):
            spec = full(spec)
        pan_type = compile_type(spec, self.registry, FILE, self.vctx)
        self.bindings.append(Binding(path, pan_type, spec.span, FILE))
        return self

    def build(self, root: dict[str, Value]) -> dict[str, Value]:
        """Insert defaults into ``root`` and validate it; return it."""
        self.vctx.root = root
        insert_defaults(root, self.bindings, self.vctx)
        validate_profile(root, self.bindings, self.vctx, "obj.pan")
        return root

    def failure(self, root: dict[str, Value]) -> str:
        """The validation message (without the category line) for a root that must fail."""
        try:
            self.build(root)
        except ValidationError as error:
            return error.message
        raise AssertionError(f"validation passed: {root!r}")
