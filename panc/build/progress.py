"""Build progress on stderr: a redrawn bar on a terminal, a few plain lines otherwise."""

from __future__ import annotations

import time
from typing import TextIO

_BAR_WIDTH = 28
_TTY_REDRAW_SECONDS = 0.1
_PLAIN_EVERY_SECONDS = 10.0


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Objects done and failed out of a total, their rate and the time left.

    On a terminal one line is redrawn in place (at most ten times a second); elsewhere (logs,
    CI) a plain line is printed every ten seconds and once at the end, so logs stay short.
    """

    def __init__(self, stream: TextIO, total: int, tty: bool | None = None) -> None:
        self.stream = stream
        self.total = total
        self.tty = stream.isatty() if tty is None else tty
        self.done = 0
        self.failed = 0
        self._started = time.monotonic()
        # a terminal shows the first object at once; a log waits for the first interval
        self._shown = 0.0 if self.tty else self._started

    def start(self, total: int) -> None:
        """Begin counting ``total`` objects now (rate and ETA are measured from here)."""
        self.total = total
        self.done = self.failed = 0
        self._started = time.monotonic()
        self._shown = 0.0 if self.tty else self._started

    def advance(self, failed: bool) -> None:
        """One more object finished (``failed``: with errors)."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        interval = _TTY_REDRAW_SECONDS if self.tty else _PLAIN_EVERY_SECONDS
        if now - self._shown >= interval and self.done < self.total:
            self._shown = now
            self._show(now)

    def finish(self) -> None:
        """The final state (the terminal line is then ended)."""
        if self.total:
            self._show(time.monotonic())
        if self.tty and self.total:
            self.stream.write("\n")
        self.stream.flush()

    def line(self, now: float) -> str:
        """The progress text at time ``now`` (``time.monotonic()``)."""
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        remaining = (self.total - self.done) / rate if rate > 0 else 0.0
        filled = _BAR_WIDTH * self.done // self.total if self.total else _BAR_WIDTH
        drawn = "#" * filled + "-" * (_BAR_WIDTH - filled)
        return (f"[{drawn}] {self.done}/{self.total} done, {self.failed} failed, "
                f"{rate:.1f} objects/s, ETA {_clock(remaining)}")

    def _show(self, now: float) -> None:
        text = self.line(now)
        if self.tty:
            self.stream.write("\r\x1b[2K" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
