"""Random pan object templates with the templates they include, for differential testing.

``generate_object(seed, index)`` depends on nothing but its two arguments: any object of a large
run can be regenerated (and minimized) on its own. An object ``o<index>`` is its object template
plus, in the folder ``o<index>/``, the templates it may include (an ordinary, a unique and a
declaration template), the structure templates it may ``create()``, and a data file for the
``file_*`` builtins; all are compiled with the include path set to the folder holding them.

Each template is a header and a list of statements (a statement may span several lines, a
``prefix`` with the assignments that use it counts as one): ``GeneratedObject.without`` drops
statements, which is how divergences are minimized.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

import generated_vocabulary as vocab
from generated_expressions import Declarations, ExpressionWriter, Scope

FORMATS = "pan,xml,json,text,dot,dep"
RISKS = (0.0, 0.0, 0.003, 0.01, 0.03)
"""An object's chance, at each choice, to write something the compiler may refuse."""


@dataclass(frozen=True)
class GeneratedTemplate:
    header: str
    statements: tuple[str, ...]

    def text(self) -> str:
        return "\n".join((self.header, *self.statements)) + "\n"


@dataclass(frozen=True)
class GeneratedObject:
    name: str
    templates: dict[str, GeneratedTemplate]
    """relative file path (``o7.pan``, ``o7/inc.pan``) -> template"""
    files: dict[str, str]
    """other files (for file_contents), relative path -> text"""
    options: tuple[str, ...]
    """the panc options this object is compiled with (before --output-dir and the file)"""

    @property
    def main_file(self) -> str:
        return f"{self.name}.pan"

    def write(self, root: Path) -> Path:
        """Writes every file under ``root``; returns the object template's path."""
        for relative, template in self.templates.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.text(), encoding="utf-8")
        for relative, text in self.files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root / self.main_file

    def argv(self, root: Path, output_dir: Path) -> list[str]:
        return [
            *self.options,
            "--include-path",
            str(root),
            "--output-dir",
            str(output_dir),
            str(root / self.main_file),
        ]

    def statement_count(self) -> int:
        return sum(len(t.statements) for t in self.templates.values())

    def without(self, file: str, position: int) -> GeneratedObject:
        """This object with statement ``position`` of template ``file`` removed."""
        template = self.templates[file]
        statements = template.statements[:position] + template.statements[position + 1 :]
        return replace(self, templates={**self.templates, file: replace(template, statements=statements)})

    def source_text(self) -> str:
        """Every file, for a report: ``--- path`` then its text."""
        parts = [f"--- {self.main_file}\n{self.templates[self.main_file].text()}"]
        parts += [f"--- {p}\n{t.text()}" for p, t in sorted(self.templates.items()) if p != self.main_file]
        parts += [f"--- {p}\n{text}" for p, text in sorted(self.files.items())]
        parts.append(f"--- options: {' '.join(self.options)}\n")
        return "".join(parts)


class ObjectWriter:
    """Writes one object and its helper templates."""

    def __init__(self, rng: random.Random, name: str) -> None:
        self.rng = rng
        self.name = name
        self.declarations = Declarations()
        self.writer = ExpressionWriter(rng, self.declarations, risk=rng.choice(RISKS))
        self.counter = 0
        self.top_keys: set[str] = set()
        self.prefixed: set[str] = set()

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def risky(self) -> bool:
        return self.writer.risky()

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(options)

    def quoted(self, text: str) -> str:
        return self.writer.quoted(text)

    def expression(self, kind: str, depth: int = 3, self_kind: str | None = None) -> str:
        """A statement-level expression: fresh locals, SELF of ``self_kind``."""
        self.writer.scope = Scope(self_kind=self_kind)
        if depth > 0 and self.chance(0.15):
            return self.writer.block(kind, depth)
        return self.writer.expression(kind, depth)

    # ------------------------------------------------------------------ paths

    def path(self, kind: str | None = None) -> str:
        """An absolute path: a known one of ``kind`` now and then (overwritten, bound...), or a new
        one under a new top-level key (a risk: under any key, where a value may be in the way)."""
        if self.risky():
            known = list(self.declarations.paths)
        else:
            known = [p for p, k in self.declarations.paths.items() if k == kind]
        if known and self.chance(0.15):
            return self.pick(known)
        free = [k for k in vocab.PATH_KEYS if k not in self.top_keys]
        key = self.pick(vocab.PATH_KEYS) if self.risky() else self.pick(free) if free else self.fresh("p")
        self.top_keys.add(key)
        terms = [key]
        for _ in range(self.rng.choice((0, 0, 1, 1, 2))):
            terms.append(self.pick((*vocab.PATH_KEYS, "sub", "k", "0", *vocab.ESCAPED_TERMS[:4])))
        if self.risky():
            terms.append(self.pick(vocab.BAD_PATH_TERMS))
        return "/" + "/".join(terms)

    def remember(self, path: str, kind: str) -> None:
        if not any(c in path for c in "{ "):
            self.declarations.paths[path] = kind

    # ------------------------------------------------------------------ statements

    def assignment(self) -> str:
        kind = self.writer.some_kind()
        path = self.path(kind)
        operator = "?=" if self.chance(0.1) else "="
        final = "final " if self.chance(0.03) else ""
        self_kind = self.declarations.paths.get(path) if operator == "=" else None
        value = self.expression(kind, self.rng.choice((0, 1, 1, 2, 2, 3)), self_kind=self_kind)
        self.remember(path, kind)
        return f"{final}{self.quoted(path)} {operator} {value};"

    def self_assignment(self) -> str:
        """An assignment that builds on SELF: append(v), SELF[k] = v, a block returning SELF."""
        kind = self.pick(("list", "dict"))
        path = self.path(kind)
        first = f"{self.quoted(path)} = {self.writer.literal(kind)};"
        self.remember(path, kind)
        if kind == "list" and self.chance(0.5):
            function = self.pick(("append", "prepend"))
            return (
                f"{first}\n{self.quoted(path)} = {function}({self.expression(self.writer.some_kind(), 2)});"
            )
        self.writer.scope = Scope(self_kind=kind)
        statements = [self.writer.dml_statement(2) for _ in range(self.rng.randint(1, 3))]
        return f"{first}\n{self.quoted(path)} = {{ {'; '.join(statements)}; SELF }};"

    def escaped_path_assignment(self) -> str:
        terms = [
            self.path("dict")[1:],
            self.writer.pick_checked(vocab.ESCAPED_TERMS, ("{日本}", "{}", "{a}{b}")),
        ]
        if self.chance(0.4):
            terms.append(self.pick((*vocab.ESCAPED_TERMS, "k")))
        path = "/" + "/".join(terms)
        if self.chance(0.2):
            path = "/e/{" + self.writer.pick_checked(("é", "a b", "x:y", "ÿ", "\t"), ("日本", "Ω")) + "}"
        return f"{self.quoted(path)} = {self.expression(self.writer.some_kind(), 2)};"

    def list_path_assignment(self) -> str:
        base = self.path("list")
        indices = ["0", "1", "2"][: self.rng.randint(1, 3)]
        if self.risky():
            indices.append(self.pick(("4", "-1", "01")))
        lines = [f"'{base}/{i}' = {self.expression(self.writer.some_kind(), 1)};" for i in indices]
        self.remember(base, "list")
        return "\n".join(lines)

    def prefix_block(self) -> str:
        """``prefix`` followed by the relative assignments that use it."""
        prefix = self.writer.pick_checked(
            ("/pre", "/pfx/c", "/pkg/{x y}", "/pl/sub", "/pe/{é}"), ("", "rel", "/pre/0", "/l/-1", "/a")
        )
        lines = [f"prefix {self.quoted(prefix)};"]
        if self.chance(0.3):
            second = self.pick(("rel", "x/y"))  # relative to the last absolute prefix
            lines.append(f"prefix {self.quoted(second)};")
            prefix = f"{prefix}/{second}"
        relatives = [
            "a",
            "b/c",
            "{pkg:/entire}/{0.5}",
            "x/{x:y}/b",
            "{a b}",
            "k/0",
            "/abs/after/prefix",
            "{é}/x",
            "{x:y}",
            "n.2",
        ]
        for _ in range(self.rng.randint(1, 3)):
            relative = self.pick(relatives)
            full = relative if relative.startswith("/") else f"{prefix}/{relative}"
            if full in self.prefixed and not self.risky():
                continue
            self.prefixed.add(full)
            lines.append(f"{self.quoted(relative)} = {self.expression(self.writer.some_kind(), 1)};")
        if self.chance(0.7):
            lines.append("prefix '';")
        return "\n".join(lines)

    def variable_statement(self) -> str:
        kind = self.writer.some_kind()
        same_kind = [n for n, k in self.declarations.globals.items() if k == kind]
        names = ("G0", "G1", "G2", "G3", "HOST", "CONF")
        free = [n for n in names if n not in self.declarations.globals]
        name = self.pick(names) if self.risky() or not (free or same_kind) else self.pick(free or same_kind)
        value = self.expression(kind, self.rng.choice((0, 1, 2)))
        operator = "?=" if self.chance(0.25) else "="
        final = "final " if self.chance(0.08) else ""
        if self.declarations.globals.get(name, kind) != kind:
            kind = "mixed"
        self.declarations.globals[name] = kind
        annotation = "@{ a global }\n" if self.chance(0.05) else ""
        return f"{annotation}{final}variable {name} {operator} {value};"

    def null_variable(self) -> str:
        name = self.pick(("NG", "NULLVAR", "NOTHING"))
        self.declarations.globals[name] = "null"
        value = self.pick(("null", "null", "if (false) 1 else null", "value('/nothing', null)"))
        return f"variable {name} = {value};"

    def function_statement(self) -> str:
        name = self.fresh("fn_")
        arguments = tuple(self.writer.some_kind() for _ in range(self.rng.randint(0, 3)))
        result = self.writer.some_kind()
        self.writer.scope = Scope(arguments=arguments, in_function=True)
        body = self.writer.block(result, self.rng.choice((1, 2, 3)))
        self.declarations.functions[name] = (arguments, result)
        annotation = "@{ a function }\n" if self.chance(0.05) else ""
        return f"{annotation}function {name} = {body};"

    def recursive_function(self) -> str:
        name = self.fresh("rec_")
        depth = self.writer.pick_checked(("3", "5", "10", "20"), ("49", "60", "10000"))
        body = f"if (ARGV[0] <= 1) 1 else ARGV[0] * {name}(ARGV[0] - 1)"
        return f"function {name} = {{ {body} }};\n'/rec/{name}' = {name}({depth});"

    def type_spec(self) -> tuple[str, str]:
        """A type spec and the kind of value it describes."""
        form = self.rng.randrange(12)
        if form == 0:
            return self.pick(
                ("long(0..100)", "long(-5..)", "long(..10)", "long(3)", "long(1..2)", "long")
            ), "long"
        if form == 1:
            return self.pick(("double(0..1)", "double", "number")), "double"
        if form == 2:
            return self.pick(
                (
                    "string(1..5)",
                    "string with match(SELF, '^[a-z]+$')",
                    "string = 'dflt'",
                    "string(0..)",
                    "string",
                )
            ), "string"
        if form == 3:
            return "choice('a', 'abc', 'hello world')", "string"
        if form == 4:
            return self.pick(("long[]", "string[1..3]", "long(0..10)[]", "boolean[2]", "element[]")), "list"
        if form == 5:
            return self.pick(("long{}", "string{1..2}", "property{}", "element{}")), "dict"
        if form == 6:
            return ("{ 'a' : long 'b' ? string = 'd' 'c' : boolean = true }", "dict")
        if form == 7:
            return ("extensible { 'name' : string 'port' ? long(1..65535) }", "dict")
        if form == 8:
            return ("boolean = true", "boolean")
        if form == 9:
            return ("long = 5 with SELF > 2", "long")
        if form == 10 and self.declarations.types:
            other = self.pick(list(self.declarations.types))
            suffix = self.pick(("", "[]", "{}"))
            kind = self.declarations.types[other] if suffix == "" else {"[]": "list", "{}": "dict"}[suffix]
            return other + suffix, kind
        return self.pick(("string", "long", "resource", "property")), "any"

    def type_statement(self) -> str:
        name = self.fresh("t_")
        spec, kind = self.type_spec()
        self.declarations.types[name] = kind
        return f"type {name} = {spec};"

    def bind_statement(self) -> str:
        types = list(self.declarations.types)
        if types and self.chance(0.7):
            spec = self.pick(types)
            kind = self.declarations.types[spec]
        else:
            spec, kind = self.type_spec()
        return f"bind {self.quoted(self.bound_path(kind))} = {spec};{self.value_for_bound_path}"

    value_for_bound_path = ""

    def bound_path(self, kind: str) -> str:
        """A path for bind or valid: one holding ``kind`` (or, when none does, a new path that a
        following assignment fills: ``value_for_bound_path``); a risk: any path, maybe missing."""
        known = [p for p, k in self.declarations.paths.items() if k == kind or kind == "any"]
        self.value_for_bound_path = ""
        if self.risky():
            return self.path(kind)
        if known:
            return self.pick(known)
        path = self.path(kind)
        value = self.expression(kind if kind != "any" else self.writer.some_kind(), 1)
        self.value_for_bound_path = f"\n{self.quoted(path)} = {value};"
        self.remember(path, kind)
        return path

    def valid_statement(self) -> str:
        kind = self.pick(("long", "string", "list", "dict"))
        path = self.bound_path(kind)
        condition = {
            "long": "SELF != 0",
            "string": "is_string(SELF)",
            "list": "length(SELF) >= 0",
            "dict": "is_dict(SELF)",
        }[kind]
        if self.risky():
            condition = self.pick(("SELF", "exists(SELF)", "{ SELF[0] = 1; true }", "1", "error('bad')"))
        return f"valid {self.quoted(path)} = {condition};{self.value_for_bound_path}"

    def include_statement(self) -> str:
        includable = [t for t in self.declarations.templates if t not in self.declarations.structures]
        risky = self.risky()
        if not includable and not risky:
            return self.assignment()
        if risky or not includable:
            return self.pick(
                (
                    "include null;",
                    f"include '{self.name}/missing';",
                    "include undef;",
                    f"include if_exists('{self.name}/nope');",
                    "include 'bad name!';",
                    f"include '{self.name}/st';",
                    "include 1;",
                )
            )
        target = self.pick(includable)
        form = self.rng.randrange(5)
        if form == 0:
            return f"include {{ {self.quoted(target)} }};"
        if form == 1:
            head, _, tail = target.rpartition("/")
            return f"include '{head}/' + '{tail}';"
        if form == 2:
            return f"include if_exists({self.quoted(target)});"
        return f"include {self.quoted(target)};"

    def create_assignment(self) -> str:
        if not self.declarations.structures and not self.risky():
            return self.assignment()
        self.writer.scope = Scope()
        path = self.path("dict")
        self.remember(path, "dict")
        return f"{self.quoted(path)} = {self.writer.create_call(2)};"

    def heredoc_assignment(self) -> str:
        body = self.pick(("line1\nline2", "", "é and 'quotes'", "  indented\n\ttab", "${G0}"))
        return f"'/h{self.fresh('')}' = 'a' + <<EOT + 'b';\n{body}\nEOT"

    def delete_assignment(self) -> str:
        known = list(self.declarations.paths)
        path = self.pick(known) if known else "/nothing"
        return f"{self.quoted(path)} = {'undef' if self.risky() else 'null'};"

    def statement(self) -> str:
        makers = (
            (self.assignment, 20),
            (self.self_assignment, 3),
            (self.escaped_path_assignment, 3),
            (self.list_path_assignment, 2),
            (self.prefix_block, 3),
            (self.variable_statement, 4),
            (self.null_variable, 2),
            (self.function_statement, 3),
            (self.recursive_function, 0.5),
            (self.type_statement, 2),
            (self.bind_statement, 2),
            (self.valid_statement, 1),
            (self.include_statement, 1.5),
            (self.create_assignment, 2),
            (self.heredoc_assignment, 0.5),
            (self.delete_assignment, 1),
        )
        maker = self.rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        text = maker()
        if self.chance(0.04):
            text = "# " + self.pick(("a comment", "é", "")) + "\n" + text
        return text

    # ------------------------------------------------------------------ helper templates

    def helper_templates(self) -> dict[str, GeneratedTemplate]:
        n = self.name
        templates: dict[str, GeneratedTemplate] = {}
        if self.chance(0.4):
            self.declarations.files.append(f"{n}/data.txt")
        if self.chance(0.35):
            statements = [
                self.pick((self.type_statement, self.function_statement, self.variable_statement))()
                for _ in range(self.rng.randint(1, 4))
            ]
            templates[f"{n}/schema.pan"] = GeneratedTemplate(
                f"declaration template {n}/schema;", tuple(statements)
            )
            self.declarations.templates.append(f"{n}/schema")
        if self.chance(0.4):
            statements = [
                self.pick((self.assignment, self.assignment, self.variable_statement, self.prefix_block))()
                for _ in range(self.rng.randint(1, 4))
            ]
            templates[f"{n}/inc.pan"] = GeneratedTemplate(f"template {n}/inc;", tuple(statements))
            self.declarations.templates.append(f"{n}/inc")
        if self.chance(0.15):
            statements = [self.assignment() for _ in range(self.rng.randint(1, 2))]
            templates[f"{n}/once.pan"] = GeneratedTemplate(f"unique template {n}/once;", tuple(statements))
            self.declarations.templates.append(f"{n}/once")
        if self.chance(0.3):
            templates.update(self.structure_templates())
        return templates

    def structure_templates(self) -> dict[str, GeneratedTemplate]:
        """A structure template for create(), with relative paths, value() of its own fields, and
        sometimes a structure template it includes."""
        n = self.name
        saved_paths = self.declarations.paths
        self.declarations.in_structure = True
        self.declarations.paths = {"name": "string", "port": "long"}
        statements = [f"'name' = {self.expression('string', 1)};", f"'port' = {self.expression('long', 1)};"]
        for _ in range(self.rng.randint(0, 3)):
            relative = self.pick(("opts/a", "url", "list/0", "{a b}", "x", "opts/{é}"))
            kind = self.writer.some_kind()
            statements.append(f"'{relative}' = {self.expression(kind, 2)};")
        if self.chance(0.4):
            target = self.writer.pick_checked(("name", "port", "/s/name"), ("nosuch", "/nosuch"))
            statements.append(f"'url' = 'http://' + to_string(value('{target}'));")
        templates = {}
        if self.chance(0.3):
            templates[f"{n}/st2.pan"] = GeneratedTemplate(
                f"structure template {n}/st2;", (f"'inner' = {self.expression('long', 1)};",)
            )
            statements.append(f"include '{n}/st2';")
        if self.risky():
            statements.append(self.pick(("'/abs' = 1;", f"include '{n}/inc';", "variable X = 1;")))
        templates[f"{n}/st.pan"] = GeneratedTemplate(f"structure template {n}/st;", tuple(statements))
        self.declarations.in_structure = False
        self.declarations.paths = saved_paths
        self.declarations.structures.append(f"{n}/st")
        self.declarations.templates.append(f"{n}/st")
        return templates

    def options(self) -> tuple[str, ...]:
        options: list[str] = []
        roll = self.rng.random()
        if roll < 0.85:
            options += ["--formats", FORMATS]
        elif roll < 0.93:
            options += ["--formats", self.pick(("json", "xml,json", "text,dot", "pan", "json,dep"))]
        if self.chance(0.15):
            options.append("--debug")
        if self.chance(0.3):
            options += ["--warnings", self.pick(("on", "off", "fatal") if self.risky() else ("on", "off"))]
        if self.risky():
            options += [self.pick(("--max-iteration", "--max-recursion")), self.pick(("5", "100"))]
        return tuple(options)


def generate_object(seed: int, index: int) -> GeneratedObject:
    """Object ``o<index>`` of the run with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    name = f"o{index}"
    writer = ObjectWriter(rng, name)
    templates = writer.helper_templates()
    statements = []
    helpers = [t for t in writer.declarations.templates if not t.endswith(("/st", "/st2"))]
    for helper in helpers:
        if writer.chance(0.85):
            statements.append(f"include '{helper}';")
    for _ in range(rng.randint(4, 16)):
        statements.append(writer.statement())
    header = f"object template {name};"
    if writer.chance(0.03):
        header = "@{ generated }\n" + header
    templates[f"{name}.pan"] = GeneratedTemplate(header, tuple(statements))
    files = {}
    for file in writer.declarations.files:
        files[file] = rng.choice(("hello\n", "", "é\nline2", "${G0}\n", "a\tb"))
    return GeneratedObject(name, templates, files, writer.options())
