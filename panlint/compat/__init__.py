"""The old panlint's checks, finding for finding, without parsing.

The default mode of ``panlint``: a site that switches its CI from the old regex linter gets
the same findings, under the same IDs, at the same lines and columns, with the same
messages. The old tool reads each line of text on its own (``view``), with its own idea of
strings, comments, annotations and here-documents; where that idea is wrong, the findings
are wrong the same way, and ``--preview`` (the parser-based rules of ``panlint.rules``)
gives the better answer. ``panlint/DIFFERENCES.md`` lists every difference.
"""
