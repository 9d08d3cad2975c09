"""The ``--formats`` table."""

from __future__ import annotations

import gzip

import pytest

from panc.output import FORMATS, UnknownFormatError, parse_formats


def test_default_formats():
    assert [f.suffix for f in parse_formats("pan,dep")] == [".xml", ".dep"]


def test_none_selects_nothing():
    assert not parse_formats("none")


@pytest.mark.parametrize("key", ["txt", "xmldb", "PAN", "", " json"])
def test_unknown_keys_are_rejected(key):
    with pytest.raises(UnknownFormatError) as info:
        parse_formats(f"{key},pan")
    assert info.value.key == key


def test_names_are_split_as_the_java_panc_splits_them():
    """``\\s*,\\s*``, trailing empty names dropped (Java's ``String.split``)."""
    assert [f.key for f in parse_formats("json ,  pan,,")] == ["json", "pan"]
    assert not parse_formats(",")
    with pytest.raises(UnknownFormatError):
        parse_formats("")


def test_formats_sharing_a_file_are_written_once():
    assert [f.key for f in parse_formats("pan,xml,json,pan")] == ["pan", "json"]


@pytest.mark.parametrize("key", ["pan.gz", "xml.gz", "json.gz", "dep.gz"])
def test_gz_variants_compress_their_plain_sibling(key):
    plain = FORMATS[key.removesuffix(".gz")]
    profile = {"a": [1, "x"]}
    assert gzip.decompress(FORMATS[key].render(profile, [])) == plain.render(profile, [])
    assert FORMATS[key].suffix == plain.suffix + ".gz"
