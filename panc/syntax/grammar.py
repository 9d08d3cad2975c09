"""Where the grammar is, and its hash: cheap to import (no parser is built here)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

GRAMMAR_RESOURCE = "pan.lark"
# Bump when the stored form of the analysed grammar changes (panc/syntax/language.py).
ANALYSIS_FORMAT = 2


def grammar_text() -> str:
    """The text of ``pan.lark``, the package resource ``panc.grammars/pan.lark``."""
    import importlib.resources  # pylint: disable=import-outside-toplevel  # only to parse

    try:
        resource = importlib.resources.files("panc.grammars") / GRAMMAR_RESOURCE
        return resource.read_text(encoding="utf-8")
    except ModuleNotFoundError:
        # Running from a source checkout that is not installed: panc.grammars is only a
        # name given by pyproject.toml to the top-level grammars/ directory.
        source = Path(__file__).resolve().parents[2] / "grammars" / GRAMMAR_RESOURCE
        return source.read_text(encoding="utf-8")


@functools.cache
def grammar() -> tuple[str, str]:
    """The grammar text and its hash."""
    text = grammar_text()
    return text, hashlib.sha256(f"{ANALYSIS_FORMAT}\n{text}".encode()).hexdigest()


def grammar_hash() -> str:
    """sha256 of the grammar text (part of every parse cache key)."""
    return grammar()[1]
