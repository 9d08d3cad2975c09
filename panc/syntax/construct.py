"""Fast constructors for the AST's frozen dataclasses.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; the parser
builds about a hundred thousand nodes for a large library, and that call per field is a
good part of its time. The constructors made here create the same objects (same class,
same slots, same defaults) by calling each slot's descriptor directly, about 40% faster.
Classes with a ``__post_init__`` or without slots keep their own constructor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from panc.syntax import ast


def fast_constructor(cls: type) -> Callable[..., Any]:
    """A function with the signature of ``cls(...)`` returning an equal, new instance."""
    has_slots = "__slots__" in vars(cls)
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__") or not has_slots:
        return cls
    fields = dataclasses.fields(cls)
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    parameters = []
    for field in fields:
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
        elif field.default_factory is not dataclasses.MISSING:
            return cls  # a factory default needs the dataclass's own __init__
        else:
            parameters.append(field.name)
        namespace[f"_set_{field.name}"] = vars(cls)[field.name].__set__
    body = "".join(f"    _set_{field.name}(node, {field.name})\n" for field in fields)
    source = f"def make({', '.join(parameters)}):\n    node = _new(_cls)\n{body}    return node\n"
    exec(source, namespace)  # pylint: disable=exec-used  # generated from the dataclass fields only
    make = namespace["make"]
    make.__name__ = make.__qualname__ = f"make_{cls.__name__}"
    make.__module__ = __name__
    make.__doc__ = f"Build an ``ast.{cls.__name__}`` (see panc.syntax.construct)."
    return make  # type: ignore[no-any-return]


CONSTRUCTORS: dict[type, Callable[..., Any]] = {
    value: fast_constructor(value)
    for value in vars(ast).values()
    if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == ast.__name__
}
"""The fast constructor of each AST class (the class itself when it has none)."""

# Module-level names, so that pickle can refer to them (the parse cache rebuilds nodes
# through them too).
globals().update(
    {maker.__name__: maker for maker in CONSTRUCTORS.values() if maker.__name__.startswith("make_")}
)


class _Constructors:
    """``nodes.Field(...)`` and so on: the fast constructor of each AST class."""

    def __init__(self) -> None:
        for cls, maker in CONSTRUCTORS.items():
            setattr(self, cls.__name__, maker)

    def __getattr__(self, name: str) -> Any:
        return getattr(ast, name)


nodes: Any = _Constructors()
