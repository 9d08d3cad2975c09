"""The types known while compiling one object: the builtins plus the user's ``type`` statements."""

from __future__ import annotations

from collections.abc import Iterator

from panc.diagnostics import EvaluationError
from panc.evaluation.values import Value
from panc.syntax import ast
from panc.types.compiler import TypeCompiler
from panc.types.context import ValidationContext
from panc.types.kinds import BUILTIN_KINDS, BuiltinType, PanType


class TypeRegistry:
    """One per object compile: name -> ``PanType``. Builtins are defined from the start."""

    def __init__(self) -> None:
        self._types: dict[str, PanType] = {
            name: PanType(BuiltinType(name, accepted), name) for name, accepted in BUILTIN_KINDS.items()
        }

    def define(self, stmt: ast.TypeStatement, source_path: str, vctx: ValidationContext) -> None:
        """Compile and record ``type NAME = spec;``.

        Raises ``EvaluationError`` (at the statement) when the name is already defined,
        builtins included, or the spec references an undefined type; ``PanSyntaxError`` when
        a default is not a compile-time constant.
        """
        if stmt.name in self._types:
            raise EvaluationError(f"type '{stmt.name}' is already defined", stmt.span)
        compiler = TypeCompiler(self, source_path, vctx, stmt.span)
        self._types[stmt.name] = compiler.full_type(stmt.spec, name=stmt.name)

    def get(self, name: str) -> PanType | None:
        """The type called ``name``, or ``None``."""
        return self._types.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def is_valid(self, type_name: str, value: Value, vctx: ValidationContext) -> bool:
        """``is_valid(TYPE, value)``: whether ``value`` conforms; ``EvaluationError`` for an unknown type."""
        pan_type = self._types.get(type_name)
        if pan_type is None:
            raise EvaluationError(f"referenced type '{type_name}' is not defined")
        return pan_type.conforms(value, vctx)


def is_valid(registry: TypeRegistry, type_name: str, value: Value, vctx: ValidationContext) -> bool:
    """The ``is_valid()`` builtin's work: whether ``value`` validates as the named type."""
    return registry.is_valid(type_name, value, vctx)
