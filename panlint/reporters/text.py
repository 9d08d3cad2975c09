"""The old panlint's report, line for line: what a CI that greps its output expects.

For each line with findings: an empty line, ``FILE:LINE: MESSAGE[, MESSAGE...]`` (``FILE
+LINE #MESSAGES`` with ``--vi``), the line as the checks read it (its trailing comment cut
off, tabs shown as spaces) and a line of ``^`` under each finding. ``--table`` adds
the per-file counts by level, ``--summary`` the totals and the highest level found.
Colours only on a terminal (never with ``--ide``).
"""

from __future__ import annotations

from typing import TextIO

from panlint.compat.catalog import LINE_ORDER
from panlint.compat.view import comment_start, split_lines, string_ranges
from panlint.findings import Finding, Level
from panlint.reporters.options import ReportOptions
from panlint.reporters.tables import boxed
from panlint.runner import FileResult

GREEN, BLUE, RESET = "\033[32m", "\033[34m", "\033[39m"
LEVELS = (Level.INFO, Level.WARNING, Level.ERROR)


def line_report(path: str, number: int, source: str, findings: list[Finding], options: ReportOptions) -> str:
    """The old tool's four lines for one line of a file with findings."""
    if len(findings) == 1:
        messages = findings[0].message
    else:
        ordered = sorted(
            findings, key=lambda f: (LINE_ORDER.get(f.rule_id, len(LINE_ORDER)), f.span.start_column)
        )
        messages = ", ".join(dict.fromkeys(finding.message for finding in ordered))
    header = f"{path} +{number} #{messages}" if options.vi else f"{path}:{number}: {messages}"
    # The old tool meant to show tabs as arrows on UTF-8 terminals, but its test never held
    # under Python 3 (the encoding is spelt "utf-8"): a tab is always shown as one space.
    shown = source.replace("\t", " ")
    markers = diagnosis(source, findings)
    if options.color:
        shown, markers = f"{GREEN}{shown}{RESET}", f"{BLUE}{markers}{RESET}"
    return f"\n{header}\n{shown}\n{markers}\n"


def diagnosis(source: str, findings: list[Finding]) -> str:
    """``^`` under the columns of every finding on the line (a finding running on, to its end)."""
    if len(findings) == 1:  # most lines: no merging
        span = findings[0].span
        end = span.end_column if span.end_line == span.start_line else len(source)
        return (" " * (span.start_column - 1) + "^" * (end - span.start_column + 1)).rstrip()
    marks = [" "] * len(source)
    for finding in findings:
        span = finding.span
        start = span.start_column - 1
        end = span.end_column if span.end_line == span.start_line else len(source)
        if end > len(marks):
            marks.extend(" " * (end - len(marks)))
        marks[start:end] = "^" * (end - start)
    return "".join(marks).rstrip()


def checked_text(line: str, findings: list[Finding]) -> str:
    """The line as the old tool shows it: without its trailing comment, unless it was the
    first line of code (FL001 reads it whole)."""
    if ("#" not in line and "@" not in line) or any(finding.rule_id == "FL001" for finding in findings):
        return line
    cut = comment_start(line, string_ranges(line))
    return line if cut is None else line[:cut].rstrip()


def table_lines(results: list[FileResult]) -> list[str]:
    """Per-file counts by level, every file (sorted by name), as the old ``--table``."""
    headers = ("Filename", *(level.old_label for level in LEVELS), "Total")
    rows = []
    for result in sorted(results, key=lambda result: result.path):
        counts = [sum(1 for finding in result.findings if finding.level is level) for level in LEVELS]
        rows.append((result.path, *(str(count) for count in counts), str(sum(counts))))
    return boxed(headers, rows)


def summary_lines(results: list[FileResult]) -> list[str]:
    """The old ``--summary``: findings, lines with findings, the highest level found."""
    findings = [finding for result in results for finding in result.findings]
    lines = len({(finding.span.file, finding.span.start_line) for finding in findings})
    summary = ["", "", f"{len(findings)} problems found in {lines} lines"]
    if findings:
        summary.append(f"Highest severity problem found was {max(f.level for f in findings).old_label}")
    return summary


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write the findings as the old panlint printed them."""
    chunks: list[str] = []
    write = chunks.append
    for result in results:
        if not result.findings:
            continue
        lines = split_lines(result.text or "")
        by_line: dict[int, list[Finding]] = {}
        for finding in result.findings:
            by_line.setdefault(finding.span.start_line, []).append(finding)
        for number, findings in by_line.items():
            source = lines[number - 1] if 0 < number <= len(lines) else ""
            write(line_report(result.path, number, checked_text(source, findings), findings, options))
    if options.table:
        write("\nProblem count per file:\n" + "\n".join(table_lines(results)) + "\n")
    if options.summary:
        write("\n".join(summary_lines(results)) + "\n")
    stream.write("".join(chunks))
