"""Benchmark the live site check of panls: edit-to-diagnostics latency and the server's memory.

    python bench/site_check.py                       # sites of 10 and 1,000 hosts, 1,000 edits
    python bench/site_check.py --hosts 10,200 --edits 200

A generated site (a small schema, a few service templates, one object template per host) in
which one template, ``site/shared``, is included by every host. A real client talks to a real
``panls`` over stdio with the default settings (quiet period 0.4 s, at most 100 hosts re-checked
per edit, one compile worker) and opens ``site/shared.pan``. For each site size:

- baseline: the latency of the compile diagnostics of one host's own template after an edit
  (what panls did before: compile the open object template), median of 5;
- first: from the ``didChange`` that puts a run-time error into ``site/shared`` (unsaved) to the
  first diagnostics in it naming a host it breaks, median of 5;
- round: from that edit to the end of its re-checks (``pan/siteStatus`` with nothing pending:
  every host, or the 100 of the budget);
- cleared: from the edit that fixes it to diagnostics without the error;
- memory: the server's resident memory (``VmRSS``) after indexing and a first round, then after
  1,000 more edits of ``site/shared`` typed in bursts (each burst's round starts, then the next
  burst cancels it), and the compile workers' memory.

The ratios are against the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
SAMPLES = 5
BURST = 25
"""Edits typed in a row (20 ms apart) before a pause longer than the quiet period."""

SCHEMA = """declaration template site/schema;

type service = {
    'enabled' : boolean = true
    'port' : long(1..65535)
    'options' ? string{}
};

type host = {
    'name' : string
    'ip' : string
    'role' : string
    'services' : service{}
    'ntp' : string[]
    'weight' : long = 10
};

bind '/host' = host;
"""
FUNCTIONS = """declaration template site/functions;

function service_entry = {
    result = dict('port', ARGV[0]);
    if (ARGC > 1) {
        result['options'] = ARGV[1];
    };
    result;
};
"""
SERVICE = """unique template site/services/{name};

'/host/services/{name}' = service_entry({port}, dict('log', 'info', 'workers', '{workers}'));
"""
SHARED = """unique template site/shared;

variable NTP_SERVERS ?= list('ntp1.example.org', 'ntp2.example.org');
'/host/ntp' = NTP_SERVERS;
'/host/weight' = length(NTP_SERVERS) * 5;
"""
BROKEN = SHARED.replace("length(NTP_SERVERS) * 5", "length(NTP_SERVERS) * 5 / (length(NTP_SERVERS) - 2)")
HOST = """object template {name};

include 'site/schema';
include 'site/functions';
'/host/name' = '{name}';
'/host/ip' = '10.0.{a}.{b}';
'/host/role' = '{role}';
include 'site/services/ssh';
include 'site/services/{service}';
include 'site/shared';
"""
SERVICES = {"ssh": 22, "web": 80, "db": 5432, "mail": 25}


def write_site(root: Path, hosts: int) -> None:
    (root / "site" / "services").mkdir(parents=True)
    (root / "profiles").mkdir()
    (root / "site" / "schema.pan").write_text(SCHEMA)
    (root / "site" / "functions.pan").write_text(FUNCTIONS)
    (root / "site" / "shared.pan").write_text(SHARED)
    for name, port in SERVICES.items():
        (root / "site" / "services" / f"{name}.pan").write_text(
            SERVICE.replace("{name}", name).replace("{port}", str(port)).replace("{workers}", str(port % 7))
        )
    roles = [name for name in SERVICES if name != "ssh"]
    for number in range(hosts):
        name = f"node{number:04d}"
        text = HOST.format(
            name=name, a=number // 250, b=number % 250 + 1, role=roles[number % 3], service=roles[number % 3]
        )
        (root / "profiles" / f"{name}.pan").write_text(text)


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("site-check-bench", "1")
        self.index_ready = asyncio.Event()
        self.diagnostics: dict[str, tuple[float, list[types.Diagnostic]]] = {}
        self.changed = asyncio.Event()
        self.status: dict[str, object] = {}

        @self.feature("pan/indexStarted")
        def on_index_started(_params):
            pass

        @self.feature("pan/indexReady")
        def on_index(_params):  # unannotated: pygls would pass the client first for "object"
            self.index_ready.set()

        @self.feature("pan/siteStatus")
        def on_status(params):
            self.status = params._asdict() if hasattr(params, "_asdict") else dict(params)
            self.changed.set()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = (time.perf_counter(), list(params.diagnostics))
            self.changed.set()

    async def until(self, predicate, timeout: float = 600.0) -> float:
        """Wait until ``predicate()``; the time it became true."""
        deadline = time.perf_counter() + timeout
        while not predicate():
            self.changed.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("the server did not answer in time")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), remaining)
        return time.perf_counter()


def resident_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    if int(handle.read().rpartition(")")[2].split()[1]) == pid:
                        found.append(int(entry))
            except OSError:
                continue
    return found


def change(client: Client, uri: str, text: str, version: int) -> float:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return time.perf_counter()


def breaking(client: Client, uri: str) -> bool:
    return any(" (breaks " in d.message for d in client.diagnostics.get(uri, (0.0, []))[1])


def idle(client: Client) -> bool:
    return client.status.get("pending") == 0


async def measure(root: Path, edits: int, cache: str) -> dict[str, object]:
    client = Client()
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(REPO)}
    await client.start_io(sys.executable, "-m", "panls", env=env)
    root_uri = root.as_uri()
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root_uri,
            workspace_folders=[types.WorkspaceFolder(uri=root_uri, name="site")],
            initialization_options={"includePath": [".", "profiles"], "lint": {"enabled": False}},
        )
    )
    client.initialized(types.InitializedParams())
    await asyncio.wait_for(client.index_ready.wait(), 600)
    pid = client._server.pid  # pylint: disable=protected-access
    results: dict[str, object] = {}

    host_path = root / "profiles" / "node0000.pan"
    host_uri, host_text = host_path.as_uri(), host_path.read_text()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=host_uri, language_id="pan", version=1, text=host_text)
        )
    )
    await client.until(lambda: host_uri in client.diagnostics)
    await asyncio.sleep(1.0)
    baseline = []
    for sample in range(SAMPLES):
        text = host_text + f"variable EXTRA = length(NTP_SERVERS) / (length(NTP_SERVERS) - 2);  # {sample}\n"
        started = change(client, host_uri, text, 2 + 2 * sample)
        done = await client.until(
            lambda: any("by zero" in d.message for d in client.diagnostics[host_uri][1])
        )
        baseline.append(done - started)
        change(client, host_uri, host_text, 3 + 2 * sample)
        await client.until(lambda: not any("by zero" in d.message for d in client.diagnostics[host_uri][1]))
    results["baseline"] = statistics.median(baseline)

    shared_path = root / "site" / "shared.pan"
    uri = shared_path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="pan", version=1, text=SHARED)
        )
    )
    await client.until(lambda: uri in client.diagnostics)
    first, rounds, cleared = [], [], []
    version = 1
    for _ in range(SAMPLES):
        version += 1
        started = change(client, uri, BROKEN, version)
        first.append(await client.until(lambda: breaking(client, uri)) - started)
        rounds.append(await client.until(lambda: idle(client) and client.status.get("failed")) - started)
        version += 1
        started = change(client, uri, SHARED, version)
        cleared.append(await client.until(lambda: not breaking(client, uri)) - started)
        await client.until(lambda: idle(client) and not client.status.get("failed"))
    results.update(
        first=statistics.median(first),
        round=statistics.median(rounds),
        cleared=statistics.median(cleared),
        checked=client.status.get("checked"),
    )
    results["rss_before"] = resident_mb(pid)

    for number in range(edits):
        version += 1
        change(client, uri, BROKEN if number % 2 == 0 else SHARED + f"# edit {number}\n", version)
        await asyncio.sleep(0.02 if (number + 1) % BURST else 0.6)
    version += 1
    change(client, uri, SHARED, version)
    await client.until(lambda: not breaking(client, uri) and idle(client))
    results["rss_after"] = resident_mb(pid)
    results["workers_rss"] = sum(resident_mb(child) for child in children_of(pid))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return results


def report(hosts: int, found: dict[str, object]) -> None:
    base = float(found["baseline"])  # type: ignore[arg-type]

    def line(name: str, key: str) -> str:
        value = float(found[key])  # type: ignore[arg-type]
        return f"  {name:<42} {value:7.3f} s   {value / base:6.2f}x baseline"

    print(f"site of {hosts:,} hosts (re-checked per edit: {found['checked']})")
    print(f"  {'baseline: one open host, compile diagnostics':<42} {base:7.3f} s")
    print(line("first diagnostics naming a broken host", "first"))
    print(line("round of re-checks done", "round"))
    print(line("error cleared after the fix", "cleared"))
    print(
        f"  server memory: {found['rss_before']:.0f} MB after the first rounds, "
        f"{found['rss_after']:.0f} MB after the edits; compile workers {found['workers_rss']:.0f} MB"
    )


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hosts", default="10,1000", help="site sizes, comma-separated")
    parser.add_argument("--edits", type=int, default=1000, help="edits before the second memory reading")
    args = parser.parse_args()
    for hosts in (int(n) for n in args.hosts.split(",")):
        with tempfile.TemporaryDirectory(prefix="site-check-bench-") as work:
            root = Path(work) / "site"
            root.mkdir()
            write_site(root, hosts)
            found = await measure(root.resolve(), args.edits, str(Path(work) / "cache"))
            report(hosts, found)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
