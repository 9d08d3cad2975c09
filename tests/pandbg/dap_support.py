"""Shared helpers of the pandbg tests: the fixture templates and a recording listener."""

from __future__ import annotations

import queue
from pathlib import Path

from pandbg.session import DebugSession, LaunchConfig, LineSpec, StopInfo

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_path(name: str) -> str:
    return str(FIXTURES / name)


def line_of(name: str, marker: str) -> int:
    """The 1-based line of the first line of fixture ``name`` containing ``marker``."""
    for number, line in enumerate((FIXTURES / name).read_text().splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in {name}")


class Recorder:
    """A ``SessionListener`` that queues stops and the end of the run, and keeps output."""

    def __init__(self) -> None:
        self.events: queue.Queue[StopInfo | int] = queue.Queue()
        self.outputs: list[tuple[str, str]] = []

    def stopped(self, stop: StopInfo) -> None:
        self.events.put(stop)

    def output(self, text: str, category: str) -> None:
        self.outputs.append((category, text))

    def finished(self, exit_code: int) -> None:
        self.events.put(exit_code)

    def next_stop(self) -> StopInfo:
        event = self.events.get(timeout=20)
        assert isinstance(event, StopInfo), f"expected a stop, the run finished with {event}"
        return event

    def exit_code(self) -> int:
        event = self.events.get(timeout=20)
        assert isinstance(event, int), f"expected the end of the run, got {event}"
        return event

    def text(self, category: str | None = None) -> str:
        return "".join(t for c, t in self.outputs if category is None or c == category)


class Debugger:
    """A session on a fixture template with its recorder."""

    def __init__(self, tmp_path: Path) -> None:
        self.recorder = Recorder()
        self.session = DebugSession(self.recorder)
        self.output_dir = tmp_path / "out"

    def launch(self, program: str, **options: object) -> str:
        config = LaunchConfig(program=fixture_path(program), output_dir=str(self.output_dir), **options)  # type: ignore[arg-type]
        return self.session.launch(config)

    def stop_at(self, name: str, marker: str) -> StopInfo:
        """Break on the line of fixture ``name`` holding ``marker``, start, and wait for the stop."""
        self.session.set_line_breakpoints(fixture_path(name), [LineSpec(line_of(name, marker))])
        self.session.start()
        return self.recorder.next_stop()

    def top(self) -> tuple[str, str, int]:
        frame = self.session.stack()[0]
        return frame.name, Path(frame.path).name, frame.line

    def locals(self, frame_id: int = 1) -> dict[str, str]:
        scope = self.scope("Locals", frame_id)
        return {v.name: v.value for v in self.session.variables(scope)}

    def scope(self, name: str, frame_id: int = 1) -> int:
        for scope in self.session.scopes(frame_id):
            if scope.name == name:
                return scope.reference
        raise AssertionError(f"no scope {name}")
