"""Template and file lookup: include path order, .pan before .tpl, LOADPATH, in-memory overlays."""

from __future__ import annotations

from pathlib import Path

from panc.compiler import CompileOptions, Compiler
from panc.loader import FileSystemLoader, MemoryLoader, lookup_candidates


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_include_path_order_and_suffixes(tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.tpl", "template a;\n")
    write(tmp_path / "two" / "a.pan", "template a;\n")
    write(tmp_path / "two" / "b.tpl", "template b;\n")
    loader = FileSystemLoader([str(tmp_path / "one"), str(tmp_path / "two")])
    found = loader.find_template("a")
    assert found is not None and found.path == str(tmp_path / "one" / "a.tpl") and found.kind == "TPL"
    b = loader.find_template("b")
    assert b is not None and b.kind == "TPL"
    assert b.include_dir_uri == "file:" + str(tmp_path / "two") + "/"
    assert loader.find_template("missing") is None


def test_loadpath_entries_are_tried_after_the_plain_name(tmp_path: Path) -> None:
    write(tmp_path / "x.pan", "template x;\n")
    write(tmp_path / "site" / "x.pan", "template site/x;\n")
    write(tmp_path / "site" / "y.pan", "template site/y;\n")
    loader = FileSystemLoader([str(tmp_path)])
    assert loader.find_template("x", ["site"]).path == str(tmp_path / "x.pan")  # type: ignore[union-attr]
    found = loader.find_template("y", ["site"])
    assert found is not None and found.relative_name == "site/y"
    write(tmp_path / "site" / "data.txt", "D")
    data = loader.find_file("data.txt", ["site"])
    assert data is not None and data.data == b"D"


def test_relative_include_dirs_print_like_java(tmp_path: Path, monkeypatch: object) -> None:
    write(tmp_path / "t.pan", "template t;\n")
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    found = FileSystemLoader(["."]).find_template("t")
    assert found is not None and found.path == str(tmp_path) + "/./t.pan"


def test_memory_loader_overlays_unsaved_buffers(tmp_path: Path) -> None:
    write(tmp_path / "obj.pan", "object template obj;\ninclude 'lib';\n")
    write(tmp_path / "lib.pan", "template lib;\n'/v' = 'disk';\n")
    disk = FileSystemLoader([str(tmp_path)])
    overlay = MemoryLoader(
        fallback=disk, buffers={str(tmp_path / "lib.pan"): "template lib;\n'/v' = 'buffer';\n"}
    )
    result = Compiler(CompileOptions(), loader=overlay).compile_object("obj")
    assert result.error is None and result.profile == {"v": "buffer"}
    result = Compiler(CompileOptions(), loader=disk).compile_object("obj")
    assert result.profile == {"v": "disk"}


def test_command_line_file_must_be_found_on_the_include_path(tmp_path: Path) -> None:
    write(tmp_path / "src" / "node.pan", "object template node;\n'/a' = 1;\n")
    write(tmp_path / "other" / "x.pan", "object template wrong;\n")
    compiler = Compiler(CompileOptions(include_path=[str(tmp_path / "src")]))
    name, problems = compiler.describe_file(str(tmp_path / "src" / "node.pan"))
    assert (name, problems) == ("node", [])
    result = compiler.compile_object("node")
    assert result.profile == {"a": 1} and result.source_path == str(tmp_path / "src" / "node.pan")
    name, problems = compiler.describe_file(str(tmp_path / "other" / "x.pan"))
    assert name is None and problems and "misnamed" in problems[0].message
    missing = compiler.compile_object("elsewhere")
    assert missing.error is not None and missing.error.format().startswith("evaluation error [?:?]\n")


def test_lookup_candidates_list_what_the_loader_tries_in_its_order(tmp_path: Path) -> None:
    # incremental builds decide from lookup_candidates whether a lookup would now find
    # another file: it must follow the loader exactly
    include_path = [str(tmp_path / "one"), str(tmp_path / "two")]
    loadpath = ["lp", "lq/"]
    candidates = lookup_candidates(include_path, "x/t", loadpath)
    assert len(candidates) == 2 * 3 * 2
    for chosen in range(len(candidates)):
        root = tmp_path / f"layout{chosen}"
        moved = [str(root / Path(c).relative_to(tmp_path)) for c in candidates]
        for path in moved[chosen:]:
            write(Path(path), "template x/t;\n")
        loader = FileSystemLoader([str(root / "one"), str(root / "two")])
        found = loader.find_template("x/t", loadpath)
        assert found is not None and found.path == moved[chosen], chosen
        assert lookup_candidates(loader.include_path, "x/t", loadpath) == moved
    data_candidates = lookup_candidates(include_path, "d.txt", loadpath, ("",))
    for chosen in range(len(data_candidates)):
        root = tmp_path / f"data{chosen}"
        moved = [str(root / Path(c).relative_to(tmp_path)) for c in data_candidates]
        for path in moved[chosen:]:
            write(Path(path), "data")
        data = FileSystemLoader([str(root / "one"), str(root / "two")]).find_file("d.txt", loadpath)
        assert data is not None and data.path == moved[chosen], chosen
