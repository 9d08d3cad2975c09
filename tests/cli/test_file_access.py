"""What a template can make the compiler read: the Java panc's rules for names (checked
against it), and ``--restrict-paths``, which keeps every read inside the include path.

The site: ``inc/`` is the include path, ``other/`` is outside it and holds a secret;
``inc/link.txt`` and ``inc/linkdir`` are symbolic links out, ``inc/inlink.txt`` one in.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from cli_support import run_panc

from panc.compiler import CompileOptions, Compiler
from panc.loader import FileSystemLoader, is_valid_source_name

# name given to file_contents() -> the value read, or the Java panc's error: what the Java panc
# 10.9 (../shared/oracle) gives on this site, one object per run (it stops a whole run at the
# first such error; pan-tools reports it as an evaluation error of that object, with where)
FILE_NAMES = {
    "data.txt": "inside\n",
    "sub/d.txt": "sub\n",
    "a..b.txt": "dots\n",
    "link.txt": "secret\n",
    "linkdir/secret.txt": "secret\n",
    "../other/secret.txt": "invalid template name (../other/secret.txt)",
    "sub/../data.txt": "invalid template name (sub/../data.txt)",
    "./data.txt": "invalid template name (./data.txt)",
    ".hidden": "invalid template name (.hidden)",
    "my file.txt": "invalid template name (my file.txt)",
    "\u00fc.txt": "invalid template name (\u00fc.txt)",
    "sub//d.txt": "invalid template name (sub//d.txt)",
    "~root/x": "invalid template name (~root/x)",
}


@pytest.fixture(name="site")
def fixture_site(tmp_path: Path) -> Path:
    inc, other = tmp_path / "inc", tmp_path / "other"
    (inc / "sub").mkdir(parents=True)
    other.mkdir()
    (other / "secret.txt").write_text("secret\n")
    (other / "tpl.pan").write_text("unique template other/tpl;\n'/leaked' = true;\n")
    for name, text in {"data.txt": "inside\n", "sub/d.txt": "sub\n", "a..b.txt": "dots\n", ".hidden": "h\n",
                       "my file.txt": "space\n", "\u00fc.txt": "u\n"}.items():
        (inc / name).write_text(text)
    (inc / "link.txt").symlink_to(other / "secret.txt")
    (inc / "linkdir").symlink_to(other)
    (inc / "inlink.txt").symlink_to(inc / "data.txt")
    return tmp_path


def _objects(site: Path, bodies: dict[str, str]) -> list[str]:
    paths = []
    for name, body in bodies.items():
        path = site / "inc" / f"{name}.pan"
        path.write_text(f"object template {name};\n{body}\n")
        paths.append(str(path))
    return paths


def _file_objects(site: Path) -> list[str]:
    return _objects(site, {f"o{number}": f"'/v' = file_contents('{name}');"
                           for number, name in enumerate(FILE_NAMES)})


def _compile(site: Path, paths: list[str], *options: str) -> tuple[dict[str, object], str]:
    out = site / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    _, stdout, _ = run_panc(["--formats", "json", "--output-dir", str(out), "--include-path",
                             str(site / "inc"), *options, *paths])
    values = {p.stem: json.loads(p.read_text()).get("v") for p in out.glob("*.json")}
    return values, stdout


def test_file_names_are_taken_as_the_java_panc_takes_them(site: Path) -> None:
    values, stdout = _compile(site, _file_objects(site))
    for number, (name, expected) in enumerate(FILE_NAMES.items()):
        if expected.startswith("invalid template name"):
            assert f"o{number}" not in values, name
            assert expected in stdout, name
        else:
            assert values[f"o{number}"] == expected, name


def test_the_loader_never_looks_up_a_name_the_java_panc_refuses(site: Path) -> None:
    loader = FileSystemLoader([str(site / "inc")])
    assert loader.find_file("sub/../data.txt") is None
    assert loader.find_template("sub/../../other/tpl") is None
    assert loader.find_file("data.txt") is not None
    assert not is_valid_source_name("") and not is_valid_source_name("a/") and is_valid_source_name("+a/-b")


def test_restrict_paths_keeps_reads_inside_the_include_path(site: Path) -> None:
    paths = _objects(site, {
        "outlink": "'/v' = file_contents('link.txt');",
        "outdir": "'/v' = file_contents('linkdir/secret.txt');",
        "inlink": "'/v' = file_contents('inlink.txt');",
        "exists": "'/v' = file_exists('link.txt');",
        "loadpath": "variable LOADPATH = list('..'); '/v' = file_contents('other/secret.txt');",
        "template": "variable LOADPATH = list('..'); include 'other/tpl'; '/v' = value('/leaked');",
        "plain": "'/v' = file_contents('data.txt');",
    })
    # the Java panc's rules: links and LOADPATH '..' reach outside
    values, _ = _compile(site, paths)
    assert values == {"outlink": "secret\n", "outdir": "secret\n", "inlink": "inside\n", "exists": True,
                      "loadpath": "secret\n", "template": True, "plain": "inside\n"}
    values, stdout = _compile(site, paths, "--restrict-paths")
    assert values == {"inlink": "inside\n", "exists": False, "plain": "inside\n"}
    assert "file (link.txt) does not exist" in stdout
    assert "cannot locate template named 'other/tpl'" in stdout


def test_a_compiler_reads_outside_only_when_not_restricted(site: Path) -> None:
    text = "object template probe;\n'/v' = file_contents('link.txt');\n"
    (site / "inc" / "probe.pan").write_text(text)
    open_compiler = Compiler(CompileOptions(include_path=[str(site / "inc")]))
    assert open_compiler.compile_object(str(site / "inc" / "probe.pan")).profile == {"v": "secret\n"}
    restricted = Compiler(CompileOptions(include_path=[str(site / "inc")], restrict_paths=True))
    result = restricted.compile_object(str(site / "inc" / "probe.pan"))
    assert result.profile is None and result.error is not None
    assert result.error.message == "file (link.txt) does not exist"


def test_an_include_directory_reached_through_a_link_is_inside(site: Path) -> None:
    linked = site / "linked-inc"
    os.symlink(site / "inc", linked)
    loader = FileSystemLoader([str(linked)], restrict_paths=True)
    found = loader.find_file("data.txt")
    assert found is not None and found.data == b"inside\n"
    assert loader.find_file("link.txt") is None
