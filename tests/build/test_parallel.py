"""Worker processes and the ``panc build`` command: same outputs and messages as one process."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from build_support import NODES, SiteBuild, compiled, outputs, write_site

from panc.build import MANIFEST_NAME, Progress
from panc.build.executors import batches
from panc.cli import dispatch
from panc.compiler import CompileOptions, Compiler
from panc.syntax.cache import ParseCache

REPO = Path(__file__).resolve().parents[2]
FAILING = {
    "bad1": "object template bad1;\n'/x' = 1 + 'a';\n",
    "bad2": "object template bad2;\ninclude 'missing';\n",
    "syntax": "object template syntax;\n'/x' = ;\n",
}


def _site_with_failures(root: Path) -> list[str]:
    site = write_site(root)
    for name, text in FAILING.items():
        (site / f"{name}.pan").write_text(text)
    names = ["bad1", *NODES, "syntax", "bad2"]
    return [str(site / f"{name}.pan") for name in names]


def _panc(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = dispatch(argv, stdout, stderr)
    finally:
        os.chdir(old)
    return code, stdout.getvalue(), stderr.getvalue()


def test_two_workers_give_the_outputs_and_errors_of_one(tmp_path):
    files = _site_with_failures(tmp_path)
    results = {}
    for nthread in ("1", "2"):
        out = tmp_path / f"out{nthread}"
        out.mkdir()
        code, stdout, _ = _panc(["--nthread", nthread, "--formats", "json,pan", "--include-path", "site",
                                 "--output-dir", str(out), *files], tmp_path)
        results[nthread] = (code, stdout, outputs(out))
    assert results["1"] == results["2"]
    code, stdout, written = results["2"]
    assert code == 1 and len(written) == 2 * len(NODES)
    # errors in command-line order
    assert stdout.index("bad1.pan") < stdout.index("syntax.pan") < stdout.index("missing")


def test_panc_build_keeps_pancs_stdout_and_reports_on_stderr(tmp_path):
    files = _site_with_failures(tmp_path)
    plain_out, build_out = tmp_path / "plain", tmp_path / "built"
    plain_out.mkdir()
    build_out.mkdir()
    common = ["--include-path", "site", "--formats", "json"]
    plain = _panc([*common, "--output-dir", str(plain_out), *files], tmp_path)
    built = _panc(["build", *common, "--output-dir", str(build_out), *files], tmp_path)
    assert built[:2] == plain[:2]
    assert outputs(build_out) == outputs(plain_out)
    assert not (plain_out / MANIFEST_NAME).exists() and (build_out / MANIFEST_NAME).is_file()
    assert f"panc: 9 templates: {len(NODES)} compiled, 0 up to date, 3 failed in " in built[2]
    again = _panc(["build", *common, "--output-dir", str(build_out), *files], tmp_path)
    assert again[:2] == plain[:2]  # failed objects are compiled (and reported) again
    assert f"{len(NODES)} up to date, 3 failed" in again[2]
    forced = _panc(["build", "--force", *common, "--output-dir", str(build_out), *files], tmp_path)
    assert f"{len(NODES)} compiled, 0 up to date" in forced[2]


def test_a_file_named_like_a_subcommand_is_compiled(tmp_path):
    (tmp_path / "build").write_text("object template build;\n'/a' = 1;\n")
    code, stdout, stderr = _panc(["build", "--formats", "json"], tmp_path)
    # as panc reads it: an argument without a template suffix is an object name, here not found
    assert (code, stderr) == (1, "")
    assert stdout.startswith("evaluation error [?:?]\ncannot locate object template named 'build'")


def test_progress_on_a_terminal_and_in_a_log():
    tty, log = io.StringIO(), io.StringIO()
    terminal = Progress(tty, 4, tty=True)
    plain = Progress(log, 4, tty=False)
    for failed in (False, True, False, False):
        terminal.advance(failed)
        plain.advance(failed)
    terminal.finish()
    plain.finish()
    assert tty.getvalue().startswith("\r\x1b[2K[#######---------------------] 1/4 done, 0 failed")
    assert tty.getvalue().endswith("4/4 done, 1 failed, " + tty.getvalue().rsplit("failed, ", 1)[1])
    assert "\r" not in log.getvalue() and log.getvalue().count("\n") == 1
    assert log.getvalue().startswith("[############################] 4/4 done, 1 failed, ")


def test_a_killed_build_leaves_old_or_new_profiles(tmp_path):
    write_site(tmp_path)
    site = tmp_path / "site"
    count = 30
    # each object loops a little so that the build is still running when it is killed
    for i in range(count):
        (site / f"host{i:02d}.pan").write_text(
            f"object template host{i:02d};\ninclude 'lib/common';\n"
            "'/work' = {{ n = 0; i = 0; while (i < 2000) {{ n = n + i; i = i + 1; }}; n; }};\n"
            .replace("{{", "{").replace("}}", "}"))
    files = [str(site / f"host{i:02d}.pan") for i in range(count)]
    out = tmp_path / "out"
    out.mkdir()
    argv = [sys.executable, "-m", "panc", "build", "--nthread", "1", "--formats", "json",
            "--include-path", str(site), "--output-dir", str(out), *files]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(argv, check=False, env=env, capture_output=True, timeout=120)
    old = {p.name: p.read_bytes() for p in out.glob("host*.json")}
    assert len(old) == count
    (site / "lib/common.pan").write_text("unique template lib/common;\n'/common' = 'changed';\n")

    with subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _some_new(out, 5):
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
    profiles = {p.name: json.loads(p.read_text()) for p in out.glob("host*.json")}
    assert len(profiles) == count
    commons = [p["common"] for p in profiles.values()]
    assert 5 <= commons.count("changed") < count
    assert set(commons) == {"yes", "changed"}
    # the next build finishes the job: every profile new, no temporary file left behind
    subprocess.run(argv, check=True, env=env, capture_output=True, timeout=120)
    assert {json.loads(p.read_text())["common"] for p in out.glob("host*.json")} == {"changed"}
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def _some_new(out: Path, at_least: int) -> bool:
    new = 0
    for path in out.glob("host*.json"):
        try:
            new += b'"changed"' in path.read_bytes()
        except OSError:
            continue
    return new >= at_least


def test_site_build_with_two_workers_rebuilds_the_same_objects(tmp_path):
    write_site(tmp_path)
    one = SiteBuild(tmp_path, workers=2)
    assert compiled(one.run()) == list(NODES)
    (tmp_path / "site/lib/web.pan").write_text("unique template lib/web;\n'/web/port' = 81;\n")
    assert compiled(one.run()) == ["node1", "node2"]
    assert compiled(one.run()) == []


def test_plain_panc_checks_dependencies_only_when_asked(tmp_path):
    write_site(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    files = [str(tmp_path / "site" / f"{node}.pan") for node in NODES]
    argv = ["--formats", "json", "--include-path", "site", "--output-dir", str(out), *files]
    assert _panc(argv, tmp_path) == (0, "", "")
    assert not (out / MANIFEST_NAME).exists()
    assert _panc(["--check-dependencies", *argv], tmp_path) == (0, "", "")
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("node*.json")}
    assert _panc(["--check-dependencies", *argv], tmp_path) == (0, "", "")
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("node*.json")} == before
    # and panc build can be told not to
    code, _, stderr = _panc(["build", "--no-check-dependencies", *argv], tmp_path)
    assert code == 0 and f"{len(NODES)} compiled, 0 up to date" in stderr


def test_files_go_out_in_small_batches_that_cover_each_file_once():
    for count, workers in [(0, 2), (1, 2), (5, 2), (100, 2), (1000, 2), (1000, 0), (37, 3)]:
        ranges = batches(count, workers, 8)
        assert [i for batch in ranges for i in batch] == list(range(count))
        assert all(1 <= len(batch) <= 8 for batch in ranges)
    assert {len(b) for b in batches(1000, 2, 8)} == {8}  # 125 tasks rather than 1,000
    assert len(batches(100, 2, 8)) >= 16  # still several per worker to balance the load
    assert {len(b) for b in batches(10, 2, 8)} == {1}


def _heavy_site(root: Path, count: int) -> list[str]:
    """``count`` objects that each loop a little, so that a build of them runs for a while."""
    write_site(root)
    site = root / "site"
    for i in range(count):
        (site / f"host{i:02d}.pan").write_text(
            f"object template host{i:02d};\ninclude 'lib/common';\n"
            "'/work' = { n = 0; i = 0; while (i < 3000) { n = n + i; i = i + 1; }; n; };\n"
            f"'/name' = 'host{i:02d}';\n")
    return [str(site / f"host{i:02d}.pan") for i in range(count)]


def _session_processes(session: int) -> list[str]:
    """The live (not zombie) processes of a session, as ``pid state command``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(f"{entry.name} {fields[0]} {command}")
    return found


def test_the_workers_of_a_killed_build_exit_and_the_next_build_is_correct(tmp_path):
    files = _heavy_site(tmp_path, 40)
    out = tmp_path / "out"
    out.mkdir()
    argv = [sys.executable, "-m", "panc", "build", "--nthread", "2", "--formats", "json",
            "--include-path", str(tmp_path / "site"), "--output-dir", str(out), *files]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          start_new_session=True) as process:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(out.glob("host*.json"))) < 3:
            time.sleep(0.02)
        workers = [line for line in _session_processes(process.pid) if not line.startswith(f"{process.pid} ")]
        assert workers, "the build runs in worker processes"
        process.send_signal(signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 5
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _session_processes(process.pid)
    for line in left:  # a failing run must not leave them running on the machine
        with contextlib.suppress(OSError):
            os.kill(int(line.split()[0]), signal.SIGKILL)
    assert not left, "workers of the killed build are still running"
    assert len(list(out.glob("host*.json"))) < len(files), "killed before the end"

    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    argv[argv.index(str(out))] = str(fresh)
    subprocess.run(argv, env=env, capture_output=True, timeout=300, check=True)
    assert outputs(out) == outputs(fresh)


def test_panc_build_counts_the_templates_that_are_not_objects(tmp_path):
    """``panc build site/**/*.pan``: the library templates on the command line are counted as
    such, so that the summary adds up to the templates given."""
    site = write_site(tmp_path)
    files = sorted(str(path) for path in site.rglob("*.pan"))
    others = len(files) - len(NODES)
    assert others > 0
    out = tmp_path / "out"
    out.mkdir()
    argv = ["build", "--include-path", "site", "--formats", "json", "--output-dir", str(out), *files]
    first = _panc(argv, tmp_path)
    assert first[0] == 0, first
    assert (f"panc: {len(files)} templates: {len(NODES)} compiled, 0 up to date, 0 failed, "
            f"{others} not object templates (skipped) in ") in first[2]
    again = _panc(argv, tmp_path)
    assert (f"panc: {len(files)} templates: 0 compiled, {len(NODES)} up to date, 0 failed, "
            f"{others} not object templates (skipped) in ") in again[2]


class _LoggingCompiler(Compiler):
    """Records which process compiles which object; ``kill`` names an object whose compile
    kills a worker process (not the build's own)."""

    def __init__(self, log: Path, build_pid: int, kill: str | None = None, **options) -> None:
        super().__init__(CompileOptions(**options))
        self.log = log
        self.build_pid = build_pid
        self.kill = kill
        with log.open("a") as record:
            record.write(f"{os.getpid()} made\n")

    def compile_object(self, name_or_path):
        if name_or_path == self.kill and os.getpid() != self.build_pid:
            os.kill(os.getpid(), signal.SIGKILL)
        with self.log.open("a") as record:
            record.write(f"{os.getpid()} {name_or_path}\n")
        return super().compile_object(name_or_path)


def _compiles(log: Path) -> dict[str, list[str]]:
    """The objects each process compiled, by ``"here"``/``"worker"``, in order."""
    found: dict[str, list[str]] = {"here": [], "worker": []}
    for line in log.read_text().split("\n"):
        if line and not line.endswith(" made"):
            pid, name = line.split(" ", 1)
            found["here" if int(pid) == os.getpid() else "worker"].append(name)
    return found


def test_this_process_compiles_from_the_front_and_a_worker_from_the_back(tmp_path):
    """With two workers the build compiles files itself, from the first, while one forked
    worker compiles from the last: every core works from the start, and neighbours on the
    command line (which often share templates) stay in one process."""
    write_site(tmp_path)
    log = tmp_path / "compiles"
    site = SiteBuild(tmp_path, workers=2)
    make = functools.partial(_LoggingCompiler, log, os.getpid(), include_path=[str(tmp_path / "site")])
    assert compiled(site.run(force=True, make_compiler=make)) == list(NODES)
    done = _compiles(log)
    order = list(NODES)
    assert sorted(done["here"] + done["worker"]) == order  # each object compiled once
    assert done["here"] == order[:len(done["here"])] and done["here"]
    assert done["worker"] == order[::-1][:len(done["worker"])] and done["worker"]
    made = [line.split()[0] for line in log.read_text().split("\n") if line.endswith(" made")]
    assert len(made) == 4 and made.count(str(os.getpid())) == 2  # a checker and a builder each
    assert sorted(outputs(site.out)) == sorted(f"{node}.{kind}" for node in NODES for kind in ("dep", "json"))


def test_a_worker_that_dies_fails_its_file_and_the_build_compiles_the_rest(tmp_path):
    write_site(tmp_path)
    log = tmp_path / "compiles"
    last = list(NODES)[-1]  # the first file the worker takes
    site = SiteBuild(tmp_path, workers=2)
    make = functools.partial(_LoggingCompiler, log, os.getpid(), kill=last,
                             include_path=[str(tmp_path / "site")])
    report = site.run(force=True, make_compiler=make)
    failed = [o for o in report.outcomes if o.failed]
    assert [Path(o.path).stem for o in failed] == [last]
    assert "compiler error while compiling" in str(failed[0].errors[0])
    assert compiled(report) == list(NODES)[:-1]
    assert not _compiles(log)["worker"]
    assert sorted(_compiles(log)["here"]) == list(NODES)[:-1]  # the file the dead worker was to take next too
    assert sorted(outputs(site.out)) == sorted(
        f"{node}.{kind}" for node in NODES if node != last for kind in ("dep", "json"))


def test_a_parallel_build_stores_what_every_process_parsed(tmp_path):
    """Workers store the templates they parsed when they exit, in a detached writer, as the
    build process does: two workers leave the parse cache one process leaves."""
    files = [str(path) for path in sorted(write_site(tmp_path).glob("node*.pan"))]
    entries = {}
    for nthread in ("1", "2"):
        cache = tmp_path / f"cache{nthread}"
        out = tmp_path / f"out{nthread}"
        out.mkdir()
        env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(cache)}
        subprocess.run([sys.executable, "-m", "panc", "--nthread", nthread, "--formats", "json",
                        "--include-path", str(tmp_path / "site"), "--output-dir", str(out), *files],
                       env=env, capture_output=True, check=True, timeout=120)
        stored = ParseCache(cache / "pan-tools")
        stored.wait_for_writers()
        entries[nthread] = sorted(path.name for path in stored.directory.glob("*.pickle"))
    assert len(entries["1"]) == len(files) + 5  # the objects and the five library templates they use
    assert entries["2"] == entries["1"]
