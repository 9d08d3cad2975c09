"""Builds on a real Dask distributed cluster (a ``LocalCluster`` on loopback): same as local."""

from __future__ import annotations

import io
import os
import signal
import threading
import time

import pytest
from build_support import NODES, SiteBuild, compiled, outputs, write_site

from panc.cli import dispatch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module", name="cluster")
def cluster_fixture():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as local:
        yield local


def _failing_site(root):
    site = write_site(root)
    (site / "broken.pan").write_text("object template broken;\n'/x' = 1 + 'a';\n")
    (site / "syntax.pan").write_text("object template syntax;\n'/x' = ;\n")
    return site, [str(site / f"{n}.pan") for n in ["broken", *NODES, "syntax"]]


def test_a_dask_build_equals_a_local_build(tmp_path, cluster):
    site, files = _failing_site(tmp_path)
    results = []
    for extra in ([], ["--executor", "dask", "--scheduler", cluster.scheduler_address]):
        out = tmp_path / f"out{len(extra)}"
        out.mkdir()
        stdout, stderr = io.StringIO(), io.StringIO()
        code = dispatch(["build", *extra, "--formats", "json,pan,dep", "--include-path", str(site),
                         "--output-dir", str(out), *files], stdout, stderr)
        results.append((code, stdout.getvalue(), outputs(out)))
    assert results[0] == results[1]
    assert results[1][0] == 1 and len(results[1][2]) == 3 * len(NODES)


def test_incremental_builds_on_dask(tmp_path, cluster):
    write_site(tmp_path)
    site = SiteBuild(tmp_path)
    with distributed.Client(cluster) as client:
        assert compiled(site.run(scheduler=client)) == list(NODES)
        assert compiled(site.run(scheduler=client)) == []
        (tmp_path / "site/lib/db.pan").write_text("unique template lib/db;\n'/db/engine' = 'x';\n")
        assert compiled(site.run(scheduler=client)) == ["node3"]


def test_a_worker_lost_mid_build_only_delays_its_objects(tmp_path, cluster):
    site_dir = write_site(tmp_path)
    slow = [f"slow{i}" for i in range(8)]
    for name in slow:
        (site_dir / f"{name}.pan").write_text(
            f"object template {name};\ninclude 'lib/common';\n"
            "'/n' = { n = 0; i = 0; while (i < 2000) { n = n + i; i = i + 1; }; n; };\n")
    local = SiteBuild(tmp_path)
    local.paths = lambda: [str(site_dir / f"{name}.pan") for name in slow]  # type: ignore[method-assign]
    with distributed.Client(cluster) as client:
        killed: list[str] = []
        killer = threading.Thread(target=_kill_a_busy_worker, args=(client, killed))
        killer.start()
        report = local.run(scheduler=client)
        killer.join()
    assert killed, "no worker was busy long enough to be killed"
    assert not report.failed
    assert sorted(compiled(report)) == slow
    assert sorted(p for p in os.listdir(local.out) if p.endswith(".json") and p.startswith("slow")) == \
        [f"{name}.json" for name in slow]


def _kill_a_busy_worker(client, killed: list[str]) -> None:
    """Once a worker is processing a task, SIGKILL its process (its nanny starts a new one)."""
    pids = client.run(os.getpid)
    for _ in range(500):
        busy = [address for address, tasks in client.processing().items() if tasks and address in pids]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed.append(busy[0])
            return
        time.sleep(0.01)
