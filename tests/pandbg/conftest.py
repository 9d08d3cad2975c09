"""The ``debugger`` fixture of the pandbg tests (helpers: ``dap_support``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dap_support import Debugger


@pytest.fixture
def debugger(tmp_path: Path) -> Iterator[Debugger]:
    started = Debugger(tmp_path)
    yield started
    started.session.terminate()
    started.session.wait(10)
