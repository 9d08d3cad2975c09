"""Profiles of the panc output samples, built by hand, and where the samples live."""

from __future__ import annotations

from pathlib import Path

import pytest

from panc.evaluation.values import Value

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "panc-output-samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/reference/panc-output-samples is not available")
    return SAMPLES


@pytest.fixture
def tiny_profile() -> dict[str, Value]:
    """What ``tiny/hello.pan`` builds."""
    return {"a": 1, "b": "text", "c": [1, 2.5, True], "d": {"e": {"x": "y"}}}


@pytest.fixture
def rich_profile() -> dict[str, Value]:
    """What ``rich/rich.pan`` builds (keys in source order: the outputs must sort them)."""
    return {
        "services": {
            "web": {"name": "httpd", "port": 80, "enabled": True},
            "ssh": {"name": "sshd", "port": 22, "weight": 0.5, "enabled": True},
        },
        "text": {
            "plain": "hello world",
            "special": "quote\" amp& lt< gt> apos' tab\t nl\n end",
            "unicode": "café ☃",
            "hexesc": "AB",
            "empty": "",
        },
        "nums": {
            "int": 42,
            "neg": -7,
            "big": 9223372036854775807,
            "hex": 31,
            "oct": 15,
            "dbl": 3.14159,
            "dbl2": 1e10,
            "dbl3": 0.1,
            "dbl4": 100.0,
        },
        "flags": {"t": True, "f": False},
        "lists": {"empty": [], "mixed": [1, "two", 3.0, False, ["n"], {"k": "v"}]},
        "dicts": {"empty": {}, "order": {"zeta": 1, "alpha": 2, "Mid": 3, "b10": 4, "b9": 5}},
        "escaped": {"_2fetc_2fhosts": "escaped key", "_1abc": "underscore", "_31_2e2_2e3_2e4": "ip"},
    }
