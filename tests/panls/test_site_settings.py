"""The server's settings on an SCDB checkout: with no include path, a cluster's (``with_cluster``)."""

from __future__ import annotations

from pathlib import Path

from panc.build.scdb import CLUSTER_PROPERTIES
from panls.config import Settings, merge_settings, with_cluster


def make_checkout(root: Path) -> Path:
    """An SCDB checkout: two clusters, the second with more profiles."""
    cfg = root / "cfg"
    for cluster, hosts in (("grid/small", 1), ("grid/big", 3)):
        profiles = cfg / "clusters" / cluster / "profiles"
        profiles.mkdir(parents=True)
        (cfg / "clusters" / cluster / CLUSTER_PROPERTIES).write_text("cluster.pan.includes=lib\n")
        for number in range(hosts):
            (profiles / f"h{number}.pan").write_text(f"object template h{number};\n")
    (cfg / "lib").mkdir()
    return cfg


def test_the_cluster_with_the_most_profiles_unless_one_is_chosen(tmp_path: Path) -> None:
    cfg = make_checkout(tmp_path)
    big = cfg / "clusters/grid/big"
    settings = with_cluster(Settings(root=str(tmp_path)))
    assert settings.cluster == str(big)
    assert settings.include_dirs == [str(big), str(big / "profiles"), str(cfg / "lib")]
    chosen = with_cluster(
        merge_settings(Settings(root=str(tmp_path)), {"cluster": "cfg/clusters/grid/small"})
    )
    assert chosen.include_dirs[0] == str(cfg / "clusters/grid/small")
    inside = with_cluster(Settings(root=str(cfg / "clusters/grid/small/profiles")))
    assert inside.cluster == str(cfg / "clusters/grid/small")  # the cluster holding the workspace


def test_an_include_path_wins_and_no_cluster_leaves_the_root(tmp_path: Path) -> None:
    make_checkout(tmp_path)
    given = with_cluster(merge_settings(Settings(root=str(tmp_path)), {"includePath": ["cfg/lib"]}))
    assert given.include_dirs == [str(tmp_path / "cfg/lib")]
    plain = tmp_path / "plain"
    plain.mkdir()
    assert with_cluster(Settings(root=str(plain))).include_dirs == [str(plain)]
    broken = with_cluster(merge_settings(Settings(root=str(plain)), {"cluster": "no/such/cluster"}))
    assert broken.include_dirs == [str(plain)]
