"""Path strings, path terms and escaping (panc.syntax.paths)."""

from __future__ import annotations

import re

import pytest

from panc.syntax.paths import (
    Path,
    PathSyntaxError,
    escape,
    is_valid_include_name,
    is_valid_template_name,
    parse_key,
    parse_path,
    unescape,
)


@pytest.mark.parametrize(
    ("text", "kind", "terms", "template"),
    [
        ("/", "absolute", (), None),
        ("/a/b/0", "absolute", ("a", "b", 0), None),
        ("/a/b/", "absolute", ("a", "b"), None),
        ("a/-1", "relative", ("a", -1), None),
        ("/1abc/x.y+z-w", "absolute", ("1abc", "x.y+z-w"), None),
        ("tpl/name:/a/b", "external", ("a", "b"), "tpl/name"),
        ("tpl:a", "external", ("a",), "tpl"),
        ("tpl:", "external", (), "tpl"),
        ("/a/{b/c}", "absolute", ("a", "b_2fc"), None),
        ("/{}", "absolute", ("_",), None),
        ("/a/x{y z}w", "absolute", ("a", "xy_20zw"), None),
        ("/a/{x:y}", "absolute", ("a", "x_3ay"), None),
    ],
)
def test_valid_paths(text: str, kind: str, terms: tuple, template: str | None) -> None:
    assert parse_path(text) == Path(kind, terms, template)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty string"),
        ("/a//b", "empty term"),
        ("//foo/bar", "empty term"),
        ("/0", "first term must be a dict key"),
        ("0/a", "first term must be a dict key"),
        ("/a/06", "leading zeros"),
        ("/a/-01", "leading zeros"),
        ("/a b", "invalid path term 'a b'"),
        ("/a/+x", "invalid path term '+x'"),
        ("/a/{b", "unbalanced braces"),
        ("/a/b}", "unbalanced braces"),
        ("/a/{b{c}}", "nested braces"),
        ("bad name:/a", "invalid authority (bad name) in path"),  # panc's message
    ],
)
def test_invalid_paths(text: str, message: str) -> None:
    with pytest.raises(PathSyntaxError, match=re.escape(message)):
        parse_path(text)


# panc's Template.isValidTemplateName (checked with the Java panc: tests/oracle/cases/external-*)
@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("foo", True),
        ("+foo", True),
        ("-foo", True),
        ("_foo", True),
        ("a/+b", True),
        ("a/-b", True),
        ("a.b/c.d", True),
        ("a/", True),  # Java's split drops the trailing empty term
        ("+", True),
        (".foo", False),
        ("a/.b", False),
        ("a//b", False),
        ("/a", False),
        ("a b", False),
        ("é", False),
        ("", False),
    ],
)
def test_template_names(name: str, valid: bool) -> None:
    assert is_valid_template_name(name) is valid
    if valid and name:
        assert parse_path(f"{name}:/x") == Path("external", ("x",), name)
    else:
        with pytest.raises(PathSyntaxError, match=re.escape(f"invalid authority ({name}) in path")):
            parse_path(f"{name}:/x")


def test_include_names_must_start_with_a_word_character() -> None:
    # panc's IncludeStatement.validIdentifier, stricter than a template name
    assert is_valid_include_name("a/+b")
    assert is_valid_include_name("_x.y-z")
    assert not is_valid_include_name("+foo")
    assert not is_valid_include_name("-foo")
    assert not is_valid_include_name(".foo")


def test_path_text_round_trips() -> None:
    for text in ("/a/b/0", "a/b", "tpl:/a/b", "/"):
        assert str(parse_path(text)) == text
    assert parse_path("/a").child(3) == Path("absolute", ("a", 3))


@pytest.mark.parametrize(
    ("plain", "escaped"),
    [
        ("", "_"),
        ("abc", "abc"),
        ("a b", "a_20b"),
        ("1a", "_31a"),
        ("a_b", "a_5fb"),
        ("/etc/x.conf", "_2fetc_2fx_2econf"),
        ("é", "_c3_a9"),
    ],
)
def test_escape_and_unescape(plain: str, escaped: str) -> None:
    assert escape(plain) == escaped
    assert unescape(escaped) == plain


def test_keys() -> None:
    assert parse_key("a-b") == "a-b"
    assert parse_key("{a b}") == "a_20b"
    with pytest.raises(PathSyntaxError):
        parse_key("10")
