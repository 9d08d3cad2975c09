"""Doubles as text (to_string, %s, profiles): Java's Double.toString of the JDK panc runs on.

The expected strings were printed by a Java 17 JVM; several are not Python's shortest repr.
"""

from __future__ import annotations

import math

import pytest
from builtin_calls import call

from panc.evaluation.java_double import java_double_to_string
from panc.evaluation.values import format_double


@pytest.mark.parametrize(
    ("value", "java"),
    [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (100.0, "100.0"),
        (0.1, "0.1"),
        (3.14159, "3.14159"),
        (0.001, "0.001"),
        (0.0001, "1.0E-4"),
        (1e-5, "1.0E-5"),
        (1234567.0, "1234567.0"),
        (1e7, "1.0E7"),
        (1e10, "1.0E10"),
        (9999999.999999998, "9999999.999999998"),
        (1e23, "9.999999999999999E22"),  # JDK-4511638: not the shortest digits
        (-1e23, "-9.999999999999999E22"),
        (5e-324, "4.9E-324"),
        (2.2250738585072014e-308, "2.2250738585072014E-308"),
        (1.7976931348623157e308, "1.7976931348623157E308"),
        (8.92946e20, "8.929459999999999E20"),
        (-6.271692978031969e16, "-6.2716929780319688E16"),
        (2.0**63, "9.223372036854776E18"),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
    ],
)
def test_java_double_to_string(value: float, java: str) -> None:
    assert java_double_to_string(value) == java
    assert format_double(value) == java
    assert call("to_string", value) == java
    assert call("format", "%s", value) == java


def test_repeated_values_use_the_cache_but_keep_the_sign_of_zero() -> None:
    assert [java_double_to_string(v) for v in (0.0, -0.0, 0.0, -0.0)] == ["0.0", "-0.0", "0.0", "-0.0"]
    assert java_double_to_string(1e23) == java_double_to_string(1e23)
