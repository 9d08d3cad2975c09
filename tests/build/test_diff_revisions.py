"""``panc diff REV_OLD [REV_NEW] -- PANC_ARGS``: the profiles two git revisions build, compared."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile

import pytest
from build_support import NODES, write_site

from panc.build.revision_builds import RevisionError, parse_command
from panc.cli import dispatch

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git executable")

NODE_FILES = [f"{node}.pan" for node in NODES]
BUILD = ["--", "--nthread", "1", *NODE_FILES]


def _panc(argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = dispatch(argv, stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Pan Tools", "-c", "user.email=pan@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def _commit(repo, message):
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


@pytest.fixture(name="repo")
def _repo(tmp_path, monkeypatch):
    """The build_support site committed as a git repository; the current directory is its top."""
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    repo = write_site(tmp_path)
    _git(repo, "init", "-q")
    _commit(repo, "the site")
    monkeypatch.chdir(repo)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return repo


def _assert_nothing_left(tmp_path):
    assert not list((tmp_path / "scratch").iterdir()), "a temporary directory is left"
    exports = tmp_path / "cache/pan-tools/diff-exports"
    assert not exports.exists() or not list(exports.iterdir()), "an export is left"


def _edit_web_and_db(repo):
    (repo / "lib/web.pan").write_text("unique template lib/web;\n'/web/port' = 8080;\n'/web/tls' = true;\n")
    (repo / "lib/db.pan").write_text("unique template lib/db;\n")


EXPECTED = """object node1
  + /web/tls = true
  ~ /web/port: 80 -> 8080
object node2
  + /web/tls = true
  ~ /web/port: 80 -> 8080
object node3
  - /db/engine = 'pg'
3 objects differ (3 changed, 0 added, 0 removed), 3 unchanged
"""


def test_two_commits(repo, tmp_path):
    _edit_web_and_db(repo)
    _commit(repo, "web on 8080")
    assert _panc(["diff", "HEAD~1", "HEAD", *BUILD]) == (1, EXPECTED, "")
    # in parallel worker processes (--nthread passes through)
    assert _panc(["diff", "HEAD~1", "HEAD", "--", "--nthread", "2", *NODE_FILES]) == (1, EXPECTED, "")
    assert _panc(["diff", "HEAD", "HEAD", *BUILD]) == (
        0, "0 objects differ (0 changed, 0 added, 0 removed), 6 unchanged\n", "")
    code, stdout, _ = _panc(["diff", "--format", "json", "HEAD~1", "HEAD", *BUILD])
    assert code == 1
    assert json.loads(stdout)["node3"] == {"status": "changed", "added": {}, "removed": {"/db/engine": "pg"},
                                           "changed": {}}
    _assert_nothing_left(tmp_path)


def test_working_tree_with_uncommitted_edits(repo, tmp_path):
    _edit_web_and_db(repo)
    assert _panc(["diff", "HEAD", *BUILD]) == (1, EXPECTED, "")
    _commit(repo, "web on 8080")
    assert _panc(["diff", "HEAD", *BUILD])[0] == 0
    _assert_nothing_left(tmp_path)


def test_a_commit_is_exported_where_the_parse_cache_finds_it_again(repo, tmp_path):
    (repo / "lib/db.pan").write_text("unique template lib/db;\n'/db/engine' = 'mysql';\n")
    assert _panc(["diff", "HEAD", *BUILD])[0] == 1
    cache = tmp_path / "cache/pan-tools"
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(entries) > 2 * len(NODES)  # the export's and the working tree's templates
    assert _panc(["diff", "HEAD", *BUILD])[0] == 1
    assert sorted(p for p in cache.rglob("*") if p.is_file()) == entries
    _assert_nothing_left(tmp_path)


def test_paths_are_moved_into_each_revision(repo, tmp_path, monkeypatch):
    """Relative paths from a subdirectory, absolute ones inside the repository, a library outside."""
    library = tmp_path / "library"
    (library / "shared").mkdir(parents=True)
    (library / "shared/site.pan").write_text("unique template shared/site;\n'/site' = 'lyon';\n")
    (repo / "node1.pan").write_text("object template node1;\ninclude 'lib/web';\ninclude 'shared/site';\n")
    _commit(repo, "node1 uses the shared library")
    (repo / "lib/web.pan").write_text("unique template lib/web;\n'/web/port' = 443;\n")
    monkeypatch.chdir(repo / "lib")
    include = f"--include-path=..{os.pathsep}{library}"
    expected = ("object node1\n  ~ /web/port: 80 -> 443\n"
                "1 objects differ (1 changed, 0 added, 0 removed), 0 unchanged\n")
    assert _panc(["diff", "HEAD", "--", include, "../node1.pan"]) == (1, expected, "")
    assert _panc(["diff", "HEAD", "--", include, str(repo / "node1.pan")]) == (1, expected, "")
    assert _panc(["diff", "HEAD", "--repo", str(repo), "--", include, "../node1.pan"]) == (1, expected, "")


def test_object_added_and_removed(repo):
    (repo / "node7.pan").write_text("object template node7;\n'/name' = 'node7';\n")
    (repo / "node6.pan").unlink()
    _commit(repo, "node7 replaces node6")
    code, stdout, stderr = _panc(["diff", "HEAD~1", "HEAD", *BUILD, "node7.pan"])
    assert (code, stderr) == (1, "")
    assert stdout == ("object node6: removed\nobject node7: added\n"
                      "2 objects differ (0 changed, 1 added, 1 removed), 5 unchanged\n")
    assert _panc(["diff", "HEAD~1", "HEAD", "--", "nothere.pan"])[::2] == (
        2, "OPTIONS ERROR: nothere.pan is in neither HEAD~1 nor HEAD\n")


def test_object_failing_in_one_revision(repo):
    (repo / "lib/db.pan").write_text("unique template lib/db;\n'/db/engine' = error('no engine');\n")
    (repo / "node7.pan").write_text("object template node7;\n'/name' = error('unfinished');\n")
    _commit(repo, "break the database")
    code, stdout, stderr = _panc(["diff", "HEAD~1", "HEAD", *BUILD, "node7.pan"])
    assert code == 1
    assert stdout == ("object node3: fails to compile in HEAD\nobject node7: fails to compile in HEAD\n"
                      "0 objects differ (0 changed, 0 added, 0 removed), 5 unchanged, 2 failed to compile\n")
    lines = stderr.splitlines()
    assert all(line.startswith("[HEAD] ") for line in lines)
    # the export is gone: files are named as git names them
    assert lines[:2] == ["[HEAD] evaluation error [HEAD:lib/db.pan:2.16-2.33]",
                         "[HEAD] [node3] user-initiated error: no engine"]
    assert "[HEAD] [node7] user-initiated error: unfinished" in lines
    code, stdout, stderr = _panc(["diff", "--format", "json", "HEAD", "HEAD~1", *BUILD])
    assert json.loads(stdout)["node3"] == {"status": "failed", "added": {}, "removed": {}, "changed": {},
                                           "failed_in": ["HEAD"]}
    assert stderr.startswith("[HEAD] ")


def test_object_failing_in_both(repo):
    (repo / "node6.pan").write_text("object template node6;\n'/x' = 1 +;\n")
    (repo / "lib/web.pan").write_text("unique template lib/web;\n'/web/port' = 8080;\n")
    assert _panc(["diff", "HEAD", *BUILD])[:2] == (1, """object node1
  ~ /web/port: 80 -> 8080
object node2
  ~ /web/port: 80 -> 8080
object node6: fails to compile in the working tree
2 objects differ (2 changed, 0 added, 0 removed), 3 unchanged, 1 failed to compile
""")
    _commit(repo, "node6 broken")
    code, stdout, stderr = _panc(["diff", "HEAD", *BUILD])
    assert (code, stdout) == (1, "object node6.pan: fails to compile in HEAD and the working tree\n"
                                 "0 objects differ (0 changed, 0 added, 0 removed), 5 unchanged, "
                                 "1 failed to compile\n")
    lines = stderr.splitlines()
    assert lines[0] == "[HEAD] parse error [HEAD:node6.pan:2.11-2.2]"
    assert f"[the working tree] parse error [{repo / 'node6.pan'}:2.11-2.2]" in lines


def test_bad_input(repo, tmp_path):
    assert _panc(["diff", "HEAD~5", *BUILD]) == (
        2, "", f"OPTIONS ERROR: unknown revision 'HEAD~5' in {os.path.realpath(repo)}\n")
    assert _panc(["diff", "--", "HEAD", *BUILD])[0] == 2
    assert _panc(["diff", "HEAD", "--", "--max-iteration", "x"]) == (
        2, "", "OPTIONS ERROR: invalid integer value (x) for max-iteration\n")
    assert _panc(["diff", "HEAD"]) == (
        2, "", "OPTIONS ERROR: give two directories, or revisions followed by -- and panc's arguments\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert _panc(["diff", "HEAD", "--repo", str(elsewhere), *BUILD]) == (
        2, "", f"OPTIONS ERROR: {elsewhere} is not in a git working tree\n")
    _assert_nothing_left(tmp_path)


@pytest.mark.usefixtures("repo")
def test_interrupted_build_leaves_nothing(tmp_path, monkeypatch):
    def interrupt(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("panc.build.revision_builds.run_panc", interrupt)
    with pytest.raises(KeyboardInterrupt):
        _panc(["diff", "HEAD", "HEAD", *BUILD])
    _assert_nothing_left(tmp_path)


def test_option_values_are_checked_before_any_revision_is_built():
    """Java's messages for bad values, at once; the directories exist only in the revisions."""
    with pytest.raises(RevisionError, match=r"^invalid integer value \(x\) for max-iteration$"):
        parse_command(["--max-iteration", "x", "a.pan"])
    with pytest.raises(RevisionError, match=r"^unknown formatter: yaml$"):
        parse_command(["--formats", "yaml", "a.pan"])
    command = parse_command(["--include-path", "only-in-old-revision", "--output-dir", "gone", "a.pan"])
    assert command.include_path == ["only-in-old-revision"] and command.templates == ["a.pan"]
