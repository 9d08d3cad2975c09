"""Live site checking: every edit re-checks the object templates it affects, in the background.

An edit of any template (unsaved buffers included), after a quiet period, finds the object
templates that use it (``panc.build.dependents``: the static include graph of the index,
what the compiles of this session recorded, and the last build's ``.dep`` files when the
``siteCheck.buildDir`` setting names its output) and recompiles them in the compile pool's
worker processes, the most recently used first, within a budget of objects and of time; the
next edit cancels what is left of the previous round. Each object's result becomes its
diagnostics (``DiagnosticsPublisher.publish_object``): an error in a shared template is shown
once, naming the objects it breaks; a summary ("3 of 10 hosts fail") goes to the client in
a ``pan/siteStatus`` notification.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pygls.exceptions import JsonRpcInvalidParams

from panc.analysis.include_graph import IncludeGraph
from panc.build.compile_pool import CANCELLED, CompileReply
from panc.build.dependents import UsesIndex, dependency_use, uses_from_build
from panc.diagnostics import EDITOR_LINE_LIMIT, Diagnostic
from panc.source import Span
from panls.convert import path_to_uri, plain_json, uri_to_path
from panls.features.compilation import ObjectCompiles, error_diagnostics
from panls.session import Session

logger = logging.getLogger(__name__)

AFFECTED_OBJECTS = "pan/affectedObjects"
OBJECT_HEADER = re.compile(r"^\s*object\s+template\b", re.MULTILINE)
SITE_STATUS = "pan/siteStatus"
"""Notification: ``{objects, checked, failing, failed, pending, notChecked, text}``."""
MAX_NAMED = 5
"""Objects named in a diagnostic before "and N more"."""
MAX_FAILING_LISTED = 50
KEY_PREFIX = "site:"
BACKGROUND_PRIORITY = 1_000_000
"""The startup check runs after anything an edit asks for."""
MRU_SIZE = 1000

Publish = Callable[[str, dict[str, list[Diagnostic]]], None]
Notify = Callable[[str, Any], None]


@dataclass
class ObjectCheck:
    """The last result of one object template."""

    failed: bool
    message: str | None = None


@dataclass
class Round:
    """The re-checks one edit asked for."""

    changed: str | None
    chosen: list[str]
    skipped: int
    futures: dict[str, Future[CompileReply]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    """The objects whose result this round has published."""

    @property
    def pending(self) -> int:
        return len(self.futures) - len(self.taken)


def object_label(session: Session, path: str) -> str:
    """How messages name an object template: its declared name, else its file's stem."""
    summary = session.index.summary_for_path(path)
    if summary is not None and summary.header_name:
        return summary.header_name
    return Path(path).stem


def merge_object_diagnostics(
    per_object: dict[str, list[Diagnostic]],
    file: str,
    label: Callable[[str], str],
    header: Callable[[str], Span],
) -> list[Diagnostic]:
    """The diagnostics of ``file`` from the compiles of several objects: one per place and
    message, naming the objects it breaks when ``file`` is not the object itself."""
    groups: dict[tuple[Any, ...], tuple[Diagnostic, list[str]]] = {}
    for obj in sorted(per_object):
        for diagnostic in per_object[obj]:
            if obj != file:  # messages that name their object (error(): "[h1] ...") name it below
                diagnostic = replace(diagnostic, message=diagnostic.message.removeprefix(f"[{label(obj)}] "))
            key = (
                diagnostic.span,
                diagnostic.message,
                diagnostic.category,
                diagnostic.severity,
                diagnostic.code,
            )
            groups.setdefault(key, (diagnostic, []))[1].append(obj)
    merged = []
    for diagnostic, objects in groups.values():
        if objects == [file]:
            merged.append(diagnostic)
            continue
        pointers = tuple(
            (f"{label(obj)} fails to compile", header(obj)) for obj in sorted(objects)[:MAX_NAMED]
        )
        merged.append(
            replace(
                diagnostic,
                message=naming_objects(diagnostic.message, sorted(label(obj) for obj in objects)),
                related=(*diagnostic.related, *pointers),
            )
        )
    return merged


def naming_objects(message: str, names: list[str]) -> str:
    """``message`` with the objects it breaks on its first line, the line editors show
    (``division by zero (breaks wn1, wn2 and 12 more)``): the message is shortened for them."""
    more = len(names) - MAX_NAMED
    suffix = " (breaks " + ", ".join(names[:MAX_NAMED]) + (f" and {more} more" if more > 0 else "") + ")"
    first, newline, rest = message.partition("\n")
    room = max(EDITOR_LINE_LIMIT - len(suffix), 40)
    if len(first) > room:
        first = first[: room - 1] + "…"
    return first + suffix + newline + rest


class SiteChecker:
    """The background re-checks of the objects behind each edit; see the module docstring."""

    def __init__(self, session: Session, compiles: ObjectCompiles, publish: Publish, notify: Notify) -> None:
        self.session = session
        self.compiles = compiles
        self.publish = publish
        self.notify = notify
        self.graph = IncludeGraph(session.index)
        self.recorded = UsesIndex()
        """object path -> what its last compile looked up."""
        self.built = UsesIndex()
        """object path -> what it looked up in the last build (``siteCheck.buildDir``)."""
        self._static: UsesIndex | None = None
        """object path -> what it names statically (from ``graph``)."""
        self.results: dict[str, ObjectCheck] = {}
        self.recent: OrderedDict[str, None] = OrderedDict()
        """Object templates the user worked with, most recent last."""
        self._round: Round | None = None
        self._background: dict[str, Future[CompileReply]] = {}
        self._scheduled: asyncio.Task[None] | None = None
        self._changed: dict[str, None] = {}
        """Templates edited since the last round began, the most recent last."""
        self._tasks: set[asyncio.Task[Any]] = set()
        compiles.observers.append(self.observe)

    # ------------------------------------------------------------------ knowledge

    def reset(self) -> None:
        """After a new index: a new include graph, and the last build's dependencies."""
        self.graph = IncludeGraph(self.session.index)
        self._static = None
        self.built = UsesIndex()
        build_dir = self.session.settings.build_output_dir
        if build_dir:
            try:
                uses = uses_from_build(Path(build_dir))
            except (OSError, ValueError):
                logger.warning("cannot read the build in %s", build_dir)
                uses = {}
            for name, looked_up in uses.items():
                path = self._object_path(name)
                if path is not None:
                    self.built.record(path, looked_up)
        self.send_status()

    def _object_path(self, name: str) -> str | None:
        path = self.session.index.resolve(name)
        if path is None:
            return None
        summary = self.session.index.summary_for_path(path)
        return path if summary is not None and summary.kind == "object" else None

    def observe(self, path: str, reply: CompileReply) -> None:
        """A compile of ``path`` ended: learn what it looked up, and whether it fails."""
        if reply.status == CANCELLED:
            return
        if reply.dependencies:
            uses = (dependency_use(d.name, d.kind, d.uri) for d in reply.dependencies)
            # thousands of objects share their templates: one copy of each name and file
            self.recorded.record(path, ((sys.intern(n), sys.intern(f) if f else None) for n, f in uses))
        error = reply.error
        self.results[path] = ObjectCheck(error is not None, error.message.splitlines()[0] if error else None)

    def remember(self, path: str) -> None:
        """The user worked with the object template at ``path``: it is re-checked first."""
        self.recent.pop(path, None)
        self.recent[path] = None
        while len(self.recent) > MRU_SIZE:
            self.recent.popitem(last=False)

    def objects(self) -> list[str]:
        """The object templates of the site (those of the index)."""
        self._static_uses()
        return self.graph.objects()

    def _static_uses(self) -> UsesIndex:
        if self.graph.refresh() or self._static is None:
            self._static = UsesIndex(self.graph.uses())
        return self._static

    def affected(self, *paths: str) -> list[str]:
        """The object templates an edit of the files ``paths`` may change, most recently used
        first, then in path order."""
        include_path = self.session.settings.include_dirs
        found = set()
        for uses in (self._static_uses(), self.recorded, self.built):
            found |= uses.affected(paths, include_path)
        found.difference_update(paths)
        known = set(self.graph.objects())
        rank = {obj: position for position, obj in enumerate(reversed(self.recent))}
        return sorted((obj for obj in found if obj in known), key=lambda obj: (rank.get(obj, len(rank)), obj))

    # ------------------------------------------------------------------ rounds

    def edited(self, path: str) -> None:
        """A template changed (an unsaved edit, or a file closed with edits): re-check its
        objects once the typing pauses."""
        settings = self.session.settings
        if not settings.site_check_enabled or not settings.compile_enabled:
            return
        self._changed.pop(path, None)
        self._changed[path] = None
        if self._scheduled is not None:
            self._scheduled.cancel()
        self._scheduled = self._spawn(self._after_pause())

    def _spawn(self, coroutine: Any) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _after_pause(self) -> None:
        await asyncio.sleep(self.session.settings.compile_debounce)
        self._scheduled = None
        paths, self._changed = list(self._changed), {}
        try:
            await self.check(*paths)
        except Exception:  # pylint: disable=broad-except  # a bug here must not stop the server
            logger.exception("site check after an edit of %s failed", paths)

    async def check(self, *paths: str) -> None:
        """Re-check the objects that edits of ``paths`` affect, within the budget, with those
        the previous round had not checked yet (what it checked them with is stale)."""
        index = self.session.index
        summaries = [(path, index.summary_for_path(path)) for path in paths]
        # an object template's own compile is the publisher's (nothing includes one); a text
        # that does not parse breaks every host the same way: its syntax diagnostics say it
        edited = [p for p, s in summaries if s is None or (s.kind != "object" and s.parse_ok)]
        if not edited:
            return
        unfinished = self._cancel_round()
        affected = self.affected(*edited)
        affected += [obj for obj in unfinished if obj not in affected]
        settings = self.session.settings
        chosen = affected[: settings.site_max_objects]
        current = Round(edited[-1], chosen, len(affected) - len(chosen))
        self._round = current
        buffers = self.session.open_texts()
        for rank, obj in enumerate(chosen):
            current.futures[obj] = self.compiles.submit(obj, buffers, key=KEY_PREFIX + obj, priority=1 + rank)
            self._background.pop(obj, None)
        self.send_status()
        if chosen:
            await self._collect(current, buffers)

    async def _collect(self, current: Round, buffers: dict[str, str]) -> None:
        deadline = time.monotonic() + self.session.settings.site_time_budget
        waiting = {asyncio.wrap_future(future): obj for obj, future in current.futures.items()}
        try:
            while waiting and self._round is current:
                done, _ = await asyncio.wait(
                    waiting,
                    timeout=max(0.0, deadline - time.monotonic()),
                    return_when=asyncio.FIRST_COMPLETED,
                )
                if not done:
                    break  # the time budget is spent
                for finished in done:
                    obj = waiting.pop(finished)
                    if self._round is current:
                        current.taken.add(obj)
                        self._take(obj, finished.result(), buffers, current.changed)
        finally:
            if self._round is current and waiting:
                self.compiles.cancel_keys([KEY_PREFIX + obj for obj in waiting.values()])
                current.skipped += len(waiting)
                for obj in waiting.values():
                    del current.futures[obj]
            if self._round is current:
                self.send_status()

    def _cancel_round(self) -> list[str]:
        """Drop the re-checks of the current round; the objects it had not checked yet."""
        previous, self._round = self._round, None
        if previous is None:
            return []
        unfinished = [obj for obj in previous.futures if obj not in previous.taken]
        self.compiles.cancel_keys([KEY_PREFIX + obj for obj in unfinished])
        return unfinished

    def _take(self, obj: str, reply: CompileReply, buffers: dict[str, str], changed: str | None) -> None:
        """One object's result: its diagnostics, its dependencies, the summary."""
        if reply.status == CANCELLED:
            return
        if obj in self.session.open_texts():  # its hover and provenance follow the new text
            self.compiles.record(obj, buffers, reply)
        else:
            self.compiles.observe(obj, reply)
        error = reply.error
        found = (
            error_diagnostics(error, obj, self.session, reply.writes, changed) if error is not None else []
        )
        grouped: dict[str, list[Diagnostic]] = {}
        for diagnostic in found:
            grouped.setdefault(diagnostic.span.file, []).append(diagnostic)
        self.publish(obj, grouped)
        self.send_status()

    def start_background(self) -> None:
        """Check every object template of the site, after whatever edits ask for (the
        ``siteCheck.onStartup`` setting)."""
        settings = self.session.settings
        if not (settings.site_check_enabled and settings.site_on_startup and settings.compile_enabled):
            return
        buffers = self.session.open_texts()
        for obj in self.objects():
            if obj in self.results or obj in self._background:
                continue
            future = self.compiles.submit(obj, buffers, key=KEY_PREFIX + obj, priority=BACKGROUND_PRIORITY)
            self._background[obj] = future
            self._spawn(self._background_result(obj, future, buffers))
        self.send_status()

    async def _background_result(
        self, obj: str, future: Future[CompileReply], buffers: dict[str, str]
    ) -> None:
        reply = await asyncio.wrap_future(future)
        if self._background.get(obj) is future:
            del self._background[obj]
            self._take(obj, reply, buffers, None)

    def forget(self, obj: str) -> None:
        """An object template was deleted (or is no longer on the include path)."""
        self.results.pop(obj, None)
        self.recorded.forget(obj)

    def shutdown(self) -> None:
        self._cancel_round()
        for task in list(self._tasks):
            task.cancel()

    # ------------------------------------------------------------------ summary

    def status(self) -> dict[str, Any]:
        """The summary the client shows: how many objects fail of those there are."""
        objects = self.objects()
        known = [obj for obj in objects if obj in self.results]
        failing = sorted(obj for obj in known if self.results[obj].failed)
        pending = len(self._background) + (self._round.pending if self._round is not None else 0)
        unchecked = len(objects) - len(known)
        text = f"{len(failing)} of {len(objects)} hosts fail"
        if pending:
            text = f"checking {pending} host{'s' if pending != 1 else ''}; " + text
        if unchecked:
            text += f" ({unchecked} not checked)"
        return {
            "objects": len(objects),
            "checked": len(known),
            "failed": len(failing),
            "failing": [
                {
                    "name": object_label(self.session, obj),
                    "uri": path_to_uri(obj),
                    "message": self.results[obj].message,
                }
                for obj in failing[:MAX_FAILING_LISTED]
            ],
            "pending": pending,
            "notChecked": unchecked,
            "skipped": self._round.skipped if self._round is not None else 0,
            "text": text,
        }

    def send_status(self) -> None:
        try:
            self.notify(SITE_STATUS, self.status())
        except Exception:  # pylint: disable=broad-except  # a closed connection at shutdown
            logger.debug("could not send the site status", exc_info=True)


def affected_request(site: SiteChecker, params: Any) -> dict[str, Any]:
    """``pan/affectedObjects {uri}`` -> the object templates an edit of the document re-checks
    (``{objects: [{name, uri}]}``, the most recently used first)."""
    params = plain_json(params)
    uri = params.get("uri") if isinstance(params, dict) else None
    if not isinstance(uri, str):
        raise JsonRpcInvalidParams(f"{AFFECTED_OBJECTS} needs a 'uri'")
    found = site.affected(uri_to_path(uri))
    return {"objects": [{"name": object_label(site.session, p), "uri": path_to_uri(p)} for p in found]}


def is_object_text(text: str) -> bool:
    """Whether a buffer declares an object template (a cheap look at its header)."""
    return OBJECT_HEADER.search(text[:4096]) is not None
