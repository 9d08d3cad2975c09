"""Deprecated builtins (LP004): ``nlist``/``is_nlist``."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class NlistToDict(LineRule):
    """Use ``dict``/``is_dict`` instead of the deprecated ``nlist``/``is_nlist`` calls.

    ``nlist`` is a deprecated alias of ``dict`` and ``is_nlist`` of ``is_dict``; they behave
    identically, so the fix renames them.
    """

    id = "LP004"
    name = "deprecated-nlist"
    level, summary = OLD_RULES[id]
    fixable = True


RULES = (NlistToDict,)
