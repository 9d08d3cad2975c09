"""The pan type system: type definitions, ``bind``, default insertion and validation.

    registry = TypeRegistry()                       # builtins + the user's types, one per object
    registry.define(type_statement, source_path, vctx, cache)   # cache: the statement's, shared
    pan_type = compile_type(bind_statement.spec, registry, source_path, vctx)
    bindings.append(Binding(path, pan_type, type_span(bind_statement.spec), source_path))
    insert_defaults(root, bindings, vctx)           # after the object template ran
    validate_profile(root, bindings, vctx, object_file)   # raises ValidationError

``vctx`` is the evaluator's side of the contract, a ``panc.types.context.ValidationContext``.
"""

from panc.types.binding import Binding
from panc.types.compiler import MSG_DEF_VALUE_NOT_CONSTANT, compile_type, type_span
from panc.types.defaults import insert_defaults
from panc.types.kinds import PanType
from panc.types.registry import TypeDefinitionCache, TypeRegistry, is_valid
from panc.types.validation import first_undefined, validate_profile

__all__ = [
    "MSG_DEF_VALUE_NOT_CONSTANT",
    "Binding",
    "PanType",
    "TypeDefinitionCache",
    "TypeRegistry",
    "compile_type",
    "first_undefined",
    "insert_defaults",
    "is_valid",
    "type_span",
    "validate_profile",
]
