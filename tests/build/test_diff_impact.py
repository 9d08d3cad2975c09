"""``panc diff`` between two builds and ``panc impact`` from the manifest or the .dep files."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_support import SiteBuild, write_site

from panc.build import MANIFEST_NAME
from panc.cli import dispatch


def _panc(argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = dispatch(argv, stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def _two_builds(tmp_path, formats):
    write_site(tmp_path)
    site = SiteBuild(tmp_path, formats=formats)
    site.run()
    old = tmp_path / "old"
    shutil.copytree(site.out, old)
    (tmp_path / "site/lib/web.pan").write_text(
        "unique template lib/web;\n'/web/port' = 8080;\n'/web/tls' = true;\n")
    (tmp_path / "site/lib/db.pan").write_text("unique template lib/db;\n")
    (tmp_path / "site/node6.pan").unlink()
    site.run()
    (site.out / "node6.json").unlink(missing_ok=True)
    (site.out / "node6.xml").unlink(missing_ok=True)
    return old, site.out


EXPECTED = """object node1
  + /web/tls = true
  ~ /web/port: 80 -> 8080
object node2
  + /web/tls = true
  ~ /web/port: 80 -> 8080
object node3
  - /db/engine = 'pg'
object node6: removed
4 objects differ (3 changed, 0 added, 1 removed), 2 unchanged
"""


def test_diff_of_json_profiles(tmp_path):
    old, new = _two_builds(tmp_path, "json,dep")
    assert _panc(["diff", str(old), str(new)]) == (1, EXPECTED, "")
    assert _panc(["diff", str(new), str(new)])[:2] == (0, "0 objects differ (0 changed, 0 added, 0 removed), "
                                                          "5 unchanged\n")


def test_diff_of_xml_profiles_reads_types(tmp_path):
    old, new = _two_builds(tmp_path, "pan")
    code, stdout, _ = _panc(["diff", "--format", "json", str(old), str(new)])
    report = json.loads(stdout)
    assert code == 1
    assert report["node1"] == {"status": "changed", "added": {"/web/tls": True}, "removed": {},
                               "changed": {"/web/port": [80, 8080]}}
    assert report["node6"]["status"] == "removed"


def test_diff_bad_directory(tmp_path):
    assert _panc(["diff", str(tmp_path / "nope"), str(tmp_path)])[0] == 2


def test_impact_from_the_manifest_and_from_dep_files(tmp_path):
    write_site(tmp_path)
    site = SiteBuild(tmp_path)
    site.run()
    out = str(site.out)
    assert _panc(["impact", "--output-dir", out, "lib/web"]) == (0, "node1\nnode2\n", "")
    assert _panc(["impact", "--output-dir", out, "lib/common", "lib/db"])[1] == "node1\nnode2\nnode3\n"
    assert _panc(["impact", "--output-dir", out, str(tmp_path / "site/lib/motd.pan")])[1] == "node4\n"
    # nothing is found yet under that name: creating the file affects the object that looked
    assert _panc(["impact", "--output-dir", out, str(tmp_path / "site/site/extra.pan")])[1] == "node5\n"
    # a manifest that cannot be read is passed over for the .dep files
    (site.out / MANIFEST_NAME).write_text("[]")
    assert _panc(["impact", "--output-dir", out, "lib/web"]) == (0, "node1\nnode2\n", "")
    (site.out / MANIFEST_NAME).unlink()
    assert _panc(["impact", "--output-dir", out, "lib/web"])[1] == "node1\nnode2\n"
    assert _panc(["impact", "--output-dir", out, str(tmp_path / "site/lib/db.pan")])[1] == "node3\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _panc(["impact", "--output-dir", str(empty), "lib/web"])[0] == 2


def test_impact_with_the_include_path_of_the_build(tmp_path):
    """``--include-path`` as given to panc: a file is known by its template name there."""
    write_site(tmp_path)
    site = SiteBuild(tmp_path)
    site.run()
    out, include = str(site.out), str(tmp_path / "site")
    extra = str(tmp_path / "site/site/extra.pan")
    assert _panc(["impact", "--output-dir", out, "--include-path", include, extra]) == (0, "node5\n", "")
    motd = str(tmp_path / "site/lib/motd.pan")
    assert _panc(["impact", "--output-dir", out, "--include-path", include, motd])[1] == "node4\n"
    # a file in an earlier include directory would be found first: it shadows lib/web of the build
    earlier = tmp_path / "overrides"
    (earlier / "lib").mkdir(parents=True)
    shadow = str(earlier / "lib/web.pan")
    both = f"{earlier}:{include}"
    assert _panc(["impact", "--output-dir", out, "--include-path", both, shadow])[1] == "node1\nnode2\n"
    # ... and in a later one it changes nothing
    after = f"{include}:{earlier}"
    assert _panc(["impact", "--output-dir", out, "--include-path", after, shadow]) == (0, "", "")


def test_comparing_directories_loads_neither_git_nor_the_build(tmp_path):
    """``panc diff DIR DIR`` starts quickly: the revision builds are imported only with ``--``."""
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.json").write_text('{"a": 1}')
    probe = ("import sys; from panc.cli import dispatch; "
             "code = dispatch(['diff', 'a', 'b'], sys.stdout, sys.stderr); "
             "print(code, 'panc.build.revision_builds' in sys.modules, 'subprocess' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 False False"


def test_impact_reports_a_damaged_dep_file_and_passes_over_what_is_no_dep_file(tmp_path):
    (tmp_path / "node1.dep").write_bytes(b"lib/web PAN file:/site/\nlib/caf\xe9 PAN file:/site/\n")
    (tmp_path / "folder.dep").mkdir()
    assert _panc(["impact", "--output-dir", str(tmp_path), "lib/web"]) == (0, "node1\n", "")
    (tmp_path / "node2.dep.gz").write_bytes(b"not gzip")
    code, stdout, stderr = _panc(["impact", "--output-dir", str(tmp_path), "lib/web"])
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"cannot read a .dep file: {tmp_path / 'node2.dep.gz'}: ")


def test_impact_without_a_build_reads_the_include_graph(tmp_path, monkeypatch):
    """No build yet: the object templates of ``--include-path`` and the templates they name."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = str(write_site(tmp_path))
    empty = tmp_path / "empty"
    empty.mkdir()
    code, stdout, stderr = _panc(["impact", "--output-dir", str(empty), "--include-path", site, "lib/web"])
    assert (code, stdout) == (0, "node1\nnode2\n")
    assert stderr.startswith(f"no build found in {empty}: the object templates of the include path")
    static = ["impact", "--output-dir", str(empty), "--include-path", site]
    assert _panc([*static, f"{site}/lib/common.pan"])[1] == "node1\nnode2\nnode3\n"
    # if_exists('site/extra') names a template that does not exist yet
    assert _panc([*static, f"{site}/site/extra.pan"])[1] == "node5\n"
