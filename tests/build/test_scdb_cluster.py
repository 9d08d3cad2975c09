"""SCDB clusters: ``cluster.build.properties`` read as SCDB's ant build reads it, and ``--cluster``.

SCDB's ``compile.cluster.profiles`` target puts the cluster directory, its ``profiles`` and
``site`` folders on the load path, then the directories that ``cluster.pan.includes`` names
(Ant patterns relative to ``cfg/``, blank- or comma-separated; the cluster's file wins over
its group's ``cluster.group.build.properties``), and compiles ``profiles/**/*.pan``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from panc.build.scdb import ClusterError, cluster_of, find_clusters, load_cluster, read_properties
from panc.cli import dispatch

SITE = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "scdb-example-site"


def dispatch_panc(argv: list[str]) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = dispatch(argv, stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def test_java_properties_syntax() -> None:
    text = (
        "# a comment\n"
        "  ! another\n"
        "cluster.pan.includes=sites/example grid/umd-4 \\\n"
        "    os standard\n"
        "key2 : value two\n"
        "key3 value three\n"
        "escaped\\ key=tab\\there \\u00e9\n"
        'cluster.pan.dep.ignore=""\n'
        "key2=again\n"
        "empty=\n"
    )
    assert read_properties(text) == {
        "cluster.pan.includes": "sites/example grid/umd-4 os standard",
        "key2": "again",
        "key3": "value three",
        "escaped key": "tab\there \u00e9",
        "cluster.pan.dep.ignore": '""',
        "empty": "",
    }


def make_scdb(root: Path) -> Path:
    """``root/cfg`` with a grouped cluster ``grid/c1`` and its libraries."""
    cfg = root / "cfg"
    for folder in (
        "sites/ex",
        "sites/other",
        "lib/a",
        "lib/b",
        "os",
        "clusters/grid/c1/profiles/sub",
        "clusters/grid/c1/site",
    ):
        (cfg / folder).mkdir(parents=True)
    (cfg / "clusters/grid/c1/cluster.build.properties").write_text(
        "cluster.pan.includes=sites/ex, lib/* ${extra} missing\nextra=os\n"
    )
    (cfg / "clusters/grid/cluster.group.build.properties").write_text(
        "cluster.pan.includes=sites/other\ngroup.only=1\n"
    )
    (cfg / "sites/ex/site.pan").write_text("unique template site;\n'/site' = 'ex';\n")
    for name in ("n1", "sub/n2"):
        (cfg / "clusters/grid/c1/profiles" / f"{name}.pan").write_text(
            f"object template {name};\ninclude 'site';\n'/name' = '{name}';\n"
        )
    (cfg / "clusters/grid/c1/profiles/n3.pan.disabled").write_text("not a profile")
    return cfg


def test_the_include_path_and_profiles_of_a_cluster(tmp_path: Path) -> None:
    cfg = make_scdb(tmp_path)
    cluster = load_cluster(str(cfg / "clusters/grid/c1"))
    c1 = cfg / "clusters/grid/c1"
    assert cluster.include_path == tuple(
        str(p)
        for p in (
            c1,
            c1 / "profiles",
            c1 / "site",
            cfg / "sites/ex",
            cfg / "lib/a",
            cfg / "lib/b",
            cfg / "os",
        )
    )
    assert cluster.profiles == (str(c1 / "profiles/n1.pan"), str(c1 / "profiles/sub/n2.pan"))
    assert cluster.properties["group.only"] == "1"  # the group's file fills in what the cluster's lacks
    assert cluster.name == "grid/c1"
    assert find_clusters(str(tmp_path)) == [str(c1)] == find_clusters(str(cfg))
    assert cluster_of(str(c1 / "profiles/sub/n2.pan")) == str(c1)
    assert cluster_of(str(cfg / "sites/ex/site.pan")) is None


def test_not_a_cluster(tmp_path: Path) -> None:
    cfg = make_scdb(tmp_path)
    with pytest.raises(ClusterError, match=r"has no cluster\.build\.properties"):
        load_cluster(str(cfg / "sites/ex"))
    (tmp_path / "lone").mkdir()
    (tmp_path / "lone/cluster.build.properties").write_text("cluster.pan.includes=x\n")
    with pytest.raises(ClusterError, match="is not below an SCDB 'clusters' directory"):
        load_cluster(str(tmp_path / "lone"))


@pytest.mark.skipif(not SITE.is_dir(), reason="the corpora (../shared/corpora) are not here")
def test_the_umd4_cluster_of_the_scdb_example_site_is_compiled_with_scdb_s_include_path() -> None:
    cfg = SITE.resolve() / "cfg"
    cluster = load_cluster(str(cfg / "clusters/grid/umd4"))
    expected = [
        "clusters/grid/umd4",
        "clusters/grid/umd4/profiles",
        "clusters/grid/umd4/site",
        "sites/example",
        "grid/umd-4",
        "os",
        "quattor/dev",
        "standard",
    ]  # the README of the corpora
    assert list(cluster.include_path) == [str(cfg / d) for d in expected]
    assert len(cluster.profiles) == 10


def test_panc_build_of_a_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = make_scdb(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = dispatch_panc(
        ["build", "--cluster", "cfg/clusters/grid/c1", "--formats", "json", "--output-dir", "out"]
    )
    assert (code, stdout) == (0, "")
    assert "2 templates: 2 compiled" in stderr
    assert (out / "n1.json").read_text() == '{\n  "name": "n1",\n  "site": "ex"\n}'
    assert (out / "sub/n2.json").exists()
    code, stdout, _ = dispatch_panc(
        ["build", "--cluster", "cfg/clusters/grid/c1", "--include-path", "x", "n1.pan"]
    )
    assert (code, stdout) == (
        1,
        "OPTIONS ERROR: --cluster gives the include path: --include-path cannot be used with it\n",
    )
    code, stdout, _ = dispatch_panc(["build", "--cluster", "cfg/sites/ex"])
    assert code == 1 and stdout.startswith("OPTIONS ERROR: ") and "has no cluster.build.properties" in stdout
    assert cfg.is_dir()
