"""The VS Code extension's snippets (vscode-extension/snippets/pan.json), expanded with their
default texts as VS Code inserts them, are pan that parses and passes panlint's default rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from panc.syntax import parse

SNIPPETS = Path(__file__).parents[2] / "vscode-extension" / "snippets" / "pan.json"
RELATIVE_FILEPATH = "site/profiles/node01.pan"
VARIABLES = {"TM_FILENAME_BASE": "node01", "RELATIVE_FILEPATH": RELATIVE_FILEPATH}
_TRANSFORM = re.compile(r"\$\{([A-Z_]+)/((?:[^/\\]|\\.)*)/((?:[^/\\]|\\.)*)/([a-z]*)\}")
_PLACEHOLDER = re.compile(r"\$\{(\d+):((?:[^${}\\]|\\.)*)\}")


def expand(body: str) -> str:
    """The text VS Code inserts when every placeholder keeps its default (innermost first)."""

    def transform(match: re.Match[str]) -> str:
        pattern = match.group(2).replace("\\/", "/")

        def replacement(found: re.Match[str]) -> str:
            return re.sub(r"\$(\d)", lambda group: found.group(int(group.group(1))), match.group(3))

        count = 0 if "g" in match.group(4) else 1
        return re.sub(pattern, replacement, VARIABLES[match.group(1)], count=count)

    previous = None
    while previous != body:
        previous = body
        body = _TRANSFORM.sub(transform, body)
        body = re.sub(r"\$\{([A-Z_]+)\}", lambda m: VARIABLES[m.group(1)], body)
        body = _PLACEHOLDER.sub(lambda m: m.group(2), body)
    body = re.sub(r"\$\d+", "", body)
    return body.replace("\\$", "$").replace("\\}", "}")


def _snippets() -> dict[str, dict[str, object]]:
    return json.loads(SNIPPETS.read_text(encoding="utf-8"))


def _text(name: str) -> str:
    body = _snippets()[name]["body"]
    return expand("\n".join(body) if isinstance(body, list) else str(body)) + "\n"


def _as_template(text: str) -> str:
    """A snippet as a whole template: statements go into a unique template, blocks (foreach,
    if) into a function body."""
    if re.match(r"(object|structure|unique|declaration) template\b", text):
        return text
    if re.match(r"(foreach|if)\b", text):
        text = "function snippet = {\n" + text + "};\n"
    return f"unique template site/snippet;\n\n{text}"


def test_expansion_follows_vscode_rules() -> None:
    assert expand("object template ${1:${RELATIVE_FILEPATH/(.*)\\.(pan|tpl)$/$1/}};") == (
        "object template site/profiles/node01;"
    )
    assert expand("a ${1:x} b $0 ${2:${TM_FILENAME_BASE}} \\$") == "a x b  node01 $"


@pytest.mark.parametrize("name", sorted(_snippets()))
def test_snippet_parses(name: str) -> None:
    text = _as_template(_text(name))
    result = parse(text, "snippet.pan")
    assert result.ok, f"{name}:\n{text}\n{[d.message for d in result.diagnostics]}"


def test_snippets_pass_panlint(tmp_path: Path) -> None:
    for index, name in enumerate(sorted(_snippets())):
        (tmp_path / f"snippet{index}.pan").write_text(_as_template(_text(name)), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "panlint", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_snippet_has_a_unique_prefix_and_a_description() -> None:
    prefixes: list[str] = []
    for name, snippet in _snippets().items():
        assert snippet.get("description"), name
        prefix = snippet["prefix"]
        prefixes.extend(prefix if isinstance(prefix, list) else [prefix])
    assert len(prefixes) == len(set(prefixes))
    wanted = {
        "object template",
        "structure template",
        "unique template",
        "function",
        "type",
        "foreach",
        "@documentation",
    }
    assert wanted <= set(prefixes)
