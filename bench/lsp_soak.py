"""Soak panls: thousands of random edits from a real client to a real server process (stdio).

    python bench/lsp_soak.py [--edits 15000] [--seed 1] [--workspace DIR] [--document REL] [--json]

Each edit is a small change to an open object template (a slip undone at the next edit, a
value changed, a line added or removed: see ``Editor``), followed by one request at a random
position (hover, completion, document symbols, semantic tokens, folding, definition,
signature help, in turn) whose round trip is timed. The server compiles the object in the
background as an editor would. Reported: error responses (must be 0), request latency
p50/p95 (target p95 <= 50 ms), the server's resident memory at edit 2,000 (a fifth of the
run when shorter than 10,000) and at the end (target growth <= 10 MB), the versions whose
diagnostics arrived and the files the server's caches hold on disk at the end (they must
not grow with the edits either).
The workspace defaults to the test fixture (tests/panls/fixtures/workspace), copied to a
temporary directory so that nothing in the checkout changes; caches are throw-away too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
DEFAULT_WORKSPACE = REPO / "tests" / "panls" / "fixtures" / "workspace"
DEFAULT_DOCUMENT = "profiles/node1.pan"
ALPHABET = [
    *"abcdefgxyz_019 '\"{}()[];=+-*/,.:?@#\n\t<>!&|",
    "include ",
    "function ",
    "variable X = ",
    "'/a/b' = ",
    "<<EOF\n",
    "file_contents('x')",
    "\n'/software/web/port' = 80;\n",
]
MAX_TEXT = 3000
"""Longer buffers only get deletions: the soak measures robustness and memory, not parse speed."""


@dataclass
class SoakResult:
    edits: int
    seed: int
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    rss_kib_early: int = 0
    early_edit: int = 0
    rss_kib_end: int = 0
    published_versions: int = 0
    cache_files: int = 0
    seconds: float = 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else 0.0

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000 if ordered else 0.0

    @property
    def growth_kib(self) -> int:
        return self.rss_kib_end - self.rss_kib_early

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        del data["latencies"]
        data.update(p50_ms=round(self.p50_ms, 2), p95_ms=round(self.p95_ms, 2), growth_kib=self.growth_kib)
        return data


class SoakClient(LanguageClient):
    def __init__(self) -> None:
        super().__init__("panls-soak", "1")
        self.index_ready = asyncio.Event()
        self.versions: set[int | None] = set()

        @self.feature("pan/indexReady")
        def on_index(_params):  # unannotated: pygls would pass the client first for "object"
            self.index_ready.set()

        @self.feature("pan/indexStarted")
        def on_index_started(_params):
            pass

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.versions.add(params.version)

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(_params: types.LogMessageParams) -> None:
            pass


def server_rss_kib(client: LanguageClient) -> int:
    """The server process's resident memory (Linux ``/proc``)."""
    pid = client._server.pid  # type: ignore[union-attr]  # pylint: disable=protected-access
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc")


def _position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    return types.Position(line=line, character=offset - (text.rfind("\n", 0, offset) + 1))


class Editor:
    """Edits as someone typing: half are slips (random characters anywhere, undone at the next
    edit, so the buffer is broken only for a moment), half change the profile (a value, a new
    line, a line removed), so that the object keeps compiling in the background."""

    def __init__(self, rng: random.Random, text: str) -> None:
        self.rng = rng
        self.text = text
        self._undo: str | None = None
        self._added = 0

    def next_text(self) -> str:
        rng, text = self.rng, self.text
        if self._undo is not None:
            text, self._undo = self._undo, None
        elif rng.random() < 0.5 or len(text) > MAX_TEXT:
            self._undo = text
            start = rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.choice([0, 0, 1, 2, 5]))
            insert = "".join(rng.choice(ALPHABET) for _ in range(rng.choice([1, 1, 2, 3])))
            text = text[:start] + insert + text[end:]
        elif self._added and rng.random() < 0.3:
            lines = text.splitlines(keepends=True)
            added = [i for i, line in enumerate(lines) if line.startswith("'/software/soak/")]
            if added:
                del lines[rng.choice(added)]
                self._added -= 1
            text = "".join(lines)
        elif rng.random() < 0.5:
            line = f"'/software/soak/k{rng.randrange(10**6)}' = {rng.randrange(10**9)};"
            text = text.rstrip("\n") + f"\n{line}\n"
            self._added += 1
        else:
            value = rng.choice(["8080", "80", "'http'", "list(1, 2)", "dict('a', 1)", "true"])
            lines = text.splitlines(keepends=True)
            for index, line in enumerate(lines):
                if line.startswith("'/software/web/port' = "):
                    lines[index] = f"'/software/web/port' = {value};\n"
            text = "".join(lines)
        self.text = text
        return text


def change_between(old: str, new: str) -> types.TextDocumentContentChangePartial:
    """The one range edit that turns ``old`` into ``new`` (their common prefix and suffix kept)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return types.TextDocumentContentChangePartial(
        range=types.Range(_position(old, prefix), _position(old, len(old) - suffix)),
        text=new[prefix : len(new) - suffix],
    )


async def _request(client: LanguageClient, number: int, document: str, position: types.Position) -> Any:
    """One request about the document, of the next kind in turn."""
    at = {"text_document": types.TextDocumentIdentifier(uri=document)}
    at_position = {**at, "position": position}
    kind = number % 7
    if kind == 0:
        return await client.text_document_hover_async(types.HoverParams(**at_position))
    if kind == 1:
        return await client.text_document_completion_async(types.CompletionParams(**at_position))
    if kind == 2:
        return await client.text_document_document_symbol_async(types.DocumentSymbolParams(**at))
    if kind == 3:
        return await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(**at))
    if kind == 4:
        return await client.text_document_folding_range_async(types.FoldingRangeParams(**at))
    if kind == 5:
        return await client.text_document_definition_async(types.DefinitionParams(**at_position))
    return await client.text_document_signature_help_async(types.SignatureHelpParams(**at_position))


async def soak(
    edits: int, seed: int, workspace: Path, document: str, compile_enabled: bool = True, pace: float = 0.01
) -> SoakResult:
    """Run the soak against a fresh server on a copy of ``workspace``."""
    result = SoakResult(edits, seed)
    rng = random.Random(seed)
    early_edit = 2000 if edits >= 10000 else max(1, edits // 5)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="panls-soak-") as scratch:
        root = Path(scratch, "workspace")
        shutil.copytree(workspace, root)
        client = SoakClient()
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch, "cache")), "PYTHONPATH": str(REPO)}
        await client.start_io(sys.executable, "-m", "panls", env=env)
        try:
            await client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=root.as_uri(),
                    workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="soak")],
                    initialization_options={"compile": {"enabled": compile_enabled, "debounceMs": 5},
                                            "debounceMs": 5},
                )
            )
            client.initialized(types.InitializedParams())
            await asyncio.wait_for(client.index_ready.wait(), 120)
            path = root / document
            text = path.read_text(encoding="utf-8")
            uri = path.as_uri()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(uri=uri, language_id="pan", version=1, text=text)
                )
            )
            editor = Editor(rng, text)
            for number in range(1, edits + 1):
                change = change_between(text, editor.next_text())
                text = editor.text
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=number + 1),
                        content_changes=[change],
                    )
                )
                position = _position(text, rng.randrange(len(text) + 1))
                sent = time.perf_counter()
                try:
                    await _request(client, number, uri, position)
                except JsonRpcException as error:
                    result.errors.append(f"edit {number}: {error!r}")
                result.latencies.append(time.perf_counter() - sent)
                if number == early_edit:
                    result.rss_kib_early, result.early_edit = server_rss_kib(client), number
                await asyncio.sleep(pace)
            # let the last diagnostics and compile land before the final measurement
            await asyncio.sleep(1.0)
            result.rss_kib_end = server_rss_kib(client)
            result.published_versions = len(client.versions)
            result.cache_files = sum(len(files) for _, _, files in os.walk(Path(scratch, "cache")))
            await client.shutdown_async(None)
            client.exit(None)
        finally:
            server = client._server  # pylint: disable=protected-access
            if server is not None and server.returncode is None:
                server.kill()  # a failed run: do not wait for a server that was never told to exit
            await client.stop()
    result.seconds = time.perf_counter() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--edits", type=int, default=15000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workspace", type=Path, default=DEFAULT_WORKSPACE)
    parser.add_argument("--document", default=DEFAULT_DOCUMENT, help="the template to edit, relative")
    parser.add_argument("--no-compile", action="store_true", help="no background compiles")
    parser.add_argument("--pace-ms", type=float, default=10.0,
                        help="pause after each answer (default 10: diagnostics and compiles get to run)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args()
    result = asyncio.run(soak(args.edits, args.seed, args.workspace, args.document, not args.no_compile,
                              args.pace_ms / 1000))
    if args.json:
        print(json.dumps(result.summary()))
    else:
        print(f"edits          : {result.edits} (seed {result.seed}) in {result.seconds:.1f} s")
        print(f"error responses: {len(result.errors)}")
        for error in result.errors[:10]:
            print(f"  {error}")
        print(f"request latency: p50 {result.p50_ms:.1f} ms   p95 {result.p95_ms:.1f} ms (target p95 <= 50)")
        print(f"resident memory: {result.rss_kib_early / 1024:.1f} MB at edit {result.early_edit}, "
              f"{result.rss_kib_end / 1024:.1f} MB at the end: "
              f"{result.growth_kib / 1024:+.1f} MB (target <= 10)")
        print(f"diagnostics    : {result.published_versions} versions published")
        print(f"cache files    : {result.cache_files} (on disk, after the run)")
        print(f"load average   : {os.getloadavg()[0]:.2f} (the machine is shared; latencies vary with it)")
    ok = not result.errors and result.p95_ms <= 50 and result.growth_kib <= 10 * 1024
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
