"""Benchmark ``panc build`` on a synthetic site over the real Quattor template libraries.

Generates N object templates (one per host, default 1,000) that use the ncm-metaconfig service
schemas (chrony, limits_conf, ssh, rsyslog) and template-library-core's metaconfig component,
each with its own data (name, address, NTP servers, role, ports, limits). Then times, for one and
two local worker processes and on a two-worker Dask ``LocalCluster``:

- a full build (empty output directory),
- a no-change rebuild (target: at most 2% of the full build; best of three runs),
- a rebuild after one role template changed (a third of the hosts use it).

The speed-up of two workers over one is reported too (target: at least 1.8x). Every build runs
``panc build`` in a fresh process, as a user would (the Dask builds use an existing cluster),
with Python's bytecode cache on as for an installed panc (``PYTHONDONTWRITEBYTECODE`` would
make every start-up recompile the modules). Each line also gives the CPU seconds of the build
and its workers: on a shared machine the wall time depends on the other load.

    python bench/site.py                      # 1,000 hosts, all modes
    python bench/site.py --hosts 200 --modes 1,2
    python bench/site.py --keep /tmp/site     # keep the generated site and outputs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = (REPO / ".." / "shared" / "corpora").resolve()
TLC = CORPORA / "template-library-core"
METACONFIG = CORPORA / "metaconfig" / "templates"
ROLES = ("login", "web", "db")
NO_CHANGE_RUNS = 3

BASE = """unique template site/base;

# as the metaconfig test profiles do: no package actions, no component dependencies
function pkg_repl = { null; };
include 'components/metaconfig/config';
'/software/components/metaconfig/dependencies' = null;

include 'metaconfig/chrony/config';
prefix '/software/components/metaconfig/services/{/etc/chrony.conf}/contents';
'server' = {
    servers = list();
    foreach (i; name; NTP_SERVERS) {
        servers[i] = dict('hostname', name, 'flags', list('iburst'));
    };
    servers;
};
'driftfile' = '/var/lib/chrony/drift';
'makestep/threshold' = 0.1;
'makestep/limit' = 3;

include 'metaconfig/limits_conf/config';
prefix '/software/components/metaconfig/services/{/etc/security/limits.d/91-quattor.conf}/contents';
'entries/0' = dict('domain', 'ftp', 'type', 'hard', 'item', 'priority', 'value', 5);
'entries/1' = dict('domain', 'student', 'type', 'soft', 'item', 'maxlogins', 'value', MAX_LOGINS);

prefix '/system/network';
'hostname' = HOST_NAME;
'domainname' = 'example.org';
'interfaces/eth0/ip' = HOST_IP;
'interfaces/eth0/netmask' = '255.255.0.0';
"""

ROLE_TEMPLATES = {
    "login": """unique template site/roles/login;

include 'metaconfig/ssh/server_config';
prefix "/software/components/metaconfig/services/{/etc/ssh/sshd_config}/contents";
"main/AddressFamily" = "any";
"main/Ciphers" = list("aes128-ctr", "aes192-ctr", "aes256-ctr");
"main/PasswordAuthentication" = false;
"main/Subsystem" = dict("sftp", "internal-sftp");
"Match/0/criteria" = dict("User", list("admin"), "Address", list(HOST_IP + "/32"));
"Match/0/PasswordAuthentication" = true;
""",
    "web": """unique template site/roles/web;

include 'metaconfig/rsyslog/config';
prefix "/software/components/metaconfig/services/{/etc/rsyslog.conf}/contents/input";
"input1/file/queue/filename" = "input1";
"input1/file/File" = "/var/log/httpd/access_log";
"input1/file/Tag" = HOST_NAME;
"input2/tcp/Port" = SERVICE_PORT;
""",
    "db": """unique template site/roles/db;

include 'metaconfig/limits_conf/config';
prefix "/software/components/metaconfig/services/{/etc/security/limits.d/91-quattor.conf}/contents";
"entries/2" = dict('domain', 'postgres', 'type', '-', 'item', 'nofile', 'value', SERVICE_PORT * 16);
""",
}


def host_template(index: int) -> str:
    """One host: its own data, the base and one role."""
    name = f"host{index:04d}"
    servers = ", ".join(f"'ntp{(index + k) % 7}.example.org'" for k in range(1 + index % 3))
    return (
        f"object template hosts/{name};\n\n"
        f"variable HOST_NAME = '{name}';\n"
        f"variable HOST_IP = '10.{index // 250}.{index % 250}.{1 + index % 200}';\n"
        f"variable NTP_SERVERS = list({servers});\n"
        f"variable MAX_LOGINS = {1 + index % 5};\n"
        f"variable SERVICE_PORT = {1024 + index};\n\n"
        "include 'site/base';\n"
        f"include 'site/roles/{ROLES[index % len(ROLES)]}';\n"
    )


def generate(root: Path, hosts: int) -> list[str]:
    """Write the site under ``root/site``; returns the host files."""
    site = root / "site"
    (site / "site" / "roles").mkdir(parents=True, exist_ok=True)
    (site / "hosts").mkdir(exist_ok=True)
    (site / "site" / "base.pan").write_text(BASE)
    for role, text in ROLE_TEMPLATES.items():
        (site / "site" / "roles" / f"{role}.pan").write_text(text)
    files = []
    for index in range(hosts):
        path = site / "hosts" / f"host{index:04d}.pan"
        path.write_text(host_template(index))
        files.append(str(path))
    return files


def include_path(root: Path) -> str:
    return ":".join(str(p) for p in (root / "site", METACONFIG, TLC))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def panc_build(root: Path, out: Path, files: list[str], extra: list[str]) -> tuple[float, str]:
    """``panc build`` in a fresh process: wall seconds and its summary line (with the CPU
    seconds of the build and its worker processes: on a busy machine wall time says little)."""
    argv = [sys.executable, "-m", "panc", "build", "--formats", "json,dep", "--include-path",
            include_path(root), "--output-dir", str(out), *extra, *files]
    # as an installed panc runs: with its bytecode cached (kept out of the work tree)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    summary += f" [{cpu:.1f} s CPU]"
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}")
    return elapsed, summary


def change_one_template(root: Path, generation: int) -> None:
    """Edit the 'web' role (used by a third of the hosts)."""
    path = root / "site" / "site" / "roles" / "web.pan"
    text = ROLE_TEMPLATES["web"] + f'"input3/udp/Port" = list({514 + generation});\n'
    path.write_text(text)


def scenario(root: Path, files: list[str], label: str, extra: list[str]) -> dict[str, float]:
    """Full, no-change and one-template-changed builds into a fresh output directory."""
    out = root / f"out-{label}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    reset_template(root)
    results = {}
    for step in ("full", "no-change", "one-changed"):
        if step == "one-changed":
            change_one_template(root, len(label))
        # a no-change rebuild changes nothing, so it can be timed again: the best of a few
        # runs, as a fraction of a second is at the mercy of anything else on the machine
        repeat = NO_CHANGE_RUNS if step == "no-change" else 1
        runs = [panc_build(root, out, files, extra) for _ in range(repeat)]
        seconds, summary = min(runs)
        results[step] = seconds
        others = f" (of {', '.join(f'{s:.2f}' for s, _ in runs)})" if len(runs) > 1 else ""
        print(f"  {label:>10} {step:>12}: {seconds:7.2f} s   {summary}{others}", flush=True)
    return results


def reset_template(root: Path) -> None:
    """The 'web' role as generated."""
    (root / "site" / "site" / "roles" / "web.pan").write_text(ROLE_TEMPLATES["web"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=1000)
    parser.add_argument("--modes", default="1,2,dask", help="comma-separated: 1, 2 (local workers), dask")
    parser.add_argument("--keep", type=Path, help="generate the site here and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not TLC.is_dir() or not METACONFIG.is_dir():
        print(f"corpora not found under {CORPORA}", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="panc-site-"))
    root.mkdir(parents=True, exist_ok=True)
    files = generate(root, args.hosts)
    print(f"site: {args.hosts} hosts in {root}", flush=True)
    modes = args.modes.split(",")
    figures: dict[str, dict[str, float]] = {}
    for mode in modes:
        if mode in ("1", "2"):
            figures[f"{mode}-worker"] = scenario(root, files, f"{mode}-worker", ["--nthread", mode])
    if "dask" in modes:
        figures["dask-2"] = _dask_scenario(root, files)
    _report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _dask_scenario(root: Path, files: list[str]) -> dict[str, float]:
    from distributed import LocalCluster  # pylint: disable=import-outside-toplevel

    # the scheduler (in this process) and the workers unpickle panc's tasks: they need panc
    sys.path.insert(0, str(REPO))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        extra = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
        return scenario(root, files, "dask-2", extra)


def _report(figures: dict[str, dict[str, float]]) -> None:
    print()
    for label, steps in figures.items():
        full = steps["full"]
        print(f"{label:>10}: full {full:.2f} s, no-change {steps['no-change']:.2f} s "
              f"({100 * steps['no-change'] / full:.1f}% of full; target <= 2%), "
              f"one template changed {steps['one-changed']:.2f} s")
    if "1-worker" in figures and "2-worker" in figures:
        speedup = figures["1-worker"]["full"] / figures["2-worker"]["full"]
        print(f"2 workers vs 1 (full build): {speedup:.2f}x (target >= 1.8x)")


if __name__ == "__main__":
    sys.exit(main())
