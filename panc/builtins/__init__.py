"""Builtin functions, one module per family; importing this package fills ``BUILTINS``."""

from panc.builtins.registry import BUILTINS, Builtin, BuiltinError, builtin

__all__ = ["BUILTINS", "Builtin", "BuiltinError", "builtin"]
