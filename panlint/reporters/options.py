"""What every reporter may be asked for besides the findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from panlint.config import Config

if TYPE_CHECKING:
    from panlint.rule import Rule


class ReportOptions(NamedTuple):
    """The run's configuration and the report's own options."""

    config: Config = Config()
    """The configuration of the run (SARIF lists its rules as the tool's rules)."""
    summary: bool = False
    """Append the number of findings per rule."""
    table: bool = False
    """Text only: append a table of per-file statistics."""
    color: bool = False
    vi: bool = False
    """Text only: ``FILE +LINE #MESSAGE`` headers (the old ``--vi``)."""

    def rules(self) -> list[type[Rule]]:
        """The rules that ran (imported on demand)."""
        return self.config.enabled_rules()

    def rule_names(self) -> dict[str, str]:
        """Rule ID -> symbolic name, for every rule."""
        from panlint.rules import ALL_RULES  # pylint: disable=import-outside-toplevel

        return {rule.id: rule.name for rule in ALL_RULES}
