"""Maven-filtered source templates (``--allow_mvn_templates``).

Quattor's component sources hold Maven placeholders that the build replaces:
a ``${componentschema}`` line, ``# ${license-info}`` comments, ``${project.artifactId}``
inside template names. To lint such files with the real parser, each placeholder is replaced
by text of the same length that parses (a comment for a placeholder line, underscores
elsewhere), so every line and column stays where it was.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\$\{[\w.\-]+\}")
HEADER_LINE = re.compile(r"^\s*(#\s*)?\$\{[\w.\-]+\}\s*$")


def is_maven_header_line(line: str) -> bool:
    """Is this line only a Maven placeholder (possibly commented out)?"""
    return bool(HEADER_LINE.match(line))


def neutralize_placeholders(text: str) -> str:
    """The text with every Maven placeholder replaced by parseable text of the same length."""
    if "${" not in text:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "${" not in line:
            continue
        stripped = line.lstrip()
        if is_maven_header_line(line) and stripped.startswith("$"):
            indent = len(line) - len(stripped)
            lines[number] = line[:indent] + "#" + stripped[1:]
        else:
            lines[number] = PLACEHOLDER.sub(lambda match: "_" * len(match.group(0)), line)
    return "\n".join(lines)
