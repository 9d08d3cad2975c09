"""A ``type`` statement is compiled once for all the objects of a build that run it, unless the
types it names differ between them: then each object gets the form compiled against its own."""

from __future__ import annotations

from typing import Any

from panc.compiler import CompileOptions, Compiler, ObjectResult
from panc.diagnostics import ValidationError
from panc.evaluation.frames import Frame
from panc.evaluation.hooks import EvaluationHooks
from panc.loader import MemoryLoader
from panc.syntax import ast, parse
from panc.types.registry import referenced_type_names

NAMES = ("port", "service", "base", "item", "holder")

TEMPLATES = {
    "schema": (
        "template schema;\n"
        "type port = long(0..65535);\n"
        "type service = { 'name' : string 'port' : port = 80 };\n"
    ),
    "base_long": "template base_long;\ntype base = long;\n",
    "base_string": "template base_string;\ntype base = string(1..);\n",
    "derived": "template derived;\ntype item = base[];\ntype holder = { 'items' : item };\n",
}


def _object(name: str, base: str, items: str) -> str:
    return (
        f"object template {name};\ninclude 'schema';\ninclude '{base}';\ninclude 'derived';\n"
        "bind '/services' = service{};\nbind '/h' = holder;\n"
        f"'/services/web' = dict('name', 'web');\n'/h/items' = {items};\n"
    )


OBJECTS = {
    "a": _object("a", "base_long", "list(1, 2)"),
    "b": _object("b", "base_string", "list('x')"),
    "c": _object("c", "base_long", "list('x')"),  # a long list: 'x' must fail here
    "a2": _object("a2", "base_long", "list(3)"),
}


class TypesSeen(EvaluationHooks):
    """The registry entries of each object, read at its last statement."""

    def __init__(self) -> None:
        self.types: dict[str, dict[str, Any]] = {}

    def on_statement(self, node: Any, frame: Frame) -> None:
        build = frame.build
        self.types[build.object_name] = {name: build.types.get(name) for name in NAMES}


def _compile_all() -> tuple[dict[str, ObjectResult], TypesSeen]:
    seen = TypesSeen()
    compiler = Compiler(CompileOptions(), loader=MemoryLoader({**TEMPLATES, **OBJECTS}), hooks=seen)
    return {name: compiler.compile_object(name) for name in ("a", "b", "c", "a2")}, seen


def test_each_object_validates_with_its_own_named_types():
    results, _ = _compile_all()
    assert results["a"].error is None
    assert results["a"].profile == {"services": {"web": {"name": "web", "port": 80}}, "h": {"items": [1, 2]}}
    assert results["b"].error is None and results["b"].profile["h"] == {"items": ["x"]}
    assert isinstance(results["c"].error, ValidationError)
    assert "long" in results["c"].error.message
    assert results["a2"].error is None and results["a2"].profile["services"]["web"]["port"] == 80


def test_the_compiled_types_are_shared_when_what_they_name_is():
    _, seen = _compile_all()
    a, b, c, a2 = (seen.types[name] for name in ("a", "b", "c", "a2"))
    for name in NAMES:
        assert a[name] is not None and a[name] is a2[name] is c[name], name
    assert a["port"] is b["port"] and a["service"] is b["service"]
    # 'base' differs, so do the types that name it, directly or through another
    assert a["base"] is not b["base"]
    assert a["item"] is not b["item"] and a["holder"] is not b["holder"]


def test_the_names_a_spec_looks_up():
    text = (
        "unique template t;\n"
        "type r = extensible { include base_rec 'a' : long[] 'b' ? x{} = dict() 'c' : y* "
        "'d' : { 'e' : long include other } 'f' : choice('p', 'q') 'g' : long };\n"
    )
    statement = parse(text, "t.pan").ast.statements[0]
    assert isinstance(statement, ast.TypeStatement)
    assert referenced_type_names(statement.spec) == ("base_rec", "long", "x", "y", "other")
