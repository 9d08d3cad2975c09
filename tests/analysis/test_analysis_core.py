"""panc.analysis without a server: cursor contexts, index, schema, checks, navigation, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from panc.analysis.checks import semantic_diagnostics
from panc.analysis.cursor import CallContext, ContextKind, completion_context, enclosing_call
from panc.analysis.declarations import template_declarations
from panc.analysis.document import analyse_document
from panc.analysis.edits import carry_over, changed_lines
from panc.analysis.index import WorkspaceIndex
from panc.analysis.navigation import RenameError, plan_rename, rename_target
from panc.analysis.provenance import PathWrite, ProvenanceRecorder, render_value, value_at, writes_affecting
from panc.analysis.references import OccurrenceKind
from panc.analysis.schema import Schema
from panc.diagnostics import Diagnostic
from panc.evaluation.values import NULL
from panc.source import Span
from panc.syntax import parse

FIXTURES = Path(__file__).resolve().parents[1] / "panls" / "fixtures" / "workspace"


@pytest.fixture(name="index", scope="module")
def index_fixture() -> WorkspaceIndex:
    index = WorkspaceIndex([str(FIXTURES)], persist=False)
    index.refresh()
    return index


@pytest.mark.parametrize(
    ("line", "kind", "typed"),
    [
        ("include 'site/s", ContextKind.TEMPLATE_NAME, "site/s"),
        ("include if_exists('comp", ContextKind.TEMPLATE_NAME, "comp"),
        ("'/software/comp", ContextKind.PATH, "/software/comp"),
        ("final '/a", ContextKind.PATH, "/a"),
        ("prefix '/system", ContextKind.PATH, "/system"),
        ("'/a' = value('/b/c", ContextKind.PATH, "/b/c"),
        ("'/a' = 'plain text", ContextKind.VALUE, "plain text"),
        ("'/a' = dou", ContextKind.VALUE, "dou"),
        ("x = 'plain text", ContextKind.STRING, "plain text"),
        ("x = dou", ContextKind.CODE, "dou"),
        ("type t = lo", ContextKind.TYPE, "lo"),
        ("    'port' : po", ContextKind.TYPE, "po"),
        ("'/a' = 1; # inc", ContextKind.COMMENT, ""),
        ("'/a' = 'it''s' + x", ContextKind.CODE, "x"),
    ],
)
def test_completion_context(line: str, kind: ContextKind, typed: str):
    context = completion_context(line, len(line) + 1)
    assert (context.kind, context.typed) == (kind, typed)
    assert line[context.start_column - 1 :] == typed


@pytest.mark.parametrize(
    ("line", "path", "in_string"),
    [
        ('"/system/role" = "', "/system/role", True),
        ("final 'port' ?= tr", "port", False),
        ("'/a/b' = ", "/a/b", False),
    ],
)
def test_completion_context_of_an_assigned_value(line: str, path: str, in_string: bool):
    context = completion_context(line, len(line) + 1)
    assert (context.kind, context.assigned_path, context.in_string) == (ContextKind.VALUE, path, in_string)


def test_enclosing_call_counts_arguments_outside_strings_and_nested_calls():
    text = "'/a' = f(1, g(2, 3), 'x,y', "
    call = enclosing_call(text, len(text))
    assert (call.name, call.active_argument) == ("f", 3)
    assert enclosing_call("'/a' = f(1);\n'/b' = ", 19) is None
    assert enclosing_call("'/a' = f(1, list(2, ", 20) == CallContext("list", 1)
    assert enclosing_call("'/a' = f(1, [2, ", 16) is None, "inside a list literal, no argument of f"


def test_index_declarations_kinds_and_resolution(index: WorkspaceIndex):
    assert index.template("site/struct").kind == "structure"
    assert index.resolve("site/missing") is None
    [function] = index.declarations(OccurrenceKind.FUNCTION, "double_it")
    assert function.doc == "Double a number." and function.args == ("the number to double",)
    [field] = [d for d in index.declarations(OccurrenceKind.FIELD, "port") if d.container == "web_service"]
    assert (field.type_text, field.default_text, field.doc) == (
        "port_number",
        "80",
        "TCP port the service listens on.",
    )


def test_index_disk_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = WorkspaceIndex([str(FIXTURES)])
    assert first.refresh().parsed > 0
    second = WorkspaceIndex([str(FIXTURES)])
    stats = second.refresh()
    assert stats.parsed == 0 and stats.reused == stats.files
    assert second.declarations(OccurrenceKind.FUNCTION, "double_it") == first.declarations(
        OccurrenceKind.FUNCTION, "double_it"
    )
    uses = [summary.name for summary, _ in second.occurrences(OccurrenceKind.FUNCTION, "double_it")]
    assert sorted(uses) == ["site/base", "site/schema"]


def test_overlay_replaces_the_file_in_the_tables(index: WorkspaceIndex):
    path = str(FIXTURES / "site" / "schema.pan")
    analyse_document(path, "declaration template site/schema;\nfunction renamed = 1;\n", index)
    try:
        assert not index.declarations(OccurrenceKind.FUNCTION, "double_it")
        assert index.declarations(OccurrenceKind.FUNCTION, "renamed")
    finally:
        index.clear_overlay(path)
    assert index.declarations(OccurrenceKind.FUNCTION, "double_it")


def test_schema_children_from_binds_and_records(index: WorkspaceIndex):
    schema = Schema(index)
    children = {child.name: child for child in schema.children("/software/web")}
    assert set(children) >= {"port", "names", "tls"}
    assert children["names"].required is False
    assert "web" in {child.name for child in schema.children("/software")}
    assert schema.field_declaration("/software/web/tls").default_text == "false"


def test_schema_types_follow_binds_records_includes_aliases_and_collections(tmp_path: Path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "schema.pan").write_text(
        "declaration template lib/schema;\n"
        "type base = { 'port' : long };\n"
        "type service = { include base 'names' ? string[] };\n"
        "type alias = service;\n"
        "type wrapper = { 'items' : alias[] };\n"
        "bind '/srv' = wrapper;\n"
        "bind '/srv/items' = alias[];\n"
        "bind '/srv/items/0/port' = port_range;\n",
        encoding="utf-8",
    )
    index = WorkspaceIndex([str(tmp_path)], persist=False)
    index.refresh()
    schema = Schema(index)
    assert schema.types_at(("srv", "items", "0", "port")) == ["long", "long", "port_range"]
    assert schema.types_at(("srv", "items", "0", "names", "1")) == ["string", "string"]
    assert schema.types_at(("srv", "other")) == []
    assert [child.name for child in schema.children("/srv/items/0")] == ["names", "port"]


def test_semantic_checks_and_include_matrix(index: WorkspaceIndex):
    text = (
        "declaration template site/decl;\n"
        "include 'site/base';\n"
        "include 'site/nowhere';\n"
        "type t = undefined_type;\n"
        "variable V = f_unknown() + NOT_DECLARED + SELF;\n"
    )
    doc = analyse_document(str(FIXTURES / "site" / "decl.pan"), text)
    found = {
        (d.code, d.span.start_line) for d in semantic_diagnostics(doc.ast, doc.occurrences, index, set())
    }
    assert found == {
        ("wrong-include-kind", 2),
        ("unknown-template", 3),
        ("undefined-type", 4),
        ("undefined-function", 5),
        ("undefined-variable", 5),
    }


def test_locals_are_scoped_to_their_dml(index: WorkspaceIndex):
    text = "unique template site/locals;\n'/a' = { x = 1; x + 1; };\n'/b' = { x = 2; x; };\n"
    doc = analyse_document(str(FIXTURES / "site" / "locals.pan"), text, index)
    occ = doc.occurrence_at(2, 17)
    assert occ.kind is OccurrenceKind.LOCAL
    plan = plan_rename(doc, occ, "y", index, frozenset())
    assert [span.start_line for span in plan.edits[doc.path]] == [2, 2]
    index.clear_overlay(doc.path)


def test_rename_refuses_builtins_and_bad_names(index: WorkspaceIndex):
    text = "unique template site/r;\n'/a' = length(SELF);\n'/b' = double_it(1);\n"
    doc = analyse_document(str(FIXTURES / "site" / "r.pan"), text, index)
    with pytest.raises(RenameError, match="builtin"):
        rename_target(doc, doc.occurrence_at(2, 9), frozenset({"length"}))
    with pytest.raises(RenameError, match="automatic"):
        rename_target(doc, doc.occurrence_at(2, 16), frozenset())
    with pytest.raises(RenameError, match="not a valid"):
        plan_rename(doc, doc.occurrence_at(3, 9), "2bad", index, frozenset())
    index.clear_overlay(doc.path)


def test_carry_over_keeps_and_moves_findings_around_an_edit():
    old = "a\nb\nc\nd\n"
    new = "a\nB\nX\nc\nd\n"
    assert changed_lines(old, new) == (2, 2, 3)
    findings = [
        Diagnostic(None, name, Span("f", line, 1, line, 1)) for name, line in (("a", 1), ("b", 2), ("d", 4))
    ]
    kept = carry_over(old, new, findings)
    assert [(d.message, d.span.start_line) for d in kept] == [("a", 1), ("d", 5)]


def test_provenance_helpers():
    assert render_value({"b": [1, 2.5, True], "a": "x"}) == "dict('a', 'x', 'b', list(1, 2.5, true))"
    assert render_value(list(range(1000)), limit=20).endswith("...")
    profile = {"software": {"web": {"port": 8080, "names": ["a"]}}}
    assert value_at(profile, "/software/web/names/0") == "a"
    assert value_at(profile, "/software/nothing") is None
    span = Span("f", 1, 1, 1, 1)
    writes = [
        PathWrite(0, "/software", "dict()", span, "t"),
        PathWrite(1, "/software/web/port", "80", span, "t"),
        PathWrite(2, "/system/x", "1", span, "t"),
        PathWrite(3, "/software/web/port", "null", span, "t", deleted=True),
    ]
    assert [w.order for w in writes_affecting(writes, "/software/web")] == [0, 1, 3]


def test_a_recorder_keeping_values_tells_what_each_write_gave_a_path():
    span = Span("t.pan", 1, 1, 1, 2)
    recorder = ProvenanceRecorder(keep_values=True, max_writes=None)
    service = {"name": "sshd", "ports": [22]}
    recorder.on_path_write("/software/sshd", service, span, "t")
    service["name"] = "changed later"  # the log keeps the value as it was written
    recorder.on_path_write("/software/sshd/ports/0", 2222, span, "t")
    recorder.on_path_write("/software/web", {"port": 80}, span, "t")
    recorder.record("/software/sshd", NULL, span, "<debugger>")
    recorder.on_path_write("not a path//", 1, span, "t")
    assert recorder.terms("/software/sshd/ports/0") == ("software", "sshd", "ports", 0)
    assert recorder.terms("not a path//") == ()
    touching = [(w.order, relation, shown) for w, relation, shown in recorder.writes_touching(
        ("software", "sshd", "ports", 0)
    )]
    assert touching == [(0, "parent", 22), (1, "self", 2222)]  # the deletion left nothing there
    around = [(w.order, relation) for w, relation, _ in recorder.writes_touching(("software", "sshd"))]
    assert around == [(0, "self"), (1, "child"), (3, "self")]
    assert recorder.writes[3].deleted and recorder.writes[3].template == "<debugger>"
    assert recorder.writes[0].value == "dict('name', 'sshd', 'ports', list(22))"


def test_a_recorder_is_bounded_unless_told_otherwise():
    span = Span("t.pan", 1, 1, 1, 2)
    bounded = ProvenanceRecorder(max_writes=2)
    for n in range(3):
        bounded.on_path_write(f"/a/x{n}", n, span, "t")
    assert [w.path for w in bounded.writes] == ["/a/x0", "/a/x1"]
    assert bounded.writes[0].written is None  # no copies kept by default


def test_builtin_and_own_names_are_defined_and_messages_name_the_kind(index: WorkspaceIndex):
    text = (
        "unique template site/names;\n"
        "type port = long(0..65535);\n"
        "function helper = length(ARGV);\n"
        "variable LOCAL_SETTING = helper(list(1));\n"
        "'/a' = { x = LOCAL_SETTING; y = missing_f(x); };\n"
        "'/b' = MISSING_V;\n"
        "bind '/c' = port;\n"
        "bind '/d' = missing_t;\n"
    )
    doc = analyse_document(str(FIXTURES / "site" / "names.pan"), text, overlay=False, index=index)
    found = [
        (d.code, d.message) for d in semantic_diagnostics(doc.ast, doc.occurrences, index, {"length", "list"})
    ]
    assert found == [
        ("undefined-function", "undefined function 'missing_f'"),
        ("undefined-variable", "undefined variable 'MISSING_V'"),
        ("undefined-type", "undefined type 'missing_t'"),
    ]


def test_a_global_given_to_a_type_test_is_optional(index: WorkspaceIndex):
    text = (
        "unique template site/tested;\n"
        "'/a' = if (is_string(MAYBE_NAME)) MAYBE_NAME else 'none';\n"
        "'/b' = length(UNKNOWN_NAME);\n"
    )
    doc = analyse_document(str(FIXTURES / "site" / "tested.pan"), text, overlay=False, index=index)
    found = [
        d.message for d in semantic_diagnostics(doc.ast, doc.occurrences, index, {"is_string", "length"})
    ]
    assert found == ["undefined variable 'UNKNOWN_NAME'"]


def test_iteration_builtins_assign_and_guarded_globals_are_optional(index: WorkspaceIndex):
    text = (
        "unique template site/guards;\n"
        "'/a' = { ok = first(SELF, k, v); while (ok) { ok = next(SELF, k, v); }; k; };\n"
        "'/b' = if (exists(OPTIONAL_SETTING)) OPTIONAL_SETTING else MISSING_SETTING;\n"
    )
    doc = analyse_document(str(FIXTURES / "site" / "guards.pan"), text, overlay=False, index=index)
    found = [
        d.message for d in semantic_diagnostics(doc.ast, doc.occurrences, index, {"first", "next", "exists"})
    ]
    assert found == ["undefined variable 'MISSING_SETTING'"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "@{Adds.\n@param a the a\n@param b the b}\nfunction f = ARGV[0] + ARGV[1] + ARGV[2];",
            (("a", "the a"), ("b", "the b")),
        ),
        ("@documentation{\n  arg = the x\n}\nfunction f = ARGV[0];", (("ARGV[0]", "the x"),)),
        (
            "function f = if (ARGC > 2) ARGV[2] else ARGV[0];",
            (("ARGV[0]", ""), ("ARGV[1]", ""), ("ARGV[2]", "")),
        ),
        ("function f = { x = ARGV[0]; foreach (i; v; ARGV) x = v; x; };", (("ARGV[0]", ""), ("...", ""))),
        ("function f = { i = 0; ARGV[i]; };", (("...", ""),)),
        ("function f = 42;", ()),
    ],
)
def test_function_parameters(source: str, expected: tuple[tuple[str, str], ...]):
    text = f"declaration template t;\n{source}\n"
    declarations = template_declarations(parse(text, "t.pan").ast, text, "t.pan")
    [function] = [d for d in declarations if d.kind is OccurrenceKind.FUNCTION]
    assert function.params == expected
