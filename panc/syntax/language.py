"""The pan grammar, loaded once per process: LALR tables, scanner and AST builder.

The grammar file is the package resource ``panc.grammars/pan.lark`` (the repository's
``grammars/`` directory, mapped by ``pyproject.toml``). Lark analyses it into LALR tables;
that takes a while, so the result is stored as plain data (tables and terminal
definitions, no Lark objects) under the user cache directory, in a file named after the
grammar's hash. A process that finds it does not even import Lark. A changed grammar gets a
new hash, so stale tables are never used; an unreadable file is rebuilt.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from panc.syntax.builder import AstBuilder
from panc.syntax.grammar import cache_directory, grammar, grammar_hash, grammar_text
from panc.syntax.lalr import Tables, extract_tables
from panc.syntax.lexer import Scanner, TerminalSpec


@dataclass(frozen=True)
class Language:
    """Everything the parser needs, built from the grammar."""

    tables: Tables
    scanner: Scanner
    builder: AstBuilder
    grammar_hash: str
    lock: threading.Lock
    display_names: dict[str, str]
    """How error messages show each terminal: ``"("`` for a literal, ``<NAME>`` otherwise."""


__all__ = ["Language", "analyse", "cache_directory", "grammar_hash", "grammar_text", "language"]

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


def _build() -> Language:
    text, digest = grammar()
    stored = cache_directory() / f"grammar-{digest[:32]}.pickle"
    analysis = _load_analysis(stored, digest)
    if analysis is None:
        analysis = analyse(text)
        _store_analysis(stored, digest, analysis)
    builder = AstBuilder()
    terminals: list[TerminalSpec] = analysis["terminals"]
    display = {
        name: f'"{literal}"' if literal is not None else f"<{name}>" for name, _, _, literal in terminals
    }
    return Language(
        Tables(analysis["tables"], builder),
        Scanner(terminals, analysis["ignore"]),
        builder,
        digest,
        threading.Lock(),
        display,
    )


def analyse(text: str) -> dict[str, Any]:
    """Run Lark on the grammar: LALR tables and terminal definitions as plain data."""
    # pylint: disable-next=import-outside-toplevel  # Lark is needed only when the grammar changed
    import lark

    parser = lark.Lark(text, parser="lalr", lexer="basic", keep_all_tokens=True, maybe_placeholders=False)
    terminals = [
        (
            str(terminal.name),
            str(terminal.pattern.to_regexp()),
            int(terminal.priority),
            str(terminal.pattern.value) if isinstance(terminal.pattern, lark.lexer.PatternStr) else None,
        )
        for terminal in parser.lexer_conf.terminals
    ]
    ignore = [str(name) for name in parser.lexer_conf.ignore]
    return {"tables": extract_tables(parser), "terminals": terminals, "ignore": ignore}


def _load_analysis(path: Path, digest: str) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as stream:
            stored_digest, analysis = pickle.load(stream)
    except Exception:  # pylint: disable=broad-exception-caught  # missing or unreadable: rebuild
        return None
    return analysis if stored_digest == digest else None


def _store_analysis(path: Path, digest: str, analysis: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                pickle.dump((digest, analysis), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no cache directory: analyse again next time
