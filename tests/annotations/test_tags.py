"""Javadoc-style tags in annotation text (``panc.annotations.tags``)."""

from __future__ import annotations

from panc.annotations.tags import Tag, parameters, split_tags, tag_markdown


def test_prose_and_tags_are_separated() -> None:
    prose, tags = split_tags(
        "Adds two numbers.\n  @param first the first\n    number\n"
        "  @param:second - the second\n  @returns the sum\n"
    )
    assert prose.strip() == "Adds two numbers."
    assert tags == [
        Tag("param", "first", "the first number"),
        Tag("param", "second", "the second"),
        Tag("returns", "", "the sum"),
    ]
    assert parameters(tags) == [("first", "the first number"), ("second", "the second")]


def test_tags_in_text_joined_by_continuations() -> None:
    # desc = a \
    #   @param x the x   -> one line once panc joins it
    prose, tags = split_tags("a function @param x the x @param y... the rest")
    assert prose == "a function "
    assert [(tag.target, tag.text) for tag in tags] == [("x", "the x"), ("y...", "the rest")]


def test_an_at_sign_inside_a_word_is_not_a_tag() -> None:
    assert split_tags("mail admin@param.example.org") == ("mail admin@param.example.org", [])
    assert split_tags("no tags at all") == ("no tags at all", [])


def test_markdown_items() -> None:
    assert tag_markdown(Tag("param", "x", "the x")) == "- *@param* `x` — the x"
    assert tag_markdown(Tag("deprecated", "", "")) == "- *@deprecated*"
