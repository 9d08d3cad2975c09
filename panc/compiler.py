"""Compiling object templates into validated profiles: the API behind the ``panc`` command.

    compiler = Compiler(CompileOptions(include_path=["site"]))
    result = compiler.compile_object("site/node1.pan")   # or a template name
    if result.error: print(result.error.format())
    else: use result.profile, result.dependencies

One ``Compiler`` serves a whole run: parsed and compiled templates are shared by all the
objects it compiles, and objects referenced by others (``value('obj:/path')``) are built
once. It sees each file as it was when first read; make a new one (with a new loader) to
pick up changes. Objects must be compiled from one thread at a time (each compile runs the evaluator
on a worker thread with a large stack, so that deep pan recursion cannot overflow Python's).
"""

from __future__ import annotations

import gc
import importlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Importing the builtin families registers them (pure ones, then those needing the evaluator).
import panc.builtins  # pylint: disable=unused-import
import panc.builtins.context  # noqa: F401  # pylint: disable=unused-import
from panc.builtins.regex import DEFAULT_TIME_LIMIT as DEFAULT_REGEX_TIME_LIMIT
from panc.builtins.regex import time_limited as regex_time_limited
from panc.deep_stack import call_with_deep_stack
from panc.diagnostics import (
    RESTRICTED_CHECK,
    TEMPLATE_CHECK,
    Category,
    Diagnostic,
    EvaluationError,
    PanError,
    PanParseError,
    PanSyntaxError,
    Severity,
    ValidationError,
    error_from_diagnostic,
    same_kind,
)
from panc.evaluation import memory
from panc.evaluation.build import Dependency, ObjectBuild
from panc.evaluation.constant import evaluate_constant
from panc.evaluation.dml import Code, CompileEnv, DmlCompiler
from panc.evaluation.hooks import EvaluationHooks
from panc.evaluation.statements import CompiledTemplate, ExpressionTable, compile_template
from panc.evaluation.terms import format_path
from panc.evaluation.tree import MISSING
from panc.evaluation.values import Value, deep_copy
from panc.loader import TEMPLATE_SUFFIXES, DataFile, FileSystemLoader, Loader, TemplateSource
from panc.source import UNKNOWN_SPAN, Span
from panc.syntax import ast
from panc.syntax.gcpause import retire_survivors
from panc.types import insert_defaults, validate_profile
from panc.types.origins import default_declaration, inserted_defaults, location_span

__all__ = ["CompileOptions", "Compiler", "Dependency", "ObjectNotFoundError", "ObjectResult"]

_MISNAMED = "misplaced or misnamed template; relative directory and name must match '{}'"


@dataclass
class CompileOptions:
    """panc's compilation options (the CLI maps its flags onto these)."""

    include_path: list[str] = field(default_factory=lambda: [os.getcwd()])
    """Include directories, in order. panc's default is the current directory."""
    max_iteration: int = 10000
    max_recursion: int = 50
    initial_data: str | None = None
    """DML evaluated at compile time into the dict every object starts from."""
    debug: bool = False
    debug_ns_include: str | None = None
    debug_ns_exclude: str | None = None
    warnings: str = "on"
    """``off``, ``on`` or ``fatal``: what ``deprecated()`` does."""
    restrict_paths: bool = False
    """Read templates and data files only if their real path (symbolic links resolved) is
    inside the include path (``panc --restrict-paths``; see ``panc.loader``)."""
    max_regex_time: float | None = DEFAULT_REGEX_TIME_LIMIT
    """Seconds one regular expression may take to match (``None``: no limit); then an evaluation error."""
    max_memory: int | None = None
    """Memory budget of the process in bytes while compiling (``None``: a quarter of the RAM,
    0: none); going past it is an evaluation error (``panc.evaluation.memory``)."""


@dataclass
class ObjectResult:
    """The outcome of compiling one template given to ``compile_object``.

    For an object template: ``profile`` is the validated root (``None`` on failure) and
    ``error`` the first error. For any other kind of template (``kind`` says which) only
    the syntax was checked: ``profile`` is ``None`` and ``error`` is set if it is wrong.
    """

    name: str
    source_path: str
    profile: dict[str, Value] | None
    error: PanError | None
    dependencies: list[Dependency] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    kind: str = "object"


class ObjectNotFoundError(EvaluationError):
    """An object template given on the command line that the include path cannot find."""

    def format(self) -> str:
        return f"evaluation error [?:?]\n{self.message}\n"


def _insert_reported_defaults(build: ObjectBuild, hooks: EvaluationHooks) -> None:
    """Insert the defaults of ``build``, telling ``hooks`` of its bindings and (when it wants
    them) of each default inserted, with the type that declared it."""
    hooks.on_built(build.tree.root, build.bindings)
    if not hooks.wants_defaults:
        insert_defaults(build.tree.root, build.bindings, build)
        return
    before = deep_copy(build.tree.root)
    insert_defaults(build.tree.root, build.bindings, build)
    for terms, value in inserted_defaults(before, build.tree.root):
        declared = default_declaration(build.bindings, terms)
        span = location_span(declared.location) if declared is not None else None
        hooks.on_default(format_path(terms), value, span or UNKNOWN_SPAN, declared.name if declared else "?")


class _ObjectState:
    """One object of this compiler: built (executed + defaults), then validated."""

    __slots__ = ("build", "building", "error", "template", "validated", "validation_error")

    def __init__(self) -> None:
        self.build: ObjectBuild | None = None
        self.template: CompiledTemplate | None = None
        self.building = False
        self.error: PanError | None = None
        self.validated = False
        self.validation_error: PanError | None = None


def _default_parse() -> Callable[[str, str], Any]:
    """The parse cache's ``parse`` when the syntax layer has one, else the plain parser."""
    module = importlib.import_module("panc.syntax")
    try:
        cache = importlib.import_module("panc.syntax.cache")
    except ImportError:
        return module.parse  # type: ignore[no-any-return]
    return getattr(cache, "parse_cached", module.parse)  # type: ignore[no-any-return]


def _header_span(template: ast.Template) -> Span:
    """``object template x;`` (panc reports a misnamed template there)."""
    name_span = template.name_span or template.span
    start = template.span
    return Span(
        start.file, start.start_line, start.start_column, name_span.end_line, name_span.end_column + 1
    )


class Compiler:
    """Compiles object templates; shares parsed templates and built objects across calls."""

    def __init__(
        self,
        options: CompileOptions | None = None,
        loader: Loader | None = None,
        hooks: EvaluationHooks | None = None,
        message_sink: Callable[[str], None] | None = None,
        parse: Callable[[str, str], Any] | None = None,
    ) -> None:
        self.options = options or CompileOptions()
        self.loader: Loader = loader if loader is not None else FileSystemLoader(
            self.options.include_path, restrict_paths=self.options.restrict_paths
        )
        self.hooks = hooks
        self.message_sink = message_sink
        self._parse = parse or _default_parse()
        self._compiled: dict[str, tuple[str, CompiledTemplate | PanError]] = {}
        self._lookups: dict[tuple[str, tuple[str, ...]], CompiledTemplate | None] = {}
        self._objects: dict[str, _ObjectState] = {}
        self._expressions = ExpressionTable()
        self._initial_root: dict[str, Value] | PanError | None = None
        self._debug_include = (
            re.compile(self.options.debug_ns_include) if self.options.debug_ns_include else None
        )
        self._debug_exclude = (
            re.compile(self.options.debug_ns_exclude) if self.options.debug_ns_exclude else None
        )
        self._names_by_path: dict[str, str] = {}

    # ------------------------------------------------------------------ public API

    def compile_object(self, name_or_path: str) -> ObjectResult:
        """Build, default and validate one object given by template name or file path."""
        with memory.limited(self.options.max_memory), regex_time_limited(self.options.max_regex_time):
            return _run_with_big_stack(lambda: self._compile_object(name_or_path))

    def describe_file(self, path: str) -> tuple[str | None, list[Diagnostic]]:
        """The object template name a file declares (``None`` for other kinds) and its
        compile-time errors (parse, syntax, misnamed template)."""
        try:
            _, template = self._resolve_object(path)
        except PanError as error:
            return None, [error.to_diagnostic()]
        if template is None:  # a template name rather than a file
            return path, []
        return (template.name if template.kind == "object" else None), []

    def check_syntax(self, path: str) -> list[Diagnostic]:
        """The compile-time errors of a template file (it is parsed and checked, not executed)."""
        return self.describe_file(path)[1]

    # ------------------------------------------------------------------ objects

    def _compile_object(self, name_or_path: str) -> ObjectResult:
        try:
            name, given = self._resolve_object(name_or_path)
        except PanError as error:
            return ObjectResult(name_or_path, name_or_path, None, error)
        if given is not None and given.kind != "object":
            return ObjectResult(name, given.path, None, None, kind=given.kind)
        state = self._built(name)
        path = state.template.path if state.template is not None else name_or_path
        build = state.build
        error = state.error
        if error is None:
            error = self._validated(state)
        if error is None:
            error = self._check_references(name, state)
        if error is not None and self.hooks is not None:
            self.hooks.on_error(error)
        dependencies = self._dependencies(name)
        messages = build.messages if build is not None else []
        profile = build.tree.root if build is not None and error is None else None
        return ObjectResult(name, path, profile, error, dependencies, list(messages))

    def _resolve_object(self, name_or_path: str) -> tuple[str, CompiledTemplate | None]:
        """The object's template name, and the template compiled from a given file."""
        if not name_or_path.endswith(TEMPLATE_SUFFIXES):
            return name_or_path, None
        text = self.loader.read_path(name_or_path)
        if text is None:
            raise EvaluationError(f"cannot read file '{name_or_path}'")
        path = name_or_path if os.path.isabs(name_or_path) else os.path.join(os.getcwd(), name_or_path)
        suffix = next(s for s in TEMPLATE_SUFFIXES if name_or_path.endswith(s))
        stem = path[: -len(suffix)]
        source = TemplateSource(os.path.basename(stem), path, text, "", suffix[1:].upper(), "")
        template = self._compile_source(source, stem_check=stem)
        return template.name, template

    def _built(self, name: str) -> _ObjectState:
        """The object ``name`` executed and defaulted (compiled on first request)."""
        state = self._objects.get(name)
        if state is not None:
            return state
        state = _ObjectState()
        self._objects[name] = state
        state.building = True
        try:
            template = self._load(name, ())
            if template is None:
                raise ObjectNotFoundError(f"cannot locate object template named '{name}'")
            state.template = template
            if template.kind != "object":
                raise EvaluationError(f"template '{name}' is not an object template")
            build = ObjectBuild(
                self,
                name,
                template.path,
                max_iteration=self.options.max_iteration,
                max_recursion=self.options.max_recursion,
                warnings=self.options.warnings,
                hooks=self.hooks,
                root=self._initial_data(),
            )
            state.build = build
            build.run(template)
            if self.hooks is None:
                insert_defaults(build.tree.root, build.bindings, build)
            else:
                _insert_reported_defaults(build, self.hooks)
        except PanError as error:
            state.error = error
        except RecursionError:
            state.error = EvaluationError("call depth limit exceeded (Python recursion limit reached)")
        except MemoryError:  # the system's memory (the budget's MemoryLimitError is a PanError)
            state.error = EvaluationError(memory.over_limit_message())
        finally:
            state.building = False
        return state

    def _validated(self, state: _ObjectState) -> PanError | None:
        if state.validated:
            return state.validation_error
        state.validated = True
        build = state.build
        assert build is not None

        try:
            validate_profile(build.tree.root, build.bindings, build, build.object_path)
        except PanError as error:
            if isinstance(error, ValidationError) and not error.object_file:
                error.object_file = build.object_path
            state.validation_error = error
        except RecursionError:
            state.validation_error = ValidationError("validation recursion too deep", build.object_path)
        except MemoryError:
            state.validation_error = EvaluationError(memory.over_limit_message())
        build.release()  # only the tree and the dependencies matter to other objects now
        return state.validation_error

    def _check_references(self, name: str, state: _ObjectState) -> PanError | None:
        """panc's valid2: an object fails when an object it references failed."""
        build = state.build
        assert build is not None
        for other in sorted(build.references):
            if other == name:
                continue
            other_state = self._built(other)
            error = other_state.error
            if error is None and other_state.build is not None:
                error = self._validated(other_state)
            if error is not None:
                return ValidationError(f"referenced object '{other}' failed to compile", build.object_path)
        return None

    def _dependencies(self, name: str) -> list[Dependency]:
        """The object's dependencies, with those of the objects it references."""
        seen: set[str] = set()
        found: dict[str, Dependency] = {}
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            state = self._objects.get(current)
            if state is None or state.build is None:
                continue
            for dependency in state.build.dependencies.values():
                found.setdefault(dependency.name, dependency)
            pending.extend(state.build.references)
        return sorted(found.values(), key=lambda d: d.name)

    def _initial_data(self) -> dict[str, Value] | None:
        text = self.options.initial_data
        if text is None:
            return None
        if self._initial_root is None:
            self._initial_root = self._evaluate_initial_data(text)
        if isinstance(self._initial_root, PanError):
            raise self._initial_root
        return deep_copy(self._initial_root)

    def _evaluate_initial_data(self, text: str) -> dict[str, Value] | PanError:
        source_text = f"object template initial-data;\n'/' = {text};\n"
        result = self._parse(source_text, "initial-data")
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if errors or result.ast is None:
            return error_from_diagnostic(errors[0]) if errors else PanParseError("invalid initial data")
        statement, *extra = result.ast.statements
        if extra:  # the text closed the wrapping statement and went on
            return PanParseError("initial data must be one DML expression", extra[0].span)
        assert isinstance(statement, ast.Assignment)
        try:
            code = DmlCompiler(CompileEnv("initial-data", "initial-data")).top_level(statement.value)
            value = evaluate_constant(
                code, statement.value.span, "initial data must be a compile-time constant"
            )
        except PanError as error:
            return error
        if type(value) is not dict:
            return EvaluationError("initial data must be a dict", statement.value.span)
        return value

    # ------------------------------------------------------------------ TemplateProvider

    def load_template(self, name: str, loadpath: Sequence[str]) -> CompiledTemplate | None:
        """The compiled template ``name`` (memoised); raises the template's compile-time error."""
        return self._load(name, tuple(loadpath))

    def _load(self, name: str, loadpath: tuple[str, ...]) -> CompiledTemplate | None:
        key = (name, loadpath)
        if key in self._lookups:
            return self._lookups[key]
        source = self.loader.find_template(name, loadpath)
        template = None if source is None else self._compile_source(source)
        self._lookups[key] = template
        return template

    def _compile_source(self, source: TemplateSource, stem_check: str | None = None) -> CompiledTemplate:
        cached = self._compiled.get(source.path)
        if cached is not None and cached[0] == source.text:
            outcome = cached[1]
        else:
            outcome = self._parse_and_compile(source, stem_check)
            self._compiled[source.path] = (source.text, outcome)
        if isinstance(outcome, PanError):
            raise outcome
        return outcome

    def _parse_and_compile(
        self, source: TemplateSource, stem_check: str | None
    ) -> CompiledTemplate | PanError:
        result = self._parse(source.text, source.path)
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        parse_errors = [d for d in errors if d.category is Category.PARSE]
        if parse_errors:
            return error_from_diagnostic(parse_errors[0])
        template = result.ast
        if template is None and errors:
            return error_from_diagnostic(errors[0])
        if template is None:
            return PanParseError("empty template", Span(source.path, 1, 1, 1, 1))
        declared = template.name or ""
        if stem_check is not None:
            matches = stem_check == declared or stem_check.endswith("/" + declared)
        else:
            matches = declared in (source.name, source.relative_name)
        if not matches:
            return PanSyntaxError(_MISNAMED.format(declared), _header_span(template))
        self._names_by_path[source.path] = declared
        checks = _CheckOrder(errors)
        try:
            compiled = compile_template(
                template,
                source,
                self.hooks,
                self._debug_enabled(declared),
                self._expressions,
                checks.raise_within,
            )
        except PanError as error:
            if isinstance(error, PanSyntaxError) and error.file is None:
                error.file = source.path  # panc's CompileTask names the file of a syntax error
            return error
        except RecursionError:
            return PanSyntaxError("expression nested too deeply", template.span)
        return checks.remaining() or compiled

    def _debug_enabled(self, template_name: str) -> bool:
        enabled = self.options.debug
        if not enabled and self._debug_include is not None:
            enabled = self._debug_include.fullmatch(template_name) is not None
        if enabled and self._debug_exclude is not None:
            enabled = self._debug_exclude.fullmatch(template_name) is None
        return enabled

    def find_file(self, name: str, loadpath: Sequence[str]) -> DataFile | None:
        """A data file through the loader."""
        return self.loader.find_file(name, loadpath)

    def compile_expression(self, expr: ast.Expr, source_path: str) -> Code:
        """The closure of a ``with`` clause or default (compiled with its template when possible)."""
        code = self._expressions.code(expr)
        if code is None:
            template_name = self._names_by_path.get(source_path, "")
            env = CompileEnv(template_name, source_path, self.hooks, self._debug_enabled(template_name))
            code = DmlCompiler(env).top_level(expr)
            self._expressions.add_code(expr, code)
        return code

    def constant_value(self, expr: ast.Expr) -> Value:
        """A default value: evaluated once at compile time, a fresh copy for each use."""
        value = self._expressions.constant(expr)
        if value is MISSING:
            code = self.compile_expression(expr, expr.span.file)
            value = evaluate_constant(code, expr.span)
            self._expressions.add_constant(expr, value)
            value = deep_copy(value)
        return value

    def referenced_object(self, name: str, requester: ObjectBuild) -> ObjectBuild:
        """The built object ``name`` for an external path; a cycle while building is an error."""
        del requester
        state = self._objects.get(name)
        if state is not None and state.building:
            raise EvaluationError(f"circular object dependency: object '{name}' is still being built")
        state = self._built(name)
        if state.error is not None:
            raise same_kind(state.error)(state.error.message)
        if state.build is None:
            raise EvaluationError(f"cannot build referenced object '{name}'")
        return state.build

    def emit(self, build: ObjectBuild, message: str) -> None:
        """Pass a message to the sink as soon as it is produced."""
        del build
        if self.message_sink is not None:
            self.message_sink(message)


class _CheckOrder:
    """The parser's findings, reported in panc's order while a template compiles: those of
    each statement just before the statement is compiled (panc finds them then); the
    checks of the whole template (which statements its kind may hold) and anything outside
    the statements at the end."""

    def __init__(self, errors: list[Diagnostic]) -> None:
        self._pending = [d for d in errors if d.code not in (TEMPLATE_CHECK, RESTRICTED_CHECK)]
        self._template = [d for d in errors if d.code == TEMPLATE_CHECK]

    def raise_within(self, statement: ast.Statement) -> None:
        span = statement.span
        for diagnostic in self._pending:
            where = diagnostic.span
            if (span.start_line, span.start_column) <= (where.start_line, where.start_column) <= (
                span.end_line,
                span.end_column,
            ):
                raise error_from_diagnostic(diagnostic)

    def remaining(self) -> PanError | None:
        leftover = self._pending + self._template
        return error_from_diagnostic(leftover[0]) if leftover else None


def _run_with_big_stack(work: Callable[[], ObjectResult]) -> ObjectResult:
    """Run ``work`` on a thread with a large stack and a high recursion limit (``panc.deep_stack``)."""
    # The cyclic garbage collector would spend most of a compile walking the (acyclic) ASTs
    # and profile trees; a compile creates next to no cycles, so it is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = call_with_deep_stack(work)
        if result.error is None:
            retire_survivors()  # (a one-shot process's compiles leave no cyclic garbage)
        return result
    finally:
        if collecting:
            gc.enable()
