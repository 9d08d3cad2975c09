"""The Java panc's JSON and XML profiles of the metaconfig corpus, read back and re-rendered.

Reading a JSON or pan XML profile gives back the exact profile panc wrote, so rendering it again
must give the same bytes: 154 real profiles exercise escaping, key order and numbers.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from panc.output import FORMATS
from panc.output.reading import profile_from_pan_xml

EXPECTED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "metaconfig" / "expected"


def _json_files() -> list[Path]:
    return sorted(EXPECTED.rglob("*.json")) if EXPECTED.is_dir() else []


@pytest.fixture(scope="module", name="json_files")
def fixture_json_files() -> list[Path]:
    files = _json_files()
    if not files:
        pytest.skip("../shared/corpora/metaconfig/expected is not available")
    return files


def test_json_profiles_round_trip(json_files):
    mismatched = [p.name for p in json_files if FORMATS["json"].render(json.loads(p.read_text("utf-8")), [])
                  != p.read_bytes()]
    assert not mismatched
    assert len(json_files) == 154


def test_xml_profiles_round_trip(json_files):
    mismatched = []
    for json_path in json_files:
        xml_path = json_path.with_suffix(".xml")
        profile = profile_from_pan_xml(ET.parse(xml_path).getroot())
        if FORMATS["pan"].render(profile, []) != xml_path.read_bytes():
            mismatched.append(xml_path.name)
    assert not mismatched
