"""Reading written profiles back into pan values (for ``panc diff`` and round-trip checks).

The inverse of the ``pan``/``xml`` and ``json`` formats: a pan XML element becomes the value
it was written from (``nlist`` -> dict, ``list`` -> list, base64 strings decoded), a JSON
document becomes dicts, lists and scalars. ``.gz`` files are decompressed first.
"""

from __future__ import annotations

import base64
import gzip
import json
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

from panc.deep_stack import call_with_deep_stack
from panc.evaluation.values import Value


class ProfileReadError(ValueError):
    """A file that is not a profile (or other output) panc could have written."""


def profile_from_pan_xml(element: ET.Element) -> Value:
    """The value a pan XML element (the root ``nlist`` or any child) was written from.

    Walked with a stack of its own, not Python's: a profile of any depth is read.
    """
    root: list[Value] = []
    # (element, the dict or list its value goes into, the key in a dict's case)
    pending: list[tuple[ET.Element, dict[str, Value] | list[Value], str | None]] = [(element, root, None)]
    while pending:
        node, container, key = pending.pop()
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "nlist":
            value: Value = {}
            children: list[tuple[ET.Element, dict[str, Value] | list[Value], str | None]] = [
                (child, value, child.get("name", "")) for child in node
            ]
        elif tag == "list":
            value = [None] * len(node)  # type: ignore[list-item]  # each slot is filled below
            children = [(child, value, str(index)) for index, child in enumerate(node)]
        else:
            value = _scalar_from_pan_xml(node, tag)
            children = []
        if type(container) is dict:
            container[key] = value  # type: ignore[index]
        elif key is None:
            container.append(value)  # type: ignore[union-attr]
        else:
            container[int(key)] = value  # type: ignore[index]
        pending.extend(reversed(children))
    return root[0]


def _scalar_from_pan_xml(element: ET.Element, tag: str) -> Value:
    text = element.text or ""
    try:
        if tag == "string":
            if element.get("encoding") == "base64":
                return base64.b64decode(text).decode("utf-8")
            return text
        if tag == "long":
            return int(text)
        if tag == "double":
            return float(text)
        if tag == "boolean":
            return text == "true"
    except ValueError as error:
        raise ProfileReadError(f"invalid <{tag}> value {text[:100]!r}") from error
    raise ProfileReadError(f"unknown pan XML element <{tag}>")


def read_output(path: Path) -> bytes:
    """The content of an output file panc wrote, decompressed when it is a ``.gz``.

    ``OSError`` when the file cannot be read, ``ProfileReadError`` when a ``.gz`` is damaged.
    """
    data = path.read_bytes()
    if not path.name.endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    # not gzip (BadGzipFile), cut short (EOFError), corrupt data (zlib.error)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise ProfileReadError(f"{path}: {error}") from error


def read_profile(path: Path) -> Value:
    """The profile in a ``.xml``, ``.json`` or gzipped file written by panc.

    ``OSError`` when the file cannot be read, ``ProfileReadError`` when it holds no profile.
    """
    data = read_output(path)
    try:
        if ".json" in path.name:
            return call_with_deep_stack(lambda: json.loads(data))  # the decoder recurses per level
        return profile_from_pan_xml(ET.fromstring(data))
    except (ET.ParseError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProfileReadError(f"{path}: {error}") from error
