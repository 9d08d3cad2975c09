"""The fast AST constructors build the same objects as the dataclasses' own __init__."""

from __future__ import annotations

import dataclasses
import pickle

from panc.source import Span
from panc.syntax import ast
from panc.syntax.construct import CONSTRUCTORS, fast_constructor, nodes

SPAN = Span("c.pan", 1, 2, 3, 4)


def test_every_ast_class_has_a_constructor() -> None:
    classes = {
        value for value in vars(ast).values() if isinstance(value, type) and dataclasses.is_dataclass(value)
    }
    assert set(CONSTRUCTORS) == classes
    assert all(maker is not cls for cls, maker in CONSTRUCTORS.items())


def test_constructed_nodes_equal_the_dataclass_ones() -> None:
    literal = ast.Literal(SPAN, 3)
    assert nodes.Literal(SPAN, 3) == literal
    assert nodes.Literal(SPAN, 3).__class__ is ast.Literal
    field = nodes.Field(
        SPAN, "a", SPAN, True, ast.FullTypeSpec(SPAN, ast.TypeRef(SPAN, "long", None), None, None)
    )
    assert field.annotations == ()  # the dataclass default
    assert field == ast.Field(SPAN, "a", SPAN, True, field.spec)
    assert hash(field) == hash(ast.Field(SPAN, "a", SPAN, True, field.spec))


def test_constructed_nodes_stay_frozen() -> None:
    node = nodes.Variable(SPAN, "x")
    try:
        node.name = "y"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a constructed node must stay frozen")
    assert node.name == "x"


def test_constructors_can_be_pickled() -> None:
    maker = CONSTRUCTORS[ast.Call]
    assert pickle.loads(pickle.dumps(maker)) is maker


def test_classes_that_need_their_init_keep_it() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPostInit:
        value: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True)
    class WithoutSlots:
        value: int

    assert fast_constructor(WithPostInit) is WithPostInit
    assert fast_constructor(WithoutSlots) is WithoutSlots
