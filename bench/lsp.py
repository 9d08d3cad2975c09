"""Benchmark panls with a real client talking to a real server process over stdio.

    python bench/lsp.py [--corpus DIR] [--template REL] [--samples N]

Measures, on the template-library-core corpus as the workspace:
- index: time from ``initialized`` to the server's ``pan/indexReady``, cold (empty caches)
  and warm (a new server process reusing the on-disk caches);
- diagnostics: latency from a ``didChange`` of a ~1,000-line template to the
  ``publishDiagnostics`` of that version;
- completion, hover, definition: request round-trip times on that template.
Targets: index <= 2 s cold / <= 0.3 s warm; diagnostics p95 <= 100 ms; the others p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpora" / "template-library-core"


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("panls-bench", "1")
        self.index_ready = asyncio.Event()
        self.index_stats: dict[str, object] = {}
        self.published: dict[tuple[str, int | None], float] = {}
        self.waiters: dict[tuple[str, int | None], asyncio.Event] = {}

        @self.feature("pan/indexReady")
        def on_index(params):  # unannotated: pygls would pass the client first for "object"
            self.index_stats = params._asdict() if hasattr(params, "_asdict") else dict(params)  # type: ignore[arg-type]
            self.index_ready.set()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            key = (params.uri, params.version)
            self.published.setdefault(key, time.perf_counter())  # the first diagnostics of that version
            if key in self.waiters:
                self.waiters[key].set()


def server_cpu_seconds(client: Client) -> float:
    """User + system CPU time the server process has used so far (Linux ``/proc``)."""
    pid = client._server.pid  # pylint: disable=protected-access
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def start_session(corpus: Path, cache: str) -> tuple[Client, float, float]:
    client = Client()
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(REPO)}
    await client.start_io(sys.executable, "-m", "panls", env=env)
    root = corpus.resolve().as_uri()
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root,
            workspace_folders=[types.WorkspaceFolder(uri=root, name="corpus")],
            initialization_options={"compile": {"enabled": False}},
        )
    )
    started = time.perf_counter()
    cpu = server_cpu_seconds(client)
    client.initialized(types.InitializedParams())
    await asyncio.wait_for(client.index_ready.wait(), 600)
    return client, time.perf_counter() - started, server_cpu_seconds(client) - cpu


async def stop_session(client: Client) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   (n={len(ordered)})"


async def measure_requests(client: Client, uri: str, text: str, samples: int) -> dict[str, list[float]]:
    lines = text.splitlines()
    rng = random.Random(7)
    names = [
        (i, line.index(word), word)
        for i, line in enumerate(lines)
        for word in ("is_ipv4", "type_hostname", "is_string", "match", "length")
        if word in line and not line.lstrip().startswith("#")
    ]
    times: dict[str, list[float]] = {"completion": [], "hover": [], "definition": []}
    document = types.TextDocumentIdentifier(uri=uri)
    for _ in range(samples):
        line, column, word = rng.choice(names)
        position = types.Position(line=line, character=column + 1)
        started = time.perf_counter()
        await client.text_document_hover_async(types.HoverParams(text_document=document, position=position))
        times["hover"].append(time.perf_counter() - started)
        started = time.perf_counter()
        await client.text_document_definition_async(
            types.DefinitionParams(text_document=document, position=position)
        )
        times["definition"].append(time.perf_counter() - started)
        started = time.perf_counter()
        await client.text_document_completion_async(
            types.CompletionParams(
                text_document=document,
                position=types.Position(line=line, character=column + min(2, len(word))),
            )
        )
        times["completion"].append(time.perf_counter() - started)
    return times


async def measure_diagnostics(client: Client, uri: str, text: str, samples: int) -> list[float]:
    lines = text.splitlines()
    rng = random.Random(11)
    latencies = []
    version = 1
    last_line = last_end = 0
    for index in range(samples):
        line = rng.randrange(len(lines))
        end = len(lines[line])
        version += 1
        if index % 2 == 0:
            change = types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(line, end), types.Position(line, end)), text=" "
            )
        else:
            change = types.TextDocumentContentChangePartial(
                range=types.Range(
                    types.Position(last_line, last_end), types.Position(last_line, last_end + 1)
                ),
                text="",
            )
        last_line, last_end = line, end
        key = (uri, version)
        client.waiters[key] = asyncio.Event()
        started = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        await asyncio.wait_for(client.waiters[key].wait(), 30)
        latencies.append(client.published[key] - started)
        await asyncio.sleep(0.05)
    return latencies


def parse_times(text: str, name: str, samples: int) -> list[float]:
    """How long the shared parser alone takes on the template (what every edit must pay)."""
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    times = []
    for index in range(samples):
        started = time.perf_counter()
        parse(text + " " * (index % 2), name)
        times.append(time.perf_counter() - started)
    return times


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--template", default="pan/types.pan", help="the ~1,000-line template to edit")
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="panls-bench-") as cache:
        client, cold, cpu = await start_session(args.corpus, cache)
        print(f"index cold : {cold:6.3f} s wall, {cpu:6.3f} s server CPU  ({client.index_stats})")
        await stop_session(client)
        client, warm, cpu = await start_session(args.corpus, cache)
        print(f"index warm : {warm:6.3f} s wall, {cpu:6.3f} s server CPU  ({client.index_stats})")
        path = (args.corpus / args.template).resolve()
        text = path.read_text(encoding="utf-8")
        uri = path.as_uri()
        client.waiters[(uri, 1)] = asyncio.Event()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="pan", version=1, text=text)
            )
        )
        await asyncio.wait_for(client.waiters[(uri, 1)].wait(), 60)
        print(f"template   : {args.template} ({len(text.splitlines())} lines)")
        print(
            f"parse alone: {percentiles(parse_times(text, str(path), args.samples))}  (the floor, in-process)"
        )
        latencies = await measure_diagnostics(client, uri, text, args.samples)
        print(f"diagnostics: {percentiles(latencies)}")
        for name, samples in (await measure_requests(client, uri, text, args.samples)).items():
            print(f"{name:11}: {percentiles(samples)}")
        await stop_session(client)
    print(f"load average: {os.getloadavg()[0]:.2f} (the machine is shared; wall times vary with it)")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
