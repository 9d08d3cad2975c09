"""Builtin functions, one module per family; importing this package fills ``BUILTINS``."""

from panc.builtins import (  # noqa: F401  (importing a family registers its builtins)
    collections,
    conversions,
    encoding,
    formatting,
    math,
    network,
    regex,
    strings,
    typetests,
)
from panc.builtins.registry import BUILTINS, Builtin, BuiltinError, builtin

__all__ = ["BUILTINS", "Builtin", "BuiltinError", "builtin"]
