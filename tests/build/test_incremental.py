"""Incremental builds: only the objects whose dependencies changed are compiled again."""

from __future__ import annotations

import json
import os
import time

from build_support import NODES, SiteBuild, compiled, outputs, write_site

from panc.build import MANIFEST_NAME
from panc.build.manifest import settled

ALL = list(NODES)


def _site(tmp_path) -> SiteBuild:
    write_site(tmp_path)
    site = SiteBuild(tmp_path)
    assert compiled(site.run()) == ALL
    return site


def test_no_change_rebuild_compiles_nothing_and_makes_no_compiler(tmp_path):
    site = _site(tmp_path)
    before = outputs(site.out)

    def no_compiler():
        raise AssertionError("a compiler was made for a no-change rebuild")

    report = site.run(make_compiler=no_compiler)
    assert compiled(report) == []
    assert report.up_to_date == len(NODES) and not report.failed
    assert outputs(site.out) == before


def test_changing_one_template_rebuilds_only_its_objects(tmp_path):
    site = _site(tmp_path)
    (site.site / "lib/web.pan").write_text("unique template lib/web;\n'/web/port' = 8080;\n")
    assert compiled(site.run()) == ["node1", "node2"]
    assert json.loads((site.out / "node1.json").read_text())["web"]["port"] == 8080
    (site.site / "lib/common.pan").write_text("unique template lib/common;\n'/common' = 'no';\n")
    assert compiled(site.run()) == ["node1", "node2", "node3"]
    assert compiled(site.run()) == []


def test_touching_without_changing_content_rebuilds_nothing(tmp_path):
    site = _site(tmp_path)
    os.utime(site.site / "lib/db.pan", (1, 1))
    assert compiled(site.run()) == []


def test_deleting_a_template_fails_its_objects_cleanly(tmp_path):
    site = _site(tmp_path)
    (site.site / "lib/db.pan").unlink()
    report = site.run()
    assert compiled(report) == ["node3"]
    [failure] = [o for o in report.outcomes if o.failed]
    assert failure.object_name == "node3"
    assert "cannot locate template named 'lib/db'" in failure.errors[0].format()
    assert [o.object_name for o in report.outcomes if o.up_to_date] == ["node1", "node2", "node4", "node5",
                                                                        "node6"]
    # a failed object has no manifest entry: it is tried again until it compiles
    assert compiled(site.run()) == ["node3"]
    (site.site / "lib/db.pan").write_text("unique template lib/db;\n'/db/engine' = 'mysql';\n")
    assert compiled(site.run()) == ["node3"]
    assert compiled(site.run()) == []


def test_a_file_contents_change_rebuilds_its_readers(tmp_path):
    site = _site(tmp_path)
    (site.site / "motd.txt").write_text("maintenance tonight\n")
    assert compiled(site.run()) == ["node4"]
    assert json.loads((site.out / "node4.json").read_text())["motd"] == "maintenance tonight\n"


def test_lookups_that_found_nothing_are_dependencies(tmp_path):
    site = _site(tmp_path)
    # include if_exists('site/extra') found nothing, and so did file_exists('local.txt')
    (site.site / "site").mkdir()
    (site.site / "site/extra.pan").write_text("template site/extra;\n'/extra' = true;\n")
    assert compiled(site.run()) == ["node5"]
    (site.site / "local.txt").write_text("x")
    assert compiled(site.run()) == ["node5"]
    assert json.loads((site.out / "node5.json").read_text())["has_local"] is True


def test_a_template_found_earlier_on_the_include_path_rebuilds(tmp_path):
    write_site(tmp_path)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    site = SiteBuild(tmp_path, include_path=[str(overrides), str(tmp_path / "site")])
    assert compiled(site.run()) == ALL
    (overrides / "lib").mkdir()
    (overrides / "lib/db.pan").write_text("unique template lib/db;\n'/db/engine' = 'sqlite';\n")
    assert compiled(site.run()) == ["node3"]
    assert json.loads((site.out / "node3.json").read_text())["db"]["engine"] == "sqlite"
    (overrides / "lib/db.pan").unlink()
    assert compiled(site.run()) == ["node3"]


def test_option_changes_rebuild_everything(tmp_path):
    site = _site(tmp_path)
    site.max_iteration = 500
    assert compiled(site.run()) == ALL
    assert compiled(site.run()) == []
    site.formats = "json"
    assert compiled(site.run()) == ALL
    assert compiled(site.run(force=True)) == ALL


def test_a_removed_or_edited_output_is_rebuilt(tmp_path):
    site = _site(tmp_path)
    (site.out / "node6.json").unlink()
    (site.out / "node2.dep").write_text("edited\n")
    assert compiled(site.run()) == ["node2", "node6"]
    assert (site.out / "node6.json").is_file()


def test_a_corrupt_manifest_means_a_full_build(tmp_path):
    site = _site(tmp_path)
    (site.out / MANIFEST_NAME).write_text("{not json")
    assert compiled(site.run()) == ALL
    assert compiled(site.run()) == []


def test_a_manifest_of_another_shape_means_a_full_build(tmp_path):
    site = _site(tmp_path)
    manifest = site.out / MANIFEST_NAME
    for text in ("[]", '{"format": 1, "stat_cache": {}, "lookups": [], "sources": []}'):
        manifest.write_text(text)
        assert compiled(site.run()) == ALL
    assert compiled(site.run()) == []


def test_dep_files_list_the_dependencies(tmp_path):
    site = _site(tmp_path)
    lines = (site.out / "node5.dep").read_text().splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["lib/optional", "PAN"], ["local.txt", "ABSENT_TEXT"], ["node5", "PAN"],
        ["site/extra", "ABSENT_SOURCE"]]


def test_temporary_files_of_a_killed_build_are_removed(tmp_path):
    site = _site(tmp_path)
    orphan = site.out / ".node1.json.k1ll3d.tmp"
    orphan.write_text("{ half")
    os.utime(orphan, (1, 1))
    in_flight = site.out / ".node2.json.wr1t1ng.tmp"
    in_flight.write_text("{")
    os.utime(in_flight, (4e9, 4e9))  # newer than the build: another writer's
    site.run()
    assert not orphan.exists() and in_flight.exists()


def test_settled_files_by_timestamp_granularity():
    second = 1_000_000_000
    read = 1_700_000_000 * second + 500_000_000
    # nanosecond timestamps: a file saved 50 ms before it was read may still change in its tick
    assert not settled(read - 50_000_000 + 7, read)
    assert settled(read - 150_000_000 + 7, read)
    # whole-second timestamps (ext3, HFS+, FAT): two seconds
    assert not settled(read - read % second - second, read)
    assert settled(read - read % second - 3 * second, read)


def _stat_cached(site: SiteBuild) -> set[str]:
    manifest = json.loads((site.out / MANIFEST_NAME).read_text())
    return {os.path.basename(path) for path in manifest["stat_cache"]}


def test_stat_cache_keeps_settled_files_and_rereads_fresh_ones(tmp_path):
    write_site(tmp_path)
    site = SiteBuild(tmp_path)
    old = time.time_ns() - 60 * 1_000_000_000 + 123_456_789
    for path in site.site.rglob("*.pan"):
        os.utime(path, ns=(old, old))
    fresh = site.site / "lib/web.pan"
    fresh.write_text("unique template lib/web;\n'/web/port' = 81;\n")  # saved just before the build
    assert compiled(site.run()) == ALL
    cached = _stat_cached(site)
    assert {"node1.pan", "common.pan", "db.pan"} <= cached
    assert "web.pan" not in cached
    # a same-size edit keeping the time of a fresh file is still seen: its content is read again
    stamp = os.stat(fresh).st_mtime_ns
    fresh.write_text("unique template lib/web;\n'/web/port' = 82;\n")
    os.utime(fresh, ns=(stamp, stamp))
    assert compiled(site.run()) == ["node1", "node2"]
    assert json.loads((site.out / "node1.json").read_text())["web"]["port"] == 82
