"""Random pan DML: expressions of a wanted kind, blocks, control flow, locals, indexing, builtin calls.

``ExpressionWriter.expression(kind, depth)`` writes an expression that yields a value of ``kind``
(one of ``KINDS``) unless the writer takes a risk: with probability ``risk`` per choice it picks
another kind, a wrong argument, an invalid key, an undefined name..., so that operators and
builtins also meet what they refuse (their errors are compared too). With a low risk most
programs compile, and those that fail mostly fail for one reason. The writer tracks the locals it
has assigned and their kinds, so that variable reads are defined unless a risk was taken.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import generated_vocabulary as vocab
from generated_builtin_calls import BUILTIN_SIGNATURES, SPECIAL_ARGUMENTS

KINDS = ("long", "double", "string", "boolean", "list", "dict")
VALUE_KINDS = (*KINDS, "null", "undef")
NUMERIC_OPERATORS = ("+", "-", "*", "/", "%")
BITWISE_OPERATORS = ("&", "|", "^")
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
LOCAL_NAMES = ("x", "y", "z", "i", "n", "s", "l", "d", "acc", "res", "tmp", "k", "v")


@dataclass
class Scope:
    """What a piece of DML can see: its locals (name -> kind), and in a function its argument kinds."""

    locals: dict[str, str] = field(default_factory=dict)
    arguments: tuple[str, ...] | None = None
    self_kind: str | None = None
    """The kind of SELF in an assignment (``None``: undefined, or not usable)."""
    in_function: bool = False
    iterated: set[str] = field(default_factory=set)
    """Locals a foreach walks: the body leaves them alone (Java walks a list by live index, and
    appending to it would loop for ever)."""


@dataclass
class Declarations:
    """What the templates have declared so far, for the expressions to use."""

    globals: dict[str, str] = field(default_factory=dict)
    functions: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    """name -> (argument kinds, result kind)"""
    types: dict[str, str] = field(default_factory=dict)
    """name -> the kind of value it describes"""
    paths: dict[str, str] = field(default_factory=dict)
    """path -> kind, for value() and path_exists() (relative in a structure template)"""
    templates: list[str] = field(default_factory=list)
    """existing template names, for include, exists() and if_exists()"""
    structures: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    in_structure: bool = False


class ExpressionWriter:
    """Writes DML text; every choice comes from ``rng`` so a seed gives the same program."""

    def __init__(self, rng: random.Random, declarations: Declarations, risk: float) -> None:
        self.rng = rng
        self.declarations = declarations
        self.risk = risk
        self.scope = Scope()

    # ------------------------------------------------------------------ helpers

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def risky(self) -> bool:
        """Whether to write something the compiler may refuse, this time."""
        return self.rng.random() < self.risk

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(options)

    def pick_checked(self, good: tuple[str, ...], bad: tuple[str, ...]) -> str:
        return self.pick(bad if bad and self.risky() else good)

    def some_kind(self) -> str:
        return self.pick(KINDS)

    def quoted(self, text: str) -> str:
        """``text`` as a single-quoted pan string."""
        return "'" + text.replace("'", "''") + "'"

    # ------------------------------------------------------------------ literals and names

    def literal(self, kind: str) -> str:
        """A constant of ``kind`` (list and dict as calls of list() and dict() on constants)."""
        if kind == "long":
            value = self.pick(vocab.LONGS if self.chance(0.6) else vocab.SMALL_LONGS)
            return f"({value})" if value.startswith("-") else value
        if kind == "double":
            return self.pick(vocab.DOUBLES)
        if kind == "string":
            return self.string_literal()
        if kind == "boolean":
            return self.pick(("true", "false"))
        if kind == "list":
            items = [
                self.literal(self.pick(("long", "string", "double", "boolean")))
                for _ in range(self.rng.randint(0, 3))
            ]
            return f"list({', '.join(items)})"
        if kind == "dict":
            keys = self.dict_keys(self.rng.randint(0, 3))
            return self.dict_call([(k, self.literal(self.pick(("long", "string", "boolean")))) for k in keys])
        if kind == "null":
            return "null"
        return "undef"

    def string_literal(self) -> str:
        if self.chance(0.1):
            return f'"{self.pick(vocab.DOUBLE_QUOTED)}"'
        text = self.pick(vocab.SINGLE_QUOTED)
        if self.chance(0.15) and not any(c in text for c in "'\\\"$"):
            return f'"{text}"'
        return self.quoted(text.replace("''", "'"))

    def dict_key(self) -> str:
        return self.quoted(self.pick_checked(vocab.DICT_KEYS, vocab.BAD_DICT_KEYS))

    def dict_keys(self, count: int) -> list[str]:
        """``count`` keys for one dict() call: distinct unless a risk is taken."""
        keys = self.rng.sample(vocab.DICT_KEYS, count)
        if keys and self.risky():
            keys[-1] = self.pick((keys[0], *vocab.BAD_DICT_KEYS))
        return [self.quoted(k) for k in keys]

    def dict_call(self, entries: list[tuple[str, str]]) -> str:
        name = "nlist" if self.chance(0.05) else "dict"
        return f"{name}({', '.join(f'{k}, {v}' for k, v in entries)})"

    def variable(self, kind: str) -> str | None:
        """A local, global or function argument holding ``kind``, if one is known."""
        candidates = [name for name, k in self.scope.locals.items() if k == kind]
        candidates += [name for name, k in self.declarations.globals.items() if k == kind]
        if self.scope.arguments:
            candidates += [f"ARGV[{i}]" for i, k in enumerate(self.scope.arguments) if k == kind]
        if kind == "long" and self.scope.in_function:
            candidates.append("ARGC")
        if kind == "string" and self.chance(0.2):
            candidates += ["OBJECT", "TEMPLATE", *(["FUNCTION"] if self.scope.in_function else [])]
        if kind == "list" and self.chance(0.1):
            candidates.append("LOADPATH")
        if self.scope.self_kind == kind:
            candidates.append("SELF")
        return self.pick(candidates) if candidates else None

    def terminal(self, kind: str) -> str:
        if self.risky() and self.chance(0.3):
            return self.pick(("undefined_local", "UNDEFINED_GLOBAL", "SELF"))
        if self.chance(0.35):
            name = self.variable(kind)
            if name is not None:
                return name
        return self.literal(kind)

    # ------------------------------------------------------------------ expressions

    def expression(self, kind: str, depth: int, operand: bool = False) -> str:
        """An expression that yields ``kind`` unless a risk is taken. ``operand``: the text is an
        operand of an operator, where pan accepts neither ``if`` nor a block unparenthesized."""
        if self.risky():
            kind = self.pick(VALUE_KINDS)
        if kind in ("null", "undef") or depth <= 0 or self.chance(0.3):
            return self.terminal(kind)
        makers = (
            (self.operation, 6),
            (self.builtin_call, 5),
            (self.indexing, 1),
            (self.block, 0.3),
            (self.conditional, 0.6),
            (self.user_call, 1),
            (self.context_call, 1.2),
        )
        maker = self.rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        text = maker(kind, depth - 1)
        if text is None:
            return self.terminal(kind)
        if maker in (self.block, self.conditional) and (operand or maker == self.block) and not self.risky():
            return f"({text})"
        return text

    def operand(self, kind: str, depth: int) -> str:
        return self.expression(kind, depth, operand=True)

    def operation(self, kind: str, depth: int) -> str | None:
        o = self.operand
        if kind == "long":
            form = self.rng.randrange(7)
            if form == 0:
                return f"-{self.unary_operand('long', depth)}"
            if form == 1:
                return f"~{self.unary_operand('long', depth)}"
            if form == 2:
                return f"+{self.unary_operand('long', depth)}"
            if form == 3:
                return f"{o('long', depth)} {self.pick(BITWISE_OPERATORS)} {o('long', depth)}"
            operator = self.pick(NUMERIC_OPERATORS)
            if operator in "/%":
                divisor = (
                    self.pick(("2", "3", "7", "(-3)"))
                    if not self.risky()
                    else self.pick(("0", o("long", depth)))
                )
                return f"({o('long', depth)} {operator} {divisor})"
            return f"({o('long', depth)} {operator} {o('long', depth)})"
        if kind == "double":
            if self.chance(0.15):
                return f"{self.pick(('-', '+'))}{self.unary_operand('double', depth)}"
            left, right = self.pick((("double", "double"), ("long", "double"), ("double", "long")))
            operator = self.pick(("+", "-", "*", "/", "%") if self.risky() else ("+", "-", "*", "/"))
            return f"({o(left, depth)} {operator} {o(right, depth)})"
        if kind == "string":
            if self.chance(0.005):
                return f"+{self.unary_operand('string', depth)}"
            return f"{o('string', depth)} + {o('string', depth)}"
        if kind == "boolean":
            form = self.rng.randrange(4)
            if form == 0:
                return f"!{self.unary_operand('boolean', depth)}"
            if form == 1:
                return f"({o('boolean', depth)} {self.pick(('&&', '||'))} {o('boolean', depth)})"
            operand = self.pick(("long", "double", "string", "long", "boolean"))
            if operand == "boolean":
                return f"({o('boolean', depth)} {self.pick(('==', '!='))} {o('boolean', depth)})"
            other = self.pick(("long", "double")) if operand in ("long", "double") else "string"
            return f"({o(operand, depth)} {self.pick(COMPARISONS)} {o(other, depth)})"
        return None

    def unary_operand(self, kind: str, depth: int) -> str:
        """Pan applies unary operators to a primary only: a literal, a name, a call or (...)."""
        operand = self.expression(kind, depth)
        simple = operand.replace("_", "").replace(".", "").isalnum() and not operand.startswith("-")
        return operand if simple or _is_one_call(operand) else f"({operand})"

    def builtin_call(self, kind: str, depth: int) -> str | None:
        signatures = [
            (name, args)
            for name, entries in BUILTIN_SIGNATURES.items()
            for result, args in entries
            if result in (kind, "any")
        ]
        if not signatures:
            return None
        name, args = self.rng.choice(signatures)
        arguments = [self.argument(a, depth) for a in args]
        if self.risky():  # wrong arity or a wrong type
            if arguments and self.chance(0.4):
                arguments.pop(self.rng.randrange(len(arguments)))
            elif self.chance(0.4):
                arguments.append(self.expression(self.some_kind(), depth))
            elif arguments:
                arguments[self.rng.randrange(len(arguments))] = self.expression(self.pick(VALUE_KINDS), depth)
        return f"{name}({', '.join(arguments)})"

    def argument(self, spec: str, depth: int) -> str:
        """An argument written for ``spec``: a kind, or a special argument (regex, format...)."""
        if spec in KINDS:
            return self.expression(spec, depth)
        if spec == "any":
            return self.expression(self.some_kind(), depth)
        if spec == "number":
            return self.expression(self.pick(("long", "double")), depth)
        if spec == "property":
            return self.expression(self.pick(("long", "double", "string", "boolean")), depth)
        if spec == "small":
            return self.pick(vocab.SMALL_LONGS[:5]) if self.chance(0.9) else self.expression("long", depth)
        if spec == "key":
            return self.dict_key() if self.chance(0.95) else self.expression("string", depth)
        if spec == "radix_pair":
            return self.pick_checked(vocab.RADIX_PAIRS, vocab.BAD_RADIX_PAIRS)
        if spec == "string_list":
            return (
                f"list({', '.join(self.expression('string', depth) for _ in range(self.rng.randint(0, 3)))})"
            )
        good, bad = SPECIAL_ARGUMENTS[spec]
        if self.risky() and self.chance(0.3):
            return self.expression("string", depth)
        return self.quoted(self.pick_checked(good, bad))

    def format_arguments(self, depth: int) -> str:
        """``'format', arguments...`` for format(), error(), debug(): the count usually right."""
        fmt = self.pick_checked(vocab.FORMATS, vocab.BAD_FORMATS)
        conversions = {
            "d": "long",
            "x": "long",
            "o": "long",
            "X": "long",
            "c": "long",
            "e": "double",
            "f": "double",
            "g": "double",
            "a": "double",
            "b": "boolean",
        }
        kinds = [conversions.get(c, "string") for c in _conversions(fmt)]
        if self.risky():
            kinds = [self.some_kind() for _ in range(max(len(kinds) + self.pick((-1, 1, 0)), 0))]
        return ", ".join([self.quoted(fmt), *(self.expression(k, depth) for k in kinds)])

    def indexing(self, kind: str, depth: int) -> str | None:
        lists = [n for n, k in self.scope.locals.items() if k == "list"]
        dicts = [n for n, k in self.scope.locals.items() if k == "dict"]
        if not self.risky():
            return None  # the kinds of the elements are not tracked: any read is a risk
        if lists and self.chance(0.5):
            return f"{self.pick(lists)}[{self.pick(vocab.SMALL_LONGS)}]"
        if dicts:
            return f"{self.pick(dicts)}[{self.dict_key()}]"
        if self.scope.arguments:
            return f"ARGV[{self.rng.randrange(len(self.scope.arguments) + 1)}]"
        return None

    def conditional(self, kind: str, depth: int) -> str:
        condition = self.expression("boolean", depth)
        then = self.expression(kind, depth)
        if self.risky():
            return f"if ({condition}) {then}"
        return f"if ({condition}) {then} else {self.expression(kind, depth)}"

    def user_call(self, kind: str, depth: int) -> str | None:
        functions = [(n, a) for n, (a, r) in self.declarations.functions.items() if r == kind]
        if not functions:
            return None
        name, argument_kinds = self.rng.choice(functions)
        arguments = [self.expression(a, depth) for a in argument_kinds]
        if self.risky():
            arguments = arguments[:-1] if arguments else [self.expression(self.some_kind(), depth)]
        return f"{name}({', '.join(arguments)})"

    # ------------------------------------------------------------------ builtins that need the evaluator

    def context_call(self, kind: str, depth: int) -> str | None:
        d = self.declarations
        if kind == "boolean":
            form = self.rng.randrange(6)
            if form == 0:
                name = self.pick([*self.scope.locals, *d.globals, "undefined_name", "OBJECT", "SELF"])
                if "[" not in name and self.chance(0.3):
                    name += f"[{self.dict_key()}]"
                return f"{self.pick(('is_defined', 'exists', 'is_null', 'is_list'))}({name})"
            if form == 1:
                path = self.path_reference()
                return f"path_exists({path})" if path else None
            if form == 2:
                target = self.pick([*d.templates, "nosuch/template"])
                return f"exists({self.quoted(target)})"
            if form == 3 and d.types:
                return f"is_valid({self.pick(list(d.types))}, {self.expression(self.some_kind(), depth)})"
            if form == 4:
                level = self.pick_checked(("0", "1", "2"), ("-1", "'x'", "1.5"))
                return f"deprecated({level}, {self.string_literal()})"
            if form == 5 and d.files:
                return f"file_exists({self.quoted(self.pick_checked(tuple(d.files), ('nope.txt', '')))})"
            return None
        if kind == "string":
            form = self.rng.randrange(6)
            if form == 0:
                return f"format({self.format_arguments(depth)})"
            if form == 1:
                return f"substitute({self.substitute_text()}{self.substitute_dict(depth)})"
            if form == 2 and d.files:
                return f"file_contents({self.quoted(self.pick_checked(tuple(d.files), ('nope.txt',)))})"
            if form == 3 and not self.risky():
                return None  # if_exists gives undef for a missing template
            if form == 3:
                return f"if_exists({self.quoted(self.pick([*d.templates, 'nosuch/template']))})"
            if form == 4:
                function = "error" if self.risky() else self.pick(("debug", "traceback"))
                if self.chance(0.5) or function == "traceback":
                    return f"{function}({self.string_literal()})"
                return f"{function}({self.format_arguments(depth)})"
            if form == 5:
                return self.value_call(kind)
            return None
        if kind == "dict" and d.structures and self.chance(0.6):
            return self.create_call(depth)
        if self.chance(0.5):
            return self.value_call(kind)
        return None

    def path_reference(self, kind: str | None = None) -> str | None:
        paths = [p for p, k in self.declarations.paths.items() if kind is None or k == kind]
        if not paths and not self.risky():
            return None
        if self.risky() or not paths:
            return self.quoted(
                self.pick(
                    (
                        "/nosuch",
                        "/a/nosuch",
                        "relative/path",
                        "/l/9",
                        "bad//path",
                        "nosuch",
                        f"{self.pick(('o1', 'nosuch'))}:/a",
                    )
                )
            )
        return self.quoted(self.pick(paths))

    def value_call(self, kind: str) -> str | None:
        path = self.path_reference(kind)
        if path is None:
            return None
        if self.chance(0.2):
            return f"value({path}, {self.literal(kind)})"
        return f"value({path})"

    def create_call(self, depth: int) -> str:
        name = self.pick(self.declarations.structures or ["nosuch/struct"])
        if self.risky():
            name = self.pick(("nosuch/struct", "o/x y", *self.declarations.templates))
        keys = self.dict_keys(self.rng.randint(0, 2))
        pairs = "".join(f", {k}, {self.expression(self.some_kind(), depth)}" for k in keys)
        return f"create({self.quoted(name)}{pairs})"

    def substitute_text(self) -> str:
        names = [
            n for n, k in self.declarations.globals.items() if k in ("long", "double", "string", "boolean")
        ]
        if self.risky() or not names:
            names = ["UNDEFINED_X", "a", "OBJECT", *self.declarations.globals]
        text = self.pick(("x${%s}y", "${%s}", "$${%s}", "a$b${%s}", "no var", "${%s}${%s}"))
        if self.risky():
            text = self.pick(("${%s", "${}", "${ %s }"))
        return self.quoted(text.replace("%s", self.pick(names)))

    def substitute_dict(self, depth: int) -> str:
        if self.chance(0.6):
            return ""
        if self.risky():
            return f", {self.expression(self.pick(('list', 'string')), depth)}"
        return ", " + self.dict_call([(self.quoted(self.pick(("a", "b", "G0"))), self.literal("string"))])

    # ------------------------------------------------------------------ DML statements and blocks

    def block(self, kind: str, depth: int) -> str:
        statements = [self.dml_statement(depth) for _ in range(self.rng.randint(0, 2))]
        statements.append(self.expression(kind, depth))
        separator = ";\n    " if self.chance(0.2) else "; "
        end = ";" if self.chance(0.3) else ""
        return "{ " + separator.join(statements) + end + " }"

    def new_local(self, kind: str) -> str:
        fresh = [n for n in LOCAL_NAMES if n not in self.scope.locals]
        same_kind = [n for n, k in self.scope.locals.items() if k == kind and n not in self.scope.iterated]
        if self.risky() or not (fresh or same_kind):
            name = self.pick(LOCAL_NAMES)  # may replace a value of another kind: an error
        else:
            name = self.pick(fresh or same_kind)
        self.scope.locals[name] = kind
        return name

    def dml_statement(self, depth: int) -> str:
        form = self.rng.choices(
            (
                "assign",
                "index_assign",
                "append",
                "if",
                "while",
                "for",
                "foreach",
                "iterate",
                "self",
                "delete",
                "null_local",
                "return",
            ),
            weights=(8, 3, 2, 2, 1, 1, 2, 0.5, 1, 0.5, 1, 0.3),
        )[0]
        e = self.expression
        if form == "assign":
            kind = self.some_kind()
            value = e(kind, depth)  # before the name is known: it may not read itself
            return f"{self.new_local(kind)} = {value}"
        if form == "index_assign":
            return self.index_assignment(depth)
        if form == "append":
            return self.append_statement(depth)
        if form == "if":
            then = self.block(self.some_kind(), depth - 1)
            if self.chance(0.5):
                return f"if ({e('boolean', depth)}) {then}"
            return f"if ({e('boolean', depth)}) {then} else {self.block(self.some_kind(), depth - 1)}"
        if form == "while":
            counter = self.new_local("long")
            bound = self.pick(("3", "5", "0")) if not self.risky() else self.pick(("10001", "-1"))
            condition = f"{counter} < {bound}" if bound != "-1" else "true"
            body = self.block(self.some_kind(), depth - 1)[2:-2].rstrip(";")
            return f"{counter} = 0; while ({condition}) {{ {body}; {counter} = {counter} + 1 }}"
        if form == "for":
            counter = self.new_local("long")
            body = self.block(self.some_kind(), depth - 1)
            bound = self.pick(("2", "4", "0"))
            return f"for ({counter} = 0; {counter} < {bound}; {counter} = {counter} + 1) {body}"
        if form == "foreach":
            source_kind = self.pick(("list", "dict"))
            source = e(source_kind, depth)
            key = self.new_local("long" if source_kind == "list" else "string")
            value = self.new_local("undef")  # element kinds are not tracked
            walked = {source} & set(self.scope.locals)
            self.scope.iterated |= walked
            body = self.block(self.some_kind(), depth - 1)
            self.scope.iterated -= walked
            return f"foreach ({key}; {value}; {source}) {body}"
        if form == "iterate":
            sources = [n for n, k in self.scope.locals.items() if k in ("list", "dict")]
            if not sources:
                name = self.new_local("list")
                sources = [name]
                prelude = f"{name} = {self.literal('list')}; "
            else:
                prelude = ""
            key, value, ok = self.new_local("undef"), self.new_local("undef"), self.new_local("boolean")
            source = self.pick(sources)
            return (
                f"{prelude}{ok} = first({source}, {key}, {value}); "
                f"while ({ok}) {{ {ok} = next({source}, {key}, {value}) }}"
            )
        if form == "self" and not self.scope.in_function:
            if self.risky():
                return f"SELF = {e(self.some_kind(), depth)}"
            if self.scope.self_kind == "list":
                return f"SELF[{self.pick(('0', 'length(SELF)'))}] = {e(self.some_kind(), depth)}"
            if self.scope.self_kind == "dict":
                return f"SELF[{self.dict_key()}] = {e(self.some_kind(), depth)}"
        if form == "delete":
            targets = [f"{n}[{self.dict_key()}]" for n, k in self.scope.locals.items() if k == "dict"]
            targets += [f"{n}[0]" for n, k in self.scope.locals.items() if k == "list"]
            if targets:
                return f"delete({self.pick(targets)})"
        if form == "null_local":
            return self.null_local(depth)
        if form == "return":
            return f"if ({e('boolean', depth)}) return({e(self.some_kind(), depth)})"
        value = e("long", depth)
        return f"{self.new_local('long')} = {value}"

    def null_local(self, depth: int) -> str:
        """A local holding null (from a null global or a literal) or undef, then a use of it."""
        null_globals = [n for n, k in self.declarations.globals.items() if k == "null"]
        source = (
            self.pick(null_globals) if null_globals and self.chance(0.6) else self.pick(("null", "undef"))
        )
        name = self.new_local("undef" if source == "undef" else "null")
        uses = [
            f"dict('k', {name}, 'j', {self.literal('long')})",
            f"is_null({name})",
            f"list({name}, 1)",
            f"is_defined({name})",
            f"length(list({name}))",
        ]
        if self.risky():
            uses += [f"{name}[0] = 1", f"{name} + 1", name]
        use = self.pick(uses)
        if "=" in use.split("(")[0]:
            return f"{name} = {source}; {use}"
        holder = self.new_local("undef")
        return f"{name} = {source}; {holder} = {use}"

    def index_assignment(self, depth: int) -> str:
        e = self.expression
        containers = [
            n for n, k in self.scope.locals.items() if k in ("list", "dict") and n not in self.scope.iterated
        ]
        if not containers or self.chance(0.3):
            kind = self.pick(("list", "dict"))
            first_value, value = e(kind, depth), e(self.some_kind(), depth)
            name = self.new_local(kind)
            if self.chance(0.5):  # a new local created by its first indexed write
                index = "0" if kind == "list" else self.dict_key()
                return f"{name}[{index}] = {value}"
            return f"{name} = {first_value}; {name}[{self._index_for(kind, name)}] = {value}"
        name = self.pick(containers)
        kind = self.scope.locals[name]
        target = f"{name}[{self._index_for(kind, name)}]"
        if self.risky():
            target += f"[{self._index_for(self.pick(('list', 'dict')), name)}]"
        return f"{target} = {e(self.some_kind(), depth)}"

    def _index_for(self, kind: str, name: str) -> str:
        """An index to write: a new element (a risk: an existing one, whose kind may differ)."""
        if kind == "list":
            return f"length({name})" if not self.risky() else self.pick(("0", "1", "5", "-1", "'k'"))
        return (
            self.quoted(self.pick(("added", "extra", "{new key}"))) if not self.risky() else self.dict_key()
        )

    def append_statement(self, depth: int) -> str:
        function = self.pick(("append", "prepend"))
        value = self.expression(self.some_kind(), depth)
        lists = [n for n, k in self.scope.locals.items() if k == "list" and n not in self.scope.iterated]
        dicts = [n for n, k in self.scope.locals.items() if k == "dict" and n not in self.scope.iterated]
        form = self.rng.randrange(4)
        if form == 0 and lists:
            return f"{function}({self.pick(lists)}, {value})"
        if form == 1 and lists:
            name = self.pick(lists)
            return f"{name} = {function}({name}, {value})"
        if form == 2 and dicts:
            name, key = self.pick(dicts), self.dict_key()
            return f"{name}[{key}] = {function}({name}[{key}], {value})"
        if self.scope.self_kind == "list" and not self.scope.in_function:
            return f"{function}({value})"
        source = self.expression("list", depth)
        return f"{self.new_local('list')} = {function}({source}, {value})"


def _is_one_call(text: str) -> bool:
    """Whether ``text`` is one call ``name(...)`` (its first parenthesis closes at the end)."""
    match = re.match(r"\w+\(", text)
    if match is None or text.startswith(("if", "while", "for")):
        return False
    depth = 0
    quote = None
    for i in range(match.end() - 1, len(text)):
        c = text[i]
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


def _conversions(fmt: str) -> list[str]:
    """The conversion letters of a Java format string, one per argument it consumes."""
    letters: list[str] = []
    positional: dict[int, str] = {}
    for match in re.finditer(r"%(?:(\d+)\$)?[-#+ 0,(]*\d*(?:\.\d+)?([a-zA-Z%])", fmt):
        index, letter = match.groups()
        if letter in "%n":
            continue
        if index:
            positional[int(index)] = letter
        else:
            letters.append(letter)
    if positional:
        return [positional.get(i, "s") for i in range(1, max(positional) + 1)]
    return letters
