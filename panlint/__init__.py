"""panlint: a linter for pan templates built on the shared pan parser.

Stages, each in its own module: ``runner`` parses once and runs the rules of ``rules/``,
``suppressions`` filters what ``# panlint disable=`` comments hide, ``reporters/`` print,
``fixes`` applies the mechanical fixes. Findings convert to ``panc.diagnostics.Diagnostic``
so the language server can show them.
"""

__version__ = "0.1.0"
