"""The memory budget of the compiler: a template that allocates without bound (``s = s + s`` in a
loop, ``format('%999999999s')``, ``merge(l, l)``...) ends with an evaluation error, not with the
machine swapping or the process killed.

The budget is on the resident memory of the process (``--max-memory``; by default a quarter of
the RAM, like the Java panc's default heap). The operators and builtins that can build a large
string, list or dict announce its size first (``check_growth``): the resident memory is read
before a value of 16 MB or more and after every 16 MB built in smaller ones. Loops and the
profile writers also check it every so often (``check_resident``). The limit is process-wide,
as memory is: the compiler sets it for the duration of a compile (``limited``).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator

from panc.evaluation.control import EvalFailure

LARGE_VALUE = 4096
"""Values of fewer bytes are not counted (callers skip ``check_growth`` for them)."""
_MB = 1 << 20
_READ_EVERY = 16 * _MB
"""The resident memory is read before a value of this size, and after this much has been built."""
_MIN_DEFAULT = 512 * _MB
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096



class _Budget:
    """The budget in force (memory is the process's, and the builtins have no context)."""

    limit = 0
    """Bytes (0: none)."""
    built_since_read = 0


_BUDGET = _Budget()


class MemoryLimitError(EvalFailure):
    """The compile would use (or uses) more memory than its budget."""


def physical_memory() -> int | None:
    """The RAM of this machine in bytes, when the system tells."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None


def default_max_memory() -> int:
    """A quarter of the RAM (the Java panc's default heap), at least 512 MB."""
    ram = physical_memory()
    return max(_MIN_DEFAULT, ram // 4) if ram else 4 * _MIN_DEFAULT


def parse_size(text: str) -> int:
    """``512M``, ``2G``, ``1.5g``, ``100000000`` (bytes) or ``0`` (no limit); ``ValueError`` if not."""
    text = text.strip().upper().removesuffix("B")
    factor = {"K": 1 << 10, "M": _MB, "G": 1 << 30, "T": 1 << 40}.get(text[-1:], 1)
    number = float(text[:-1] if factor != 1 else text)
    if number < 0 or math.isnan(number):
        raise ValueError(text)
    return int(number * factor)


def resident_bytes() -> int:
    """The resident memory of this process (its peak where the current one cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        import resource  # pylint: disable=import-outside-toplevel  # only off Linux

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if os.uname().sysname == "Darwin" else peak * 1024


def current_limit() -> int:
    """The budget in force in bytes (0: none)."""
    return _BUDGET.limit


@contextlib.contextmanager
def limited(max_bytes: int | None) -> Iterator[None]:
    """Hold the process to ``max_bytes`` (``None``: the default, 0: no limit) meanwhile."""
    previous = _BUDGET.limit
    _BUDGET.limit = default_max_memory() if max_bytes is None else max_bytes
    try:
        yield
    finally:
        _BUDGET.limit = previous


def check_growth(size: int) -> None:
    """Before building a value of about ``size`` bytes: fail if it would break the budget."""
    budget = _BUDGET
    if not budget.limit:
        return
    budget.built_since_read += size
    if size >= _READ_EVERY or budget.built_since_read >= _READ_EVERY:
        budget.built_since_read = 0
        resident = resident_bytes()
        if resident + size > budget.limit:
            raise MemoryLimitError(
                f"memory limit exceeded: a value of {size:,} bytes would take the compiler "
                f"({resident // _MB:,} MB) past its limit of {budget.limit // _MB:,} MB (--max-memory)"
            )


def check_resident() -> None:
    """Fail if the process already uses more than its budget (called every so often)."""
    if _BUDGET.limit:
        resident = resident_bytes()
        if resident > _BUDGET.limit:
            raise MemoryLimitError(over_limit_message(resident))


def over_limit_message(resident: int | None = None) -> str:
    """What a compile that ran out of its memory budget says."""
    if resident is None:
        limit = _BUDGET.limit // _MB
        return f"memory limit exceeded: the compiler ran out of memory (limit {limit:,} MB, --max-memory)"
    return (
        f"memory limit exceeded: the compiler uses {resident // _MB:,} MB, more than its limit of "
        f"{_BUDGET.limit // _MB:,} MB (--max-memory)"
    )
