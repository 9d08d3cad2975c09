"""Path strings, path terms and escaping (panc.syntax.paths)."""

from __future__ import annotations

import pytest

from panc.syntax.paths import Path, PathSyntaxError, escape, parse_key, parse_path, unescape


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
        ("bad name:/a", "invalid template name"),
    ],
)
def test_invalid_paths(text: str, message: str) -> None:
    with pytest.raises(PathSyntaxError, match=message.replace("+", r"\+").replace("{", r"\{")):
        parse_path(text)


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
        ("é", "_e9"),  # panc: one _hh per character up to U+00FF (checked with the Java panc)
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
