"""Encodings: ``base64_encode``/``base64_decode``, ``json_encode``/``json_decode``, ``digest``,
and ``escape``/``unescape`` (the key escaping of pan paths).

Strings become bytes as UTF-8, as the Java compiler does on the usual platform.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math

from panc.builtins.arguments import string_arg
from panc.builtins.collections import is_valid_key
from panc.builtins.registry import BuiltinError, builtin
from panc.evaluation.values import (
    LONG_MAX,
    LONG_MIN,
    NULL,
    Value,
    format_double,
    java_length,
    java_type,
    sorted_keys,
    type_name,
)
from panc.javatext import java_utf8, json_string
from panc.syntax import paths

# --- escape / unescape (shared with path syntax: ``{...}`` in paths is ``escape(...)``) ------

def _string_argument(name: str, value: Value) -> str:
    if type(value) is not str:
        raise BuiltinError(f"{name} argument is not a string: {java_type(value)}", where="range")
    return value


@builtin(
    "escape",
    min_args=1,
    max_args=1,
    signature="escape(str)",
    arity_message="escape() requires exactly one string argument",
    folds=True,
)
def escape(args: list[Value]) -> str:
    """Escape a string so that it can be used as a dict key inside paths. Every character that
    is not an ASCII letter or digit, and a leading digit, is replaced by an underscore followed
    by its two-digit hex code: ``escape("1+1")`` is ``"_31_2b1"``. The empty string gives
    ``"_"``; a character beyond ``\\xff`` cannot be escaped."""
    try:
        return paths.escape(_string_argument("escape", args[0]))
    except paths.TermError as error:
        raise BuiltinError(str(error)) from None


@builtin(
    "unescape",
    min_args=1,
    max_args=1,
    signature="unescape(str)",
    arity_message="unescape() requires exactly one string argument",
    folds=True,
)
def unescape(args: list[Value]) -> str:
    """Replace the escape sequences made by ``escape`` (an underscore followed by two hex
    digits) with the characters they stand for, giving back the original string."""
    try:
        return paths.unescape(_string_argument("unescape", args[0]))
    except paths.TermError as error:
        raise BuiltinError(str(error)) from None


# --- base64 --------------------------------------------------------------------------------


@builtin("base64_encode", min_args=1, max_args=1, signature="base64_encode(str)")
def base64_encode(args: list[Value]) -> str:
    """Return the base64 (RFC 2045) encoding of the string's UTF-8 bytes:
    ``base64_encode("hello world")`` is ``"aGVsbG8gd29ybGQ="``."""
    return base64.b64encode(java_utf8(string_arg("base64_encode", args, 0))).decode("ascii")


@builtin("base64_decode", min_args=1, max_args=1, signature="base64_decode(encoded)")
def base64_decode(args: list[Value]) -> str:
    """Return the string encoded in base64 (RFC 2045) by the argument:
    ``base64_decode("aGVsbG8gd29ybGQ=")`` is ``"hello world"``. Whitespace (line breaks) in the
    argument is ignored; anything else that is not valid base64 is an error."""
    encoded = "".join(string_arg("base64_decode", args, 0).split())
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise BuiltinError(f"base64_decode() given an invalid base64 string: {error}") from None
    return data.decode("utf-8", errors="replace")


# --- digest --------------------------------------------------------------------------------

_DIGESTS = {"MD5": "md5", "SHA": "sha1", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384",
            "SHA-512": "sha512"}

# RFC 1319's permutation of 0..255 built from the digits of pi (OpenSSL usually lacks MD2).
_MD2_S = bytes.fromhex(
    "292e43c9a2d87c013d3654a1ecf0061362a705f3c0c7738c98932bd9bc4c82ca1e9b573cfdd4e01667426f188a17e512"
    "be4ec4d6da9ede49a0fbf58ebb2fee7aa968799115b2073f94c210890b225f21807f5d9a5a903227353ecce7bff79703"
    "ff1930b348a5b5d1d75e922aac56aac64fb838d296a47db676fc6be29c7404f1459d705964718720865bcf65e62da802"
    "1b6025adaeb0b9f61c46616934407e0f5547a323dd51af3ac35cf9cebac5ea262c530d6e85288409d3dfcdf441814d52"
    "6adc37c86cc1abfa24e17b080cbdb14a7888958be363e86de9cbd5fe3b001d39f2efb70e6658d0e4a67772f8eb754b0a"
    "314450b48fed1f1adb998d339f118314"
)


def md2(data: bytes) -> bytes:
    """The MD2 message digest (RFC 1319)."""
    padding = 16 - len(data) % 16
    message = bytearray(data) + bytes([padding]) * padding
    checksum = bytearray(16)
    last = 0
    for block in range(0, len(message), 16):
        for j in range(16):
            checksum[j] ^= _MD2_S[message[block + j] ^ last]
            last = checksum[j]
    message += checksum
    state = bytearray(48)
    for block in range(0, len(message), 16):
        for j in range(16):
            state[16 + j] = message[block + j]
            state[32 + j] = state[16 + j] ^ state[j]
        t = 0
        for round_number in range(18):
            for k in range(48):
                state[k] ^= _MD2_S[t]
                t = state[k]
            t = (t + round_number) % 256
    return bytes(state[:16])


@builtin("digest", min_args=2, max_args=2, signature="digest(algorithm, message)")
def digest(args: list[Value]) -> str:
    """Return the digest of ``message`` computed with ``algorithm`` as a hexadecimal string.
    The algorithms are ``MD2``, ``MD5``, ``SHA``, ``SHA-1``, ``SHA-256``, ``SHA-384`` and
    ``SHA-512``, in any case. As in panc, leading zeros of the hex number are not printed."""
    algorithm = string_arg("digest", args, 0)
    message = string_arg("digest", args, 1)
    # panc hashes the first length() bytes of the UTF-8 encoding (equal for ASCII text).
    data = java_utf8(message)[: java_length(message)]
    name = algorithm.upper()
    if name == "MD2":
        raw = md2(data)
    elif name in _DIGESTS:
        raw = hashlib.new(_DIGESTS[name], data).digest()
    else:
        raise BuiltinError(
            f"digest() does not support the algorithm '{algorithm}'; "
            "use MD2, MD5, SHA, SHA-1, SHA-256, SHA-384 or SHA-512"
        )
    return format(int.from_bytes(raw, "big"), "x")


# --- JSON ----------------------------------------------------------------------------------

def _encode_json(value: Value, indent: str, out: list[str]) -> None:
    t = type(value)
    if t is str:
        out.append(json_string(value))
    elif t is bool:
        out.append("true" if value else "false")
    elif t is int:
        out.append(str(value))
    elif t is float:
        if math.isnan(value) or math.isinf(value):
            raise BuiltinError(f"json_encode() cannot encode the double {format_double(value)}")
        out.append(format_double(value))
    elif t is list:
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for position, item in enumerate(value):
            out.append("\n" + inner if position == 0 else ",\n" + inner)
            _encode_json(item, inner, out)
        out.append("\n" + indent + "]")
    elif t is dict:
        names = [name for name in sorted_keys(value) if value[name] is not NULL]
        if not names:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        for position, name in enumerate(names):
            out.append("\n" + inner if position == 0 else ",\n" + inner)
            out.append(json_string(name) + ": ")
            _encode_json(value[name], inner, out)
        out.append("\n" + indent + "}")
    elif value is NULL:
        out.append("null")
    else:
        raise BuiltinError(f"json_encode() cannot encode {type_name(value)} values")


@builtin("json_encode", min_args=1, max_args=1, signature="json_encode(arg)")
def json_encode(args: list[Value]) -> str:
    """Return the JSON representation of the argument, pretty-printed with two-space indents
    and dict keys in sorted order. ``undef`` cannot be encoded, even inside a resource;
    ``null`` list items appear as ``null`` while dict keys whose value is ``null`` are left
    out."""
    out: list[str] = []
    _encode_json(args[0], "", out)
    return "".join(out)


class _JsonKeyError(Exception):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def _reject_constant(name: str) -> None:
    raise ValueError(f"invalid number {name}")


def _json_long(text: str) -> int:
    number = int(text)
    if not LONG_MIN <= number <= LONG_MAX:
        raise ValueError(f"number {text} does not fit in a long")
    return number


def _to_pan(value: Value, path: str) -> Value:
    if value is None:
        return NULL
    if type(value) is list:
        items = (_to_pan(item, f"{path}[{position}]") for position, item in enumerate(value))
        return [item for item in items if item is not NULL]
    if type(value) is dict:
        result: dict[str, Value] = {}
        for name, child in value.items():
            child_path = f"{path}.{name}"
            if not is_valid_key(name):
                raise _JsonKeyError(child_path)
            converted = _to_pan(child, child_path)
            if converted is NULL:
                result.pop(name, None)
            else:
                result[name] = converted
        return result
    return value


@builtin("json_decode", min_args=1, max_args=1, signature="json_decode(encoded)")
def json_decode(args: list[Value]) -> Value:
    """Parse a JSON document into the matching pan value: objects become dicts, arrays lists,
    numbers without a fraction or exponent longs and other numbers doubles. Object member
    names must be valid dict keys (not all digits, no spaces...); ``null`` members are left
    out."""
    text = string_arg("json_decode", args, 0)
    try:
        parsed = json.loads(text, parse_int=_json_long, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        detail = error.msg
        if error.pos >= len(text.rstrip()):
            detail = "End of input"
        raise BuiltinError(
            f"invalid JSON value '{text}': {detail} at line {error.lineno} column {error.colno}"
        ) from None
    except (ValueError, RecursionError) as error:
        raise BuiltinError(f"invalid JSON value '{text}': {error}") from None
    try:
        return _to_pan(parsed, "$")
    except _JsonKeyError as error:
        raise BuiltinError(f"JSON path '{error.path}' is not a valid PAN path") from None
