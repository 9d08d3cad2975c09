"""escape/unescape, base64, digest, json_encode/json_decode."""

# Exact type tests on purpose: bool is a subclass of int.

from __future__ import annotations

import pytest
from builtin_calls import call, fails

from panc.builtins import BuiltinError
from panc.builtins.encoding import md2
from panc.evaluation.values import NULL, UNDEF


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("", "_"),
        (" ", "_20"),
        ("1", "_31"),
        ("x", "x"),
        ("1x", "_31x"),
        ("x1", "x1"),
        ("1+2=3", "_31_2b2_3d3"),
        ("abc", "abc"),
        ("1+1", "_31_2b1"),
        ("/etc/hosts", "_2fetc_2fhosts"),
        ("1.2.3.4", "_31_2e2_2e3_2e4"),
        ("a_b", "a_5fb"),
        ("\x80\xa4\xee", "_80_a4_ee"),  # Latin-1 codes (tests/oracle/cases/escape-builtins)
    ],
)
def test_escape_round_trip(text: str, escaped: str) -> None:
    assert call("escape", text) == escaped
    assert call("unescape", escaped) == text


def test_escape_refuses_what_java_cannot_escape() -> None:
    # tests/oracle/cases/escape-builtins
    assert fails("escape", "a\u20acb") == "string contains character which cannot be escaped: 20ac"
    assert fails("escape", 1) == "escape argument is not a string: long"
    # a byte that is no UTF-8 (read as a lone surrogate) is U+FFFD to Java (escape-undecodable-byte)
    assert fails("escape", "x\udcff") == "string contains character which cannot be escaped: fffd"
    assert fails("escape", "\U0001f600") == "string contains character which cannot be escaped: 1f600"


def test_unescape_refuses_bad_sequences() -> None:
    assert fails("unescape", "a_zz_4") == "string contains invalid escape sequence: zz"
    assert fails("unescape", "a_2") == "string contains incomplete escape sequence"
    assert call("unescape", "_41_42") == "AB"


def test_base64() -> None:
    assert call("base64_encode", "hello world") == "aGVsbG8gd29ybGQ="
    assert call("base64_decode", "aGVsbG8gd29ybGQ=") == "hello world"
    assert call("base64_decode", "aGVs\nbG8g\r\nd29ybGQ=") == "hello world"
    assert call("base64_encode", "café") == "Y2Fmw6k="
    assert call("base64_decode", "Y2Fmw6k=") == "café"
    # panc's own Base64 class (tests/oracle/cases/bi-encoding: b64*)
    assert fails("base64_decode", "a$b=") == "Bad Base64 input character at 1: 36(decimal)"
    assert fails("base64_encode", 1) == "argument for base64_encode() must be a string"
    assert call("base64_decode", "YQ==YWJj") == "a"  # stops after a group ending with '='
    assert call("base64_decode", "YWJ") == ""  # an incomplete group is dropped
    assert call("base64_encode", "a" * 57) == "YWFh" * 19 + "\n"  # 76 characters, then a break
    assert call("base64_encode", "a" * 58).split("\n") == ["YWFh" * 19, "YQ=="]
    assert call("base64_decode", "abc") == ""


@pytest.mark.parametrize(
    ("algorithm", "message", "expected"),
    [
        ("MD2", "msg", "d7e276f574e26a9343a2123893d11155"),
        ("MD2", "", "8350e5a3e24c153df2275c9f80692773"),
        ("md5", "msg", "6e2baaf3b97dbeef01c0043275f9a0e7"),
        ("MD5", "a", "cc175b9c0f1b6a831c399e269772661"),  # BigInteger drops the leading zero
        ("SHA", "msg", "19f34ee1e406ea84ca83c835a3301b5d9014a788"),
        ("SHA-1", "msg", "19f34ee1e406ea84ca83c835a3301b5d9014a788"),
        ("sha-256", "msg", "e46b320165eec91e6344fa10340d5b3208304d6cad29d0d5aed18466d1d9d80e"),
        ("SHA-384", "msg", "fbeb91d272b67eed3cbe82922d82f0f4af47f83bbc52859d1c61c4ca062205ce"
                           "7a5906eba49c0df2a473b60febdfb201"),
        ("SHA-512", "msg", "ffcb53bdcf177e601ecf72df1edf659b94b85b41e48d8133c527259b0567714b"
                           "a8ae5dcb2ae99b6ec0bcf703a09017c91d64124c1e5ba0892e56db8ea5f6488d"),
        # panc hashes only the first length() bytes of the UTF-8 text
        ("SHA-1", "héllo wörld", "b00be6aa10cfa56d93447ab788764dacaff3375b"),
    ],
)
def test_digest_matches_java(algorithm: str, message: str, expected: str) -> None:
    assert call("digest", algorithm, message) == expected


def test_digest_unknown_algorithm() -> None:
    assert fails("digest", "SHA-3", "x") == "invalid digest algorithm (SHA-3)"  # digest_e5
    assert fails("digest", 1, "x") == "first argument of digest() must be a string"  # digest_e4
    assert fails("digest", "MD5", 1) == "second argument of digest() must be a string"  # digest_e6


def test_md2_reference_vectors() -> None:
    assert md2(b"abc").hex() == "da853b0d3f88d99b30283a69e6ded6bb"
    assert md2(b"abcdefghijklmnopqrstuvwxyz").hex() == "4e8ddff3650292ab5a4108c3aa47940b"


def test_json_encode_is_pretty_printed_like_gson() -> None:
    value = {"b": [1, 2.5, NULL, "x"], "a": {}, "c": [], "d": {"z": True, "gone": NULL}, "e": 1e10}
    assert call("json_encode", value) == (
        "{\n"
        '  "a": {},\n'
        '  "b": [\n    1,\n    2.5,\n    null,\n    "x"\n  ],\n'
        '  "c": [],\n'
        '  "d": {\n    "z": true\n  },\n'
        '  "e": 1.0E10\n'
        "}"
    )


def test_json_encode_scalars_and_escapes() -> None:
    expected = '"a\\"b\\\\c\\n\\u003c\\u0026\\u003e\\u003d\\u0027\\u0001"'
    assert call("json_encode", "a\"b\\c\n<&>='\x01") == expected
    assert call("json_encode", 3) == "3"
    assert call("json_encode", False) == "false"
    assert call("json_encode", NULL) == "null"


def test_json_encode_rejects_undef() -> None:
    assert fails("json_encode", UNDEF) == "undef cannot be converted to JSON"  # json_enc_undef
    assert fails("json_encode", [1, UNDEF]) == "undef cannot be converted to JSON"
    assert fails("json_encode", {"a": [UNDEF]}) == "undef cannot be converted to JSON"


def test_json_decode_values() -> None:
    assert call("json_decode", "true") is True
    assert call("json_decode", "1234") == 1234
    assert type(call("json_decode", "1234")) is int
    assert call("json_decode", "1234.56") == 1234.56
    assert call("json_decode", "1e3.5") == "1e3.5"  # Gson reads leniently: an unquoted string
    assert call("json_decode", "hello") == "hello"  # json_dec_word
    assert call("json_decode", "") is NULL  # json_dec_empty
    assert call("json_decode", "[1,,2]") == [1, NULL, 2]
    assert call("json_decode", '"string"') == "string"
    assert call("json_decode", '[1, 2, "three"]') == [1, 2, "three"]
    assert call("json_decode", '{"a": 1, "b": 2, "c": null}') == {"a": 1, "b": 2}
    assert call("json_decode", "null") is NULL


def test_json_decode_errors() -> None:
    # Gson's messages as panc prints them (tests/oracle/cases/bi-encoding: json_dec_*)
    assert fails("json_decode", "[[") == (
        "invalid JSON value [[: java.io.EOFException: End of input at line 1 column 3 path $[0][0]"
    )
    assert fails("json_decode", '{"a": {"0": "b"}}') == "JSON path '$.a.0' is not a valid PAN path"
    assert fails("json_decode", '{"a b": 1}') == "invalid path term or nlist key: 'a b'"
    assert fails("json_decode", "[1] x") == (
        "invalid JSON value [1] x: com.google.gson.stream.MalformedJsonException: "
        "Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 6 path $"
    )
    assert fails("json_decode", 1) == "argument for json_decode() must be a string"


def test_json_decode_numbers_java_cannot_read() -> None:
    # Long.parseLong of a number without '.': Java's NumberFormatException, not caught by panc
    for text in ("1e2", "99999999999999999999"):
        with pytest.raises(BuiltinError) as caught:
            call("json_decode", text)
        assert (caught.value.message, caught.value.where) == (f'For input string: "{text}"', "java")


def test_strings_utf8_cannot_encode_are_encoded_as_java_does() -> None:
    # a lone surrogate (substr of an emoji) is '?' to Java's encoder; a byte of a template that
    # is not UTF-8 was read by Java as U+FFFD
    assert call("base64_encode", "\ud83d") == "Pw=="
    assert call("base64_encode", "caf\udce9") == call("base64_encode", "caf\ufffd")
    assert call("digest", "MD5", "\ud83d") == call("digest", "MD5", "?")
