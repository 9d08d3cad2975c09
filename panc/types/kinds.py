"""The compiled forms of pan types.

A ``PanType`` is panc's "full type": a base type plus an optional default value and an
optional ``with`` clause. Base types are the builtins, references to named types (with an
optional range), records, ``choice``, lists ``T[]``, dicts ``T{}`` and links ``T*``.

Every structure a check needs (sorted field lists, the set of known field names, resolved
referenced types, inherited defaults) is computed once when the type is compiled, so that
validating thousands of elements costs little more than the type tests themselves.

Each kind offers:
- ``check(value, vctx)``: raises ``TypeFailure`` (see ``failures``) when the value does not
  conform; children are checked before the parent's ``with``;
- ``set_defaults(value, vctx)``: fills defaults into the children of ``value`` in place;
- ``default``: the default value this type supplies (``None`` when it has none);
- ``walks``: whether ``set_defaults`` can change anything (lets the walk skip subtrees);
- ``text``: the type as panc names it in ``bound to type ...`` messages.
"""

from __future__ import annotations

from collections.abc import Callable

from panc.diagnostics import PanError, ValidationError
from panc.evaluation.values import (
    UNDEF,
    Value,
    deep_copy,
    java_length,
    java_string_key,
    java_to_string,
    sorted_keys,
)
from panc.syntax import ast
from panc.types.context import InvalidLinkPath, LinkReadError, ValidationContext
from panc.types.failures import (
    BUILTIN_LOCATION,
    NO_VALUE,
    TypeFailure,
    element_type,
    failure_message,
    message_number,
    type_mismatch,
)

_MISSING = object()

CheckFunction = Callable[[Value, ValidationContext], None]


# --------------------------------------------------------------------------- ranges


LONG_MAX = 2**63 - 1


class Range:
    """An inclusive range of longs as panc keeps it: an open start is 0 (``long(..10)`` is
    ``0..10``), an open end the largest long (printed as nothing: ``1..``)."""

    __slots__ = ("high", "low", "text")

    def __init__(self, low: int | None, high: int | None) -> None:
        self.low = 0 if low is None else low
        self.high = LONG_MAX if high is None else high
        self.text = f"{self.low}..{'' if self.high == LONG_MAX else self.high}"

    def contains(self, number: float) -> bool:
        """Whether ``number`` lies within the range."""
        return self.low <= number <= self.high

    def check(self, value: Value) -> None:
        """Bound the value of a long or double, the length of a string, the size of a resource."""
        t = type(value)
        if t is int or t is float:
            if not self.low <= value <= self.high:  # a NaN is outside every range
                raise TypeFailure(f"value ({message_number(value)}) is outside range {self.text}")
        elif t is str:
            length = java_length(value)
            if not self.low <= length <= self.high:
                raise TypeFailure(f"string size ({message_number(length)}) is outside range {self.text}")
        elif t is list or t is dict:
            if not self.low <= len(value) <= self.high:
                kind = "list" if t is list else "hash"
                raise TypeFailure(f"{kind} size ({message_number(len(value))}) is outside range {self.text}")
        else:
            raise TypeFailure(f"range checking cannot be applied to element of type {element_type(value)}")


def _range_suffix(rng: Range | None) -> str:
    return "" if rng is None else f"({rng.text})"


# --------------------------------------------------------------------------- full types


class PanType:
    """A full type: ``base [= default] [with validation]``.

    ``name`` is how messages call it (the type's name, or its spec as written for anonymous
    types) and ``location`` where it was defined (``file:L.C-L.C``, ``?:?`` for builtins).
    ``check`` and ``set_defaults`` are bound once here, so a type without ``with`` costs no
    extra call.
    """

    __slots__ = (
        "base",
        "check",
        "declared_default",
        "default",
        "location",
        "name",
        "set_defaults",
        "walks",
        "with_expr",
        "with_text",
    )

    def __init__(
        self,
        base: BaseType,
        name: str,
        location: str = BUILTIN_LOCATION,
        default: Value | None = None,
        with_expr: ast.Expr | None = None,
        with_text: str = "null",
    ) -> None:
        self.base = base
        self.with_text = with_text
        """The ``with`` clause as panc prints it in a record's text (``dml_text``)."""
        self.declared_default = default
        self.default = default if default is not None else base.default
        self.with_expr = with_expr
        self.name = name
        self.location = location
        self.walks = base.walks
        self.check: CheckFunction = base.check if with_expr is None else self._check_then_run_with
        self.set_defaults: CheckFunction = base.set_defaults

    def __repr__(self) -> str:
        return f"PanType({self.name!r})"

    @property
    def text(self) -> str:
        """The spec as panc prints it in ``bound to type ...`` messages."""
        return self.name

    @property
    def java_text(self) -> str:
        """panc's text of the full type inside a record's text (its ``FullType.toString``)."""
        default = "null" if self.declared_default is None else java_to_string(self.declared_default)
        return f"FullType({self.base.text})\ndefault value={default}\nwith={self.with_text}\n"

    def _check_then_run_with(self, value: Value, vctx: ValidationContext) -> None:
        self.base.check(value, vctx)
        self.run_with(value, vctx)

    def check_as_included(self, value: Value, vctx: ValidationContext) -> None:
        """The check of a record type named by another record's ``include``."""
        self.base.check_as_included(value, vctx)
        self.run_with(value, vctx)

    def run_with(self, value: Value, vctx: ValidationContext) -> None:
        """Run this type's ``with`` clause on ``value``: it must return boolean ``true``."""
        expr = self.with_expr
        if expr is None:
            return
        try:
            result = vctx.run_with(expr, value, expr.span)
        except PanError as err:
            # panc reports an error inside validation code as its cause.
            raise TypeFailure("validation failed because exception was thrown", cause=err) from None
        if result is True:
            return
        if type(result) is bool:
            # panc shows the value of a property only.
            shown = NO_VALUE if type(value) is dict or type(value) is list else value
            raise TypeFailure("user-defined validation failed", shown)
        raise TypeFailure(
            f"user-defined validation function returned an element of type {element_type(result)}; "
            "boolean value required"
        )

    def validate(self, value: Value, vctx: ValidationContext, path: str) -> None:
        """Check ``value`` (found at ``path``) against this type; raise ``ValidationError``
        with panc's message text (the caller adds the object file and binding line)."""
        try:
            self.check(value, vctx)
        except TypeFailure as failure:
            raise ValidationError(failure_message(failure, path)) from None

    def conforms(self, value: Value, vctx: ValidationContext) -> bool:
        """Whether ``value`` passes this type's checks (``is_valid``)."""
        try:
            self.check(value, vctx)
        except TypeFailure:
            return False
        return True


# --------------------------------------------------------------------------- base types


class BaseType:
    """Common defaults of the base types; subclasses override what applies to them."""

    __slots__ = ()
    default: Value | None = None
    walks: bool = False
    text: str = ""

    def check(self, value: Value, vctx: ValidationContext) -> None:
        """Raise ``TypeFailure`` unless ``value`` conforms."""
        raise NotImplementedError

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        """Fill in defaults below ``value``; most kinds have nothing to fill."""
        del value, vctx

    def check_as_included(self, value: Value, vctx: ValidationContext) -> None:
        """The check of this type named by a record's ``include`` (records only)."""
        del value, vctx
        raise TypeFailure("type cannot be included in another type definition")


class BuiltinType(BaseType):
    """One of panc's builtin types: a test on the kind of the value."""

    __slots__ = ("accepted", "text")

    def __init__(self, name: str, accepted: frozenset[type]) -> None:
        self.text = name
        self.accepted = accepted

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) not in self.accepted:
            raise type_mismatch(self.text, value)


_SCALARS = frozenset({bool, int, float, str})
_RESOURCES = frozenset({list, dict})

BUILTIN_KINDS: dict[str, frozenset[type]] = {
    "boolean": frozenset({bool}),
    "long": frozenset({int}),
    "double": frozenset({float}),
    "string": frozenset({str}),
    "number": frozenset({int, float}),
    "property": _SCALARS,
    "resource": _RESOURCES,
    "element": _SCALARS | _RESOURCES,
    "list": frozenset({list}),
    "dict": frozenset({dict}),
    "nlist": frozenset({dict}),
}
"""The builtin types and the Python types of the values they accept (``nlist``: deprecated alias)."""


class AliasType(BaseType):
    """A named type used in a spec (``port``, ``long(0..10)``): the named full type, then the range.

    A failure below passes through here and gains the ``type: 'name' [location]`` line.
    """

    __slots__ = ("default", "range", "target", "text", "walks")

    def __init__(self, target: PanType, rng: Range | None) -> None:
        self.target = target
        self.range = rng
        self.default = target.default
        self.walks = target.walks
        self.text = target.name + _range_suffix(rng)

    def check(self, value: Value, vctx: ValidationContext) -> None:
        try:
            self.target.check(value, vctx)
            if self.range is not None:
                self.range.check(value)
        except TypeFailure as failure:
            failure.stack.append((self.target.name, self.target.location))
            raise

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        self.target.set_defaults(value, vctx)

    def check_as_included(self, value: Value, vctx: ValidationContext) -> None:
        self.target.check_as_included(value, vctx)


class BuiltinAlias(AliasType):
    """A reference to a builtin type (``long``, ``string(1..)``): the most common check of
    all, so the kind test is done here without calling the builtin's own check."""

    __slots__ = ("accepted",)

    def __init__(self, target: PanType, rng: Range | None) -> None:
        super().__init__(target, rng)
        assert isinstance(target.base, BuiltinType) and target.with_expr is None
        self.accepted = target.base.accepted

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) not in self.accepted:
            failure = type_mismatch(self.target.name, value)
            failure.stack.append((self.target.name, self.target.location))
            raise failure
        if self.range is not None:
            try:
                self.range.check(value)
            except TypeFailure as failure:
                failure.stack.append((self.target.name, self.target.location))
                raise


def reference_to(target: PanType, rng: Range | None) -> AliasType:
    """The base type for a use of the named type ``target`` (with an optional range)."""
    if isinstance(target.base, BuiltinType) and target.with_expr is None:
        return BuiltinAlias(target, rng)
    return AliasType(target, rng)


class ChoiceType(BaseType):
    """``choice('a', 'b')``: a string among the given ones."""

    __slots__ = ("choices", "text")

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = frozenset(choices)
        self.text = "choice(" + ", ".join(choices) + ")"

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not str:
            raise type_mismatch("string", value)
        if value not in self.choices:
            raise TypeFailure(f"value ({value}) is not a possible choice value")


class ListType(BaseType):
    """``T[range]``: a list whose children are all of type T."""

    __slots__ = ("element", "range", "text", "walks")

    def __init__(self, element: BaseType, rng: Range | None) -> None:
        self.element = element
        self.range = rng
        self.walks = element.default is not None or element.walks
        self.text = f"{element.text}[{'' if rng is None else rng.text}]"

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not list:
            raise type_mismatch("list", value)
        if self.range is not None:
            self.range.check(value)
        check = self.element.check
        for index, child in enumerate(value):
            try:
                check(child, vctx)
            except TypeFailure as failure:
                failure.terms.append(str(index))
                raise

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not list:
            return
        element = self.element
        default = element.default
        for index, child in enumerate(value):
            if child is UNDEF and default is not None:
                value[index] = child = deep_copy(default)
            if element.walks:
                element.set_defaults(child, vctx)


class DictType(BaseType):
    """``T{range}``: a dict whose children are all of type T (checked in key order)."""

    __slots__ = ("element", "range", "text", "walks")

    def __init__(self, element: BaseType, rng: Range | None) -> None:
        self.element = element
        self.range = rng
        self.walks = element.default is not None or element.walks
        self.text = f"{element.text}{{{'' if rng is None else rng.text}}}"

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not dict:
            raise type_mismatch("dict", value)
        if self.range is not None:
            self.range.check(value)
        check = self.element.check
        for key in sorted_keys(value) if len(value) > 1 else value:
            try:
                check(value[key], vctx)
            except TypeFailure as failure:
                failure.terms.append(key)
                raise

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not dict:
            return
        element = self.element
        default = element.default
        for key, child in value.items():
            if child is UNDEF and default is not None:
                value[key] = child = deep_copy(default)
            if element.walks:
                element.set_defaults(child, vctx)


class LinkType(BaseType):
    """``T*``: a string naming an existing element that validates as T."""

    __slots__ = ("element", "text", "walks")

    def __init__(self, element: BaseType) -> None:
        self.element = element
        self.walks = element.walks
        self.text = f"{element.text}*"

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not str:
            raise TypeFailure(f"property cannot marked as both type 'link' and type '{element_type(value)}'")
        try:
            target = vctx.resolve_path(value)
        except InvalidLinkPath:
            raise TypeFailure(f"invalid link path '{value}'") from None
        except LinkReadError as error:
            raise TypeFailure(f"error evaluating path '{value}': {error}") from None
        if target is None:
            raise TypeFailure(
                f"error evaluating path '{value}': path '{value}' does not have an associated value"
            )
        try:
            self.element.check(target, vctx)
        except TypeFailure as failure:
            raise TypeFailure(f"element at linked path failed validation: '{value}'", cause=failure) from None

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not str:
            return
        try:
            target = vctx.resolve_path(value)
        except (InvalidLinkPath, LinkReadError, PanError):
            return  # validation reports the bad link
        if type(target) is dict or type(target) is list:
            self.element.set_defaults(target, vctx)


class RecordField:
    """A record field after includes are merged: every full type declared for the name.

    ``check`` runs them all; with a single type (the usual case) it is that type's check.
    """

    __slots__ = ("check", "default", "name", "required", "types", "walks")

    def __init__(self, name: str, required: bool, types: tuple[PanType, ...]) -> None:
        self.name = name
        self.required = required
        self.types = types
        self.default = next((t.default for t in types if t.default is not None), None)
        self.walks = any(t.walks for t in types)
        self.check: CheckFunction = types[0].check if len(types) == 1 else self._check_all

    def _check_all(self, value: Value, vctx: ValidationContext) -> None:
        for field_type in self.types:
            field_type.check(value, vctx)


class RecordType(BaseType):
    """``[extensible] { fields } [(range)]``, with ``include``d records.

    Checked as panc does: unless extensible, the keys no field of the record (or of a record
    it includes) names; then the range (number of children), each included record in turn
    (its fields, then its ``with``), the record's own required fields then its optional ones,
    each in key order. ``fields`` merges every field declared for a name (own and included):
    defaults are inserted from it.
    """

    __slots__ = (
        "_defaulted",
        "_known",
        "_optional",
        "_required",
        "default",
        "extensible",
        "fields",
        "includes",
        "range",
        "text",
        "walks",
    )

    def __init__(  # pylint: disable=too-many-arguments
        self,
        own_fields: list[tuple[str, bool, PanType]],
        fields: list[RecordField],
        extensible: bool,
        rng: Range | None,
        includes: tuple[tuple[str, PanType], ...] = (),
        inherited_default: Value | None = None,
    ) -> None:
        self.fields = {f.name: f for f in fields}
        self.extensible = extensible
        self.range = rng
        self.includes = includes
        self.default = inherited_default
        ordered = sorted(own_fields, key=lambda f: java_string_key(f[0]))
        self._required = tuple((name, t.check) for name, required, t in ordered if required)
        self._optional = tuple((name, t.check) for name, required, t in ordered if not required)
        self._known = frozenset(self.fields)
        self._defaulted = tuple(
            f for f in sorted(fields, key=lambda f: f.name) if f.default is not None or f.walks
        )
        self.walks = bool(self._defaulted)
        self.text = _record_text(ordered, includes, extensible, rng)

    def check(self, value: Value, vctx: ValidationContext) -> None:
        if not self.extensible:
            if type(value) is not dict:
                raise type_mismatch("dict", value)
            if not self._known.issuperset(value):
                extra = "".join(f"{key} " for key in sorted_keys(value) if key not in self._known)
                raise TypeFailure(f"record definition contains unexpected field(s): {extra}")
        self.check_as_included(value, vctx)

    def check_as_included(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not dict:
            raise type_mismatch("dict", value)
        if self.range is not None:
            self.range.check(value)
        for name, included in self.includes:
            try:
                included.check_as_included(value, vctx)
            except TypeFailure as failure:
                failure.stack.append((name, included.location))
                raise
        for name, check in self._required:
            child = value.get(name, _MISSING)
            if child is _MISSING:
                raise TypeFailure(f"record is missing required field: {name}")
            try:
                check(child, vctx)
            except TypeFailure as failure:
                failure.terms.append(name)
                raise
        for name, check in self._optional:
            child = value.get(name, _MISSING)
            if child is _MISSING:
                continue
            try:
                check(child, vctx)
            except TypeFailure as failure:
                failure.terms.append(name)
                raise

    def set_defaults(self, value: Value, vctx: ValidationContext) -> None:
        if type(value) is not dict:
            return
        for field in self._defaulted:
            child = value.get(field.name, _MISSING)
            if child is _MISSING:
                if not field.required:
                    continue  # optional fields get defaults only when explicitly undef
                child = UNDEF
            if child is UNDEF:
                if field.default is None:
                    continue
                value[field.name] = child = deep_copy(field.default)
            if field.walks:
                for field_type in field.types:
                    field_type.set_defaults(child, vctx)


def _record_text(
    ordered: list[tuple[str, bool, PanType]],
    includes: tuple[tuple[str, PanType], ...],
    extensible: bool,
    rng: Range | None,
) -> str:
    """A record as panc prints it (``RecordType.toString``): over several lines, included
    types first, then the required fields and the optional ones, each with its full type."""
    parts = ["extensible {\n" if extensible else "{\n"]
    parts.extend(f"\tinclude {name}\n" for name, _ in includes)
    parts.extend(f"\n{name} : {t.java_text}\n" for name, required, t in ordered if required)
    parts.extend(f"\n{name} ? {t.java_text}\n" for name, required, t in ordered if not required)
    parts.append("}")
    if rng is not None:
        parts.append(f" ({rng.text})")
    parts.append("\n")
    return "".join(parts)
