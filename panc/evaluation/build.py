"""The state of one object being built, and the operations that cross frames.

An ``ObjectBuild`` holds everything that lives as long as one object's compilation: the
profile tree, global variables, functions, types and bindings, the templates already
loaded, the call depth and the dependencies. Compiled statements call into it to include
templates, call functions and instantiate structure templates. It is also the
``ValidationContext`` the type system uses (``run_with``, ``evaluate_constant``,
``resolve_path``).

It does no I/O: templates come from a ``TemplateProvider`` (the ``Compiler``), messages
go to the provider's sink.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from panc.diagnostics import EvaluationError, PanError
from panc.evaluation.control import EvalFailure, ReturnSignal, located
from panc.evaluation.frames import Frame, SelfRef
from panc.evaluation.statements import CompiledTemplate, run_statements
from panc.evaluation.terms import is_valid_template_name, key_term, parse_path_text
from panc.evaluation.tree import MISSING, Tree, check_replacement, lookup
from panc.evaluation.values import NULL, UNDEF, Value, deep_copy
from panc.source import Span
from panc.syntax import ast
from panc.types import Binding, TypeRegistry, compile_type

if TYPE_CHECKING:
    from panc.evaluation.dml import Code
    from panc.evaluation.hooks import EvaluationHooks
    from panc.loader import DataFile

_SUBSTITUTION = re.compile(r"\$(\$?)\{([^}]*)\}")


class TemplateProvider(Protocol):
    """What a build needs from its compiler."""

    def load_template(self, name: str, loadpath: Sequence[str]) -> CompiledTemplate | None:
        """The compiled template ``name`` (``None`` if not found); may raise ``PanSyntaxError``."""

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


@dataclass(slots=True)
class Dependency:
    """One line of panc's ``.dep`` file: ``name TYPE uri``."""

    name: str
    kind: str
    uri: str


class ObjectBuild:
    """Everything one object's compilation accumulates."""

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
        self.globals: dict[str, Value] = {}
        self.final_globals: set[str] = set()
        self.functions: dict[str, FunctionDef] = {}
        self.types = TypeRegistry()
        self.bindings: list[Any] = []
        self.loaded: set[str] = set()
        self.dependencies: dict[str, Dependency] = {}
        self.references: set[str] = set()
        self.messages: list[str] = []
        self.depth = 0

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

    # ------------------------------------------------------------------ running

    def run(self, template: CompiledTemplate) -> None:
        """Execute the object template."""
        self.loaded.add(template.name)
        self._record(template.name, template)
        frame = Frame(self, self.tree, template.name)
        run_statements(template, frame, True)

    # ------------------------------------------------------------------ variables

    def read_global(self, name: str, span: Span) -> Value:
        """The global ``name`` (not copied); an evaluation error at ``span`` if undefined."""
        value = self.globals.get(name, MISSING)
        if value is MISSING:
            raise located(f"variable named '{name}' is undefined", span)
        return value

    def set_global(self, name: str, value: Value) -> None:
        """Store a global (``variable`` statements); raises ``EvalFailure``."""
        old = self.globals.get(name, MISSING)
        if old is not MISSING:
            check_replacement(old, value)
        if (
            name == "LOADPATH"
            and value is not NULL
            and value is not UNDEF
            and (type(value) is not list or any(type(v) is not str or v.startswith("/") for v in value))
        ):
            raise EvalFailure("LOADPATH must be a list of relative paths (strings)")
        self.globals[name] = value

    def loadpath(self) -> Sequence[str]:
        """The ``LOADPATH`` entries (empty unless the variable holds a list)."""
        value = self.globals.get("LOADPATH")
        if type(value) is list:
            return value
        return ()

    # ------------------------------------------------------------------ definitions

    def define_function(self, name: str, code: Code, template: str, span: Span) -> None:
        """``function name = ...;``: functions cannot be redefined."""
        if name in self.functions:
            raise located(f"function '{name}' is already defined", span)
        self.functions[name] = FunctionDef(name, code, template, span)

    def define_type(self, statement: ast.TypeStatement, source_path: str) -> None:
        """``type name = ...;`` through the type system."""
        try:
            self.types.define(statement, source_path, self)
        except EvaluationError as error:
            _ensure_trace(error)
            raise

    def bind(self, path: str, spec: ast.FullTypeSpec, span: Span, source_path: str) -> None:
        """``bind path = spec;`` (``${VAR}`` in the path is replaced by the global's value)."""

        if "$" in path:
            path = self._substitute_path(path, span)
        try:
            external, absolute, _ = parse_path_text(path)
            if external is not None or not absolute:  # an external path would bind this object's
                raise EvalFailure(f"bind path '{path}' must be absolute")
        except EvalFailure as failure:
            raise located(failure.message, span) from None
        try:
            pan_type = compile_type(spec, self.types, source_path, self, span)
        except EvaluationError as error:
            _ensure_trace(error)
            raise
        self.bindings.append(Binding(path, pan_type, spec.span, source_path))

    def _substitute_path(self, path: str, span: Span) -> str:
        def replace(match: re.Match[str]) -> str:
            if match.group(1):
                return "${" + match.group(2) + "}"
            name = match.group(2)
            value = self.globals.get(name, MISSING)
            if value is MISSING:
                raise located(f"variable named '{name}' is undefined", span)
            if type(value) is not str:
                raise located(f"variable '{name}' used in a bind path must be a string", span)
            return value

        return _SUBSTITUTION.sub(replace, path)

    # ------------------------------------------------------------------ templates

    def find_template(self, name: str) -> CompiledTemplate | None:
        """Look a template up (recording the dependency, found or absent)."""
        template = self.provider.load_template(name, self.loadpath())
        if template is None:
            self.dependencies.setdefault(name, Dependency(name, "ABSENT", ""))
        else:
            self._record(name, template)
        return template

    def _record(self, name: str, template: CompiledTemplate) -> None:
        if name not in self.dependencies or self.dependencies[name].kind == "ABSENT":
            source = template.source
            self.dependencies[name] = Dependency(name, source.kind, source.include_dir_uri)

    def _require(self, name: str, span: Span) -> CompiledTemplate:
        template = self.find_template(name)
        if template is None:
            raise located(f"cannot locate template named '{name}'", span)
        return template

    def include(
        self, name: str, frame: Frame, span: Span, includer_kind: str, computed: bool = False
    ) -> None:
        """``include name;`` from a template of kind ``includer_kind``."""
        if computed and not is_valid_template_name(name):
            raise located(f"invalid template name '{name}' in include", span)
        template = self._require(name, span)
        kind = template.kind
        if kind not in ast.INCLUDABLE_KINDS[includer_kind]:
            raise located(f"{includer_kind} template cannot include {kind} template '{name}'", span)
        declared = template.name
        first = declared not in self.loaded
        if not first and kind in ("unique", "declaration"):
            return
        self.loaded.add(declared)
        child = Frame(self, frame.tree, declared, parent=frame, call_span=span)
        self._run_template(template, child, name, span, first)

    def _run_template(
        self, template: CompiledTemplate, child: Frame, name: str, span: Span, first: bool
    ) -> None:
        """Run an included or created template's statements in ``child``, one call level deeper;
        an error gains ``span`` (the include or create() call) in its trace."""
        self._enter(span)
        hooks = self.hooks
        if hooks is not None:
            hooks.on_include_enter(name, span)
        try:
            run_statements(template, child, first)
        except EvaluationError as error:
            _ensure_trace(error)
            error.trace.append(span)
            raise
        finally:
            self.depth -= 1
            if hooks is not None:
                hooks.on_include_exit(name, span)

    def _enter(self, span: Span) -> None:
        if self.depth >= self.max_recursion:
            raise located(f"call depth limit ({self.max_recursion}) exceeded", span)
        self.depth += 1

    def create(self, name: str, overrides: list[Value], frame: Frame, span: Span) -> dict[str, Value]:
        """``create(name, key, value, ...)``: instantiate a structure template."""
        template = self._require(name, span)
        if template.kind != "structure":
            raise located(
                f"create() requires a structure template, '{name}' is a {template.kind} template", span
            )
        first = template.name not in self.loaded
        self.loaded.add(template.name)
        tree = Tree()
        child = Frame(self, tree, frame.template, parent=frame, call_span=span)
        self._run_template(template, child, name, span, first)
        result = tree.root
        try:
            for position in range(0, len(overrides), 2):
                key = key_term(overrides[position])
                value = overrides[position + 1]
                if value is NULL:
                    result.pop(key, None)
                else:
                    result[key] = deep_copy(value)
        except EvalFailure as failure:
            raise located(failure.message, span) from None
        return result

    def template_exists(self, name: str) -> bool:
        """For ``exists('tpl')``/``if_exists('tpl')``: a lookup, not a load."""
        if not is_valid_template_name(name):
            return False
        return self.find_template(name) is not None

    # ------------------------------------------------------------------ functions

    def call_function(self, function: FunctionDef, args: list[Value], caller: Frame, span: Span) -> Value:
        """Call a user function: a fresh local scope with ARGV/ARGC, the caller's SELF."""
        argv: list[Value] = []
        for position, arg in enumerate(args):
            if arg is NULL:
                continue  # null deletes the (nonexistent) element ARGV[position]
            if len(argv) < position:
                argv.extend([UNDEF] * (position - len(argv)))
            argv.append(arg)
        frame = Frame(self, caller.tree, caller.template, caller.self_ref, function.name, caller, span)
        frame.locals = {"ARGV": argv, "ARGC": len(argv)}
        self._enter(span)
        hooks = self.hooks
        if hooks is not None:
            hooks.on_function_enter(function.name, span, frame)
        try:
            return function.code(frame)
        except ReturnSignal as signal:
            return signal.value
        except EvaluationError as error:
            _ensure_trace(error)
            error.trace.append(span)
            raise
        finally:
            self.depth -= 1
            if hooks is not None:
                hooks.on_function_exit(function.name, span, frame)

    # ------------------------------------------------------------------ paths

    def path_value(self, path: str, span: Span, relative_root: Tree | None = None) -> Value:
        """The value at a path, or ``MISSING``; errors for bad paths.

        A relative path reads ``relative_root``: the structure a ``create()`` is building
        (panc's relative root). Without one, it is an error of the statement (panc gives it no
        position of its own).
        """
        try:
            external, absolute, terms = parse_path_text(path)
        except EvalFailure as failure:
            raise located(failure.message, span) from None
        if external is not None and external != self.object_name:
            other = self.referenced(external, span)
            return lookup(other.tree.root, terms)
        if absolute or external is not None:
            return lookup(self.tree.root, terms)
        if relative_root is None:
            raise EvalFailure(f"relative path ('{path}') cannot be used to retrieve element in configuration")
        return lookup(relative_root.root, terms)

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
            raise located(error.message, span or Span(self.object_path, 0, 0, 0, 0)) from None

    def find_file(self, name: str) -> DataFile | None:
        """A data file on the include path (recorded as a ``TXT`` dependency when found)."""
        found = self.provider.find_file(name, self.loadpath())
        if found is not None:
            self.dependencies.setdefault(name, Dependency(name, "TXT", found.include_dir_uri))
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
        """The value at an absolute or external path, ``None`` if absent (links)."""
        try:
            value = self.path_value(path, Span(self.object_path, 0, 0, 0, 0))
        except PanError:
            return None
        return None if value is MISSING else value


def _ensure_trace(error: EvaluationError) -> None:
    if not error.trace and error.span is not None:
        error.trace.append(error.span)
