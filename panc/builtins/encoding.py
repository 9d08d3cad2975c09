"""Encodings: ``base64_encode``/``base64_decode``, ``json_encode``/``json_decode``, ``digest``,
and ``escape``/``unescape`` (the key escaping of pan paths).

Strings become bytes as UTF-8, as the Java compiler does on the usual platform.
"""

# Exact type tests on purpose: bool is a subclass of int (see panc.evaluation.values).

from __future__ import annotations

import hashlib

from panc.builtins import gson_reader
from panc.builtins.conversions import parse_java_double, parse_java_long
from panc.builtins.registry import BuiltinError, builtin
from panc.diagnostics import EvaluationError, JavaRuntimeFailure, PanSyntaxError
from panc.evaluation.control import not_constant
from panc.evaluation.terms import string_term
from panc.evaluation.values import (
    NULL,
    Value,
    format_double,
    java_length,
    java_type,
    sorted_keys,
)
from panc.javatext import java_base64, java_utf8, json_string
from panc.syntax import paths

# --- escape / unescape (shared with path syntax: ``{...}`` in paths is ``escape(...)``) ------

def _string_argument(name: str, value: Value, where: str = "range") -> str:
    """``value`` if it is a string; else panc's error, made with its range alone (``escape``)
    or with the context too (``unescape`` at run time: its own place in the call trace)."""
    if type(value) is not str:
        raise BuiltinError(f"{name} argument is not a string: {java_type(value)}", where=where)
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
        return paths.unescape(_string_argument("unescape", args[0], where="context"))
    except paths.TermError as error:
        raise BuiltinError(str(error)) from None


# --- base64 --------------------------------------------------------------------------------


_BASE64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BASE64_VALUES = {c: i for i, c in enumerate(_BASE64_ALPHABET)}
_BASE64_VALUES[ord("=")] = 0xFF  # panc's DECODABET: -1, read as a byte
_BASE64_SPACE = frozenset(b" \t\n\r")


def _base64_group(group: list[int], out: bytearray) -> None:
    """panc's ``decode4to3``."""
    values = [_BASE64_VALUES[c] for c in group]
    if group[2] == 0x3D:
        out.append(((values[0] << 18 | values[1] << 12) >> 16) & 0xFF)
        return
    bits = values[0] << 18 | values[1] << 12 | values[2] << 6
    if group[3] == 0x3D:
        out.extend(((bits >> 16) & 0xFF, (bits >> 8) & 0xFF))
        return
    bits |= values[3]
    out.extend(((bits >> 16) & 0xFF, (bits >> 8) & 0xFF, bits & 0xFF))


def java_base64_decode(text: str) -> bytes:
    """panc's own ``Base64.decode`` (not the standard one): each byte of the UTF-8 text taken
    modulo 128, white space skipped, groups of four decoded until one ends with ``=``, an
    incomplete last group dropped; any other character is an error."""
    out = bytearray()
    group: list[int] = []
    for position, byte in enumerate(java_utf8(text)):
        code = byte & 0x7F
        if code in _BASE64_VALUES:
            group.append(code)
            if len(group) == 4:
                _base64_group(group, out)
                group = []
                if code == 0x3D:
                    break
        elif code not in _BASE64_SPACE:
            signed = byte - 256 if byte > 127 else byte
            raise BuiltinError(f"Bad Base64 input character at {position}: {signed}(decimal)", where="bare")
    return bytes(out)


@builtin(
    "base64_encode",
    min_args=1,
    max_args=1,
    signature="base64_encode(str)",
    arity_message="base64_encode() requires exactly one argument",
)
def base64_encode(args: list[Value]) -> str:
    """Return the base64 (RFC 2045) encoding of the string's UTF-8 bytes, in lines of 76
    characters: ``base64_encode("hello world")`` is ``"aGVsbG8gd29ybGQ="``."""
    text = args[0]
    if type(text) is not str:
        raise BuiltinError("argument for base64_encode() must be a string")
    return java_base64(java_utf8(text))


@builtin(
    "base64_decode",
    min_args=1,
    max_args=1,
    signature="base64_decode(encoded)",
    arity_message="base64_decode() requires exactly one argument",
)
def base64_decode(args: list[Value]) -> str:
    """Return the string encoded in base64 (RFC 2045) by the argument:
    ``base64_decode("aGVsbG8gd29ybGQ=")`` is ``"hello world"``. White space in the argument is
    ignored, and so is what follows a group ending with ``=``; other characters are errors.
    Bytes that are not UTF-8 become U+FFFD."""
    text = args[0]
    if type(text) is not str:
        raise BuiltinError("argument for base64_decode() must be a string")
    return java_base64_decode(text).decode("utf-8", errors="replace")


# --- digest --------------------------------------------------------------------------------

_DIGESTS = {
    "MD5": "md5",
    "SHA": "sha1",
    "SHA1": "sha1",
    "SHA-1": "sha1",
    "SHA-224": "sha224",
    "SHA224": "sha224",
    "SHA-256": "sha256",
    "SHA256": "sha256",
    "SHA-384": "sha384",
    "SHA384": "sha384",
    "SHA-512": "sha512",
    "SHA512": "sha512",
    "SHA-512/224": "sha512_224",
    "SHA512/224": "sha512_224",
    "SHA-512/256": "sha512_256",
    "SHA512/256": "sha512_256",
    "SHA3-224": "sha3_224",
    "SHA3-256": "sha3_256",
    "SHA3-384": "sha3_384",
    "SHA3-512": "sha3_512",
}
"""The algorithms of Java's ``MessageDigest`` (its SUN provider, names in any case) and
hashlib's names for them; MD2 is computed here."""

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


def is_digest_algorithm(name: str) -> bool:
    return name.upper() in _DIGESTS or name.upper() == "MD2"


def _check_digest(args: list[Value], where: object) -> None:
    """panc's ``Digest.getInstance``."""
    algorithm = args[0]
    if not not_constant(algorithm):
        if type(algorithm) is not str:
            raise PanSyntaxError("first argument of digest() must be a string", where)  # type: ignore[arg-type]
        if not is_digest_algorithm(algorithm):
            raise PanSyntaxError(f"invalid digest algorithm ({algorithm})", where)  # type: ignore[arg-type]
    message = args[1]
    if not not_constant(message) and type(message) is not str:
        # panc raises an evaluation error from its parser here, which it reports as an internal
        # error followed by its Java stack trace (left out: it names the compiler's own classes)
        raise JavaRuntimeFailure("unexpected exception encountered", where)  # type: ignore[arg-type]


@builtin(
    "digest",
    min_args=2,
    max_args=2,
    signature="digest(algorithm, message)",
    arity_message="digest() requires exactly two arguments",
    compile_check=_check_digest,
)
def digest(args: list[Value]) -> str:
    """Return the digest of ``message`` computed with ``algorithm`` as a hexadecimal string.
    The algorithms are Java's: ``MD2``, ``MD5``, ``SHA-1`` (``SHA``), ``SHA-224``, ``SHA-256``,
    ``SHA-384``, ``SHA-512``, ``SHA-512/224``, ``SHA-512/256`` and ``SHA3-224`` to
    ``SHA3-512``, in any case. As in panc, leading zeros of the hex number are not printed."""
    algorithm = args[0]
    if type(algorithm) is not str:
        raise BuiltinError("first argument of digest() must be a string", where="range")
    message = args[1]
    if type(message) is not str:
        raise BuiltinError("second argument of digest() must be a string", where="range")
    # panc hashes the first length() bytes of the UTF-8 encoding (equal for ASCII text).
    data = java_utf8(message)[: java_length(message)]
    name = algorithm.upper()
    if name == "MD2":
        raw = md2(data)
    elif name in _DIGESTS:
        raw = hashlib.new(_DIGESTS[name], data).digest()
    else:
        raise BuiltinError(f"invalid digest algorithm ({algorithm})", where="range")
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
        out.append(format_double(value))  # Gson writes leniently: NaN and Infinity as they are
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
        raise BuiltinError("undef cannot be converted to JSON")


@builtin(
    "json_encode",
    min_args=1,
    max_args=1,
    signature="json_encode(arg)",
    arity_message="json_encode() requires exactly one argument",
)
def json_encode(args: list[Value]) -> str:
    """Return the JSON representation of the argument, pretty-printed with two-space indents
    and dict keys in sorted order. ``undef`` cannot be encoded, even inside a resource;
    ``null`` list items appear as ``null`` while dict keys whose value is ``null`` are left
    out."""
    out: list[str] = []
    _encode_json(args[0], "", out)
    return "".join(out)


def _java_long(text: str) -> int:
    """Java's ``Long.parseLong`` of a JSON number's text; what it refuses (``1e2``, a number
    beyond a long) is its ``NumberFormatException``, which panc does not catch."""
    try:
        return parse_java_long(text)
    except ValueError:
        raise BuiltinError(f'For input string: "{text}"', where="java") from None


def _pan_value(token: str, text: str, reader: gson_reader.GsonReader) -> Value:
    """panc's ``JsonUtils.ElementAdapter.read`` of the token just consumed."""
    if token == gson_reader.STRING:
        return text
    if token == gson_reader.NUMBER:
        return _java_long(text) if "." not in text else parse_java_double(text)
    if token == gson_reader.TRUE:
        return True
    if token == gson_reader.FALSE:
        return False
    if token == gson_reader.NULL:
        return NULL
    if token == gson_reader.BEGIN_ARRAY:
        items: list[Value] = []
        while reader.peek() not in (gson_reader.END_ARRAY, gson_reader.END_OBJECT):
            items.append(_pan_value(reader.consume(), reader.peeked_text, reader))
        reader.consume()
        return items
    if token == gson_reader.BEGIN_OBJECT:
        members: dict[str, Value] = {}
        while reader.peek() not in (gson_reader.END_ARRAY, gson_reader.END_OBJECT):
            reader.consume()
            try:
                term = string_term(reader.peeked_text)
            except EvaluationError as error:
                raise BuiltinError(error.message) from None
            value = _pan_value(reader.consume(), reader.peeked_text, reader)
            if type(term) is not str:
                raise BuiltinError(f"JSON path '{reader.path()}' is not a valid PAN path")
            if value is NULL:
                members.pop(term, None)
            else:
                members[term] = value
        reader.consume()
        return members
    raise reader.syntax_error(f"Expected a value but was {token}")


@builtin(
    "json_decode",
    min_args=1,
    max_args=1,
    signature="json_decode(encoded)",
    arity_message="json_decode() requires exactly one argument",
)
def json_decode(args: list[Value]) -> Value:
    """Parse JSON into the matching pan value, as panc does with Gson (leniently: unquoted or
    single-quoted strings and names, comments): objects become dicts, arrays lists, numbers
    with a ``.`` doubles and other numbers longs. Member names must be valid dict keys;
    ``null`` members are left out, ``null`` array items kept. An empty text gives ``null``."""
    text = args[0]
    if type(text) is not str:
        raise BuiltinError("argument for json_decode() must be a string")
    try:
        value = gson_reader.read_json(text, _pan_value)
    except gson_reader.JsonReadError as error:
        raise BuiltinError(f"invalid JSON value {text}: {error}") from None
    except gson_reader.JsonNumberFormatError as error:
        raise BuiltinError(str(error), where="java") from None
    except RecursionError:
        raise BuiltinError(f"invalid JSON value {text}: nested too deeply") from None
    return NULL if value is None else value
