"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from panlint.findings import Level
from panlint.reporters.full import summary_lines
from panlint.reporters.options import ReportOptions
from panlint.runner import FileResult

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write one ``::error file=...,line=...::message`` line per finding."""
    names = options.rule_names()
    for result in results:
        for finding in result.findings:
            span = finding.span
            title = f"{finding.rule_id} {names.get(finding.rule_id, '')}".strip()
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", span.file),
                    ("line", span.start_line),
                    ("col", span.start_column),
                    ("endLine", span.end_line),
                    ("endColumn", span.end_column + 1),
                    ("title", title),
                )
            )
            stream.write(f"::{COMMANDS[finding.level]} {properties}::{_escape_data(finding.message)}\n")
    if options.summary:
        stream.write("\n".join(summary_lines(results)) + "\n")
