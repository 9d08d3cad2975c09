"""Any profile written as JSON or pan XML reads back as the same profile (escaping, base64, numbers)."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from panc.evaluation.values import Value
from panc.output import json_format, xml_format
from panc.output.reading import profile_from_pan_xml

# Lone surrogates (a byte of a template that is not UTF-8, half of a character cut by substr)
# are written as Java writes them, U+FFFD or '?', which cannot read back the same: see
# test_output_unencodable_strings.py.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
keys = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8)
scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)
profiles = st.dictionaries(keys, values, max_size=5)


def _same(a: Value, b: Value) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_json_reads_back(profile):
    assert _same(json.loads(json_format.render(profile)), profile)


def _xml_safe_key(key: str) -> bool:
    # keys are attribute values: XML cannot carry control characters there at all
    return all(c in "\t\n\r" or ord(c) >= 0x20 for c in key) and "\ufffe" not in key and "\uffff" not in key


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_xml_reads_back(profile):
    def keys_ok(v: Value) -> bool:
        if isinstance(v, dict):
            return all(_xml_safe_key(k) and keys_ok(x) for k, x in v.items())
        if isinstance(v, list):
            return all(keys_ok(x) for x in v)
        return True

    if not keys_ok(profile):
        return
    root = ET.fromstring(xml_format.render(profile).encode("utf-8"))
    assert root.get("format") == "pan"
    assert _same(profile_from_pan_xml(root), profile)
