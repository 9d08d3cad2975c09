"""``panc fmt`` over the real corpora: every template formats, formatting again changes nothing,
the tree is the original's, and panlint finds nothing about layout in the result.

All templates of template-library-core, the metaconfig templates and test profiles, and the
SCDB example site's ``cfg/``, in this process (a template copied into two corpora is checked
once). The layout rules are panlint's LP001-LP009 and LC001, run through panlint's public API
on the formatted text with ``--preview`` (the parser-based checks). The only findings left
are LP006 (line too long) on lines holding a
comment, annotation or string too long to fit on a line of its own at that depth: no line
break can shorten those.
"""

from __future__ import annotations

from collections import Counter

import pytest
from corpus_support import CORPORA

from panc.formatting.formatter import DEFAULT_LINE_LENGTH, format_text
from panc.formatting.lines import INDENT_WIDTH
from panc.syntax import parse
from panc.syntax.equivalence import meaning
from panlint.checking import lint_text
from panlint.config import Config

LAYOUT_RULES = ("LP001", "LP002", "LP003", "LP004", "LP005", "LP006", "LP007", "LP008", "LP009", "LC001")
CORPUS_FOLDERS = ("template-library-core", "metaconfig", "scdb-example-site/cfg")
GLUED = frozenset({"COMMA", "SEMICOLON", "BINOP", "PLUS", "MINUS", "STAR"})
"""What stays on the line of the token before it (lines break after these, never before)."""


def unbreakable_lines(text: str, limit: int) -> set[int]:
    """The lines holding a token that alone cannot fit on a line at that depth.

    A token starts its line at the line's indentation, or one level deeper when something
    precedes it; a ``,``, ``;`` or operator after it stays on its line.
    """
    lines = text.split("\n")
    by_line: dict[int, list] = {}
    for tok in parse(text, "t.pan").tokens:
        if tok.type != "HEREDOC_BODY":
            by_line.setdefault(tok.span.start_line, []).append(tok)
    found = set()
    for number, tokens in by_line.items():
        line = lines[number - 1]
        indentation = len(line) - len(line.lstrip(" "))
        for index, tok in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            glued = 0 if following is None or following.type not in GLUED else 1 + len(following.value)
            deeper = INDENT_WIDTH if index else 0
            if indentation + deeper + len(tok.value.split("\n")[0]) + glued > limit:
                found.add(number)
    return found


def test_formatting_the_corpora() -> None:
    folders = [CORPORA / folder for folder in CORPUS_FOLDERS]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"the corpora are absent from {CORPORA}")
    # the parser-based checks (--preview): the old tool's regexes also find "layout" inside
    # strings, here-documents and annotations, which the formatter copies as written
    config = Config(select=LAYOUT_RULES, preview=True)
    seen: set[str] = set()
    files = changed = 0
    findings: Counter[str] = Counter()
    fixable_long_lines = []
    for path in sorted(path for folder in folders for path in folder.rglob("*.pan")):
        text = path.read_text(encoding="utf-8")
        files += 1
        if text in seen:
            continue
        seen.add(text)
        name = str(path)
        result = format_text(text, name)
        assert result.problem is None, f"{name}: {result.problem}"
        changed += result.changed
        assert meaning(parse(result.text, name).ast) == meaning(parse(text, name).ast), name
        assert format_text(result.text, name).text == result.text, f"{name}: not idempotent"
        found = lint_text(result.text, name, config)
        findings.update(finding.rule_id for finding in found)
        long_lines = {finding.span.start_line for finding in found if finding.rule_id == "LP006"}
        if long_lines:
            unbreakable = unbreakable_lines(result.text, DEFAULT_LINE_LENGTH)
            fixable_long_lines += [(name, line) for line in sorted(long_lines - unbreakable)]
    assert files > 3900 and len(seen) > 3000
    assert changed > len(seen) // 3  # the corpora are far from the canonical layout
    assert set(findings) <= {"LP006"}, findings
    assert fixable_long_lines == []
