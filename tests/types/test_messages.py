"""Validation messages exactly as panc prints them (panc-output-samples/errors, tlc corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pantype_builders import FakeContext, choice, fld, full, record, ref, span, type_stmt

from panc.diagnostics import EvaluationError, ValidationError
from panc.evaluation.values import UNDEF, java_to_string
from panc.types import Binding, TypeRegistry, compile_type, validate_profile

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLES = SHARED / "reference" / "panc-output-samples" / "errors"


def expected_stdout(case: str) -> str:
    path = SAMPLES / f"{case}.stdout"
    if not path.exists():
        pytest.skip("shared reference samples not available")
    return path.read_text()


def validation_output(root, bindings, vctx, object_file: str) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_profile(root, bindings, vctx, object_file)
    return caught.value.format()


def test_validation_error_sample() -> None:
    # type mytype = { "port" : long(0..65535) };  bind "/cfg" = mytype;  "/cfg/port" = "not-a-number";
    vctx = FakeContext()
    registry = TypeRegistry()
    path = "errors/validation_error.pan"
    registry.define(
        type_stmt("mytype", full(record(fld("port", ref("long", 0, 65535))), at=span(3, 15, 5, 1))),
        path,
        vctx,
    )
    bind_spec = full(ref("mytype"), at=span(7, 15, 7, 20))
    binding = Binding("/cfg", compile_type(bind_spec, registry, path, vctx), bind_spec.span, path)
    out = validation_output({"cfg": {"port": "not-a-number"}}, [binding], vctx, path)
    assert out + "\n\n" == expected_stdout("validation_error")


def test_validation_range_sample() -> None:
    vctx = FakeContext()
    path = "errors/validation_range.pan"
    bind_spec = full(ref("long", 0, 10), at=span(3, 13, 3, 23))
    binding = Binding("/n", compile_type(bind_spec, TypeRegistry(), path, vctx), bind_spec.span, path)
    out = validation_output({"n": 42}, [binding], vctx, path)
    assert out + "\n\n" == expected_stdout("validation_range")


def test_validation_valid_sample() -> None:
    vctx = FakeContext({"is_small": lambda v: v < 10})
    registry = TypeRegistry()
    path = "errors/validation_valid.pan"
    registry.define(
        type_stmt(
            "small", full(ref("long"), check="is_small", at=span(4, 14, 4, 37), with_at=span(4, 19, 4, 22))
        ),
        path,
        vctx,
    )
    bind_spec = full(ref("small"), at=span(5, 13, 5, 17))
    binding = Binding("/n", compile_type(bind_spec, registry, path, vctx), bind_spec.span, path)
    out = validation_output({"n": 42}, [binding], vctx, path)
    assert out + "\n\n" == expected_stdout("validation_valid")


def test_undefined_element_sample() -> None:
    out = validation_output({"a": 1, "c": {"d": UNDEF}}, [], FakeContext(), "errors/./null_value.pan")
    assert out + "\n\n" == expected_stdout("null_value")


def test_first_undefined_in_key_order() -> None:
    root = {"z": UNDEF, "b": [1, {"y": UNDEF, "x": UNDEF}]}
    assert (
        validation_output(root, [], FakeContext(), "o.pan").splitlines()[1]
        == "element at /b/1/x is undefined"
    )


def test_missing_bound_element_matches_tlc_expectation() -> None:
    expected_file = SHARED / "corpora" / "tlc-all-templates" / "expected-panc-output.txt"
    if not expected_file.exists():
        pytest.skip("shared corpora not available")
    vctx = FakeContext()
    registry = TypeRegistry()
    source = "template-library-core/metaconfig/udev/action_attr.pan"
    registry.define(type_stmt("udev_action_attrs", record(fld("x", ref("string")))), "schema.pan", vctx)
    bind_spec = full(ref("udev_action_attrs"), at=span(13, 5, 13, 21))
    bound = (
        "/software/components/metaconfig/services/{/etc/udev/rules.d/50-attrs.rules}/contents/action_attrs"
    )
    binding = Binding(bound, compile_type(bind_spec, registry, source, vctx), bind_spec.span, source)
    root = {"software": {"components": {"metaconfig": {"services": {}}}}}
    out = validation_output(root, [binding], vctx, "tlc-all-templates/test.pan")
    assert out + "\n\n" == expected_file.read_text()


def test_undefined_reference_in_bind() -> None:
    vctx = FakeContext()
    stmt_span = span(3, 1, 3, 32)
    with pytest.raises(EvaluationError) as caught:
        compile_type(full(ref("undefined_type_name")), TypeRegistry(), "notype.pan", vctx, stmt_span)
    assert caught.value.message == "referenced type 'undefined_type_name' is not defined"
    assert caught.value.span == stmt_span


def test_choice_message_names_value() -> None:
    vctx = FakeContext({"len3": lambda v: len(v) == 3})
    registry = TypeRegistry()
    registry.define(type_stmt("mychoice", choice("aa", "bb", "aaa", "bbb")), "c.pan", vctx)
    pan_type = compile_type(full(ref("mychoice"), check="len3"), registry, "c.pan", vctx)
    out = validation_output({"x": "ddd"}, [Binding("/x", pan_type, span(1, 1), "c.pan")], vctx, "c.pan")
    assert "value (ddd) is not a possible choice value" in out
    assert not vctx.calls  # the base type fails before the bind's own with runs


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("s", "s"),
        (1.5, "1.5"),
        (True, "true"),
        ([1.15, 1.1], "[ 1.15, 1.1 ]"),
        ({"entry2": 2, "entry1": 1}, "{ entry1, 1, entry2, 2 }"),
        ([], "[  ]"),
    ],
)
def test_element_values_show_as_java_to_string(value, text) -> None:
    assert java_to_string(value) == text
