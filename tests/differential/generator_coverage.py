"""What the program generator produces, read back from its programs with panc's parser.

``coverage_listing()`` parses a fixed sample of generated objects and lists the template kinds,
statement kinds, DML forms, operators, builtins, type forms and panc options that occur in them,
and the builtins that never do. ``COVERAGE.md`` beside this module is that listing: a test checks
that it is what the generator produces today, ``tools/differential.py --write-coverage``
rewrites it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, is_dataclass
from pathlib import Path

from generated_programs import generate_object

COVERAGE_FILE = Path(__file__).resolve().with_name("COVERAGE.md")
SAMPLE_SEED = 0
SAMPLE_SIZE = 600
AUTOMATIC_VARIABLES = ("SELF", "ARGV", "ARGC", "OBJECT", "TEMPLATE", "FUNCTION", "LOADPATH")


def _walk(node: object, counts: Counter[str]) -> None:
    """Counts the features of ``node`` and everything below it."""
    from panc.evaluation.values import NULL, UNDEF  # pylint: disable=import-outside-toplevel
    from panc.syntax import ast  # pylint: disable=import-outside-toplevel

    kind = type(node).__name__
    if isinstance(node, ast.Assignment):
        counts[
            "statement: path assignment "
            + ("?=" if node.conditional else "=")
            + (" (final)" if node.final else "")
        ] += 1
        counts["path: " + _path_form(node.path)] += 1
    elif isinstance(node, ast.VariableStatement):
        counts[
            "statement: variable " + ("?=" if node.conditional else "=") + (" (final)" if node.final else "")
        ] += 1
    elif isinstance(node, ast.Include):
        counts["statement: include " + ("constant" if node.static_name else "computed")] += 1
    elif isinstance(
        node,
        (
            ast.PrefixStatement,
            ast.TypeStatement,
            ast.FunctionStatement,
            ast.BindStatement,
            ast.ValidStatement,
        ),
    ):
        counts[f"statement: {kind.removesuffix('Statement').lower()}"] += 1
    elif isinstance(node, ast.Unary):
        counts[f"operator: unary {node.op}"] += 1
    elif isinstance(node, ast.Binary):
        counts[f"operator: {node.op}"] += 1
    elif isinstance(node, ast.Assign):
        counts[
            "dml: assignment to " + ("an indexed local" if isinstance(node.target, ast.Index) else "a local")
        ] += 1
    elif isinstance(node, ast.Call):
        counts[f"call: {node.name}"] += 1
    elif isinstance(node, ast.Variable):
        if node.name in AUTOMATIC_VARIABLES:
            counts[f"variable: {node.name}"] += 1
    elif isinstance(node, ast.Literal):
        value = node.value
        name = "null" if value is NULL else "undef" if value is UNDEF else type(value).__name__
        counts[f"literal: {name}"] += 1
    elif isinstance(node, (ast.Block, ast.If, ast.While, ast.For, ast.Foreach, ast.Index)):
        counts[f"dml: {kind.lower()}"] += 1
    elif isinstance(node, (ast.TypeRef, ast.ChoiceType, ast.RecordType, ast.ListOf, ast.DictOf, ast.LinkOf)):
        counts[f"type: {kind}"] += 1
    if is_dataclass(node):
        for f in fields(node):
            _walk(getattr(node, f.name), counts)
    elif isinstance(node, tuple):
        for item in node:
            _walk(item, counts)


def _path_form(path: str) -> str:
    if "{" in path:
        return "with escaped terms"
    if any(term.isdigit() for term in path.split("/")):
        return "with list indexes"
    return "plain"


def sample_counts(seed: int = SAMPLE_SEED, size: int = SAMPLE_SIZE) -> Counter[str]:
    """The features of ``size`` generated objects of run ``seed``."""
    from panc.syntax import parse  # pylint: disable=import-outside-toplevel

    counts: Counter[str] = Counter()
    for index in range(size):
        generated = generate_object(seed, index)
        for file, template in generated.templates.items():
            result = parse(template.text(), file)
            if result.ast is None:
                counts["(unparsable template)"] += 1
                continue
            counts[f"template: {result.ast.kind}"] += 1
            _walk(result.ast, counts)
            if any(
                p.path.startswith("/") is False
                for p in result.ast.statements
                if type(p).__name__ == "Assignment"
            ):
                counts["path: relative (structure templates)"] += 1
        for option in generated.options:
            if option.startswith("--"):
                counts[f"option: {option}"] += 1
    return counts


def coverage_listing() -> str:
    """``COVERAGE.md``: the generator's features, and the builtins it never calls."""
    import panc.builtins.context  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import
    from panc.builtins import BUILTINS  # pylint: disable=import-outside-toplevel
    from panc.names import IPV6_EXTENSION_FUNCTIONS  # pylint: disable=import-outside-toplevel

    counts = sample_counts()
    sections: dict[str, list[str]] = {}
    for feature in sorted(counts):
        section, _, name = feature.partition(": ")
        sections.setdefault(section, []).append(name or section)
    called = {name.split(": ")[1] for name in counts if name.startswith("call: ")}
    java_builtins = sorted(set(BUILTINS) - set(IPV6_EXTENSION_FUNCTIONS))
    never = [name for name in java_builtins if name not in called]
    lines = [
        "# What the differential generator produces",
        "",
        f"Read back with panc's parser from {SAMPLE_SIZE} generated objects (seed {SAMPLE_SEED}) and their",
        "helper templates; regenerate with `python tools/differential.py --write-coverage` (a test checks",
        "that this file is current).",
        "",
        f"Builtins called: {len(called & set(java_builtins))} of the Java panc's {len(java_builtins)}"
        f"; never called: {', '.join(never) if never else 'none'}.",
        "",
    ]
    titles = {
        "template": "Template kinds",
        "statement": "Statements",
        "path": "Paths",
        "dml": "DML forms",
        "operator": "Operators",
        "call": "Functions called (builtins and the generator's own)",
        "variable": "Automatic variables read",
        "literal": "Literals",
        "type": "Type forms",
        "option": "panc options",
    }
    for section, title in titles.items():
        names = sections.get(section, [])
        if section == "call":
            names = [n for n in names if n in BUILTINS] + ["user functions"] * any(
                n not in BUILTINS for n in names
            )
        lines += [f"## {title}", "", ", ".join(f"`{n}`" for n in names) or "(none)", ""]
    return "\n".join(lines)
