"""``panc explain OBJECT PATH``: the final value and the whole history of a profile path.

A small site whose paths get their values every way pan gives them: an assignment, a
``create()`` of a structure template (with an override), a later assignment below it, record
field defaults, and ``bind``/``valid`` checks. Each chain is checked write by write, in order,
with its ``FILE:LINE:COL`` and statement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import dispatch_panc

SCHEMA = """declaration template schema;

type port_number = long(1..65535);

type net_card = {
    'device' : string
    'mtu' : long = 1500
    'speed' : long = 1000
};

type node = {
    'name' : string
    'port' : port_number = 22
    'cards' : net_card{}
};
"""
STRUCTURE = """structure template struct/net;

'device' = 'eth0';
'mtu' = 1500;
"""
NODE = """object template node1;

include 'schema';

bind '/node' = node;
valid '/node/name' = match(SELF, '^[a-z0-9]+$');

'/node/name' = 'node1';
'/node/cards/eth0' = create('struct/net', 'mtu', 9000);
'/node/cards/eth1' = create('struct/net');
'/node/cards/eth1/device' = 'eth1';
"""


@pytest.fixture(name="site")
def site_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    (site / "struct").mkdir(parents=True)
    (site / "schema.pan").write_text(SCHEMA)
    (site / "struct" / "net.pan").write_text(STRUCTURE)
    (site / "node1.pan").write_text(NODE)
    monkeypatch.chdir(tmp_path)
    return site


def explain_json(*argv: str) -> tuple[int, dict]:
    code, stdout, stderr = dispatch_panc(["explain", "--include-path", "site", "--format", "json", *argv])
    assert stderr == ""
    return code, json.loads(stdout)


def where(entry: dict) -> tuple:
    return Path(entry["file"]).name, entry["line"], entry["column"], entry["statement"]


def test_an_assignment_and_the_valid_and_bind_checks_of_the_path(site: Path) -> None:
    code, found = explain_json("node1", "/node/name")
    assert code == 0
    assert (found["object"], found["path"], found["value"], found["error"]) == (
        "node1",
        "/node/name",
        "'node1'",
        None,
    )
    assert [(w["kind"], w["relation"], where(w)) for w in found["writes"]] == [
        ("assign", "self", ("node1.pan", 8, 1, "'/node/name' = 'node1';")),
    ]
    assert [(c["path"], c["type"], where(c)) for c in found["checks"]] == [
        ("/node", "node", ("node1.pan", 5, 16, "bind '/node' = node;")),
        ("/node/name", "element", ("node1.pan", 6, 1, "valid '/node/name' = match(SELF, '^[a-z0-9]+$');")),
    ]
    assert [(t["name"], where(t)) for t in found["checks"][0]["types"]] == [
        ("string", ("schema.pan", 12, 14, "'name' : string")),
    ]


def test_values_from_create_then_overwritten_below(site: Path) -> None:
    code, found = explain_json("node1", "/node/cards/eth1/device")
    assert code == 0 and found["value"] == "'eth1'"
    first, second = found["writes"]
    assert (first["relation"], first["path"], first["valueAtPath"]) == (
        "parent",
        "/node/cards/eth1",
        "'eth0'",
    )
    assert where(first) == ("node1.pan", 10, 1, "'/node/cards/eth1' = create('struct/net');")
    assert [(w["kind"], w["path"], w["template"], where(w)) for w in first["created"]] == [
        ("create", "device", "struct/net", ("net.pan", 3, 1, "'device' = 'eth0';")),
    ]
    assert (second["relation"], where(second)) == (
        "self",
        ("node1.pan", 11, 1, "'/node/cards/eth1/device' = 'eth1';"),
    )


def test_a_create_override_is_the_statement_that_wrote_it(site: Path) -> None:
    code, found = explain_json("node1", "/node/cards/eth0/mtu")
    assert code == 0 and found["value"] == "9000"
    (write,) = found["writes"]
    assert write["valueAtPath"] == "9000"
    assert where(write)[3] == "'/node/cards/eth0' = create('struct/net', 'mtu', 9000);"
    assert [where(w) for w in write["created"]] == [("net.pan", 4, 1, "'mtu' = 1500;")]


def test_type_defaults_of_a_named_type_and_of_a_record_field(site: Path) -> None:
    code, found = explain_json("node1", "/node/port")
    assert code == 0 and found["value"] == "22"
    assert [(w["kind"], w["template"], where(w)) for w in found["writes"]] == [
        ("default", "port_number", ("schema.pan", 13, 14, "'port' : port_number = 22")),
    ]
    code, found = explain_json("node1", "/node/cards/eth1/speed")
    assert code == 0 and found["value"] == "1000"
    assert [(w["kind"], where(w)) for w in found["writes"]] == [
        ("default", ("schema.pan", 8, 15, "'speed' : long = 1000")),
    ]


def test_the_text_report(site: Path) -> None:
    code, stdout, _ = dispatch_panc(["explain", "--include-path", "site", "node1", "/node/cards/eth1/device"])
    assert code == 0
    assert stdout.splitlines()[:9] == [
        "node1: /node/cards/eth1/device = 'eth1'",
        "",
        "writes, oldest first:",
        "  1. site/node1.pan:10:1  /node/cards/eth1 = dict('device', 'eth0', 'mtu', 1500)"
        "  (sets it to 'eth0')",
        "       '/node/cards/eth1' = create('struct/net');",
        "       from create('struct/net'): site/struct/net.pan:3:1  device = 'eth0'",
        "         'device' = 'eth0';",
        "  2. site/node1.pan:11:1  /node/cards/eth1/device = 'eth1'",
        "       '/node/cards/eth1/device' = 'eth1';",
    ]


def test_an_absent_path_and_a_failing_object_exit_1(site: Path) -> None:
    code, found = explain_json("node1", "/node/nothing")
    assert (code, found["value"], found["writes"]) == (1, None, [])
    (site / "node1.pan").write_text(NODE.replace("'node1';", "'Node_1';"))
    code, found = explain_json("node1", "/node/name")
    assert code == 1
    assert found["error"].startswith("validation error")
    assert found["value"] == "'Node_1'"  # the value that fails, and who wrote it
    assert [where(w)[1] for w in found["writes"]] == [8]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["node1"],
            "OPTIONS ERROR: give an object template (name or file) and a profile path: OBJECT PATH\n",
        ),
        (["node1", "relative/path"], "OPTIONS ERROR: 'relative/path' is not an absolute profile path\n"),
        (["node1", "/a/{"], None),
    ],
)
def test_bad_input_is_an_options_error(site: Path, argv: list[str], message: str | None) -> None:
    code, stdout, stderr = dispatch_panc(["explain", "--include-path", "site", *argv])
    assert (code, stdout) == (2, "")
    assert stderr.startswith("OPTIONS ERROR: ")
    if message is not None:
        assert stderr == message
