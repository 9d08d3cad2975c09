"""ip4_to_long, long_to_ip4 and the IPv6/IPv4 network extensions."""

from __future__ import annotations

import pytest
from builtin_calls import call, fails

from panc.builtins import BUILTINS


def test_ip4_to_long() -> None:
    # panc returns [address, mask] (tests/oracle/cases/bi-encoding: ip_ok)
    assert call("ip4_to_long", "127.0.0.1") == [0x7F000001, 0xFFFFFFFF]
    assert call("ip4_to_long", "127.0.0.1/8") == [0x7F000001, 0xFF000000]
    assert call("ip4_to_long", "0.0.0.0/0") == [0, 0]
    assert call("ip4_to_long", "1.2.3.4/99999999999") == [0x01020304, 0xFFFFFFFF]  # no int: ignored
    assert call("ip4_to_long", "1.2.3.4\n") == [0x01020304, 0xFFFFFFFF]  # Java's $
    assert call("ip4_to_long", "255.255.255.255/32") == [0xFFFFFFFF, 0xFFFFFFFF]
    address, mask = call("ip4_to_long", "127.0.0.1/8")
    assert address & mask == 0x7F000000


@pytest.mark.parametrize(
    "text", ["1.2.3", "1.2.3.256", "a.b.c.d", "1.2.3.4/", "1.2.3.4/x", "", " 1.2.3.4", "1.2.3.4/255.0.0.0"]
)
def test_ip4_to_long_errors(text: str) -> None:
    assert fails("ip4_to_long", text) == (  # ip_e2, ip_e3
        "argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, "
        'like "127.0.0.1/8"'
    )


def test_ip4_to_long_other_errors() -> None:
    assert fails("ip4_to_long", "1.2.3.4/33") == "bitmask to IP must be between 0 and 32."  # ip_e4
    assert fails("ip4_to_long", 1) == "argument to ip4_to_long() must be a string"  # ip_e1


def test_long_to_ip4() -> None:
    assert call("long_to_ip4", 0x01020304) == "1.2.3.4"
    assert call("long_to_ip4", 0xFFFFFFFF) == "255.255.255.255"
    # panc's texts, which name ip4_to_long (tests/oracle/cases/bi-encoding: ip_e6..ip_e8)
    assert fails("long_to_ip4", -1) == "argument to ip4_to_long must be a 32-bit integer"
    assert fails("long_to_ip4", 2**32) == "argument to ip4_to_long must be a 32-bit integer"
    assert fails("long_to_ip4", "1.2.3.4") == "argument to ip4_to_long must be a long"


def test_ip4_in_network() -> None:
    assert call("ip4_in_network", "10.1.2.3", "10.1.0.0/16") is True
    assert call("ip4_in_network", "10.2.2.3", "10.1.0.0/16") is False
    assert call("ip4_in_network", "10.1.2.3", "10.1.0.0/255.255.0.0") is True
    assert call("ip4_in_network", "10.1.2.3", "10.1.2.3") is True
    assert call("ip4_in_network", "1.2.3.4", "0.0.0.0/0") is True
    assert "must not have a mask" in fails("ip4_in_network", "10.1.2.3/8", "10.0.0.0/8")
    assert "invalid IPv4 address '10.0.0/8'" in fails("ip4_in_network", "10.1.2.3", "10.0.0/8")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"),  # first of equal runs
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),  # a single zero group stays
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),  # the longest run
        ("0:0:0:0:0:0:0:0", "::"),
        ("::1", "::1"),
        ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        ("0:0:0:0:0:ffff:c000:0201", "::ffff:192.0.2.1"),
        ("2001:db8::1/64", "2001:db8::1/64"),
        ("FE80::1%eth0", "fe80::1%eth0"),
    ],
)
def test_ip6_canonical_follows_rfc_5952(text: str, canonical: str) -> None:
    assert call("ip6_canonical", text) == canonical


@pytest.mark.parametrize(
    "text",
    ["", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::", "g::1", "1.2.3.4", "::1/129", "::1/x", "::1/"],
)
def test_ip6_malformed_input(text: str) -> None:
    message = fails("ip6_canonical", text)
    assert message.startswith("ip6_canonical(): invalid IPv6 ")
    assert f"'{text}'" in message


def test_ip6_to_list() -> None:
    assert call("ip6_to_list", "2001:db8::1") == [0x2001, 0xDB8, 0, 0, 0, 0, 0, 1]
    assert call("ip6_to_list", "2001:db8::1/64") == [0x2001, 0xDB8, 0, 0, 0, 0, 0, 1, 64]
    assert call("ip6_to_list", "::ffff:1.2.3.4") == [0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304]
    assert "ip6_to_list(): invalid IPv6 address" in fails("ip6_to_list", "x")


def test_ip6_in_network() -> None:
    assert call("ip6_in_network", "2001:db8::5", "2001:db8::/32") is True
    assert call("ip6_in_network", "2001:db9::5", "2001:db8::/32") is False
    assert call("ip6_in_network", "2001:db8:0:0:ffff::1", "2001:db8::/64") is True
    assert call("ip6_in_network", "2001:db8:0:1::1", "2001:db8::/64") is False
    assert call("ip6_in_network", "::1", "::1") is True
    assert call("ip6_in_network", "::1", "::/0") is True
    assert "must not have a prefix length" in fails("ip6_in_network", "::1/64", "::/0")
    assert "invalid IPv6 prefix length" in fails("ip6_in_network", "::1", "::/200")


def test_extensions_are_documented_as_such() -> None:
    for name in ("ip6_canonical", "ip6_to_list", "ip6_in_network", "ip4_in_network"):
        assert BUILTINS[name].doc.startswith("Extension (not in panc)")
