"""The profile view's tree: each node's origin among the writes of a compile, a level at a time;
and the type defaults a compile inserted, found by comparing the profile before and after."""

from __future__ import annotations

from panc.analysis.profile_tree import WriteIndex, children
from panc.analysis.provenance import ProvenanceRecorder
from panc.compiler import CompileOptions, Compiler
from panc.loader import MemoryLoader
from panc.types.origins import inserted_defaults

TEMPLATES = {
    "node": (
        "object template node;\n"
        "type card = { 'mtu' : long = 1500 };\n"
        "bind '/cards' = card{};\n"
        "'/cards/eth0' = dict();\n"
        "'/cards/eth1/mtu' = 9000;\n"
        "'/sys' = dict('a', 1, 'b', 2);\n"
        "'/sys/b' = 3;\n"
        "'/list' = list('x');\n"
    ),
}


def compile_node() -> tuple[dict, WriteIndex]:
    recorder = ProvenanceRecorder()
    compiler = Compiler(CompileOptions(), loader=MemoryLoader(TEMPLATES), hooks=recorder)
    result = compiler.compile_object("node")
    assert result.error is None, result.error
    return result.profile, WriteIndex(recorder.writes)


def test_each_node_with_the_write_that_set_it() -> None:
    profile, index = compile_node()
    top = {n.name: n for n in children(profile, index, ())}
    assert [(n.name, n.kind, n.value, n.size) for n in top.values()] == [
        ("cards", "dict", None, 2),
        ("list", "list", None, 1),
        ("sys", "dict", None, 2),
    ]
    assert top["cards"].origin.span.start_line == 4  # built by the writes below it: the first one
    assert top["sys"].origin.span.start_line == 6
    sys = {n.name: n for n in children(profile, index, ("sys",))}
    assert (sys["a"].value, sys["a"].origin.span.start_line) == ("1", 6)  # the parent's write
    assert (sys["b"].value, sys["b"].origin.span.start_line) == ("3", 7)  # its own, later
    cards = {n.name: n for n in children(profile, index, ("cards", "eth0"))}
    assert (cards["mtu"].value, cards["mtu"].origin.kind, cards["mtu"].origin.span.start_line) == (
        "1500",
        "default",
        2,
    )
    (item,) = children(profile, index, ("list",))
    assert (item.name, item.path, item.value) == ("0", "/list/0", "'x'")
    assert children(profile, index, ("sys", "a")) == []
    assert children(profile, index, ("nothing",)) is None


def test_inserted_defaults_are_the_outermost_new_values_in_path_order() -> None:
    before = {"a": {"x": 1}, "b": [1, None], "c": None}
    after = {"a": {"x": 1, "y": {"z": 2}}, "b": [1, 5], "c": None, "d": 4}
    from panc.evaluation.values import UNDEF  # pylint: disable=import-outside-toplevel

    before["b"][1] = UNDEF
    found = list(inserted_defaults(before, after))
    assert found == [(("a", "y"), {"z": 2}), (("b", 1), 5), (("d",), 4)]


def test_inserted_defaults_of_a_very_deep_profile() -> None:
    before: dict = {}
    after: dict = {}
    node_before, node_after = before, after
    for _ in range(5000):
        node_before["n"], node_after["n"] = {}, {}
        node_before, node_after = node_before["n"], node_after["n"]
    node_after["leaf"] = 1
    ((terms, value),) = list(inserted_defaults(before, after))
    assert (len(terms), terms[-1], value) == (5001, "leaf", 1)
