"""Include statements: needless braces (LP005), components used without their config (CU001)."""

from __future__ import annotations

from panlint.compat.catalog import OLD_RULES
from panlint.rule import LineRule


class IncludeBraces(LineRule):
    """Write ``include 'name';`` rather than ``include {'name'};``.

    Braces were once needed around computed include names; a block holding a single
    expression has that expression's value, so the braces add nothing. The fix removes them
    around a single string or name.
    """

    id = "LP005"
    name = "include-braces"
    level, summary = OLD_RULES[id]
    fixable = True


class ComponentWithoutConfig(LineRule):
    """A template that uses ``/software/components/NAME/`` includes ``components/NAME/config``.

    Configuring a component whose configuration template is not included leaves it without
    its schema and defaults. Any line of code naming such a path counts (strings included);
    an include of ``.../components/NAME/config`` anywhere in the file satisfies it.
    ``--ignore-components`` lists components to skip; with ``--preview``, the templates of a
    component's own source tree (``ncm-NAME/...``) are exempt too.
    """

    id = "CU001"
    name = "component-without-config"
    level = OLD_RULES[id][0]
    summary = "Component in use, but component config has not been included"


RULES = (IncludeBraces, ComponentWithoutConfig)
