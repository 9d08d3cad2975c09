"""IP address builtins: panc's ``ip4_to_long`` and ``long_to_ip4``, plus IPv6 and network
membership functions that panc lacks (pan#147: "IPv6 functions in the same way as we have
for IPv4"): ``ip6_canonical``, ``ip6_to_list``, ``ip6_in_network`` and ``ip4_in_network``.
"""

from __future__ import annotations

import ipaddress
import re

from panc.builtins.arguments import string_arg
from panc.builtins.registry import BuiltinError, builtin
from panc.evaluation.values import LONG_MAX, Value

_DOTTED = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")
_PREFIX = re.compile(r"\d{1,3}")


def _dotted(function: str, text: str, whole: str) -> int:
    found = _DOTTED.fullmatch(text)
    if found is None or any(int(part) > 255 for part in found.groups()):
        raise BuiltinError(f"{function}(): invalid IPv4 address '{whole}'")
    result = 0
    for part in found.groups():
        result = (result << 8) | int(part)
    return result


def parse_ip4(function: str, text: str) -> tuple[int, int | None]:
    """``"a.b.c.d[/n]"`` or ``"a.b.c.d/m.m.m.m"`` as ``(address, mask or None)``."""
    address, slash, mask_text = text.partition("/")
    value = _dotted(function, address, text)
    if not slash:
        return value, None
    if _PREFIX.fullmatch(mask_text):
        length = int(mask_text)
        if length > 32:
            raise BuiltinError(f"{function}(): invalid IPv4 prefix length in '{text}' (0 to 32)")
        return value, (0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF
    return value, _dotted(function, mask_text, text)


_IP4 = re.compile(r"(\d+)\.(\d+)\.(\d+)\.(\d+)(?:/(\d+))?(?:\r\n|[\n\r\u0085\u2028\u2029])?", re.ASCII)
"""panc's ``IpToLong`` pattern, ``^...$`` with Java's ``$`` (it also matches before a final
line terminator)."""
_IP4_FORMAT = (
    "argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, "
    'like "127.0.0.1/8"'
)
_INT_MAX = 0x7FFFFFFF


@builtin(
    "ip4_to_long",
    min_args=1,
    max_args=1,
    signature="ip4_to_long(ip)",
    arity_message="ip4_to_long() requires exactly one argument",
)
def ip4_to_long(args: list[Value]) -> list[int]:
    """Convert an IPv4 address in dotted form, with an optional prefix length, to the list
    ``[address, mask]`` of longs (the mask is 4294967295 when no prefix length is given):
    ``l = ip4_to_long("127.0.0.1/8"); l[0] & l[1]`` is the network address."""
    text = args[0]
    if type(text) is not str:
        raise BuiltinError("argument to ip4_to_long() must be a string")
    found = _IP4.fullmatch(text)
    if found is None:
        raise BuiltinError(_IP4_FORMAT)
    address = 0
    for part in found.groups()[:4]:
        number = int(part)
        if number > LONG_MAX:
            raise BuiltinError(f'For input string: "{part}"', where="java")
        if number > 255:
            raise BuiltinError(_IP4_FORMAT)
        address = (address << 8) | number
    mask = 0xFFFFFFFF
    bits = found.group(5)
    if bits is not None and int(bits) <= _INT_MAX:  # Java ignores a prefix that is no int
        if int(bits) > 32:
            raise BuiltinError("bitmask to IP must be between 0 and 32.")
        shift = 32 - int(bits)
        mask = mask >> shift << shift
    return [address, mask]


@builtin(
    "long_to_ip4",
    min_args=1,
    max_args=1,
    signature="long_to_ip4(ip)",
    arity_message="long_to_ip4() requires exactly one argument",
)
def long_to_ip4(args: list[Value]) -> str:
    """Convert an IPv4 address held in a long (0 to 4294967295) into dotted form, like
    ``inet_ntoa``: ``long_to_ip4(0x01020304)`` is ``"1.2.3.4"``."""
    value = args[0]
    if type(value) is not int:
        raise BuiltinError("argument to ip4_to_long must be a long")
    if not 0 <= value <= 0xFFFFFFFF:
        raise BuiltinError("argument to ip4_to_long must be a 32-bit integer")
    return ".".join(str((value >> shift) & 0xFF) for shift in (24, 16, 8, 0))


@builtin("ip4_in_network", min_args=2, max_args=2, signature="ip4_in_network(addr, net/len)")
def ip4_in_network(args: list[Value]) -> bool:
    """Extension (not in panc): return true if the IPv4 address ``addr`` lies in the network
    ``net/len`` (prefix length or dotted mask): ``ip4_in_network("10.1.2.3", "10.1.0.0/16")``
    is true. A network without mask is a single address."""
    address, address_mask = parse_ip4("ip4_in_network", string_arg("ip4_in_network", args, 0))
    if address_mask is not None:
        raise BuiltinError(f"ip4_in_network(): the address '{args[0]}' must not have a mask")
    network, mask = parse_ip4("ip4_in_network", string_arg("ip4_in_network", args, 1))
    if mask is None:
        mask = 0xFFFFFFFF
    return (address & mask) == (network & mask)


def parse_ip6(function: str, text: str) -> tuple[ipaddress.IPv6Address, int | None]:
    """``"addr[/len]"`` as ``(address, prefix length or None)``."""
    address_text, slash, length_text = text.partition("/")
    try:
        address = ipaddress.IPv6Address(address_text)
    except ValueError as error:
        raise BuiltinError(f"{function}(): invalid IPv6 address '{text}': {error}") from None
    if not slash:
        return address, None
    if not _PREFIX.fullmatch(length_text) or int(length_text) > 128:
        raise BuiltinError(f"{function}(): invalid IPv6 prefix length in '{text}' (0 to 128)")
    return address, int(length_text)


def canonical_ip6(address: ipaddress.IPv6Address) -> str:
    """RFC 5952 text: lowercase hex, no leading zeros, the longest run (the first of equal
    runs) of two or more zero groups as ``::``, IPv4-mapped addresses as ``::ffff:a.b.c.d``."""
    mapped = address.ipv4_mapped
    if mapped is not None:
        return f"::ffff:{mapped}"
    return address.compressed


@builtin("ip6_canonical", min_args=1, max_args=1, signature="ip6_canonical(addr)")
def ip6_canonical(args: list[Value]) -> str:
    """Extension (not in panc): return the canonical text form (RFC 5952) of an IPv6 address,
    keeping a ``/len`` suffix: ``ip6_canonical("2001:DB8:0:0:0:0:0:1")`` is
    ``"2001:db8::1"``. A malformed address is an error."""
    address, length = parse_ip6("ip6_canonical", string_arg("ip6_canonical", args, 0))
    text = canonical_ip6(address)
    return text if length is None else f"{text}/{length}"


@builtin("ip6_to_list", min_args=1, max_args=1, signature="ip6_to_list(addr[/len])")
def ip6_to_list(args: list[Value]) -> list[int]:
    """Extension (not in panc): return the eight 16-bit groups of an IPv6 address as longs,
    followed by the prefix length when the address has one: ``ip6_to_list("2001:db8::1/64")``
    is ``[8193, 3512, 0, 0, 0, 0, 0, 1, 64]``."""
    address, length = parse_ip6("ip6_to_list", string_arg("ip6_to_list", args, 0))
    value = int(address)
    groups = [(value >> shift) & 0xFFFF for shift in range(112, -1, -16)]
    return groups if length is None else [*groups, length]


@builtin("ip6_in_network", min_args=2, max_args=2, signature="ip6_in_network(addr, net/len)")
def ip6_in_network(args: list[Value]) -> bool:
    """Extension (not in panc): return true if the IPv6 address ``addr`` lies in the network
    ``net/len``: ``ip6_in_network("2001:db8::5", "2001:db8::/32")`` is true. A network
    without prefix length is a single address."""
    address, address_length = parse_ip6("ip6_in_network", string_arg("ip6_in_network", args, 0))
    if address_length is not None:
        raise BuiltinError(f"ip6_in_network(): the address '{args[0]}' must not have a prefix length")
    network, length = parse_ip6("ip6_in_network", string_arg("ip6_in_network", args, 1))
    bits = 128 if length is None else length
    mask = ((1 << 128) - 1) ^ ((1 << (128 - bits)) - 1)
    return (int(address) & mask) == (int(network) & mask)
