"""The state of one object being built, and the operations that cross frames.

An ``ObjectBuild`` holds everything that lives as long as one object's compilation: the
profile tree, global variables, functions, types and bindings, the templates already
loaded, panc's template stack and the dependencies. Compiled statements call into it to
include templates, call functions and instantiate structure templates. It is also the
``ValidationContext`` the type system uses (``run_with``, ``evaluate_constant``,
``resolve_path``) and the context errors are located with (``panc.evaluation.control``).

panc's template stack (``current_file`` and ``call_stack``) is pushed when a template is
included or created or a function called, and popped only when that returns normally: an
error leaves it as it was where the error happened, so that the enclosing statements trace
the error from there, as panc does.

It does no I/O: templates come from a ``TemplateProvider`` (the ``Compiler``), messages
go to the provider's sink.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from panc.diagnostics import (
    EvaluationError,
    JavaRuntimeFailure,
    PanError,
    PanSyntaxError,
    TraceEntry,
    same_kind,
)
from panc.evaluation.control import EvalFailure, ReturnSignal, add_file, add_info, error_at, error_in, located
from panc.evaluation.frames import Frame, SelfRef
from panc.evaluation.protection import Protection
from panc.evaluation.resources import InvalidTerm, check_replacement, put_child, rget
from panc.evaluation.statements import CompiledTemplate, run_statements
from panc.evaluation.terms import PathTextError, is_valid_template_name, parse_path_text, path_of, string_term
from panc.evaluation.tree import MISSING, Tree
from panc.evaluation.values import NULL, UNDEF, Value, java_type
from panc.source import Span
from panc.syntax import ast
from panc.types import Binding, TypeDefinitionCache, TypeRegistry, compile_type, type_span
from panc.types.context import InvalidLinkPath, LinkReadError

if TYPE_CHECKING:
    from panc.evaluation.dml import Code
    from panc.evaluation.hooks import EvaluationHooks
    from panc.loader import DataFile
    from panc.syntax.paths import Path

_SUBSTITUTION = re.compile(r"\$(\$?)\{([^}]*)\}")
_INCLUDE_NAME = re.compile(r"\w[\w+.-]*(/[\w+.-]+)*\Z", re.ASCII)
"""panc's pattern for an included template's name (``IncludeStatement.identifierPattern``)."""
_KIND_NAMES = {
    "object": "OBJECT",
    "ordinary": "ORDINARY",
    "declaration": "DECLARATION",
    "structure": "STRUCTURE",
    "unique": "UNIQUE",
}


class TemplateProvider(Protocol):
    """What a build needs from its compiler."""

    def load_template(self, name: str, loadpath: Sequence[str]) -> CompiledTemplate | None:
        """The compiled template ``name`` (``None`` if not found); may raise its compile error."""

    def find_file(self, name: str, loadpath: Sequence[str]) -> DataFile | None:
        """A data file for ``file_contents``/``file_exists``."""

    def compile_expression(self, expr: ast.Expr, source_path: str) -> Code:
        """A closure for an expression outside any statement (``with`` clauses, defaults)."""

    def constant_value(self, expr: ast.Expr) -> Value:
        """The value of a default expression (a compile-time constant; raises otherwise)."""

    def referenced_object(self, name: str, requester: ObjectBuild) -> ObjectBuild:
        """The built object ``name`` (for ``obj:/path`` references); raises ``PanError``."""

    def emit(self, build: ObjectBuild, message: str) -> None:
        """Deliver a ``debug``/``traceback``/``deprecated`` message."""


@dataclass(slots=True)
class FunctionDef:
    name: str
    code: Code
    template: str
    span: Span
    source_path: str = ""
    """The file of the template that defined it (panc's ``FunctionDefinition.template``)."""


@dataclass(slots=True)
class Dependency:
    """One line of panc's ``.dep`` file: ``name TYPE uri``."""

    name: str
    kind: str
    uri: str


class ObjectBuild:
    """Everything one object's compilation accumulates."""

    compile_time = False
    """``True`` only for the stand-in of compile-time evaluation (``panc.evaluation.constant``)."""

    def __init__(
        self,
        provider: TemplateProvider,
        object_name: str,
        object_path: str,
        *,
        max_iteration: int = 10000,
        max_recursion: int = 50,
        warnings: str = "on",
        hooks: EvaluationHooks | None = None,
        root: dict[str, Value] | None = None,
    ) -> None:

        self.provider = provider
        self.object_name = object_name
        self.object_path = object_path
        self.max_iteration = max_iteration
        self.max_recursion = max_recursion
        self.warnings = warnings
        self.hooks = hooks
        self.tree = Tree(root)
        self.globals: dict[str, Value] = {"LOADPATH": []}
        self.final_globals: set[str] = set()
        self.relative_loadpaths: list[str] = []
        self.functions: dict[str, FunctionDef] = {}
        self.types = TypeRegistry()
        self.bindings: list[Any] = []
        self.loaded: set[str] = set()
        self.dependencies: dict[str, Dependency] = {}
        self.references: set[str] = set()
        self.protection = Protection()
        self.messages: list[str] = []
        self.current_file: str | None = None
        self.call_stack: list[TraceEntry] = []

    @property
    def depth(self) -> int:
        """How many templates and functions deep the evaluation is."""
        return len(self.call_stack)

    def release(self) -> None:
        """Drop what only this object's own evaluation and validation needed.

        A compiler keeps every built object for the ``obj:/path`` references of later
        objects; those only read the tree, so the rest can go.
        """
        self.globals = {}
        self.functions = {}
        self.bindings = []
        self.types = TypeRegistry()
        self.loaded = set()

    # ------------------------------------------------------------------ panc's template stack

    def traceback(self, where: Span | None) -> list[TraceEntry]:
        """panc's ``getTraceback(range)``: ``where`` in the current template, then the callers."""
        return [(self.current_file, where), *reversed(self.call_stack)]

    def push_template(self, source_path: str, where: Span) -> None:
        """Enter a template or function called at ``where`` (panc's ``pushTemplate``)."""
        self.call_stack.append((self.current_file, where))
        self.current_file = source_path
        if len(self.call_stack) > self.max_recursion:
            self.pop_template()
            raise error_in(f"call depth limit ({self.max_recursion}) exceeded", where, self)

    def pop_template(self) -> None:
        """Leave the current template or function (only when it returned normally)."""
        self.current_file = self.call_stack.pop()[0]

    def save_stack(self) -> tuple[str | None, int]:
        """The template stack as it is, for a caller that goes on after catching an error."""
        return self.current_file, len(self.call_stack)

    def restore_stack(self, saved: tuple[str | None, int]) -> None:
        self.current_file, size = saved
        del self.call_stack[size:]

    # ------------------------------------------------------------------ running

    def run(self, template: CompiledTemplate) -> None:
        """Execute the object template (panc's ``BuildTask.execute``)."""
        self.loaded.add(template.name)
        self._record(template.name, template)
        self.current_file = template.path
        frame = Frame(self, self.tree, template.name)
        try:
            run_statements(template, frame, True)
        except EvaluationError as error:
            raise add_file(error, self.current_file) from None

    # ------------------------------------------------------------------ variables

    def read_global(self, name: str, span: Span) -> Value:
        """The global ``name`` (not copied); an evaluation error at ``span`` if undefined."""
        value = self.globals.get(name, MISSING)
        if value is MISSING:
            raise error_in(f"variable named '{name}' is undefined", span, self)
        return value

    def set_global(self, name: str, value: Value) -> None:
        """Store a global (``variable`` statements); raises ``EvalFailure``."""
        if name in self.final_globals:
            raise EvalFailure("cannot modify final global variable")
        old = self.globals.get(name, MISSING)
        self.globals[name] = value
        if old is not MISSING:
            check_replacement(old, value)

    def set_loadpath(self) -> None:
        """After a ``LOADPATH`` statement: the relative load paths it now gives (panc's
        ``convertLoadpathVariable``)."""
        value = self.globals.get("LOADPATH")
        if type(value) is not list:
            raise EvalFailure("LOADPATH variable must be a list")
        paths: list[str] = []
        for entry in value:
            if type(entry) is not str:
                raise EvalFailure("LOADPATH contains non-string value")
            if entry.startswith("/"):
                raise EvalFailure("LOADPATH can only contain relative paths")
            paths.append(entry)
        self.relative_loadpaths = paths

    def loadpath(self) -> Sequence[str]:
        """The ``LOADPATH`` entries the last ``LOADPATH`` statement gave."""
        return self.relative_loadpaths

    # ------------------------------------------------------------------ definitions

    def define_function(self, name: str, code: Code, template: str, span: Span) -> None:
        """``function name = ...;``: functions cannot be redefined (panc's ``FunctionMap.put``)."""
        previous = self.functions.get(name)
        source_path = self.current_file or ""
        self.functions[name] = FunctionDef(name, code, template, span, source_path)
        if previous is not None:
            raise EvalFailure(
                f"duplicate function definition: {name}\n"
                f"previous definition [{previous.source_path}:{previous.span.range_text()}]\n"
            )

    def define_type(
        self, statement: ast.TypeStatement, source_path: str, cache: TypeDefinitionCache | None = None
    ) -> None:
        """``type name = ...;`` through the type system (``cache``: the compiled type, shared by
        the objects of a build)."""
        self.types.define(statement, source_path, self, cache)

    def bind(  # pylint: disable=too-many-arguments
        self, path: str, spec: ast.FullTypeSpec, span: Span, source_path: str, positioned: bool = True
    ) -> None:
        """``bind path = spec;`` (``${VAR}`` in the path is replaced by the global's value);
        ``positioned``: whether panc prints where the type is (not for ``valid``)."""

        if "$" in path:
            path = self._substitute_path(path, span)
        try:
            external, absolute, _ = parse_path_text(path)
            if external is not None or not absolute:  # an external path would bind this object's
                raise EvalFailure(f"only absolute paths can be used with bind statements ({path})")
        except EvaluationError as error:
            raise add_info(error, span, None) from None
        try:
            pan_type = compile_type(spec, self.types, source_path, self, span)
        except EvaluationError as error:
            raise add_info(error, span, self) from None
        self.bindings.append(Binding(path, pan_type, type_span(spec), source_path, positioned))

    def _substitute_path(self, path: str, span: Span) -> str:
        def replace(match: re.Match[str]) -> str:
            if match.group(1):
                return "${" + match.group(2) + "}"
            name = match.group(2)
            value = self.globals.get(name, MISSING)
            if value is MISSING:
                raise error_in(f"variable ({name}) undefined in substitute()", span, self)
            return _java_string(value)

        return _SUBSTITUTION.sub(replace, path)

    # ------------------------------------------------------------------ templates

    def find_template(self, name: str) -> CompiledTemplate | None:
        """Look a template up (recording the dependency, found or absent)."""
        template = self.provider.load_template(name, self.loadpath())
        if template is None:
            self.dependencies.setdefault(name, Dependency(name, "ABSENT_SOURCE", ""))
        else:
            self._record(name, template)
        return template

    def _record(self, name: str, template: CompiledTemplate) -> None:
        if name not in self.dependencies or self.dependencies[name].kind == "ABSENT_SOURCE":
            source = template.source
            self.dependencies[name] = Dependency(name, source.kind, source.include_dir_uri)

    def load(self, name: str) -> CompiledTemplate:
        """A template by name, for ``include`` and ``create`` (panc's ``globalLoad``): a missing
        one, or one that fails to compile, is an (unlocated) evaluation error; a template's
        syntax error becomes the message of an evaluation error, a parse error stays one. A name
        that is no template name is Java's bare ``IllegalArgumentException`` (its source file
        object refuses it)."""
        if not is_valid_template_name(name):
            raise JavaRuntimeFailure(f"invalid template name ({name})")
        try:
            template = self.find_template(name)
        except PanSyntaxError as error:
            laundered = EvaluationError(error.format())
            laundered.range = laundered.file = None
            raise laundered from None
        if template is None:
            raise EvalFailure(f"cannot locate template named '{name}'")
        return template

    def include(self, name: str, frame: Frame, span: Span, includer_kind: str) -> None:
        """``include name;`` from a template of kind ``includer_kind`` (panc's
        ``executeWithNamedTemplate``)."""
        first = name not in self.loaded
        try:
            template = self.load(name)
        except EvaluationError as error:
            raise add_info(error, span, self) from None
        kind = template.kind
        if kind not in ast.INCLUDABLE_KINDS[includer_kind]:
            raise error_at(
                f"{_KIND_NAMES[includer_kind]} template cannot include {_KIND_NAMES[kind]} template", span
            )
        self.loaded.add(name)
        child = Frame(self, frame.tree, template.name, parent=frame, call_span=span)
        self._run_template(template, child, name, span, first)

    def _run_template(
        self, template: CompiledTemplate, child: Frame, name: str, span: Span, first: bool
    ) -> None:
        """Run an included or created template's statements in ``child``, one call level deeper."""
        self.push_template(template.path, span)
        hooks = self.hooks
        if hooks is not None:
            hooks.on_include_enter(name, span)
        try:
            if first or template.kind not in ("unique", "declaration"):
                run_statements(template, child, first)
        finally:
            if hooks is not None:
                hooks.on_include_exit(name, span)
        self.pop_template()

    def create(self, name: Value, overrides: list[Value], frame: Frame, span: Span) -> dict[str, Value]:
        """``create(name, key, value, ...)``: instantiate a structure template (``J:Create``)."""
        if type(name) is not str:
            raise error_in("first argument of create() must be a string", span, self)
        first = name not in self.loaded
        try:
            template = self.load(name)
        except EvaluationError as error:
            raise add_info(error, span, self) from None
        if template.kind != "structure":
            raise error_at("first argument of create() must be the name of structure template", span)
        self.loaded.add(name)
        tree = Tree()
        child = Frame(self, tree, frame.template, parent=frame, call_span=span, function=frame.function)
        self._run_template(template, child, name, span, first)
        result = tree.root
        for position in range(0, len(overrides), 2):
            key = overrides[position]
            if type(key) is not str:
                raise error_at(
                    f"key arguments of create() must be strings; argument {position + 1:,} "
                    f"is of type {java_type(key)}",
                    span,
                )
            term = string_term(key)
            if type(term) is not str:
                raise EvalFailure(f"invalid key ({key}) for create()")
            put_child(result, term, overrides[position + 1])
        return result

    def template_exists(self, name: str) -> bool:
        """For ``exists('tpl')``/``if_exists('tpl')``: a lookup, not a load. A template that
        is found but does not compile exists (panc's callers take the compile failure that
        ``localAndGlobalLoad(name, true)`` lets through for a yes), and a parse error stops the
        object; a template found this way is no dependency."""
        if not is_valid_template_name(name):
            return False
        try:
            template = self.provider.load_template(name, self.loadpath())
        except (PanSyntaxError, EvaluationError):
            return True
        if template is None:  # only an absent one is a dependency (panc's otherDependencies)
            self.dependencies.setdefault(name, Dependency(name, "ABSENT_SOURCE", ""))
        return template is not None

    # ------------------------------------------------------------------ functions

    def call_function(self, function: FunctionDef, args: list[Value], caller: Frame, span: Span) -> Value:
        """Call a user function (``J:Function``): a fresh local scope with ARGV/ARGC, the
        caller's SELF, panc's template stack entered at the function's template."""
        argv: list[Value] = []
        for position, arg in enumerate(args):
            if arg is NULL:
                if position < len(argv):
                    del argv[position]
                continue
            if len(argv) < position:
                argv.extend([UNDEF] * (position - len(argv)))
            argv.append(arg)
        frame = Frame(self, caller.tree, caller.template, caller.self_ref, function.name, caller, span)
        frame.locals = {"ARGV": argv, "ARGC": len(argv)}
        self.push_template(function.source_path, span)
        hooks = self.hooks
        if hooks is not None:
            hooks.on_function_enter(function.name, span, frame)
        try:
            result = function.code(frame)
        except ReturnSignal as signal:
            result = signal.value
        finally:
            if hooks is not None:
                hooks.on_function_exit(function.name, span, frame)
        self.pop_template()
        return result

    # ------------------------------------------------------------------ paths

    def path_value(self, path: str, span: Span, relative_root: Tree | None = None) -> Value:
        """The value at a path, or ``MISSING`` (panc's ``getElement(path, false)``; an external
        path to a template that cannot be found is missing too).

        A relative path reads ``relative_root``: the structure a ``create()`` is building
        (panc's relative root). Without one, it is an error of the statement (panc gives it no
        position of its own).
        """
        parsed = path_of(path)
        if parsed.is_external and parsed.template != self.object_name:
            name = parsed.template or ""
            try:
                template = self.find_template(name)
            except PanError:
                template = None  # a lookup takes a template that does not compile for none
            if template is None:
                return MISSING
            if template.kind != "object":
                raise EvalFailure(f"{name} does not refer to an object template")
            other = self.referenced(name, span)
            return _element(other.tree.root, parsed)
        if not parsed.is_relative:
            return _element(self.tree.root, parsed)
        if relative_root is None:
            raise EvalFailure(
                f"relative path ('{parsed}') cannot be used to retrieve element in configuration"
            )
        return _element(relative_root.root, parsed)

    def relative_root(self, frame: Frame) -> Tree | None:
        """The structure under construction that relative paths read, if ``frame`` builds one."""
        tree = frame.tree
        return None if tree is self.tree else tree

    def referenced(self, name: str, span: Span | None = None) -> ObjectBuild:
        """The built object ``name`` referenced by an external path."""
        self.references.add(name)
        try:
            return self.provider.referenced_object(name, self)
        except PanError as error:
            where = span or Span(self.object_path, 0, 0, 0, 0)
            raise located(error.message, where, same_kind(error)) from None

    def find_file(self, name: str) -> DataFile | None:
        """A data file on the include path, recorded as a dependency as panc's ``SourceType``
        says: ``TEXT`` with its directory, or ``ABSENT_TEXT``."""
        found = self.provider.find_file(name, self.loadpath())
        if found is not None:
            self.dependencies.setdefault(name, Dependency(name, "TEXT", found.include_dir_uri))
        else:
            self.dependencies.setdefault(name, Dependency(name, "ABSENT_TEXT", ""))
        return found

    def emit(self, message: str) -> None:
        """A ``debug``/``traceback``/``deprecated`` message, kept and passed to the sink."""
        self.messages.append(message)
        self.provider.emit(self, message)

    # ------------------------------------------------------------------ ValidationContext

    def run_with(self, expr: ast.Expr, self_value: Value, span: Span) -> Value:
        """Evaluate a ``with`` clause or ``valid`` block with a read-only SELF."""
        code = self.provider.compile_expression(expr, span.file)
        frame = Frame(self, self.tree, self.object_name, SelfRef(self_value, readonly=True))
        try:
            return code(frame)
        except ReturnSignal as signal:
            return signal.value

    def evaluate_constant(self, expr: ast.Expr) -> Value:
        return self.provider.constant_value(expr)

    def resolve_path(self, path: str) -> Value | None:
        """The value at an absolute or external path, ``None`` if absent (links): panc's
        ``new Path`` (a malformed term stops the compile) then ``getElement``."""
        try:
            parsed = path_of(path)
        except PathTextError:
            raise InvalidLinkPath(path) from None
        try:
            value = self.path_value(path, Span(self.object_path, 0, 0, 0, 0))
        except PanError as error:
            raise LinkReadError(error.message) from None
        if value is MISSING:
            raise LinkReadError(f"path '{parsed}' does not have an associated value")
        return value


def _java_string(value: Value) -> str:
    """Java's ``toString`` of a global's value, as ``StrSubstitutor`` inserts it in a path."""
    from panc.evaluation.values import java_to_string  # pylint: disable=import-outside-toplevel

    return java_to_string(value)


def _element(root: Value, path: Path) -> Value:
    """panc's ``getElement(path, false)`` below ``root``: the value or ``MISSING`` (also past a
    property); a key on a list or an index on a dict is an error of the statement (panc's
    ``InvalidTermException.formatMessage``: ``error at 's/name'`` after ``/`` or ``tpl:``)."""
    try:
        found = rget(root, path.terms, 0, lookup_only=True)
    except InvalidTerm as problem:
        prefix = "/" if path.is_absolute else f"{path.template}:" if path.is_external else ""
        raise EvalFailure(problem.path_message(str(path), prefix)) from None
    return MISSING if found is None else found
