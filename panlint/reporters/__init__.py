"""The reporting stage: one module per output format, all with the same signature.

``report(results, stream, options)`` writes the findings of ``results`` to ``stream``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from panlint.reporters import github, json_report, sarif, text
from panlint.reporters.options import ReportOptions
from panlint.runner import FileResult

Reporter = Callable[[list[FileResult], TextIO, ReportOptions], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_report.report,
    "sarif": sarif.report,
    "github": github.report,
}

__all__ = ["REPORTERS", "ReportOptions", "Reporter"]
