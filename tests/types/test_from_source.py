"""Type declarations parsed from pan text, checked without the evaluator.

``with`` clauses must be calls of predicates known to the fake context (``f(SELF)``);
defaults must be literals or ``dict``/``list`` of literals.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pantype_builders import FakeContext

from panc.diagnostics import EvaluationError, ValidationError
from panc.evaluation.values import Value
from panc.syntax import ast, parse
from panc.types import Binding, TypeRegistry, compile_type, insert_defaults, validate_profile

SAMPLES = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "panc-output-samples" / "errors"
)


class SourceContext(FakeContext):
    """Adds ``dict(...)``/``list(...)`` of literals to the fake's constants."""

    def evaluate_constant(self, expr: ast.Expr) -> Value:
        if isinstance(expr, ast.Call) and expr.name in ("dict", "nlist", "list"):
            items = [self.evaluate_constant(arg) for arg in expr.args]
            if expr.name == "list":
                return items
            return dict(zip(items[::2], items[1::2], strict=True))
        return super().evaluate_constant(expr)


def compile_source(text: str, name: str, vctx: FakeContext) -> tuple[TypeRegistry, list[Binding]]:
    """Define the types and bindings of a template (other statements are ignored)."""
    result = parse(text, name)
    assert not result.diagnostics, result.diagnostics
    registry = TypeRegistry()
    bindings: list[Binding] = []
    assert result.ast is not None
    for statement in result.ast.statements:
        if isinstance(statement, ast.TypeStatement):
            registry.define(statement, name, vctx)
        elif isinstance(statement, ast.BindStatement):
            pan_type = compile_type(statement.spec, registry, name, vctx, statement.span)
            bindings.append(Binding(statement.path, pan_type, statement.spec.span, name))
        elif isinstance(statement, ast.ValidStatement):
            spec = ast.FullTypeSpec(
                statement.span, ast.TypeRef(statement.span, "element", None), None, statement.expr
            )
            bindings.append(
                Binding(statement.path, compile_type(spec, registry, name, vctx), spec.span, name)
            )
    return registry, bindings


def check(text: str, root: dict[str, Value], predicates=None) -> str | dict[str, Value]:
    """Build ``root`` with the template's types: the validation message, or the final root."""
    vctx = SourceContext(predicates)
    _, bindings = compile_source(text, "t.pan", vctx)
    vctx.root = root
    insert_defaults(root, bindings, vctx)
    try:
        validate_profile(root, bindings, vctx, "t.pan")
    except ValidationError as error:
        return error.message
    return root


def sample_output(case: str, root: dict[str, Value], predicates=None) -> tuple[str, str]:
    source = SAMPLES / f"{case}.pan"
    if not source.exists():
        pytest.skip("shared reference samples not available")
    name = f"errors/{case}.pan"
    vctx = SourceContext(predicates)
    _, bindings = compile_source(source.read_text(), name, vctx)
    with pytest.raises(ValidationError) as caught:
        validate_profile(root, bindings, vctx, name)
    return caught.value.format() + "\n\n", (SAMPLES / f"{case}.stdout").read_text()


def test_sample_validation_error_from_source() -> None:
    actual, expected = sample_output("validation_error", {"cfg": {"port": "not-a-number"}})
    assert actual == expected


def test_sample_validation_range_from_source() -> None:
    actual, expected = sample_output("validation_range", {"n": 42})
    assert actual == expected


def test_sample_validation_valid_from_source() -> None:
    actual, expected = sample_output("validation_valid", {"n": 42}, {"is_small": lambda v: v < 10})
    assert actual == expected


PORTS = """object template t;
type port = long(0..65535) = 80;
type service = {
    'name' : string
    'port' : port
    'proto' ? choice('tcp', 'udp') = 'tcp'
    'hosts' ? string[1..]
};
bind '/services' = service{};
"""


def test_record_defaults_from_source() -> None:
    root = {"services": {"web": {"name": "httpd"}, "dns": {"name": "named", "port": 53}}}
    assert check(PORTS, root) == {
        "services": {"web": {"name": "httpd", "port": 80}, "dns": {"name": "named", "port": 53}}
    }


def test_record_failures_from_source() -> None:
    message = check(PORTS, {"services": {"web": {"name": "httpd", "port": 70000}}})
    assert message.splitlines()[:4] == [
        "value (70,000) is outside range 0..65535",
        "element path: '/services/web/port'",
        "type: 'long' [?:?]",
        "type: 'port' [t.pan:2.13-2.28]",  # ends at the = of the default, as panc
    ]
    assert message.splitlines()[-1] == "path '/services' bound to type service{} in [t.pan:9.20-9.28]"
    message = check(PORTS, {"services": {"web": {"name": "httpd", "hosts": []}}})
    assert message.splitlines()[0] == "list size (0) is outside range 1.."


def test_with_and_valid_from_source() -> None:
    text = """object template t;
type even = long with is_even(SELF);
bind '/n' = even[];
valid '/n' = short(SELF);
"""
    predicates = {"is_even": lambda v: v % 2 == 0, "short": lambda v: len(v) < 3}
    assert check(text, {"n": [2, 4]}, predicates) == {"n": [2, 4]}
    assert check(text, {"n": [2, 3]}, predicates).splitlines()[:2] == [
        "user-defined validation failed",
        "element path: '/n/1'",
    ]
    assert check(text, {"n": [2, 4, 6]}, predicates).startswith(
        "user-defined validation failed\nelement path: '/n'"
    )


def test_undefined_type_from_source() -> None:
    with pytest.raises(EvaluationError) as caught:
        compile_source("object template t;\ntype foo = bar[];\n", "t.pan", SourceContext())
    assert caught.value.message == "referenced type 'bar' is not defined"
    assert caught.value.span.range_text() == "2.1-2.17"


def test_bind_path_with_escaped_term() -> None:
    text = "object template t;\nbind '/a/{x/y}/b' = long = 3;\n"
    assert check(text, {}) == {"a": {"x_2fy": {"b": 3}}}
