"""Pausing Python's cyclic garbage collector around allocation-heavy work.

Parsing and unpickling allocate hundreds of thousands of small objects and create no
reference cycles; the collector's repeated scans of them cost about a third of the time.

A pause does not make those scans go away, it defers them: the objects allocated meanwhile
wait in the youngest generation, and the first allocation after the pause scans them all
(75 ms after the first host of the SCDB example site), then older generations again and
again (a full collection there: 0.2 s, with nothing to collect). A process that ends when
its work does (the ``panc`` command, see ``declare_one_shot``; its forked workers too) moves
what its compiles keep out of the collector's reach instead (``gc.freeze``). A long-lived
process (the language server, the debugger, a Dask worker) does not: dropping a
compiler leaves cycles (its compiled templates) that only the collector can free.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block (restoring its previous state)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_ONE_SHOT = {"enabled": False}


def declare_one_shot() -> None:
    """This process ends when its work is done: ``retire_survivors`` freezes from now on."""
    _ONE_SHOT["enabled"] = True


def retire_survivors() -> None:
    """In a one-shot process, take every object alive now out of the collector's scans.

    Called after work that left no cyclic garbage (a successful compile: 0 unreachable
    objects after each SCDB host); what a failed compile left (an exception's traceback
    holds its frames) stays collectable.
    """
    if _ONE_SHOT["enabled"]:
        gc.freeze()
