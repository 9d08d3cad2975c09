"""Turning type specifications of the AST into compiled ``PanType`` objects.

Referenced types must already be defined, so a reference is resolved to the referenced
``PanType`` object right away: compiled types form an acyclic graph and checks never look
names up. Default values are evaluated here, once, as compile-time constants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from panc.diagnostics import EvaluationError, PanError, PanSyntaxError
from panc.evaluation.values import NULL, UNDEF, Value
from panc.source import Span
from panc.syntax import ast
from panc.types.context import ValidationContext
from panc.types.dml_text import dml_text
from panc.types.failures import message_number
from panc.types.kinds import (
    BaseType,
    ChoiceType,
    DictType,
    LinkType,
    ListType,
    PanType,
    Range,
    RecordField,
    RecordType,
    reference_to,
)

if TYPE_CHECKING:
    from panc.types.registry import TypeRegistry

MSG_DEF_VALUE_NOT_CONSTANT = "default value must be a compile-time constant"


def compile_type(
    full: ast.FullTypeSpec,
    registry: TypeRegistry,
    source_path: str,
    vctx: ValidationContext,
    error_span: Span | None = None,
) -> PanType:
    """Compile an anonymous full type spec (a ``bind``, or ``valid`` as ``element with ...``).

    Errors (undefined referenced type...) are ``EvaluationError``s located at ``error_span``
    (panc uses the whole statement) or, when not given, at the spec; a non-constant default
    is a ``PanSyntaxError`` at the default expression.
    """
    compiler = TypeCompiler(registry, source_path, vctx, error_span or full.span)
    return compiler.full_type(full, name=None)


def type_span(full: ast.FullTypeSpec) -> Span:
    """Where panc says a full type is: its span, but ending at the ``with`` keyword when it
    has a ``with`` clause (``type small = long with f(SELF);`` is ``4.14-4.22``), else at the
    ``=`` of a default (``bind '/b' = boolean = true;`` is ``2.13-2.21``).

    Use it for ``Binding.span`` too, so ``bound to type ... in [...]`` matches panc."""
    return full.span if full.end_keyword_span is None else full.span.to(full.end_keyword_span)


def type_location(source_path: str, full: ast.FullTypeSpec) -> str:
    """``file:L.C-L.C`` of a type definition as panc prints it in the type stack."""
    return f"{source_path}:{type_span(full).range_text()}"


def check_range_order(spec: ast.Range) -> None:
    """panc refuses a range whose minimum (0 when open) exceeds its maximum while it reads the
    template: an evaluation error with no position (``[file:?]``); tools show it at the range."""
    rng = Range(spec.low, spec.high)
    if rng.low > rng.high:
        error = EvaluationError(
            f"minimum range value ({message_number(rng.low)}) must be less than or equal to "
            f"maximum value ({message_number(rng.high)})",
            spec.span,
        )
        error.range = None
        raise error


class TypeCompiler:
    """Compiles the specs of one statement; ``error_span`` locates the errors it raises."""

    def __init__(
        self, registry: TypeRegistry, source_path: str, vctx: ValidationContext, error_span: Span
    ) -> None:
        self.registry = registry
        self.source_path = source_path
        self.vctx = vctx
        self.error_span = error_span

    def _unplaced(self, message: str) -> EvaluationError:
        """An error panc raises with no position (the statement adds its own); tools show it
        at the statement."""
        error = EvaluationError(message)
        error.span = self.error_span
        return error

    def full_type(self, full: ast.FullTypeSpec, name: str | None) -> PanType:
        """A full type; ``name`` is the defined name, ``None`` for anonymous specs."""
        base = self.base_type(full.spec)
        default = self.default_value(full.default) if full.default is not None else None
        return PanType(
            base,
            name if name is not None else base.text,
            type_location(self.source_path, full),
            default=default,
            with_expr=full.validation,
            with_text="null" if full.validation is None else dml_text(full.validation, self.folded),
        )

    def folded(self, expr: ast.Expr) -> Value | None:
        """The constant panc's compiler folds ``expr`` into, ``None`` if it is not one."""
        try:
            return self.vctx.evaluate_constant(expr)
        except PanError:
            return None

    def default_value(self, expr: ast.Expr) -> Value:
        """Evaluate a default: it must be a compile-time constant, neither undef nor null."""
        try:
            value = self.vctx.evaluate_constant(expr)
        except PanError:
            value = UNDEF
        if value is UNDEF or value is NULL or value is None:
            raise PanSyntaxError(MSG_DEF_VALUE_NOT_CONSTANT, expr.span)
        return value

    def base_type(self, spec: ast.TypeSpec) -> BaseType:
        """Dispatch on the kind of spec."""
        if isinstance(spec, ast.TypeRef):
            return reference_to(self.referenced(spec.name), self.range(spec.range))
        if isinstance(spec, ast.ListOf):
            return ListType(self.base_type(spec.element), self.range(spec.range))
        if isinstance(spec, ast.DictOf):
            return DictType(self.base_type(spec.element), self.range(spec.range))
        if isinstance(spec, ast.LinkOf):
            return LinkType(self.base_type(spec.element))
        if isinstance(spec, ast.ChoiceType):
            return ChoiceType(spec.choices)
        if isinstance(spec, ast.RecordType):
            return self.record(spec)
        raise TypeError(f"not a type spec: {spec!r}")

    def referenced(self, name: str) -> PanType:
        """The already defined type ``name``."""
        target = self.registry.get(name)
        if target is None:
            raise self._unplaced(f"referenced type '{name}' is not defined")
        return target

    def range(self, spec: ast.Range | None) -> Range | None:
        """A compiled range; an empty one (``long()``) means no bound."""
        if spec is None or (spec.low is None and spec.high is None):
            return None
        check_range_order(spec)
        return Range(spec.low, spec.high)

    def record(self, spec: ast.RecordType) -> RecordType:
        """A record: its own fields and the records it includes, and every field merged by
        name (own fields first) for the insertion of defaults."""
        required: dict[str, bool] = {}
        types: dict[str, list[PanType]] = {}
        own_fields: list[tuple[str, bool, PanType]] = []
        includes: list[tuple[str, PanType]] = []
        inherited_default: Value | None = None

        def add(name: str, is_required: bool, field_types: tuple[PanType, ...] | list[PanType]) -> None:
            required[name] = required.get(name, False) or is_required
            types.setdefault(name, []).extend(field_types)

        for member in spec.members:
            if isinstance(member, ast.Field):
                field_type = self.full_type(member.spec, name=None)
                own_fields.append((member.name, member.required, field_type))
                add(member.name, member.required, (field_type,))
        for member in spec.members:
            if isinstance(member, ast.RecordInclude):
                named = self.referenced(member.name)
                if not isinstance(named.base, RecordType):  # an alias of a record is not one
                    raise self._unplaced(f"record definition includes non-record type: '{member.name}'")
                for field in named.base.fields.values():
                    add(field.name, field.required, field.types)
                includes.append((member.name, named))
                if inherited_default is None:
                    inherited_default = named.default
        fields = [RecordField(name, required[name], tuple(declared)) for name, declared in types.items()]
        return RecordType(
            own_fields, fields, spec.extensible, self.range(spec.range), tuple(includes), inherited_default
        )
