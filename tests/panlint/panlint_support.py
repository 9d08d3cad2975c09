"""Shared helpers for the panlint tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "template-library-core"


def corpus_dir() -> Path:
    """The template-library-core corpus, or a clean skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return CORPUS.resolve()
