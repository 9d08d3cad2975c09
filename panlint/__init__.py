"""panlint: a linter for pan templates, a drop-in for the old regex panlint.

Stages, each in its own module: ``runner`` reads the files (or takes their findings from the
result cache), ``checking`` runs the old tool's checks in one pass over the lines
(``compat/``) and, when other rules or ``--preview`` need it, parses once for the rules of
``rules/``; ``suppressions`` filters what ``# panlint disable=`` comments hide from those,
``reporters/`` print, ``fixes`` applies the mechanical fixes. Findings convert to
``panc.diagnostics.Diagnostic`` so the language server can show them.
"""

__version__ = "0.1.0"
