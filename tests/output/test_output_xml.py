"""pan XML details the samples do not cover: escaping, base64, empty containers."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from panc.output import xml_format

HEADER = '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile"'


def test_empty_profile_is_a_self_closing_root():
    assert xml_format.render({}) == HEADER + "/>\n"


def test_text_escapes_markup_but_not_quotes():
    out = xml_format.render({"s": "a&b<c>d\"e'f"})
    assert '<string name="s">a&amp;b&lt;c&gt;d"e\'f</string>' in out


def test_carriage_return_is_a_character_reference():
    out = xml_format.render({"s": "a\r\nb"})
    assert '<string name="s">a&#13;\nb</string>' in out
    assert ET.fromstring(out.encode()).find("string").text == "a\r\nb"


def test_attribute_values_are_escaped():
    out = xml_format.render({'k"&<': 1})
    assert '<long name="k&quot;&amp;&lt;">1</long>' in out


def test_string_invalid_in_xml_is_base64_encoded():
    value = "bell\x07 and nul\x00"
    out = xml_format.render({"s": value, "l": ["\x1b"]})
    encoded = base64.b64encode(value.encode()).decode()
    assert f'<string name="s" encoding="base64">{encoded}</string>' in out
    assert '<string encoding="base64">Gw==</string>' in out
    assert ET.fromstring(out.encode()) is not None


def test_non_ascii_text_is_written_as_utf8():
    # a character outside the BMP is a character reference, as Java's serializer writes it
    # (tests/oracle/cases/bi-strings: substr_ok.xml)
    out = xml_format.render({"s": "é\U0001f600"})
    assert '<string name="s">é&#128512;</string>' in out


def test_nested_indentation_and_list_children_without_names():
    out = xml_format.render({"a": [[1], {}], "b": {"c": []}})
    assert out == (
        HEADER + ">\n"
        '    <list name="a">\n'
        "        <list>\n"
        "            <long>1</long>\n"
        "        </list>\n"
        "        <nlist/>\n"
        "    </list>\n"
        '    <nlist name="b">\n'
        '        <list name="c"/>\n'
        "    </nlist>\n"
        "</nlist>\n"
    )


def test_numbers_use_java_to_string():
    out = xml_format.render({"a": 1e-5, "b": -0.0, "c": 1.5e300, "d": -9223372036854775808, "e": False})
    assert '<double name="a">1.0E-5</double>' in out
    assert '<double name="b">-0.0</double>' in out
    assert '<double name="c">1.5E300</double>' in out
    assert '<long name="d">-9223372036854775808</long>' in out
    assert '<boolean name="e">false</boolean>' in out
