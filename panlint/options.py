"""The options that change what the checks report (a part of ``config.Config``)."""

from __future__ import annotations

from typing import NamedTuple


class RuleOptions(NamedTuple):
    """The part of the configuration that changes what rules report."""

    line_length: int = 120
    ignore_components: frozenset[str] = frozenset()
    include_path: tuple[str, ...] = ()
    allow_mvn_templates: bool = False
