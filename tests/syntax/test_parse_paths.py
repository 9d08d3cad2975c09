"""Path strings, path terms and escaping (panc.syntax.paths)."""

from __future__ import annotations

import re

import pytest

from panc.syntax.paths import (
    Path,
    PathSyntaxError,
    TermError,
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
    ("text", "error", "message"),
    [
        # panc's SyntaxException messages (checked with the Java panc: tests/oracle/cases)
        ("", PathSyntaxError, "relative path must have at least one term"),
        ("/0", PathSyntaxError, "first term in path must be a key, not an index"),
        ("0/a", PathSyntaxError, "first term in path must be a key, not an index"),
        ("/a/{b", PathSyntaxError, "path '/a/{b' contains mismatched or nested braces"),
        ("/a/b}", PathSyntaxError, "path '/a/b}' contains mismatched or nested braces"),
        ("/a/{b{c}}", PathSyntaxError, "path '/a/{b{c}}' contains mismatched or nested braces"),
        ("bad name:/a", PathSyntaxError, "invalid authority (bad name) in path"),
        # TermFactory's (an EvaluationException in panc)
        ("/a//b", TermError, "empty string cannot be used as a path term or nlist key"),
        ("//foo/bar", TermError, "empty string cannot be used as a path term or nlist key"),
        ("/a/06", TermError, "index cannot start with leading zero(s): '06'"),
        ("/a/-01", TermError, "index cannot start with leading zero(s): '-01'"),
        ("/a b", TermError, "invalid path term or nlist key: 'a b'"),
        ("/a/+x", TermError, "invalid path term or nlist key: '+x'"),
        ("/a/3000000000", TermError, "index (3,000,000,000) exceeds largest permitted value (2,147,483,647)"),
        ("/a/{\u0101}", TermError, "string contains character which cannot be escaped: 101"),
    ],
)
def test_invalid_paths(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        parse_path(text)
    assert str(raised.value) == message


def test_a_prefixed_relative_path_may_start_with_an_index() -> None:
    assert parse_path("0/a", index_first=True) == Path("relative", (0, "a"))
    assert parse_path("a", index_first=True).under(parse_path("/p")) == Path("absolute", ("p", "a"))


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
        ("é", "_e9"),
        ("\xff", "_ff"),
    ],
)
def test_escape_and_unescape(plain: str, escaped: str) -> None:
    assert escape(plain) == escaped
    assert unescape(escaped) == plain


def test_escape_refuses_characters_beyond_latin1_and_unescape_bad_sequences() -> None:
    with pytest.raises(TermError, match="cannot be escaped: 20ac"):
        escape("\u20ac")
    with pytest.raises(TermError, match="incomplete escape sequence"):
        unescape("a_2")
    with pytest.raises(TermError, match="invalid escape sequence: zz"):
        unescape("a_zz")


def test_keys() -> None:
    assert parse_key("a-b") == "a-b"
    assert parse_key("{a b}") == "a_20b"
    with pytest.raises(PathSyntaxError, match="first term in path must be a key, not an index"):
        parse_key("10")
    with pytest.raises(PathSyntaxError, match="must be a valid term"):
        parse_key("a/b")
