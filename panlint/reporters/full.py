"""``--format full``: ``file:line:col: ID [level] message``, the source line and carets, per finding."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from panlint.findings import Finding
from panlint.reporters.options import ReportOptions
from panlint.reporters.tables import boxed
from panlint.runner import FileResult

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"


def caret_line(source_line: str, finding: Finding) -> str:
    """Carets under the finding's columns; tabs are copied so the carets line up."""
    span = finding.span
    start = max(span.start_column, 1)
    end = span.end_column if span.end_line == span.start_line else len(source_line)
    end = max(start, end)
    prefix = "".join(char if char == "\t" else " " for char in source_line[: start - 1])
    return prefix + "^" * (end - start + 1)


def _header(finding: Finding, options: ReportOptions) -> str:
    level = finding.level.label
    if options.color:
        level = f"{COLORS[level]}{level}{RESET}"
    span = finding.span
    return f"{span.file}:{span.start_line}:{span.start_column}: {finding.rule_id} [{level}] {finding.message}"


def table_lines(results: list[FileResult]) -> list[str]:
    """A table of per-file statistics: findings in total and per level, files with findings only."""
    headers = ("File", "Findings", "error", "warning", "info")
    rows = []
    for result in results:
        if result.findings:
            levels = Counter(finding.level.label for finding in result.findings)
            counts = (len(result.findings), levels["error"], levels["warning"], levels["info"])
            rows.append((result.path, *(str(count) for count in counts)))
    return boxed(headers, rows)


def summary_lines(results: list[FileResult]) -> list[str]:
    """Findings per rule and in total."""
    counts = Counter(finding.rule_id for result in results for finding in result.findings)
    total = sum(counts.values())
    files = sum(1 for result in results if result.findings)
    lines = [f"{rule_id}: {count}" for rule_id, count in sorted(counts.items())]
    lines.append(f"{total} finding{'s' if total != 1 else ''} in {files} of {len(results)} files")
    return lines


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write the findings for people to read."""
    for result in results:
        if not result.findings:
            continue
        lines = (result.text or "").split("\n")
        for finding in result.findings:
            stream.write(_header(finding, options) + "\n")
            number = finding.span.start_line
            if 1 <= number <= len(lines):
                source = lines[number - 1].rstrip("\r")
                stream.write(f"    {source}\n    {caret_line(source, finding)}\n")
    if options.table and any(result.findings for result in results):
        stream.write("\n".join(table_lines(results)) + "\n")
    if options.summary:
        stream.write("\n".join(summary_lines(results)) + "\n")
