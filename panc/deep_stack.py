"""Running deeply recursive work on a thread with a large stack and a high recursion limit.

The evaluator recurses as deep as the templates nest (pan's own limits, max-recursion and
max-iteration, stop runaway templates long before these limits), and so does decoding a deep
JSON profile; on Python's default stack both would overflow at a depth of ~1,000.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

STACK_SIZE = 512 * 1024 * 1024
RECURSION_LIMIT = 200_000

T = TypeVar("T")


def _start_thread(target: Callable[[], None]) -> threading.Thread | None:
    """A started thread with the largest stack the system grants (``None`` if none)."""
    old_size = threading.stack_size()
    try:
        for size in (STACK_SIZE, STACK_SIZE // 8):
            try:
                threading.stack_size(size)
                thread = threading.Thread(target=target, name="panc-deep-stack")
                thread.start()
                return thread
            except (RuntimeError, ValueError, MemoryError):
                continue
        return None
    finally:
        threading.stack_size(old_size)


def call_with_deep_stack(work: Callable[[], T]) -> T:
    """``work()`` run on a thread with a large stack and a high recursion limit; what it
    returns or raises comes back to the caller."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # pylint: disable=broad-exception-caught  # re-raised below
            failure.append(error)

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
    try:
        thread = _start_thread(target)
        if thread is None:  # no thread with a big stack can be had here: run in place
            target()
        else:
            thread.join()
    finally:
        sys.setrecursionlimit(old_limit)
    if failure:
        raise failure[0]
    return outcome[0]
