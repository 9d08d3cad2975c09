"""The types known while compiling one object: the builtins plus the user's ``type`` statements.

A ``type`` statement is compiled once for all the objects of a build that run it: its
``TypeDefinitionCache`` lives with the compiled template. What it compiles to depends on the
object only through the types it names (an object may define those differently), so each
compiled form is kept with the named types it was compiled against and reused when another
object's registry holds the very same ones. Nothing else of the object goes in: defaults are
compile-time constants (copied wherever they are inserted), ``with`` clauses run when an object
is validated, and the compiled types are never changed once made.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from panc.diagnostics import EvaluationError
from panc.evaluation.values import Value
from panc.syntax import ast
from panc.types.compiler import TypeCompiler
from panc.types.context import ValidationContext
from panc.types.kinds import BUILTIN_KINDS, BuiltinType, PanType

_BUILTIN_TYPES: Final = {
    name: PanType(BuiltinType(name, accepted), name) for name, accepted in BUILTIN_KINDS.items()
}
"""Shared by every registry: the types compiled against them can be shared too."""

MAX_FORMS = 8
"""Compiled forms kept per ``type`` statement (objects defining its named types differently)."""


class TypeDefinitionCache:
    """The compiled forms of one ``type`` statement, each with the types it names as they were
    when it was compiled (see the module's docstring)."""

    __slots__ = ("forms", "names")

    def __init__(self, stmt: ast.TypeStatement) -> None:
        self.names = referenced_type_names(stmt.spec)
        self.forms: list[tuple[tuple[PanType | None, ...], PanType]] = []

    def compiled(self, stmt: ast.TypeStatement, registry: TypeRegistry, compile_: TypeCompiler) -> PanType:
        """The statement's type for ``registry``: a kept form, or one compiled now."""
        named = tuple(registry.get(name) for name in self.names)
        for referenced, pan_type in self.forms:
            if all(kept is current for kept, current in zip(referenced, named, strict=True)):
                return pan_type
        pan_type = compile_.full_type(stmt.spec, name=stmt.name)
        if len(self.forms) < MAX_FORMS:
            self.forms.append((named, pan_type))
        return pan_type


def referenced_type_names(full: ast.FullTypeSpec) -> tuple[str, ...]:
    """The type names a spec looks up (references and record includes), each once, in order."""
    names: dict[str, None] = {}

    def walk(spec: ast.TypeSpec) -> None:
        if isinstance(spec, ast.TypeRef):
            names[spec.name] = None
        elif isinstance(spec, ast.ListOf | ast.DictOf | ast.LinkOf):
            walk(spec.element)
        elif isinstance(spec, ast.RecordType):
            for member in spec.members:
                if isinstance(member, ast.RecordInclude):
                    names[member.name] = None
                else:
                    walk(member.spec.spec)

    walk(full.spec)
    return tuple(names)


class TypeRegistry:
    """One per object compile: name -> ``PanType``. Builtins are defined from the start."""

    def __init__(self) -> None:
        self._types: dict[str, PanType] = dict(_BUILTIN_TYPES)

    def define(
        self,
        stmt: ast.TypeStatement,
        source_path: str,
        vctx: ValidationContext,
        cache: TypeDefinitionCache | None = None,
    ) -> None:
        """Compile and record ``type NAME = spec;`` (through the statement's ``cache``, when
        given: see ``TypeDefinitionCache``).

        Raises ``EvaluationError`` (at the statement) when the name is already defined,
        builtins included, or the spec references an undefined type; ``PanSyntaxError`` when
        a default is not a compile-time constant.
        """
        if stmt.name in self._types:
            raise EvaluationError(f"type '{stmt.name}' is already defined", stmt.span)
        compiler = TypeCompiler(self, source_path, vctx, stmt.span)
        if cache is None:
            self._types[stmt.name] = compiler.full_type(stmt.spec, name=stmt.name)
        else:
            self._types[stmt.name] = cache.compiled(stmt, self, compiler)

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
