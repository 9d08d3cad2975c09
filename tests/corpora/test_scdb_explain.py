"""``panc explain`` on the SCDB example site (issue 16), configured as SCDB users do (``--cluster``).

The hostname of wn.example.org and a value the compiler took from a type default, each with
its whole chain: the final value is the one in the Java panc's profile of the host, and every
write and check is at its ``FILE:LINE:COL`` with its statement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_support import CORPORA

from panc.cli import dispatch

SITE = CORPORA / "scdb-example-site"
CLUSTER = "cfg/clusters/grid/umd4"

pytestmark = pytest.mark.skipif(not SITE.is_dir(), reason="the corpora (../shared/corpora) are not here")


def explain(path: str, output: str = "json") -> tuple[int, str]:
    import io  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    code = dispatch(
        [
            "explain",
            "--cluster",
            CLUSTER,
            "--max-iteration",
            "5000",
            "--format",
            output,
            "wn.example.org",
            path,
        ],
        stdout,
        stderr,
    )
    assert stderr.getvalue() == ""
    return code, stdout.getvalue()


def java_value(path: str) -> object:
    value = json.loads((SITE / "expected" / "wn.example.org.json").read_text())
    for term in path.strip("/").split("/"):
        value = value[term]
    return value


def where(entry: dict) -> tuple:
    return (
        Path(entry["file"]).relative_to((SITE / "cfg").resolve()).as_posix(),
        entry["line"],
        entry["column"],
    )


@pytest.fixture(autouse=True)
def _in_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)


def test_the_hostname_of_wn_and_its_chain() -> None:
    code, text = explain("/system/network/hostname")
    found = json.loads(text)
    assert code == 0
    assert java_value("/system/network/hostname") == "wn"
    assert (found["object"], found["value"], found["error"]) == ("wn.example.org", "'wn'", None)
    assert [(w["kind"], w["relation"], where(w), w["statement"]) for w in found["writes"]] == [
        (
            "assign",
            "self",
            ("standard/os/network/config.pan", 11, 1),
            '"/system/network/hostname" ?= HOSTNAME;',
        ),
    ]
    (profile,) = found["checks"]
    assert (profile["path"], profile["type"], where(profile), profile["statement"]) == (
        "/",
        "structure_profile",
        ("quattor/dev/quattor/profile_base.pan", 7, 12),
        "bind '/' = structure_profile;",
    )
    assert [(t["name"], where(t)) for t in profile["types"]] == [
        ("type_shorthostname", ("quattor/dev/components/network/types/network.pan", 46, 18)),
        ("type_shorthostname", ("quattor/dev/pan/types.pan", 491, 27)),
    ]


def test_a_value_set_by_a_type_default() -> None:
    code, text = explain("/software/components/ccm/configFile")
    found = json.loads(text)
    assert code == 0
    assert found["value"] == f"'{java_value('/software/components/ccm/configFile')}'" == "'/etc/ccm.conf'"
    assert [(w["kind"], w["template"], where(w), w["statement"]) for w in found["writes"]] == [
        (
            "default",
            "string",
            ("quattor/dev/components/ccm/schema.pan", 66, 20),
            "'configFile' : string = '/etc/ccm.conf'",
        ),
    ]
    assert [(c["path"], c["type"], where(c)) for c in found["checks"]] == [
        ("/", "structure_profile", ("quattor/dev/quattor/profile_base.pan", 7, 12)),
        ("/software/components/ccm", "ccm_component", ("quattor/dev/components/ccm/config.pan", 18, 35)),
    ]


def test_the_text_report_for_ci_logs() -> None:
    code, text = explain("/system/network/hostname", "text")
    assert code == 0
    assert text.splitlines()[:5] == [
        "wn.example.org: /system/network/hostname = 'wn'",
        "",
        "writes, oldest first:",
        "  1. cfg/standard/os/network/config.pan:11:1  /system/network/hostname = 'wn'",
        '       "/system/network/hostname" ?= HOSTNAME;',
    ]
