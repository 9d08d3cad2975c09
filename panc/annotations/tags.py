"""Javadoc-style tags in annotation text: ``@param name text``, ``@return text``...

Documentation annotations are free text (``@{...}``, or the ``desc`` entry of
``@documentation{...}``); authors coming from Java or Perl write tags in it:

    @documentation{
        Adds two numbers.
        @param first the first number
        @param second the second number
        @return their sum
    }

A tag starts at the beginning of a line (or after blanks, for text whose lines were joined by
``\\`` continuations) and runs to the next tag. ``split_tags`` separates the prose from the
tags, so that editors and ``panc docs`` show them as a list rather than run-on prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAG_NAMES = (
    "param",
    "arg",
    "argument",
    "return",
    "returns",
    "throws",
    "exception",
    "see",
    "since",
    "deprecated",
    "author",
    "example",
    "note",
    "version",
)
PARAMETER_TAGS = frozenset({"param", "arg", "argument"})
"""Tags naming a parameter: their first word is the parameter's name."""

_TAG = re.compile(r"(?:^|(?<=\s))@(" + "|".join(TAG_NAMES) + r")\b:?", re.MULTILINE)
_TARGET = re.compile(r"\s*([A-Za-z_][\w.]*(?:\.\.\.)?|\.\.\.)\s*(?:[:\-\u2013\u2014]\s*)?")


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag: ``name`` without the ``@``; ``target`` the parameter a ``@param`` names."""

    name: str
    target: str
    text: str


def split_tags(text: str) -> tuple[str, list[Tag]]:
    """The prose before the first tag, and the tags (their text with blanks collapsed)."""
    matches = list(_TAG.finditer(text))
    if not matches:
        return text, []
    tags = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        body = text[match.end() : following.start() if following else len(text)]
        name = match.group(1)
        target = ""
        if name in PARAMETER_TAGS:
            named = _TARGET.match(body)
            if named is not None:
                target, body = named.group(1), body[named.end() :]
        tags.append(Tag(name, target, " ".join(body.replace("\\\n", " ").split())))
    return text[: matches[0].start()], tags


def tag_markdown(tag: Tag) -> str:
    """One tag as a Markdown list item: ``- *@param* `name` — text``."""
    target = f" `{tag.target}`" if tag.target else ""
    text = f" — {tag.text}" if tag.text else ""
    return f"- *@{tag.name}*{target}{text}"


def parameters(tags: list[Tag]) -> list[tuple[str, str]]:
    """``(name, text)`` of the tags that name a parameter, in order."""
    return [(tag.target, tag.text) for tag in tags if tag.name in PARAMETER_TAGS and tag.target]
