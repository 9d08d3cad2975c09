"""The checking stage: read files, parse each ONCE, run the enabled rules, filter.

``lint_text`` is the pure core (text in, findings out) that the language server can call
on an unsaved buffer; ``lint_files`` adds reading, the result cache and parallelism.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panlint.cache import LintCache
from panlint.config import Config
from panlint.context import LintContext
from panlint.findings import Finding
from panlint.mvn import neutralize_placeholders
from panlint.rule import Rule
from panlint.suppressions import apply_suppressions

PARALLEL_MINIMUM = 64
"""Below this many files to check, worker processes cost more than they save."""


@dataclass
class FileResult:
    """The outcome for one file: its findings, or why it could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    error: str | None = None
    """An unreadable file or an internal error of a rule (exit code 2)."""


def parse_source(text: str, path: str) -> Any:
    """The ``ParseResult`` of the shared parser, through its cache when it has one."""
    from panc import syntax  # pylint: disable=import-outside-toplevel

    return syntax.parse(text, path)


def lint_text(
    text: str, path: str, config: Config, rules: Sequence[type[Rule]] | None = None
) -> list[Finding]:
    """All findings for one template's text, suppression comments applied, sorted."""
    options = config.options()
    parsed_text = neutralize_placeholders(text) if options.allow_mvn_templates else text
    context = LintContext(path, text, parse_source(parsed_text, path), options)
    findings: list[Finding] = []
    for rule in rules if rules is not None else config.enabled_rules():
        if rule.needs_ast and context.ast is None:
            continue
        findings.extend(rule().check(context))
    findings = apply_suppressions(context, findings)
    findings.sort(key=Finding.sort_key)
    return findings


def visible(findings: list[Finding], config: Config) -> list[Finding]:
    """The findings above the ``suppress`` level (applied after the cache: it is not in its key)."""
    if config.suppress is None:
        return findings
    return [finding for finding in findings if finding.level > config.suppress]


def read_source(path: str) -> str:
    """A template's text; undecodable bytes become U+FFFD rather than an exception."""
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _lint_one(path: str, text: str, config: Config) -> FileResult:
    try:
        return FileResult(path, lint_text(text, path, config), text)
    except Exception:  # pylint: disable=broad-exception-caught
        # A bug in a rule must not hide the other files' findings; it still fails the run.
        return FileResult(path, [], text, f"internal error while linting {path}:\n{traceback.format_exc()}")


def _lint_batch(batch: list[tuple[str, str]], config: Config) -> list[FileResult]:
    return [_lint_one(path, text, config) for path, text in batch]


def lint_files(
    paths: Iterable[str], config: Config, cache: LintCache | None = None, jobs: int = 0
) -> list[FileResult]:
    """Lint files in order; unchanged ones come from ``cache``. ``jobs`` 0 means one per core."""
    results: dict[str, FileResult] = {}
    pending: list[tuple[str, str]] = []
    order = list(dict.fromkeys(paths))
    for path in order:
        try:
            text = read_source(path)
        except OSError as error:
            results[path] = FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
            continue
        cached = cache.get(path, text) if cache else None
        if cached is not None:
            results[path] = FileResult(path, cached, text)
        else:
            pending.append((path, text))
    for result in _run(pending, config, jobs or os.cpu_count() or 1):
        results[result.path] = result
        if cache is not None and result.error is None and result.text is not None:
            cache.put(result.path, result.text, result.findings)
    if cache is not None:
        cache.save()
    for result in results.values():
        result.findings = visible(result.findings, config)
    return [results[path] for path in order]


def _run(pending: list[tuple[str, str]], config: Config, jobs: int) -> list[FileResult]:
    if jobs <= 1 or len(pending) < PARALLEL_MINIMUM:
        return _lint_batch(pending, config)
    import multiprocessing  # pylint: disable=import-outside-toplevel

    # Warm the parser up before forking so every worker inherits it ready.
    parse_source("template warmup;\n", "warmup.pan")
    batches = [pending[index::jobs] for index in range(jobs)]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return _lint_batch(pending, config)
    with context.Pool(jobs) as pool:
        parts = pool.starmap(_lint_batch, [(batch, config) for batch in batches])
    merged = {result.path: result for part in parts for result in part}
    return [merged[path] for path, _text in pending]
