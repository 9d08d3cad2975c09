"""Machine-readable output: a JSON object with every finding and the counts per rule."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

import panlint
from panlint.findings import finding_to_dict
from panlint.reporters.options import ReportOptions
from panlint.runner import FileResult


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write ``{"tool", "version", "files", "findings": [...], "summary": {ID: count}}``."""
    findings = [finding for result in results for finding in result.findings]
    names = options.rule_names()
    items = []
    for finding in findings:
        item = finding_to_dict(finding)
        item["name"] = names.get(finding.rule_id, "")
        items.append(item)
    document = {
        "tool": "panlint",
        "version": panlint.__version__,
        "files": len(results),
        "findings": items,
        "summary": dict(sorted(Counter(finding.rule_id for finding in findings).items())),
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")
