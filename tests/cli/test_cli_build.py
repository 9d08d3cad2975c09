"""``panc`` end to end: which files are built, what is written, exit codes."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import SAMPLES, run_panc

from panc.output import FORMATS


def _write(directory: Path, relative: str, text: str) -> Path:
    path = directory / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(name="site")
def fixture_site(tmp_path, monkeypatch):
    """A scratch include directory (the cwd) and an empty output folder."""
    source, out = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    monkeypatch.chdir(source)
    return source, out


def _sample_content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_tiny_sample_end_to_end(key, tmp_path, monkeypatch):
    if not SAMPLES.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    monkeypatch.chdir(SAMPLES / "tiny")
    returncode, stdout, stderr = run_panc(["--formats", key, "--output-dir", str(tmp_path), "hello.pan"])
    assert (returncode, stdout, stderr) == (0, "", "")
    expected_file = SAMPLES / "tiny" / f"fmt-{key}" / f"hello{FORMATS[key].suffix}"
    produced = _sample_content(tmp_path / expected_file.name).replace(f"file:{SAMPLES}/".encode(), b"file:")
    assert produced == _sample_content(expected_file)


def test_rich_sample_end_to_end(tmp_path, monkeypatch):
    if not SAMPLES.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    monkeypatch.chdir(SAMPLES / "rich")
    returncode, stdout, _ = run_panc(["--formats", "pan,json,text,dot,dep", "--output-dir", str(tmp_path),
                                      "rich.pan"])
    assert (returncode, stdout) == (0, (SAMPLES / "rich" / "rich.stdout").read_text(encoding="utf-8"))
    for expected in sorted((SAMPLES / "rich" / "out").iterdir()):
        produced = (tmp_path / expected.name).read_bytes().replace(f"file:{SAMPLES}/".encode(), b"file:")
        assert produced == expected.read_bytes(), expected.name


def test_one_failing_object_does_not_stop_the_others(site):
    source, out = site
    _write(source, "good1.pan", 'object template good1;\n"/a" = 1;\n')
    _write(source, "bad.pan", 'object template bad;\n"/a" = 1;\n"/a/b" = 2;\n')
    _write(source, "good2.pan", 'object template good2;\n"/b" = "x";\n')
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "good1.pan", "bad.pan", "good2.pan"])
    assert returncode == 1
    assert stdout.startswith(f"evaluation error [{source}/bad.pan:3.1-3.11]\n")
    assert sorted(p.name for p in out.iterdir()) == ["good1.dep", "good1.xml", "good2.dep", "good2.xml"]


def test_failed_compile_leaves_the_previous_profile_alone(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n')
    assert run_panc(["--output-dir", str(out), "--formats", "json", "obj.pan"])[0] == 0
    before = (out / "obj.json").read_bytes()
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n"/b" = error("no");\n')
    assert run_panc(["--output-dir", str(out), "--formats", "json", "obj.pan"])[0] == 1
    assert (out / "obj.json").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["obj.json"]


def test_namespaced_objects_go_to_subdirectories(site):
    source, out = site
    _write(source, "profiles/web01.pan", 'object template profiles/web01;\n"/a" = 1;\n')
    returncode, _, _ = run_panc(["--output-dir", str(out), "--formats", "json,pan", "profiles/web01.pan"])
    assert returncode == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["profiles/web01.json", "profiles/web01.xml"]
    times = {(out / name).stat().st_mtime for name in written}
    assert len(times) == 1


def test_other_templates_are_only_checked(site):
    source, out = site
    _write(source, "lib/ok.pan", 'unique template lib/ok;\n"/a" = 1;\n')
    _write(source, "lib/broken.pan", 'declaration template lib/broken;\nvariable X = ;\n')
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "lib/ok.pan"])
    assert (returncode, stdout, list(out.iterdir())) == (0, "", [])
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "lib/broken.pan"])
    assert returncode == 1
    assert stdout.startswith(f"parse error [{source}/lib/broken.pan:")
    assert not list(out.iterdir())


def test_formats_none_writes_nothing_but_still_validates(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n')
    _write(source, "invalid.pan", 'object template invalid;\nbind "/a" = string;\n"/a" = 1;\n')
    assert run_panc(["--output-dir", str(out), "--formats", "none", "obj.pan"]) == (0, "", "")
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "--formats", "none", "invalid.pan"])
    assert returncode == 1 and stdout.startswith("validation error [")
    assert not list(out.iterdir())


def test_initial_data_seeds_every_object(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n')
    returncode, _, _ = run_panc(["--output-dir", str(out), "--formats", "json",
                                 "--initial-data", "dict('build', 42)", "obj.pan"])
    assert returncode == 0
    assert (out / "obj.json").read_text() == '{\n  "a": 1,\n  "build": 42\n}'


def test_limits_are_passed_to_the_compiler(site):
    source, out = site
    _write(source, "loop.pan",
           # a global keeps the loop for run time: evaluated at compile time, it has panc's
           # fixed limit of 1,000 iterations instead
           'object template loop;\nvariable N = 20;\n'
           '"/a" = {\n  i = 0;\n  while (i < N) i = i + 1;\n  i;\n};\n')
    assert run_panc(["--output-dir", str(out), "--max-iteration", "100", "loop.pan"])[0] == 0
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "--max-iteration", "10", "loop.pan"])
    assert returncode == 1
    assert "loop iteration count (10) has been exceeded" in stdout


def test_messages_go_to_stderr(site):
    source, out = site
    _write(source, "talk.pan",
           'object template talk;\n"/a" = debug("hello");\n"/m" = "old";\n'
           '"/b" = { m = value("/m"); deprecated(0, m); };\n')
    returncode, stdout, stderr = run_panc(["--output-dir", str(out), "--debug", "talk.pan"])
    assert (returncode, stdout) == (0, "")
    assert "[talk] hello\n" in stderr
    assert "old\n" in stderr


def test_missing_file_is_an_error_and_the_others_are_built(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n')
    returncode, stdout, _ = run_panc(["--output-dir", str(out), "nothere.pan", "obj.pan"])
    assert returncode == 1
    assert stdout == "evaluation error [?:?]\ncannot read file 'nothere.pan'\n\n\n"
    assert sorted(p.name for p in out.iterdir()) == ["obj.dep", "obj.xml"]


def test_debug_namespaces_select_templates(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\ninclude "lib/a";\ninclude "other/b";\n')
    _write(source, "lib/a.pan", 'template lib/a;\n"/a" = debug("from a");\n')
    _write(source, "other/b.pan", 'template other/b;\n"/b" = debug("from b");\n')
    _, _, stderr = run_panc(["--output-dir", str(out), "--debug-ns-include", "lib/.*", "obj.pan"])
    assert stderr == "[obj] from a\n"
    _, _, stderr = run_panc(["--output-dir", str(out), "--debug-ns-include", "lib/.*",
                             "--debug-ns-include", "other/.*", "--debug-ns-exclude", "lib/a", "obj.pan"])
    assert stderr == "[obj] from b\n"


def test_python_dash_m_panc_is_the_command(site):
    source, out = site
    _write(source, "obj.pan", 'object template obj;\n"/a" = 1;\n"/b" = error("stop");\n')
    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(repo))
    done = subprocess.run([sys.executable, "-m", "panc", "--output-dir", str(out), "obj.pan"], cwd=source,
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    expected = f"evaluation error [{source}/obj.pan:3.8-3.20]\n[obj] user-initiated error: stop\n"
    assert done.stdout.startswith(expected)
    assert not list(out.iterdir())


def test_a_template_that_is_not_utf8_compiles_as_java_reads_it(site):
    source, out = site
    (source / "latin.pan").write_bytes("object template latin;\n'/name' = 'café';\n".encode("latin-1"))
    returncode, stdout, stderr = run_panc(["--formats", "json,pan", "--output-dir", str(out), "latin.pan"])
    assert (returncode, stdout, stderr) == (0, "", "")
    assert b'"name": "caf\xef\xbf\xbd"' in (out / "latin.json").read_bytes()  # U+FFFD, as in Java
    assert b'<string name="name">caf\xef\xbf\xbd</string>' in (out / "latin.xml").read_bytes()
