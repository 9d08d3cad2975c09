"""Strings written as the Java compiler writes them: its UTF-8 bytes and Gson's JSON string
literals.

Shared by the builtins (``base64_encode``, ``digest``, ``json_encode``) and the output formats
(``pan``, ``json``, ``text``...), which must agree byte for byte; it lives below both so that
the outputs never import the builtins.
"""

from __future__ import annotations

import base64
import codecs
import re

# The loader keeps a byte that is not UTF-8 as a surrogate escape (U+DC80..U+DCFF, Python's
# "surrogateescape"), where Java's decoder read the replacement character.
_UNDECODED_AS_JAVA = {code: "\ufffd" for code in range(0xDC80, 0xDD00)}


def java_decoded(s: str) -> str:
    """``s`` as the Java compiler would hold it: each byte of a template that was not UTF-8 is
    U+FFFD, the replacement character Java's UTF-8 decoder reads it as."""
    return s.translate(_UNDECODED_AS_JAVA)


def java_utf8(s: str) -> bytes:
    """``s`` in UTF-8 as Java writes it (``getBytes``, its writers): an undecodable byte of the
    template as U+FFFD (``java_decoded``), and a lone surrogate (``substr`` cutting a character
    outside the BMP in two) as ``?``, where Python's encoder would fail."""
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return java_decoded(s).encode("utf-8", "replace")


JAVA_CONSOLE_ERRORS = "pan-java-console"
"""The codec error handler of panc's consoles: what UTF-8 cannot encode is printed as Java
prints it (``java_utf8``): an undecodable byte of a template as U+FFFD, a lone surrogate as ``?``."""


def _java_console_replacement(error: UnicodeError) -> tuple[bytes, int]:
    # bytes, not text: an encoder takes only an ASCII text back from its error handler
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        undecoded = "\ufffd".encode(error.encoding)
    except (UnicodeEncodeError, LookupError):  # a console that cannot show it either
        undecoded = b"?"
    bad = error.object[error.start : error.end]
    return b"".join(undecoded if "\udc80" <= c <= "\udcff" else b"?" for c in bad), error.end


codecs.register_error(JAVA_CONSOLE_ERRORS, _java_console_replacement)


def as_console_prints(text: str) -> str:
    """``text`` as panc's UTF-8 console shows it (for output captured in memory)."""
    return text.encode("utf-8", JAVA_CONSOLE_ERRORS).decode("utf-8")


def _gson_escapes() -> dict[int, str]:
    table = {c: f"\\u{c:04x}" for c in range(0x20)}
    table.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\t"): "\\t", ord("\b"): "\\b"})
    table.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\f"): "\\f"})
    table.update({0x2028: "\\u2028", 0x2029: "\\u2029"})
    # Gson's default (HTML-safe) writer also escapes these
    for c in "<>&='":
        table[ord(c)] = f"\\u{ord(c):04x}"
    return table


_JSON_ESCAPES = _gson_escapes()
_JSON_SPECIAL = re.compile("[\"\\\\<>&='\u2028\u2029\x00-\x1f]")


def json_string(text: str) -> str:
    """A JSON string literal exactly as Gson (which panc uses, for ``json_encode`` and the
    ``json`` profile format) writes it: HTML-safe, ``<`` is ``\\u003c``..."""
    if _JSON_SPECIAL.search(text) is None:  # most strings: nothing to escape
        return f'"{text}"'
    return f'"{text.translate(_JSON_ESCAPES)}"'


def java_base64(data: bytes) -> str:
    """panc's ``Base64.encodeBytes`` (``base64_encode`` and the XML of strings XML cannot hold):
    a line break after every 76 characters of complete 3-byte groups, even at the very end."""
    encoded = base64.b64encode(data).decode("ascii")
    if len(encoded) <= 76 and len(data) < 57:
        return encoded
    full = len(data) // 3 * 4  # the characters of complete 3-byte groups get the breaks
    lines = [encoded[i : min(i + 76, full)] for i in range(0, full, 76)]
    text = "\n".join(lines)
    if full and full % 76 == 0:
        text += "\n"
    return text + encoded[full:]
