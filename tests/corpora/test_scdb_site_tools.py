"""The tools on a real site: the SCDB example site built incrementally, on Dask, and debugged.

The site (``../shared/corpora/scdb-example-site``, 10 hosts over 4 libraries) is copied to a
temporary directory so that a machine-type template can be edited as a sysadmin would.
"""

from __future__ import annotations

import functools
import io
import queue
import re
import shutil
from pathlib import Path

import pytest
from corpus_support import CORPORA

from panc.build import BuildReport, BuildSettings, DependencyCheck, build, options_key
from panc.cli import dispatch
from panc.compiler import CompileOptions, Compiler
from panc.output import parse_formats
from pandbg.session import DebugSession, LaunchConfig, LineSpec, StopInfo

SITE = CORPORA / "scdb-example-site"
HOSTS = sorted(p.name.removesuffix(".pan") for p in (SITE / "cfg/clusters/grid/umd4/profiles").glob("*.pan"))
WORKER_NODES = ["wn.example.org", "wn2.example.org", "wn3.example.org"]

pytestmark = pytest.mark.skipif(not SITE.is_dir(), reason="the corpora (../shared/corpora) are not here")


def include_path(cfg: Path) -> list[str]:
    """SCDB's include path for the umd4 cluster (as its ant task passes it)."""
    cluster = cfg / "clusters/grid/umd4"
    dirs = [
        cluster,
        cluster / "profiles",
        cluster / "site",
        cfg / "sites/example",
        cfg / "grid/umd-4",
        cfg / "os",
        cfg / "quattor/dev",
        cfg / "standard",
    ]
    return [str(d) for d in dirs]


def host_files(cfg: Path) -> list[str]:
    return [str(cfg / "clusters/grid/umd4/profiles" / f"{host}.pan") for host in HOSTS]


@pytest.fixture(name="cfg")
def cfg_fixture(tmp_path: Path) -> Path:
    """A private copy of the site's ``cfg/`` (the tests edit it)."""
    return Path(shutil.copytree(SITE / "cfg", tmp_path / "cfg"))


def build_site(cfg: Path, out: Path) -> BuildReport:
    """``panc build`` of the 10 hosts with SCDB's options and dependency checking."""
    options = CompileOptions(include_path=include_path(cfg), max_iteration=5000, warnings="on")
    formats = tuple(parse_formats("json,pan,dep"))
    check = DependencyCheck(
        tuple(options.include_path), options_key(options, [f.key for f in formats]), False
    )
    return build(
        host_files(cfg), functools.partial(Compiler, options), BuildSettings(str(out), formats), check=check
    )


def compiled(report: BuildReport) -> list[str]:
    return sorted(o.object_name for o in report.outcomes if o.object_name and not o.up_to_date)


def assert_profiles_are_the_java_ones(out: Path) -> None:
    for host in HOSTS:
        for suffix in (".json", ".xml"):
            expected = (SITE / "expected" / f"{host}{suffix}").read_bytes()
            assert (out / f"{host}{suffix}").read_bytes() == expected, f"{host}{suffix} differs from Java's"


def test_touching_a_machine_type_rebuilds_exactly_the_hosts_that_include_it(
    cfg: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    first = build_site(cfg, out)
    assert not first.failed and compiled(first) == HOSTS
    assert_profiles_are_the_java_ones(out)

    assert compiled(build_site(cfg, out)) == []

    machine_type = cfg / "sites/example/machine-types/example/wn.pan"
    machine_type.write_text(machine_type.read_text() + "\n'/system/rootmail' = 'wn-admin@example.org';\n")
    rebuilt = build_site(cfg, out)
    assert not rebuilt.failed and compiled(rebuilt) == WORKER_NODES
    for host in HOSTS:
        changed = (out / f"{host}.json").read_bytes() != (SITE / "expected" / f"{host}.json").read_bytes()
        assert changed == (host in WORKER_NODES), host
    assert '"rootmail": "wn-admin@example.org"' in (out / "wn2.example.org.json").read_text()


def test_a_dask_build_of_the_site_writes_the_java_profiles(cfg: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "out"
    out.mkdir()
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as cluster:
        stdout, stderr = io.StringIO(), io.StringIO()
        code = dispatch(
            [
                "build",
                "--executor",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
                "--formats",
                "json,pan,dep",
                "--max-iteration",
                "5000",
                "--warnings",
                "on",
                "--include-path",
                ":".join(include_path(cfg)),
                "--output-dir",
                str(out),
                *host_files(cfg),
            ],
            stdout,
            stderr,
        )
    assert code == 0, stderr.getvalue()
    assert_profiles_are_the_java_ones(out)
    expected_stderr = (SITE / "expected/panc-stderr.sorted.txt").read_text()
    *lines, summary = stderr.getvalue().splitlines(keepends=True)
    progress = re.compile(r"\[[#-]+\] \d+/10 done")  # the build's progress lines
    messages = [line for line in lines if not progress.match(line)]
    assert summary.startswith("panc: 10 templates: 10 compiled, 0 up to date, 0 failed in ")
    assert sorted(messages) == expected_stderr.splitlines(keepends=True)


class _Listener:
    """Queues the session's stops and the end of its run (the compile runs on its own thread)."""

    def __init__(self) -> None:
        self.events: queue.Queue[StopInfo | int] = queue.Queue()
        self.outputs: list[str] = []

    def stopped(self, stop: StopInfo) -> None:
        self.events.put(stop)

    def output(self, text: str, category: str) -> None:
        del category
        self.outputs.append(text)

    def finished(self, exit_code: int) -> None:
        self.events.put(exit_code)

    def next_event(self) -> StopInfo | int:
        return self.events.get(timeout=60)


def test_debugging_a_worker_node_to_the_end(cfg: Path, tmp_path: Path) -> None:
    listener = _Listener()
    session = DebugSession(listener)
    program = cfg / "clusters/grid/umd4/profiles/wn.example.org.pan"
    machine_type = cfg / "sites/example/machine-types/example/wn.pan"
    include_line = machine_type.read_text().splitlines().index("include { 'machine-types/grid/wn' };") + 1
    session.launch(
        LaunchConfig(
            program=str(program),
            include_path=include_path(cfg),
            output_dir=str(tmp_path),
            formats="json,pan",
            max_iteration=5000,
        )
    )
    try:
        session.set_line_breakpoints(str(machine_type), [LineSpec(include_line)])
        session.start()
        stop = listener.next_event()
        assert isinstance(stop, StopInfo) and stop.reason == "breakpoint"
        frames = session.stack()
        assert [(f.name, Path(f.path).name, f.line) for f in frames[:2]] == [
            ("template machine-types/example/wn", "wn.pan", include_line),
            ("object template wn.example.org", "wn.example.org.pan", 4),
        ]
        session.step_in()
        assert isinstance(listener.next_event(), StopInfo)
        assert session.stack()[0].name == "template machine-types/grid/wn"
        session.set_line_breakpoints(str(machine_type), [])
        session.resume()
        assert listener.next_event() == 0, "".join(listener.outputs)[-2000:]
    finally:
        session.terminate()
        session.wait(30)
    for suffix in (".json", ".xml"):
        expected = (SITE / "expected" / f"wn.example.org{suffix}").read_bytes()
        assert (tmp_path / f"wn.example.org{suffix}").read_bytes() == expected
