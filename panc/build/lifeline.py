"""Worker processes that end with their build, however the build ends.

A forked worker of a build killed with SIGKILL used to finish its batch, write more profiles
and linger. Two things now bind each worker to the build process:

- on Linux, ``PR_SET_PDEATHSIG`` (through ``prctl`` via ctypes): the kernel sends the worker
  SIGKILL the moment the build process dies, even if the worker is busy in C code;
- everywhere, a pipe: the build keeps its write end open for as long as it runs, each
  worker watches the read end in a thread and exits when it reads end-of-file, which the
  kernel delivers when the last write end closes, that is when the build process is gone.

A worker killed half-way through writing a profile leaves only a temporary file (profiles
are renamed into place); the next build removes it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from dataclasses import dataclass

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class LifelineEnds:
    """What a worker needs to watch its build (passed to it when it is forked)."""

    parent: int
    read_end: int
    write_end: int
    death_signal: bool
    """Whether to ask for ``PR_SET_PDEATHSIG``: only when the build forks its workers from its
    main thread (the kernel sends the signal when the forking *thread* ends)."""


class Lifeline:
    """The build's side: a pipe whose write end lives as long as the build does."""

    def __init__(self) -> None:
        read_end, write_end = os.pipe()
        self.ends = LifelineEnds(os.getpid(), read_end, write_end,
                                 threading.current_thread() is threading.main_thread())

    def close(self) -> None:
        """Cut the line (after the workers have been shut down)."""
        for descriptor in (self.ends.read_end, self.ends.write_end):
            with contextlib.suppress(OSError):
                os.close(descriptor)

    def __enter__(self) -> LifelineEnds:
        return self.ends

    def __exit__(self, *_exc: object) -> None:
        self.close()


def bind_to_build(ends: LifelineEnds) -> None:
    """In a freshly forked worker: exit as soon as the build process is gone."""
    os.close(ends.write_end)  # only the build may hold it, or the pipe never reads end-of-file
    if ends.death_signal and sys.platform.startswith("linux"):
        _ask_for_death_signal()
    watcher = threading.Thread(target=_watch, args=(ends.read_end,), name="panc-lifeline", daemon=True)
    watcher.start()
    if os.getppid() != ends.parent:
        os._exit(1)  # pylint: disable=protected-access  # the build died before we could watch it


def _ask_for_death_signal() -> None:
    try:
        import ctypes  # pylint: disable=import-outside-toplevel  # Linux workers only

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no prctl: the pipe is enough


def _watch(read_end: int) -> None:
    try:
        while os.read(read_end, 1):
            pass
    except OSError:
        pass
    # end of file: the build is gone; no clean-up, the parent's state is not ours
    os._exit(1)  # pylint: disable=protected-access
