"""The template declaration comes first (FL001)."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class FirstLineDeclaration(LineRule):
    """The first line of code is the template's declaration, alone: ``unique template a/b;``.

    Comments, annotations and blank lines may come before it (a licence header). The line is
    ``[object|unique|structure|declaration] template NAME;`` with one space after
    ``template`` and nothing after the ``;`` (``--preview`` allows a trailing comment).
    With ``--allow_mvn_templates`` a Maven placeholder line (``${componentschema}``) may
    stand in its place.
    """

    id = "FL001"
    name = "first-line-declaration"
    level, summary = OLD_RULES[id]


RULES = (FirstLineDeclaration,)
