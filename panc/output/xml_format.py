"""The ``pan`` (and ``xml``) format: panc's XML profile.

Byte-compatible with what the Java panc writes through the JDK's indenting XML serializer:
the declaration is followed by the root element on the same line, children are indented by
four spaces, empty elements are self-closing, and a string that cannot be XML text is written
base64-encoded (of its UTF-8 bytes) with ``encoding="base64"``.
"""

from __future__ import annotations

import base64
import re

from panc.evaluation.values import Value, format_double, sorted_keys
from panc.javatext import java_decoded, java_utf8

_HEADER = '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile"'
_INDENT = "    "

# Characters XML 1.0 forbids in a document (the complement of the Char production), listed
# as they are: the negated class of the allowed ones costs 9 ms to compile at every start-up.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""Characters outside the BMP, which Java's serializer writes as character references."""


def _character_reference(found: re.Match[str]) -> str:
    return f"&#{ord(found.group())};"


def render(profile: dict[str, Value]) -> str:
    """The pan XML document of a profile root."""
    out = [_HEADER]
    if not profile:
        out.append("/>\n")
        return "".join(out)
    out.append(">\n")
    _write_dict_children(out, profile, 1)
    out.append("</nlist>\n")
    return "".join(out)


def _write_dict_children(out: list[str], d: dict[str, Value], depth: int) -> None:
    for key in sorted_keys(d):
        _write_element(out, d[key], f' name="{key.translate(_ATTRIBUTE_ESCAPES)}"', depth)


def _write_element(out: list[str], v: Value, attributes: str, depth: int) -> None:
    indent = _INDENT * depth
    t = type(v)
    if t is dict:
        if not v:
            out.append(f"{indent}<nlist{attributes}/>\n")
            return
        out.append(f"{indent}<nlist{attributes}>\n")
        _write_dict_children(out, v, depth + 1)
        out.append(f"{indent}</nlist>\n")
    elif t is list:
        if not v:
            out.append(f"{indent}<list{attributes}/>\n")
            return
        out.append(f"{indent}<list{attributes}>\n")
        for item in v:
            _write_element(out, item, "", depth + 1)
        out.append(f"{indent}</list>\n")
    elif t is str:
        if _NOT_XML_CHAR.search(v):
            v = java_decoded(v)  # a template's undecodable bytes are U+FFFD to Java, a valid XML char
        if _NOT_XML_CHAR.search(v):
            text = base64.b64encode(java_utf8(v)).decode("ascii")
            attributes += ' encoding="base64"'
        else:
            text = v.translate(_TEXT_ESCAPES)
            if not text.isascii():
                text = _ASTRAL.sub(_character_reference, text)
        _write_scalar(out, indent, "string", attributes, text)
    elif t is bool:
        _write_scalar(out, indent, "boolean", attributes, "true" if v else "false")
    elif t is int:
        _write_scalar(out, indent, "long", attributes, str(v))
    elif t is float:
        _write_scalar(out, indent, "double", attributes, format_double(v))
    else:
        raise TypeError(f"not a profile value: {v!r}")


def _write_scalar(out: list[str], indent: str, tag: str, attributes: str, text: str) -> None:
    if text:
        out.append(f"{indent}<{tag}{attributes}>{text}</{tag}>\n")
    else:
        out.append(f"{indent}<{tag}{attributes}/>\n")
