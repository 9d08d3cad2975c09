"""The reporting stage: one module per output format, all with the same signature.

``report(results, stream, options)`` writes the findings of ``results`` to ``stream``.
Modules load on demand: the plain text report must not pull in every rule.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from panlint.reporters.options import ReportOptions
from panlint.runner import FileResult

Reporter = Callable[[list[FileResult], TextIO, ReportOptions], None]

FORMATS = {"text": "text", "full": "full", "json": "json_report", "sarif": "sarif", "github": "github"}
"""Format name -> module of this package."""


def reporter(name: str) -> Reporter:
    """The ``report`` function of a format."""
    module = importlib.import_module(f"panlint.reporters.{FORMATS[name]}")
    function: Reporter = module.report
    return function


__all__ = ["FORMATS", "ReportOptions", "Reporter", "reporter"]
