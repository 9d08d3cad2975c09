"""The old panlint's checks: IDs, levels, messages, order. No code: every run loads this."""

from __future__ import annotations

from panlint.findings import Level

OLD_RULES: dict[str, tuple[Level, str]] = {
    "CU001": (Level.WARNING, "Component {} in use, but component config has not been included"),
    "LP001": (Level.INFO, "Indentation should be a multiple of four spaces"),
    "LP002": (Level.INFO, "Spaces should be used instead of tabs"),
    "LP003": (Level.INFO, "Trailing whitespace"),
    "LP004": (Level.WARNING, "Use dicts instead of nlists"),
    "LP005": (Level.INFO, "Include statements no longer need curly braces"),
    "LP006": (Level.INFO, "Line is longer than {} characters"),
    "LP007": (Level.INFO, "Commas should be followed by exactly one space"),
    "LP008": (Level.INFO, "Whitespace before semicolon"),
    "LP009": (Level.INFO, "Semicolons should be followed exactly one space or end-of-line"),
    "LP010": (Level.INFO, "Global variables should be uppercase"),
    "LP011": (Level.INFO, "Global variables should be five or more characters"),
    "LP012": (Level.WARNING, "Redundant use of format within error or debug call"),
    "PP001": (Level.INFO, "Unnecessary trailing slash at end of profile path"),
    "FT002": (Level.WARNING, "Feature template includes a template which is not a child of the feature"),
    "LC001": (Level.INFO, "Missing space before operator"),
    "FL001": (Level.ERROR, "First non-comment line must be the template type and name"),
}
"""ID -> (level, message) of every old check, in the order the old tool ran them on a line.

CU001 and LP006 fill in the component and the line length; LC001 has five messages (see
``panlint.compat.operators``), the first is its summary. FT002 is the old
``--features_standalone`` check (it had no ID, and crashed the old tool when it found
something)."""

LINE_IDS = frozenset(OLD_RULES)
"""The IDs ``panlint.compat`` checks."""
DEFAULT_IDS = LINE_IDS - {"FT002"}
"""The old tool's checks without options: panlint's rules by default."""
LINE_ORDER = {rule_id: position for position, rule_id in enumerate(OLD_RULES)}
