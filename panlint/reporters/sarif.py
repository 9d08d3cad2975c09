"""SARIF 2.1.0 for GitHub code scanning: stable rule IDs, rule metadata, regions and fixes.

Compact: no indentation, ``endLine`` only when a region spans lines, each file's location
and each message encoded once; a result with its fix takes about 600 bytes. The results are
written as JSON text directly (the rest of the log through ``json``): encoding tens of
thousands of small dictionaries would cost more than checking the files. GitHub accepts
25,000 results and 10 MB (gzip) per upload; see the README's panlint section.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import panlint
from panlint.compat.catalog import DEFAULT_IDS
from panlint.findings import Edit, Finding, Fix, Level
from panlint.reporters.options import ReportOptions
from panlint.rule import Rule
from panlint.rules import RULES_BY_ID
from panlint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/quattor/pan"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "panlintLine/v1"
RESULTS_PLACEHOLDER = "\0results\0"


def _artifact(path: str) -> str:
    """The JSON of a file's location: relative paths stay relative to the source root (what
    code scanning expects)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return json.dumps({"uri": candidate.as_uri()}, separators=(",", ":"))
    return json.dumps({"uri": quote(candidate.as_posix()), "uriBaseId": SOURCE_ROOT}, separators=(",", ":"))


def _region(line: int, column: int, end_line: int, end_column: int) -> str:
    """The JSON of a region: 1-based, ``endColumn`` one past the last character, ``endLine``
    by default the start line."""
    if end_line == line:
        return f'{{"startLine":{line},"startColumn":{column},"endColumn":{end_column}}}'
    return f'{{"startLine":{line},"startColumn":{column},"endLine":{end_line},"endColumn":{end_column}}}'


def _rule_descriptor(rule: type[Rule], preview: bool) -> dict[str, Any]:
    explanation = rule.explanation()
    enabled = rule.enabled_by_default if preview else rule.id in DEFAULT_IDS
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS[rule.level], "enabled": enabled},
        "properties": {"tags": ["pan", "fixable" if rule.fixable else "manual"]},
    }


def _replacement(edit: Edit) -> str:
    region = _region(edit.line, edit.column, edit.end_line, edit.end_column)
    return f'{{"deletedRegion":{region},"insertedContent":{{"text":{json.dumps(edit.text)}}}}}'


def _fixes(fix: Fix, artifact: str) -> str:
    replacements = ",".join(_replacement(edit) for edit in fix.edits)
    change = f'{{"artifactLocation":{artifact},"replacements":[{replacements}]}}'
    return (
        f',"fixes":[{{"description":{{"text":{json.dumps(fix.description)}}},"artifactChanges":[{change}]}}]'
    )


class _Results:
    """Writes each result's JSON; what repeats (messages, rule heads) is encoded once."""

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index
        self.messages: dict[str, str] = {}
        self.heads: dict[tuple[str, Level], str] = {}

    def head(self, finding: Finding) -> str:
        key = (finding.rule_id, finding.level)
        head = self.heads.get(key)
        if head is None:
            rule_id, position = json.dumps(finding.rule_id), self.index[finding.rule_id]
            head = self.heads[key] = (
                f'{{"ruleId":{rule_id},"ruleIndex":{position},"level":"{LEVELS[finding.level]}"'
            )

        return head

    def message(self, text: str) -> str:
        encoded = self.messages.get(text)
        if encoded is None:
            encoded = self.messages[text] = json.dumps(text)
        return encoded

    def result(self, finding: Finding, lines: list[str], artifact: str) -> str:
        span = finding.span
        region = _region(span.start_line, span.start_column, span.end_line, span.end_column + 1)
        source = lines[span.start_line - 1].strip() if 0 < span.start_line <= len(lines) else ""
        digest = hashlib.sha256(f"{finding.rule_id}\0{span.file}\0{source}".encode()).hexdigest()
        fixes = _fixes(finding.fix, artifact) if finding.fix is not None else ""
        return (
            f'{self.head(finding)},"message":{{"text":{self.message(finding.message)}}},'
            f'"locations":[{{"physicalLocation":{{"artifactLocation":{artifact},"region":{region}}}}}],'
            f'"partialFingerprints":{{"{FINGERPRINT}":"{digest}"}}{fixes}}}'
        )


def _log(rules: list[type[Rule]], preview: bool) -> dict[str, Any]:
    """The log around the results (which stand in as a placeholder)."""
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
                        "rules": [_rule_descriptor(rule, preview) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": RESULTS_PLACEHOLDER,
            }
        ],
    }


def report(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """Write the SARIF log as JSON: the tool's rules (those that ran), every finding with its fix."""
    rules = list(options.rules())
    known = {rule.id for rule in rules}
    for result in results:
        for finding in result.findings:
            if finding.rule_id not in known and finding.rule_id in RULES_BY_ID:
                rules.append(RULES_BY_ID[finding.rule_id])
                known.add(finding.rule_id)
    writer = _Results({rule.id: position for position, rule in enumerate(rules)})
    encoded: list[str] = []
    for result in results:
        if not result.findings:
            continue
        lines = (result.text or "").split("\n")
        artifact = _artifact(result.path)
        encoded.extend(writer.result(finding, lines, artifact) for finding in result.findings)
    before, after = json.dumps(_log(rules, options.config.preview), separators=(",", ":")).split(
        json.dumps(RESULTS_PLACEHOLDER)
    )
    stream.write(f"{before}[{','.join(encoded)}]{after}\n")
