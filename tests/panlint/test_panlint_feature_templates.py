"""FT001 follows a feature template's includes on the include path, as panc would load them."""

from __future__ import annotations

from pathlib import Path

import pytest

from panlint.checking import lint_text
from panlint.config import Config

FEATURE = """unique template features/web/config;

include 'site/defaults';
'/a' = SITE_A;
'/b' = SITE_B;
'/c' = SITE_C;
'/d' = SITE_D;
"""


@pytest.fixture(name="library")
def library_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An include path where ``site/defaults`` includes a deprecated ``.tpl`` template, which
    includes one found only in the second include directory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, second = tmp_path / "first", tmp_path / "second"
    files = {
        first / "site" / "defaults.pan": (
            "unique template site/defaults;\nvariable SITE_A ?= 1;\ninclude 'site/legacy';\n"
        ),
        first / "site" / "legacy.tpl": (
            "unique template site/legacy;\nvariable SITE_B = 2;\ninclude 'site/more';\n"
        ),
        second / "site" / "more.pan": "unique template site/more;\nvariable SITE_C = 3;\n",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def unresolved(include_path: tuple[str, ...]) -> list[str]:
    config = Config(select=("FT001",), include_path=include_path)
    findings = lint_text(FEATURE, "features/web/config.pan", config)
    return [finding.message.split()[5] for finding in findings]


def test_globals_of_included_templates_are_defined(library: Path) -> None:
    assert unresolved((str(library / "first"), str(library / "second"))) == ["SITE_D"]


def test_only_templates_on_the_include_path_define_globals(library: Path) -> None:
    assert unresolved((str(library / "first"),)) == ["SITE_C", "SITE_D"]
    assert unresolved(()) == ["SITE_A", "SITE_B", "SITE_C", "SITE_D"]


def test_tested_globals_and_iteration_variables_are_not_dependencies() -> None:
    text = (
        "unique template features/loop/config;\n"
        "'/a' = { ok = first(list(1, 2), key, value); value; };\n"
        "'/b' = if (exists(OPTIONAL_NAME)) OPTIONAL_NAME else 0;\n"
        "'/c' = if (is_null(NULLABLE_NAME)) 0 else 1;\n"
        "'/d' = REQUIRED_NAME;\n"
    )
    findings = lint_text(text, "features/loop/config.pan", Config(select=("FT001",)))
    assert [(finding.span.start_line, finding.message.split()[5]) for finding in findings] == [
        (5, "REQUIRED_NAME")
    ]
