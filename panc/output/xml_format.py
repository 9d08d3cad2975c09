"""The ``pan`` (and ``xml``) format: panc's XML profile.

Byte-compatible with what the Java panc writes through the JDK's indenting XML serializer:
the declaration is followed by the root element on the same line, children are indented by
four spaces, empty elements are self-closing, and a string that cannot be XML text is written
base64-encoded (its UTF-8 bytes, in panc's lines of 76 characters) with ``encoding="base64"``.
The tree is walked with a stack of its own, not Python's, so that a profile of any depth is
written.
"""

from __future__ import annotations

import re
from typing import Any

from panc.evaluation.memory import check_resident
from panc.evaluation.values import Value, format_double, sorted_keys
from panc.javatext import java_base64, java_decoded, java_utf8

_HEADER = '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile"'
_DEEP = 1000
_INDENT = "    "

# Characters XML 1.0 forbids in a document (the complement of the Char production), listed
# as they are: the negated class of the allowed ones costs 9 ms to compile at every start-up.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_C1_CONTROLS = {chr(code): f"&#{code};" for code in range(0x7F, 0xA0)}
"""DEL and the C1 controls: the JDK's serializer writes them as character references."""
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", **_C1_CONTROLS})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
     **_C1_CONTROLS}
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
    append = out.append
    # The dicts and lists being written around the current one: (value, sorted keys or None
    # for a list, next position, indentation of its elements).
    stack: list[tuple[Any, list[str] | None, int, str]] = []
    container: Any = profile
    keys: list[str] | None = sorted_keys(profile)
    position = 0
    indent = _INDENT
    while True:
        size = len(container)
        while position < size:
            if keys is not None:
                key = keys[position]
                child = container[key]
                attributes = f' name="{key.translate(_ATTRIBUTE_ESCAPES)}"'
            else:
                child = container[position]
                attributes = ""
            position += 1
            t = type(child)
            if t is dict or t is list:
                tag = "nlist" if t is dict else "list"
                if not child:
                    append(f"{indent}<{tag}{attributes}/>\n")
                    continue
                append(f"{indent}<{tag}{attributes}>\n")
                stack.append((container, keys, position, indent))
                if len(stack) > _DEEP or not len(out) & 0xFFFF:  # deep: quadratic indentation
                    check_resident()
                container, keys, position = child, (sorted_keys(child) if t is dict else None), 0
                indent += _INDENT
                size = len(container)
                continue
            _write_scalar_value(out, child, attributes, indent)
        if not stack:
            break
        closed = "nlist" if keys is not None else "list"
        container, keys, position, indent = stack.pop()
        append(f"{indent}</{closed}>\n")
    append("</nlist>\n")
    return "".join(out)


def _write_scalar_value(out: list[str], v: Value, attributes: str, indent: str) -> None:
    t = type(v)
    if t is str:
        if _NOT_XML_CHAR.search(v):  # type: ignore[arg-type]
            v = java_decoded(v)  # type: ignore[arg-type]  # undecodable bytes are U+FFFD to Java
        if _NOT_XML_CHAR.search(v):  # type: ignore[arg-type]
            text = java_base64(java_utf8(v))  # type: ignore[arg-type]
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
        _write_scalar(out, indent, "double", attributes, format_double(v))  # type: ignore[arg-type]
    else:
        raise TypeError(f"not a profile value: {v!r}")


def _write_scalar(out: list[str], indent: str, tag: str, attributes: str, text: str) -> None:
    if text:
        out.append(f"{indent}<{tag}{attributes}>{text}</{tag}>\n")
    else:
        out.append(f"{indent}<{tag}{attributes}/>\n")
