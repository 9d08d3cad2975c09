"""Each format against the byte-exact outputs of the Java panc (tiny/ and rich/ samples)."""

from __future__ import annotations

import gzip
from typing import NamedTuple

import pytest

from panc.output import FORMATS


class Dep(NamedTuple):
    name: str
    kind: str
    uri: str


TINY_DEPS = [Dep("hello", "PAN", "file:tiny/")]
RICH_DEPS = [Dep("site/defs", "PAN", "file:rich/"), Dep("rich", "PAN", "file:rich/"),
             Dep("site/common", "PAN", "file:rich/")]


def _sample_bytes(path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_tiny_sample_is_reproduced(samples, tiny_profile, key):
    fmt = FORMATS[key]
    expected = _sample_bytes(samples / "tiny" / f"fmt-{key}" / f"hello{fmt.suffix}")
    produced = fmt.render(tiny_profile, TINY_DEPS)
    if key.endswith(".gz"):
        produced = gzip.decompress(produced)
    assert produced == expected


@pytest.mark.parametrize(("key", "suffix"), [("pan", ".xml"), ("json", ".json"), ("text", ".txt"),
                                             ("dot", ".dot"), ("dep", ".dep")])
def test_rich_sample_is_reproduced(samples, rich_profile, key, suffix):
    expected = (samples / "rich" / "out" / f"rich{suffix}").read_bytes()
    assert FORMATS[key].render(rich_profile, RICH_DEPS) == expected


def test_every_format_key_has_a_sample(samples):
    keys = {p.name.removeprefix("fmt-") for p in (samples / "tiny").iterdir() if p.is_dir()}
    assert keys == set(FORMATS)
