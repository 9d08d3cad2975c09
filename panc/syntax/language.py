"""The pan grammar, loaded once per process: Lark's LALR tables, our scanner, the builder.

The grammar file is the package resource ``panc.grammars/pan.lark`` (the repository's
``grammars/`` directory, mapped by ``pyproject.toml``). Analysing it takes a while, so the
analysed parser is stored with Lark's own ``cache`` option under the user cache directory,
in a file named after the grammar's hash and Lark's version: a changed grammar never
reuses old tables.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import lark

from panc.syntax.builder import AstBuilder
from panc.syntax.lalr import Tables
from panc.syntax.lexer import Scanner

GRAMMAR_RESOURCE = "pan.lark"


def grammar_text() -> str:
    """The text of ``pan.lark``."""
    try:
        resource = importlib.resources.files("panc.grammars") / GRAMMAR_RESOURCE
        return resource.read_text(encoding="utf-8")
    except ModuleNotFoundError:
        # Running from a source checkout that is not installed: panc.grammars is only a
        # name given by pyproject.toml to the top-level grammars/ directory.
        source = Path(__file__).resolve().parents[2] / "grammars" / GRAMMAR_RESOURCE
        return source.read_text(encoding="utf-8")


def cache_directory() -> Path:
    """``$XDG_CACHE_HOME/pan-tools`` (default ``~/.cache/pan-tools``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pan-tools"


@dataclass(frozen=True)
class Language:
    """Everything the parser needs, built from the grammar."""

    parser: lark.Lark
    tables: Tables
    scanner: Scanner
    builder: AstBuilder
    grammar_hash: str
    lock: threading.Lock
    display_names: dict[str, str]


_LANGUAGE: Language | None = None
_BUILD_LOCK = threading.Lock()


def language() -> Language:
    """The process-wide ``Language`` (built on first use)."""
    global _LANGUAGE  # pylint: disable=global-statement
    if _LANGUAGE is None:
        with _BUILD_LOCK:
            if _LANGUAGE is None:
                _LANGUAGE = _build()
    return _LANGUAGE


def grammar_hash() -> str:
    """sha256 of the grammar text and the Lark version (what the parse cache is keyed on)."""
    return language().grammar_hash


def _build() -> Language:
    text = grammar_text()
    digest = hashlib.sha256(f"{lark.__version__}\n{text}".encode()).hexdigest()
    builder = AstBuilder()
    options = {
        "parser": "lalr",
        "lexer": "basic",
        "keep_all_tokens": True,
        "maybe_placeholders": False,
    }
    parser = None
    directory = cache_directory()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        parser = lark.Lark(text, cache=str(directory / f"lark-{digest[:24]}.tables"), **options)
    except OSError:
        parser = None
    if parser is None:
        parser = lark.Lark(text, **options)
    scanner = Scanner(parser.lexer_conf.terminals, parser.lexer_conf.ignore)
    display = {}
    for terminal in parser.lexer_conf.terminals:
        pattern = terminal.pattern
        display[terminal.name] = (
            f'"{pattern.value}"' if isinstance(pattern, lark.lexer.PatternStr) else (f"<{terminal.name}>")
        )
    display["BINOP"] = " ".join(
        f'"{op}"' for op in ("||", "&&", "|", "^", "&", "==", "!=", "<", "<=", ">", ">=", "/", "%")
    )
    display["$END"] = "<EOF>"
    return Language(parser, Tables(parser, builder), scanner, builder, digest, threading.Lock(), display)
