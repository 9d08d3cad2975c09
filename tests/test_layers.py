"""The import graph follows the layers, and each concept is implemented once, in the core.

Read from the sources with ``ast`` (every ``import``, also inside functions and under
``TYPE_CHECKING``): faces -> core; inside the core, the syntax layer knows nothing above it and
the output formats do not reach into the builtins. Faces (panlint, panls, pandbg) use the
core's path parser and token kinds and define none of their own.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from panc.names import AUTOMATIC_VARIABLES, RESERVED_WORDS
from panc.syntax.grammar_tables import ANALYSIS

ROOT = Path(__file__).resolve().parents[1]
FACES = ("panlint", "panls", "pandbg")

LEAVES = ("panc.source", "panc.diagnostics", "panc.names", "panc.values", "panc.javatext", "panc.usercache")
"""Modules at the bottom of the core: anything may import them, they import only each other."""

SYNTAX_MAY_IMPORT = {"panc", "panc.syntax", *LEAVES}
FORBIDDEN = {
    "panc.output": {
        "panc.builtins", "panc.types", "panc.compiler", "panc.build", "panc.cli", "panc.analysis"
    },
    "panc.evaluation": {"panc.output", "panc.build", "panc.cli", "panc.analysis"},
}


def _modules(package: str) -> Iterator[tuple[str, Path]]:
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imported(path: Path) -> set[str]:
    """Every module ``path`` imports (``from a import b`` counts as ``a``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _layer(module: str) -> str:
    """``panc.syntax.paths`` -> ``panc.syntax``; ``panc.values`` stays itself."""
    return ".".join(module.split(".")[:2])


def _arrows() -> set[tuple[str, str, str]]:
    """``(importing module, its layer, imported layer)`` for every import inside ``panc``."""
    arrows = set()
    for module, path in _modules("panc"):
        for imported in _imported(path):
            if imported == "panc" or imported.startswith("panc."):
                arrows.add((module, _layer(module), _layer(imported)))
    return arrows


def test_the_import_reader_sees_the_arrows_it_checks():
    arrows = _arrows()
    assert ("panc.evaluation.values", "panc.evaluation", "panc.values") in arrows
    assert ("panc.output.json_format", "panc.output", "panc.javatext") in arrows
    assert ("panc.builtins.encoding", "panc.builtins", "panc.javatext") in arrows
    assert any(layer == "panc.syntax" for _, layer, _ in arrows)


def test_the_syntax_layer_imports_nothing_above_it():
    wrong = sorted(
        (module, target)
        for module, layer, target in _arrows()
        if layer == "panc.syntax" and target not in SYNTAX_MAY_IMPORT
    )
    assert wrong == []


def test_the_shared_leaves_import_only_each_other():
    wrong = sorted(
        (module, target)
        for module, layer, target in _arrows()
        if layer in LEAVES and target not in {"panc", *LEAVES}
    )
    assert wrong == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_arrow_goes_up_from(layer):
    wrong = sorted(
        (module, target)
        for module, source, target in _arrows()
        if source == layer and target in FORBIDDEN[layer]
    )
    assert wrong == []


def test_the_core_never_imports_a_face():
    wrong = sorted(
        (module, imported)
        for module, path in _modules("panc")
        for imported in _imported(path)
        if imported.split(".")[0] in FACES
    )
    assert wrong == []


# --------------------------------------------------------------------- concepts defined once


def _face_trees() -> Iterator[tuple[str, ast.Module]]:
    for face in FACES:
        for module, path in _modules(face):
            yield module, ast.parse(path.read_text(encoding="utf-8"))


def _token_type_names() -> frozenset[str]:
    """The grammar's terminal names that are neither keywords nor automatic variables
    (``DQ_STRING``, ``LONG``, ``LPAR``...), and the lexer's own (``COMMENT``...)."""
    terminals = {name for row in ANALYSIS["tables"]["actions"].values() for name in row if name.isupper()}
    words = {word.upper() for word in RESERVED_WORDS} | AUTOMATIC_VARIABLES
    return frozenset(terminals - words) | {"COMMENT", "ANNOTATION", "HEREDOC_BODY"}


def _token_kind_definitions(trees: Iterator[tuple[str, ast.Module]]) -> set[tuple[str, str]]:
    """``(module, name)`` of each enumeration of token kinds: an ``Enum`` named for tokens, or a
    name bound to a literal set/list/dict that names two token types or more."""
    token_types = _token_type_names()
    found = set()
    for module, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and "Token" in node.name:
                bases = {ast.unparse(base).removeprefix("enum.") for base in node.bases}
                if bases & {"Enum", "StrEnum", "IntEnum"}:
                    found.add((module, node.name))
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                named = {
                    item.value
                    for item in ast.walk(node.value)
                    if isinstance(item, ast.Constant) and item.value in token_types
                }
                if len(named) >= 2:
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    found.update((module, ast.unparse(target)) for target in targets)
    return found


def _path_parser_definitions(trees: Iterator[tuple[str, ast.Module]]) -> set[tuple[str, str]]:
    """``(module, name)`` of each function that parses or splits paths."""
    return {
        (module, node.name)
        for module, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and "path" in node.name
        and ("parse" in node.name or "split" in node.name)
    }


SAMPLE_FACE = """
import enum
class TokenKind(enum.Enum):
    STRING = 1
class TokenIndex: ...
STRINGS = frozenset({"DQ_STRING", "SQ_STRING"})
DOCS = {"SELF": "the value", "OBJECT": "the object"}
def split_path(text): ...
def path_of(node): ...
"""


def test_the_readers_find_token_kinds_and_path_parsers():
    sample = [("face.sample", ast.parse(SAMPLE_FACE))]
    assert _token_kind_definitions(iter(sample)) == {("face.sample", "TokenKind"), ("face.sample", "STRINGS")}
    assert _path_parser_definitions(iter(sample)) == {("face.sample", "split_path")}


def test_no_face_defines_token_kinds():
    assert _token_kind_definitions(_face_trees()) == set()


def test_no_face_defines_a_path_parser():
    assert _path_parser_definitions(_face_trees()) == set()
