"""SARIF 2.1.0 for GitHub code scanning: stable rule IDs, rule metadata, regions and fixes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import panlint
from panlint.findings import Edit, Finding, Level
from panlint.reporters.options import ReportOptions
from panlint.rule import Rule
from panlint.rules import RULES_BY_ID
from panlint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/quattor/pan"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
SOURCE_ROOT = "%SRCROOT%"


def _artifact(path: str) -> dict[str, str]:
    """A relative path stays relative to the source root (what code scanning expects)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return {"uri": candidate.as_uri()}
    return {"uri": quote(candidate.as_posix()), "uriBaseId": SOURCE_ROOT}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    """SARIF regions: 1-based, ``endColumn`` one past the last character."""
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    explanation = rule.explanation()
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS[rule.level], "enabled": rule.enabled_by_default},
        "properties": {"tags": ["pan", "fixable" if rule.fixable else "manual"]},
    }


def _replacement(edit: Edit) -> dict[str, Any]:
    return {
        "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
        "insertedContent": {"text": edit.text},
    }


def _result(finding: Finding, index: dict[str, int], lines: list[str]) -> dict[str, Any]:
    span = finding.span
    location = {
        "physicalLocation": {
            "artifactLocation": _artifact(span.file),
            "region": _region(span.start_line, span.start_column, span.end_line, span.end_column + 1),
        }
    }
    source = lines[span.start_line - 1].strip() if 0 < span.start_line <= len(lines) else ""
    fingerprint = hashlib.sha256(f"{finding.rule_id}\0{span.file}\0{source}".encode()).hexdigest()
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"panlintLine/v1": fingerprint},
    }
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(span.file),
                        "replacements": [_replacement(edit) for edit in finding.fix.edits],
                    }
                ],
            }
        ]
    return result


def build_log(results: list[FileResult], options: ReportOptions) -> dict[str, Any]:
    """The SARIF log object for these results."""
    rules = list(options.rules())
    known = {rule.id for rule in rules}
    for result in results:
        for finding in result.findings:
            if finding.rule_id not in known and finding.rule_id in RULES_BY_ID:
                rules.append(RULES_BY_ID[finding.rule_id])
                known.add(finding.rule_id)
    index = {rule.id: position for position, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        lines = (result.text or "").split("\n")
        sarif_results.extend(_result(finding, index, lines) for finding in result.findings)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "panlint",
                        "version": panlint.__version__,
                        "semanticVersion": panlint.__version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write the SARIF log as JSON."""
    json.dump(build_log(results, options), stream, indent=2)
    stream.write("\n")
