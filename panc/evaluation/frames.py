"""Evaluation frames: what one running statement, function or structure template sees.

A ``Frame`` holds the local variables, the ``SELF`` reference, the tree that assignments
write to (the object's, or the fresh one of a ``create()``), and the automatic variables
``TEMPLATE`` and ``FUNCTION``. Frames link to their caller so that a debugger can show the
call stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from panc.evaluation.control import EvalFailure
from panc.evaluation.values import UNDEF, Value

if TYPE_CHECKING:
    from panc.evaluation.build import ObjectBuild
    from panc.evaluation.tree import Tree
    from panc.source import Span


class SelfRef:
    """The ``SELF`` of a statement: its current value, and how to store a replacement.

    Writes through ``SELF[...]`` modify ``value`` in place; when ``SELF`` itself must become
    a new resource (it was undef), ``replace`` stores it back where it lives (the tree path
    or the global variable), so that the change is visible at once.
    """

    __slots__ = ("circular", "readonly", "value", "writer")

    def __init__(
        self,
        value: Value,
        writer: Callable[[Value], None] | None = None,
        readonly: bool = False,
    ) -> None:
        self.value = value
        self.writer = writer
        self.readonly = readonly
        self.circular = False
        """A resource was put into itself while the statement ran: if the result holds it,
        panc's copy of the result overflows its stack."""

    def replace(self, value: Value) -> None:
        if self.readonly:
            raise EvalFailure("cannot modify SELF from validation function")
        self.value = value
        if self.writer is not None:
            self.writer(value)


class Frame:
    """The evaluation state of one statement, function call or structure template."""

    __slots__ = (
        "build",
        "call_span",
        "function",
        "iterators",
        "locals",
        "parent",
        "self_ref",
        "span",
        "template",
        "tree",
    )

    def __init__(
        self,
        build: ObjectBuild,
        tree: Tree,
        template: str,
        self_ref: SelfRef | None = None,
        function: str | None = None,
        parent: Frame | None = None,
        call_span: Span | None = None,
    ) -> None:
        self.build = build
        self.tree = tree
        self.template = template
        self.self_ref = self_ref
        self.function = function
        self.parent = parent
        self.call_span = call_span
        self.locals: dict[str, Value] = {}
        self.iterators: dict[int, Any] | None = None
        self.span: Span | None = None

    # The accessors below serve debuggers; the evaluator reads the slots directly.

    @property
    def argv(self) -> list[Value] | None:
        """``ARGV`` of a function frame, else ``None``."""
        return self.locals.get("ARGV")

    @property
    def self_value(self) -> Value:
        """The current ``SELF`` (``UNDEF`` when the frame has none)."""
        return self.self_ref.value if self.self_ref is not None else UNDEF

    def stack(self) -> list[Frame]:
        """This frame and its callers, innermost first."""
        frames = []
        frame: Frame | None = self
        while frame is not None:
            frames.append(frame)
            frame = frame.parent
        return frames
