"""The value constants every layer shares: the ``UNDEF`` and ``NULL`` sentinels and the range of
pan's 64-bit longs.

The parser puts them into the AST (``undef``, ``null``, the largest literal) and the evaluator
computes with them; they live here, below both, so that the syntax layer never imports the
evaluation layer. The rest of the value model (type tests, formatting, Java ordering) is
``panc.evaluation.values``.
"""

from __future__ import annotations

from typing import Any, Final


class _Singleton:
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name

    def __copy__(self) -> _Singleton:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Singleton:
        return self

    def __reduce__(self) -> str:
        # Pickles (parse cache, worker processes) keep the identity of the singleton.
        return self._name


UNDEF: Final = _Singleton("UNDEF")
NULL: Final = _Singleton("NULL")

LONG_MIN: Final = -(2**63)
LONG_MAX: Final = 2**63 - 1
