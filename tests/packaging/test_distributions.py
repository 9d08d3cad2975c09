"""The sdist and the wheel, built as a release would build them (``python -m build``): license,
metadata for PyPI, a long description whose links work off GitHub, and an sdist that carries
what its tests need."""

from __future__ import annotations

import email
import re
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VERSION = "0.1.0"

pytest.importorskip("build", reason="the test extra installs 'build'")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return out


def _wheel(dist: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(dist / f"pan_tools-{VERSION}-py3-none-any.whl")


def _sdist_names(dist: Path) -> list[str]:
    with tarfile.open(dist / f"pan_tools-{VERSION}.tar.gz") as sdist:
        return [name.split("/", 1)[1] for name in sdist.getnames() if "/" in name]


def _metadata(dist: Path) -> Message:
    with _wheel(dist) as wheel:
        return email.message_from_bytes(wheel.read(f"pan_tools-{VERSION}.dist-info/METADATA"))


def test_the_license_is_in_the_wheel_and_the_sdist(dist: Path) -> None:
    license_text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in license_text and "Version 2.0" in license_text
    with _wheel(dist) as wheel:
        assert wheel.read(f"pan_tools-{VERSION}.dist-info/licenses/LICENSE").decode() == license_text
    assert "LICENSE" in _sdist_names(dist)
    assert _metadata(dist)["License-Expression"] == "Apache-2.0"


def test_metadata_describes_the_project_for_an_index(dist: Path) -> None:
    metadata = _metadata(dist)
    classifiers = metadata.get_all("Classifier") or []
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Intended Audience :: System Administrators" in classifiers
    assert "Typing :: Typed" in classifiers
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL") or [])
    assert {"Homepage", "Repository", "Issues", "Documentation"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert "quattor" in (metadata["Keywords"] or "")
    assert metadata["Requires-Python"] == ">=3.11"


def test_long_description_links_are_absolute(dist: Path) -> None:
    metadata = _metadata(dist)
    assert metadata["Description-Content-Type"] == "text/markdown"
    body = metadata.get_payload()
    assert isinstance(body, str) and body.startswith("# pan-tools")
    links = re.findall(r"\]\(([^)]+)\)", body)
    assert links
    relative = [link for link in links if not re.match(r"(https?://|mailto:|#)", link)]
    assert relative == [], "PyPI renders the README away from the repository: links must be absolute"


def test_sdist_carries_the_examples_and_the_tests(dist: Path) -> None:
    names = set(_sdist_names(dist))
    assert "examples/site/profiles/web01.pan" in names
    assert "grammars/pan.lark" in names
    assert "tests/test_names.py" in names
    assert any(name.startswith("tests/panls/fixtures/") for name in names)
    assert any(name.endswith(".expected") for name in names)
    assert "bench/compile.py" in names
    assert not [name for name in names if "__pycache__" in name or name.startswith("examples/out")]


def test_wheel_carries_the_packages_and_the_grammar(dist: Path) -> None:
    with _wheel(dist) as wheel:
        names = set(wheel.namelist())
    assert {
        "panc/grammars/pan.lark",
        "panls/__main__.py",
        "pandbg/framing.py",
        "panlint/__main__.py",
    } <= names
    assert not [name for name in names if name.startswith(("tests/", "examples/", "bench/"))]
