"""What every reporter may be asked for besides the findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from panlint.rule import Rule


@dataclass(frozen=True)
class ReportOptions:
    rules: tuple[type[Rule], ...] = field(default_factory=tuple)
    """The rules that ran (SARIF lists them as the tool's rules)."""
    summary: bool = False
    """Append the number of findings per rule."""
    table: bool = False
    """Text only: one table row per finding instead of a source excerpt."""
    color: bool = False
