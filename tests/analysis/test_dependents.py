"""Which objects an edit affects: the static include graph of an index, kept current as buffers
change, and the inverted lookups of ``panc.build.dependents`` that the server keeps per object."""

from __future__ import annotations

from pathlib import Path

import pytest

from panc.analysis.include_graph import IncludeGraph
from panc.analysis.index import WorkspaceIndex
from panc.build.dependents import UsesIndex, affected

FILES = {
    "lib/base.pan": "unique template lib/base;\n'/base' = 1;\n",
    "lib/web.pan": "unique template lib/web;\ninclude 'lib/base';\n'/web' = create('struct/vhost');\n",
    "struct/vhost.pan": "structure template struct/vhost;\n'port' = 80;\n",
    "lib/dynamic.pan": "unique template lib/dynamic;\ninclude { VARIABLE_NAME };\n",
    "lib/maybe.pan": "unique template lib/maybe;\ninclude if_exists('site/extra');\n",
    "n1.pan": "object template n1;\ninclude 'lib/web';\n",
    "n2.pan": "object template n2;\ninclude 'lib/base';\ninclude 'lib/maybe';\n",
    "n3.pan": "object template n3;\ninclude 'lib/dynamic';\n",
}


@pytest.fixture(name="graph")
def graph_fixture(tmp_path: Path) -> IncludeGraph:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    index = WorkspaceIndex([str(tmp_path)], persist=False)
    index.refresh()
    graph = IncludeGraph(index)
    assert graph.refresh()
    return graph


def static_affected(graph: IncludeGraph, *templates: str) -> list[str]:
    graph.refresh()
    uses = {Path(p).stem: looked_up for p, looked_up in graph.uses().items()}
    return affected(uses, templates, graph.index.include_dirs)


def test_the_objects_reach_what_they_name_through_includes_create_and_if_exists(graph: IncludeGraph) -> None:
    root = Path(graph.index.include_dirs[0])
    assert [Path(p).stem for p in graph.objects()] == ["n1", "n2", "n3"]
    assert graph.reach(str(root / "n1.pan")) == {
        ("lib/web", str(root / "lib/web.pan")),
        ("lib/base", str(root / "lib/base.pan")),
        ("struct/vhost", str(root / "struct/vhost.pan")),
    }
    assert static_affected(graph, str(root / "lib/base.pan")) == ["n1", "n2"]
    assert static_affected(graph, str(root / "struct/vhost.pan")) == ["n1"]
    assert static_affected(graph, str(root / "site/extra.pan")) == ["n2"]  # looked for, not there yet
    assert static_affected(graph, str(root / "lib/dynamic.pan")) == ["n3"]
    assert static_affected(graph, "lib/base") == ["n1", "n2"]


def test_an_unsaved_include_changes_the_graph_and_nothing_else_is_recomputed(graph: IncludeGraph) -> None:
    root = Path(graph.index.include_dirs[0])
    base = str(root / "lib/base.pan")
    assert not graph.refresh()
    graph.index.set_overlay(str(root / "n3.pan"), "object template n3;\ninclude 'lib/base';\n")
    assert graph.refresh()
    assert static_affected(graph, base) == ["n1", "n2", "n3"]
    graph.index.set_overlay(str(root / "lib/web.pan"), FILES["lib/web.pan"] + "'/more' = 1;\n")
    assert not graph.refresh()  # same includes: the reach of the objects stays
    graph.index.clear_overlay(str(root / "n3.pan"))
    assert graph.refresh()
    assert static_affected(graph, base) == ["n1", "n2"]


def test_the_uses_index_follows_each_object_s_last_compile() -> None:
    uses = UsesIndex()
    uses.record("/s/n1.pan", {("lib/a", "/s/lib/a.pan"), ("site/x", None)})
    uses.record("/s/n2.pan", {("lib/a", "/s/lib/a.pan")})
    assert uses.affected(["/s/lib/a.pan"]) == {"/s/n1.pan", "/s/n2.pan"}
    assert uses.affected(["/s/site/x.pan"], ["/s"]) == {"/s/n1.pan"}
    uses.record("/s/n1.pan", {("lib/b", "/s/lib/b.pan")})  # its new compile no longer uses lib/a
    assert uses.affected(["/s/lib/a.pan"]) == {"/s/n2.pan"}
    assert uses.affected(["lib/b"]) == {"/s/n1.pan"}
    uses.forget("/s/n2.pan")
    assert uses.affected(["/s/lib/a.pan"]) == set()
    assert len(uses) == 1 and "/s/n1.pan" in uses
