"""match, matches, replace, split and the Java-to-Python regex translation.

Expected values were checked against java.util.regex (Java 17).
"""

from __future__ import annotations

import pytest
from builtin_calls import call, fails

from panc.builtins import BuiltinError
from panc.builtins.regex import JavaRegexError, compile_java_regex


def groups(pattern: str, text: str) -> list[str | None] | None:
    found = compile_java_regex(pattern).search(text)
    return None if found is None else [found.group(0), *found.groups()]


def test_match_is_a_substring_search() -> None:
    assert call("match", "abc", "b") is True
    assert call("match", "abc", "^b") is False
    assert call("match", "item99,item2", "(^|.*,)item5(,.*)*$") is False
    assert call("match", "ABC", "b", "i") is True
    assert call("match", "a\nb", "^b$", "m") is True
    assert call("match", "a\nb", "a.b", "s") is True
    assert call("match", "a\nb", "a.b") is False
    assert call("match", "x y", "x\\ y", "") is True
    assert call("match", "xy", "x y # comment", "x") is True


def test_match_flag_errors() -> None:
    # panc's texts (tests/oracle/cases/bi-strings: match_*)
    assert fails("match", "a", "a", "q") == "invalid matching flag for regular expression: q"
    assert fails("matches", 1, "a") == "matches() arguments must all be strings; long found"
    assert fails("match", 1, "a", [1]) == "match() arguments must all be strings; list found"


def test_matches_returns_groups() -> None:
    pattern = r"^(\d+)\.(\d+)\.(\d+)\.(\d+)$"
    assert call("matches", "1.2.3.4", pattern) == ["1.2.3.4", "1", "2", "3", "4"]
    assert call("matches", "1.2.3.4 ", pattern) == []
    assert call("matches", "foo", pattern) == []
    # a group that did not take part gives ""; trailing ones are left out
    assert call("matches", "b", "(a)|(b)") == ["b", "", "b"]
    assert call("matches", "a", "(a)|(b)") == ["a", "a"]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("[]a]+", "x]a]y", ["]a]"]),
        ("[^]a]+", "]]bc", ["bc"]),
        ("[a-c&&[b]]", "abc", ["b"]),
        ("[a-z&&[^b]]+", "abc", ["a"]),
        (r"[\w&&[^\d]]+", "1ab2", ["ab"]),
        ("[^a&&b]", "c", ["c"]),
        ("[[a-c][x-z]]+", "abyzq", ["abyz"]),
        ("[a-]+", "x-a-", ["-a-"]),
        (r"[\Q]\E]+", "x]]", ["]]"]),
        (r"\Qa.b", "Xa.b", ["a.b"]),
        (r"\Qab\E+", "abbb", ["abbb"]),
        (r"\p{Alpha}+", "é1abc", ["abc"]),
        (r"\P{Alpha}+", "abc12é", ["12é"]),
        (r"[^\p{Digit}]+", "12ab", ["ab"]),
        (r"\pL+", "é1", ["é"]),
        (r"\w+", "été", ["t"]),
        (r"\d+", "\u0661\u06623", ["3"]),  # Arabic-Indic digits are not \d in Java
        (r"(?<year>\d{4})-(\d\d)", "on 2024-05-01", ["2024-05", "2024", "05"]),
        (r"(?<n>a)\k<n>", "aa", ["aa", "a"]),
        (r"(\w)\1", "abccd", ["cc", "c"]),
        (r"\x41\x{42}\u0043", "ABC", ["ABC"]),
        (r"\0101", "A", ["A"]),
        (r"\cA", "\x01", ["\x01"]),
        (r"\e", "\x1b", ["\x1b"]),
        ("a.c", "a\rc", None),
        ("a.c", "a\u2028c", None),
        ("(?s)a.c", "a\nc", ["a\nc"]),
        (r"a\Z", "a\n", ["a"]),
        (r"a\z", "a\n", None),
        (r"a\Rb", "a\r\nb", ["a\r\nb"]),
        ("(?i)A(?-i)B|c", "C", None),
        ("a(?i)b|c", "C", ["C"]),
        ("(a(?i)b|c)d", "Cd", ["Cd", "C"]),
        ("(a(?i)b|c)d", "CD", None),
        ("(?i)straße", "STRASSE", None),
        ("(?i)é", "É", None),
        ("x*+x", "xxx", None),
        ("(?>a|ab)c", "abc", None),
        (r"\$\{x\}", "${x}", ["${x}"]),
        ("(?x) a # comment {[\nb", "ab", ["ab"]),  # comments mode skips whitespace and #...
        ("(?x)[a b]+", "a b", ["a"]),  # ... even inside classes
        (r"(?x)a\ b", "a b", ["a b"]),
        ("(?x:a b)c d", "abc d", ["abc d"]),  # the mode ends with its group
    ],
)
def test_java_regex_semantics(pattern: str, text: str, expected: list[str] | None) -> None:
    assert groups(pattern, text) == expected


@pytest.mark.parametrize(
    "pattern",
    ["[]", "a{", "{a}", "x{,3}", r"\E", r"\p", r"\p{Nope}", "(?P<x>a)", "(?#c)a", "*a", "a**", "(a", "a)",
     "[a", r"\k<n>", r"\y", r"\G"],
)
def test_patterns_java_rejects(pattern: str) -> None:
    with pytest.raises(JavaRegexError):
        compile_java_regex(pattern)


def test_invalid_pattern_message() -> None:
    # Java's PatternSyntaxException message: reason, index, the pattern, a caret (match_const_regex*)
    assert fails("replace", r"\p", "-", "a1b2c3d") == (
        "invalid regular expression: Unknown character property name { } near index 2\n\\p"
    )
    assert fails("match", "x", "(a") == "invalid regular expression: Unclosed group near index 2\n(a"
    invalid = "invalid regular expression: "
    assert fails("match", "x", "*a") == invalid + "Dangling meta character '*' near index 0\n*a\n^"
    assert fails("match", "x", "a{2") == invalid + "Unclosed counted closure near index 3\na{2"


@pytest.mark.parametrize(
    ("regex", "repl", "target", "expected"),
    [
        (r"\d", "-", "a1b2c3d", "a-b-c-d"),
        ("(a)(b)", "$2$1", "xaby", "xbay"),
        ("(a)", r"\$1", "xa", "x$1"),
        ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", "$10-$11", "abcdefghij", "j-a1"),
        ("(?<n>a)", "${n}!", "ab", "a!b"),
        ("(a)|(b)", "[$2]", "ab", "[][b]"),
        ("b*", "X", "abc", "XaXXcX"),
        ("x*", "-", "abc", "-a-b-c-"),
        ("NOPE", "$OK", "BAD", "BAD"),  # the replacement is only read when something matches
    ],
)
def test_replace_like_java_replace_all(regex: str, repl: str, target: str, expected: str) -> None:
    assert call("replace", regex, repl, target) == expected


@pytest.mark.parametrize("repl", ["$OK", "\\", "$", "${x}"])
def test_replace_errors(repl: str) -> None:
    # Java's IllegalArgumentException, which panc reports with its own text (replace_e6, replace_e7)
    assert fails("replace", "(a)", repl, "a") == "invalid replacement string; check '$' and '\\' characters"


def test_replace_missing_group_is_javas_uncaught_exception() -> None:
    # IndexOutOfBoundsException: panc prints its bare message (tests/oracle/cases/bi-strings: replace_e5)
    with pytest.raises(BuiltinError) as caught:
        call("replace", "(a)", "$2", "a")
    assert (caught.value.message, caught.value.where) == ("No group 2", "java")


@pytest.mark.parametrize(
    ("regex", "limit", "target", "expected"),
    [
        (r"\s*,\s*", 0, "a,b , c,,", ["a", "b", "c"]),
        (r"\s*,\s*", 2, "a,b , c,,", ["a", "b , c,,"]),
        (r"\s*,\s*", -1, "a,b , c,,", ["a", "b", "c", "", ""]),
        (",", 0, "", [""]),
        (",", 0, ",", []),
        (",", -1, ",", ["", ""]),
        ("", 0, "abc", ["a", "b", "c"]),
        ("", 2, "abc", ["a", "bc"]),
        ("x*", 0, "axbxc", ["a", "", "b", "", "c"]),
        (",", 1, "a,b", ["a,b"]),
        (",", 0, ",a,,b,,", ["", "a", "", "b"]),
        (",", 5, ",a,,b,,", ["", "a", "", "b", ","]),
        ("(?=b)", 0, "abab", ["a", "ba", "b"]),
        ("b", 0, "bbb", []),
    ],
)
def test_split_like_java_string_split(regex: str, limit: int, target: str, expected: list[str]) -> None:
    assert call("split", regex, limit, target) == expected


def test_split_default_limit_is_zero() -> None:
    assert call("split", r"\s*,\s*", "a,b , c,,") == ["a", "b", "c"]
    assert fails("split", ",", "2", "a,b") == "second argument to split() must be a long value"
