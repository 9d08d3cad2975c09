"""Java's ``Double.toString``, digit for digit as the JDK panc runs on (8 to 18) computes it.

Those JDKs do not always print the shortest decimal that reads back as the double
(JDK-4511638, fixed in JDK 19): ``1.0E23`` prints as ``9.999999999999999E22``, ``4.9E-324``
is not ``5.0E-324``, and many doubles of 1e16 and above get a 17th or 18th digit. Profiles
and ``to_string`` must show what panc shows, so this is a port of the JDK's
``FloatingDecimal.BinaryToASCIIBuffer.dtoa`` (checked against a JVM on 210,000 doubles).
Python's own ``repr`` gives the shortest digits and differs on those values.
"""

from __future__ import annotations

import functools
import math
import struct

_EXP_SHIFT = 52
_FRACT_HOB = 1 << _EXP_SHIFT  # the hidden bit of a normal double
_SIGNIFICAND_MASK = _FRACT_HOB - 1
_MAX_SMALL_BIN_EXP = 62
_MIN_SMALL_BIN_EXP = -(63 // 3)
_N_5_BITS = [0] + [(5**i).bit_length() for i in range(1, 27)]  # bits needed for 5**i
_INSIGNIFICANT_DIGITS = [int(i * math.log10(2)) for i in range(64)]


def _wrap32(n: int) -> int:
    return ((n + 2**31) % 2**32) - 2**31


def _wrap64(n: int) -> int:
    return ((n + 2**63) % 2**64) - 2**63


def _estimate_dec_exp(fract_bits: int, bin_exp: int) -> int:
    """floor(log10(d)), estimated in double arithmetic exactly as the JDK does."""
    one_point_fraction = struct.unpack(
        ">d", struct.pack(">Q", 0x3FF0000000000000 | (fract_bits & _SIGNIFICAND_MASK))
    )[0]
    estimate = (one_point_fraction - 1.5) * 0.289529654 + 0.176091259 + float(bin_exp) * 0.301029995663981
    return math.floor(estimate)


def _long_digits(value: int, insignificant: int) -> tuple[str, int]:
    """Digits of an integral double (``developLongDigits``), dropping ``insignificant`` ones."""
    exponent = 0
    if insignificant:
        power = 10**insignificant
        residue = value % power
        value //= power
        exponent = insignificant
        if residue >= power >> 1:
            value += 1
    text = str(value)
    return text.rstrip("0"), exponent + len(text)


def _digits(bin_exp: int, fract_bits: int, significant_bits: int, compatible: bool) -> tuple[list[int], int]:
    """Decimal digits and exponent ``e`` of the double: value = 0.d1d2d3... * 10**e."""
    tail_zeros = (fract_bits & -fract_bits).bit_length() - 1
    fract_bit_count = _EXP_SHIFT + 1 - tail_zeros
    tiny_bits = max(0, fract_bit_count - bin_exp - 1)
    if _MIN_SMALL_BIN_EXP <= bin_exp <= _MAX_SMALL_BIN_EXP and tiny_bits == 0:  # an integer
        excess = bin_exp - significant_bits - 1
        insignificant = _INSIGNIFICANT_DIGITS[excess] if bin_exp > significant_bits and 1 < excess < 64 else 0
        if bin_exp >= _EXP_SHIFT:
            fract_bits <<= bin_exp - _EXP_SHIFT
        else:
            fract_bits >>= _EXP_SHIFT - bin_exp
        text, exponent = _long_digits(fract_bits, insignificant)
        return [int(c) for c in text], exponent

    # d = (B / S) * 10**dec_exp with 1 <= B/S < 10; M is half an ULP scaled like B.
    dec_exp = _estimate_dec_exp(fract_bits, bin_exp)
    b5 = max(0, -dec_exp)
    b2 = b5 + tiny_bits + bin_exp
    s5 = max(0, dec_exp)
    s2 = s5 + tiny_bits
    m5 = b5
    m2 = b2 - significant_bits
    fract_bits >>= tail_zeros
    b2 -= fract_bit_count - 1
    common = min(b2, s2)
    b2 -= common
    s2 -= common
    m2 -= common
    if fract_bit_count == 1:  # an exact power of two: the next lower double is closer
        m2 -= 1
    if m2 < 0:
        b2 -= m2
        s2 -= m2
        m2 = 0
    b_bits = fract_bit_count + b2 + (_N_5_BITS[b5] if b5 < len(_N_5_BITS) else b5 * 3)
    ten_s_bits = s2 + 1 + (_N_5_BITS[s5 + 1] if s5 + 1 < len(_N_5_BITS) else (s5 + 1) * 3)
    digits: list[int] = []
    if b_bits < 64 and ten_s_bits < 64:
        # The JDK uses int or long arithmetic here, overflow included.
        wrap = _wrap32 if b_bits < 32 and ten_s_bits < 32 else _wrap64
        b = wrap((fract_bits * 5**b5) << b2)
        s = wrap(5**s5 << s2)
        m = wrap(5**m5 << m2)
        tens = wrap(s * 10)
        q, b = divmod(b, s)
        b = wrap(10 * b)
        m = wrap(m * 10)
        low = b < m
        high = wrap(b + m) > tens
        if q == 0 and not high:
            dec_exp -= 1
        else:
            digits.append(q)
        if not compatible or dec_exp < -3 or dec_exp >= 8:  # E-form needs a digit after the point
            high = low = False
        while not low and not high:
            q, b = divmod(b, s)
            b = wrap(10 * b)
            m = wrap(m * 10)
            if m > 0:
                low = b < m
                high = wrap(b + m) > tens
            else:  # m overflowed: it is certainly above b, and b + m above tens
                low = high = True
            digits.append(q)
        low_difference = wrap(wrap(b << 1) - tens)
    else:
        b = (fract_bits * 5**b5) << b2
        s = 5**s5 << s2
        m = 10 * (5**m5 << m2)
        ten_s = 10 * s
        q, b = divmod(b, s)
        b *= 10
        low = b < m
        high = b + m >= ten_s
        if q == 0 and not high:
            dec_exp -= 1
        else:
            digits.append(q)
        if not compatible or dec_exp < -3 or dec_exp >= 8:
            high = low = False
        while not low and not high:
            q, b = divmod(b, s)
            b *= 10
            m *= 10
            low = b < m
            high = b + m >= ten_s
            digits.append(q)
        low_difference = ((b << 1) > ten_s) - ((b << 1) < ten_s) if high and low else 0
    exponent = dec_exp + 1
    if high and (not low or low_difference > 0 or (low_difference == 0 and digits[-1] & 1)):
        exponent += _round_up(digits)
    return digits, exponent


def _round_up(digits: list[int]) -> int:
    """Add one to the last digit, carrying; returns 1 when the carry adds a digit in front."""
    i = len(digits) - 1
    while digits[i] == 9 and i > 0:
        digits[i] = 0
        i -= 1
    if digits[i] == 9:  # all nines: 1 followed by the zeros already there
        digits[0] = 1
        return 1
    digits[i] += 1
    return 0


def java_double_to_string(d: float) -> str:
    """``Double.toString(d)`` as panc's JVM prints it: ``1.0E10``, ``0.001``, ``NaN``..."""
    if math.isnan(d):
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    if d == 0.0:
        return "-0.0" if math.copysign(1.0, d) < 0 else "0.0"
    return _finite_to_string(d)


@functools.lru_cache(maxsize=8192)
def _finite_to_string(d: float) -> str:
    digits, exponent = java_decimal_digits(d)
    sign = "-" if math.copysign(1.0, d) < 0 else ""
    if 0 < exponent < 8:
        whole = digits[:exponent]
        if len(whole) < exponent:
            return f"{sign}{whole}{'0' * (exponent - len(whole))}.0"
        return f"{sign}{whole}.{digits[exponent:] or '0'}"
    if -3 < exponent <= 0:
        return f"{sign}0.{'0' * -exponent}{digits}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exponent - 1}"


def java_decimal_digits(d: float, compatible: bool = True) -> tuple[str, int]:
    """The JDK's decimal digits of a finite, non-zero ``d`` (sign ignored) and the exponent
    ``e`` with ``|d| ~ 0.digits * 10**e``. ``compatible=False`` is what ``String.format``'s
    ``%e %f %g`` start from (at least two digits are developed) before rounding."""
    bits = struct.unpack(">Q", struct.pack(">d", d))[0]
    fract_bits = bits & _SIGNIFICAND_MASK
    bin_exp = (bits >> _EXP_SHIFT) & 0x7FF
    if bin_exp == 0:  # subnormal: normalize
        leading_zeros = 64 - fract_bits.bit_length()
        shift = leading_zeros - (63 - _EXP_SHIFT)
        fract_bits <<= shift
        bin_exp = 1 - shift
        significant_bits = 64 - leading_zeros
    else:
        fract_bits |= _FRACT_HOB
        significant_bits = _EXP_SHIFT + 1
    digit_list, exponent = _digits(bin_exp - 1023, fract_bits, significant_bits, compatible)
    return "".join(map(str, digit_list)), exponent
