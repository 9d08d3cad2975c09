"""Lint many files: read them, take unchanged ones from the cache, check the rest in parallel.

The checking itself (``checking.lint_text``, which imports the parser) is loaded only when
some file is not in the cache, so a run where nothing changed stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import NamedTuple

from panlint.cache import LintCache
from panlint.compat.catalog import LINE_IDS
from panlint.config import Config
from panlint.findings import Finding, at_least
from panlint.workspace import workspace_index

PARALLEL_MINIMUM = 64
"""Below this many files to check, worker processes cost more than they save."""


class FileResult:
    """The outcome for one file: its findings, or why it could not be checked.

    ``error``: an unreadable file or an internal error of a rule (exit code 2). ``text``: the
    file's text when a report needs it (files with findings).
    """

    __slots__ = ("error", "findings", "path", "text")

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        text: str | None = None,
        error: str | None = None,
    ) -> None:
        self.path = path
        self.findings = findings if findings is not None else []
        self.text = text
        self.error = error

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {len(self.findings)} findings, error={self.error!r})"


def read_source(path: str) -> str:
    """A template's text, line endings as they are (so fixes keep them); undecodable bytes
    become U+FFFD rather than an exception."""
    with open(path, "rb") as handle:  # bytes, decoded at once: quicker than a text stream
        return handle.read().decode("utf-8", "replace")


class Work(NamedTuple):
    """How each file is checked, besides the configuration."""

    cached_parse: bool = False
    """Parse through the parser's on-disk cache (``panc.syntax.cache``)."""
    fixes: bool = False
    """Attach each finding's mechanical fix (the JSON and SARIF reports carry them)."""


def _lint_one(path: str, text: str, config: Config, work: Work) -> FileResult:
    from panlint.checking import lint_text  # pylint: disable=import-outside-toplevel

    failures: list[str] = []

    def record(rule_id: str, error: Exception) -> None:
        # Only for bugs.
        import traceback  # pylint: disable=import-outside-toplevel

        trace = "".join(traceback.format_exception(error))
        failures.append(f"internal error in rule {rule_id} while linting {path}:\n{trace}")

    try:
        findings = lint_text(
            text, path, config, on_error=record, cached_parse=work.cached_parse, fixes=work.fixes
        )
    except Exception:  # pylint: disable=broad-exception-caught
        # A bug outside the rules (parser, suppressions) must not hide the other files' findings.
        import traceback  # pylint: disable=import-outside-toplevel

        return FileResult(path, [], text, f"internal error while linting {path}:\n{traceback.format_exc()}")
    return FileResult(path, findings, text, "\n".join(failures) or None)


def _lint_batch(batch: list[tuple[str, str]], config: Config, work: Work) -> list[FileResult]:
    return [_lint_one(path, text, config, work) for path, text in batch]


def lint_files(
    paths: Iterable[str],
    config: Config,
    cache: LintCache | None = None,
    jobs: int = 0,
    parse_cache: bool = False,
    fixes: bool = False,
    statuses: dict[str, os.stat_result] | None = None,
) -> list[FileResult]:
    """Lint files in order; unchanged ones come from ``cache``. ``jobs`` 0 means one per core.

    ``parse_cache`` parses through the parser's on-disk cache (``panc.syntax.cache``). It is
    off by default: on the corpus, reading a parse back costs more than parsing afresh.
    ``statuses``: the files' ``os.stat`` already taken (the others are taken here).
    """
    results: dict[str, FileResult] = {}
    pending: list[tuple[str, str]] = []
    statuses = dict(statuses or {})
    order = list(dict.fromkeys(paths))
    for path in order:
        try:
            if cache is not None:
                status = statuses.get(path) or os.stat(path)
                statuses[path] = status
                cached = cache.unchanged(path, status)
                if cached is not None:
                    # Only the reports of files with findings show their text.
                    results[path] = FileResult(path, cached, read_source(path) if cached else None)
                    continue
            text = read_source(path)
        except OSError as error:
            results[path] = FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
            continue
        cached = cache.get(path, text, statuses[path]) if cache is not None else None
        if cached is not None:
            results[path] = FileResult(path, cached, text)
        else:
            pending.append((path, text))
    if pending:
        config.enabled_ids()  # a bad selector is a ConfigError for the caller, not a file's error
    work = Work(parse_cache, fixes)
    for result in _run(pending, config, jobs or os.cpu_count() or 1, work):
        results[result.path] = result
        if cache is not None and result.error is None and result.text is not None:
            cache.put(result.path, result.text, result.findings, statuses.get(result.path))
    if cache is not None:
        cache.save()
    for result in results.values():
        result.findings = at_least(result.findings, config.suppress)
    return [results[path] for path in order]


def needs_parse(config: Config) -> bool:
    """Does some enabled rule read the parse (not only the lines)?"""
    return config.preview or bool(config.enabled_ids() - LINE_IDS)


def _run(pending: list[tuple[str, str]], config: Config, jobs: int, work: Work) -> list[FileResult]:
    if jobs <= 1 or len(pending) < PARALLEL_MINIMUM or not needs_parse(config):
        # The old checks alone are quicker than starting worker processes.
        return _lint_batch(pending, config, work)
    import multiprocessing  # pylint: disable=import-outside-toplevel

    from panlint.checking import parse_source  # pylint: disable=import-outside-toplevel

    # Warm the parser (and the include-path index) up before forking: workers inherit them.
    parse_source("template warmup;\n", "warmup.pan")
    if any(rule.uses_include_path for rule in config.enabled_rules()):
        workspace_index(config.include_path)
    batches = [pending[index::jobs] for index in range(jobs)]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return _lint_batch(pending, config, work)
    with context.Pool(jobs) as pool:
        parts = pool.starmap(_lint_batch, [(batch, config, work) for batch in batches])
    merged = {result.path: result for part in parts for result in part}
    return [merged[path] for path, _text in pending]
