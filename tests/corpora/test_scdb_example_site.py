"""The SCDB example site: its 10 grid hosts compile to exactly the Java panc's JSON and XML.

Run as ``../shared/corpora/README.md`` says (from the corpus folder):
``panc --formats json,pan --max-iteration 5000 --warnings on --output-dir OUT --include-path IP
clusters/grid/umd4/profiles/*.example.org.pan``; exit 0, every profile byte-identical to
``expected/``, and the standard error, sorted, equal to ``expected/panc-stderr.sorted.txt``
(the Java panc prints the warnings of parallel objects in a varying order).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import CORPORA, run_panc

SITE = CORPORA / "scdb-example-site"
CLUSTER = Path("cfg/clusters/grid/umd4")
INCLUDE_PATH = ":".join(str(p) for p in (CLUSTER, CLUSTER / "profiles", CLUSTER / "site", "cfg/sites/example",
                                          "cfg/grid/umd-4", "cfg/os", "cfg/quattor/dev", "cfg/standard"))


def _hosts() -> list[str]:
    return sorted(p.name for p in (SITE / CLUSTER / "profiles").glob("*.example.org.pan"))


def test_every_host_compiles_to_the_java_profiles(tmp_path, monkeypatch):
    if not SITE.is_dir():
        pytest.skip("../shared/corpora is not available")
    monkeypatch.chdir(SITE)
    hosts = _hosts()
    assert len(hosts) == 10
    options = ["--formats", "json,pan", "--max-iteration", "5000", "--warnings", "on",
               "--output-dir", str(tmp_path)]
    returncode, stdout, stderr = run_panc([*options, "--include-path", INCLUDE_PATH,
                                           *(str(CLUSTER / "profiles" / host) for host in hosts)])
    assert (returncode, stdout) == (0, "")
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in (SITE / "expected").iterdir() if p.suffix in (".json", ".xml"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (SITE / "expected" / name).read_bytes(), f"{name} differs"
    expected_stderr = (SITE / "expected" / "panc-stderr.sorted.txt").read_text(encoding="utf-8")
    assert "".join(sorted(stderr.splitlines(keepends=True))) == expected_stderr
