"""``panc impact TEMPLATE...``: the object templates a change to these templates would affect.

Reverse dependencies from the last build in ``--output-dir``: its manifest (``panc build``)
when there is one, which also knows lookups that found nothing and where each template was
found; otherwise the ``.dep`` files panc writes beside the profiles; with no build, the
templates the object templates of ``--include-path`` name (``include 'x'``, ``create('x')``...),
which misses includes computed at run time. The matching is ``panc.build.dependents``, the
same the language server does for an edit. A template is given by name
(``quattor/functions/network``) or as a file (``site/lib/web.pan``), and matches an object
that used it, or that looked it up and found nothing (adding it would change the object).
With the build's ``--include-path``, a file is also known by its template name: it matches the
lookups of that name that found nothing or found a file it would now shadow (one in a later
include directory).

    $ panc impact --output-dir out --include-path site:lib lib/web
    node1
    node2
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from panc.build.dependents import Uses, affected, uses_from_build
from panc.build.manifest import MANIFEST_NAME
from panc.commands import HelpShown, OptionsError, OptionsParser


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc impact") -> int:
    """``panc impact``: prints the affected objects, one per line; exit code 0 (2 on bad input)."""
    parser = OptionsParser(prog=prog, stdout=stdout,
                           description="List the objects that a change to templates affects.")
    parser.add_argument("--output-dir", type=Path, default=Path("."),
                        help="the output directory of the last build, as given to panc or panc build "
                             "(default: current directory)")
    parser.add_argument("--include-path", metavar="PATH", default="",
                        help="the build's include path, directories separated by ':': names the template "
                             "files given, to match the lookups they answer or would now answer first")
    parser.add_argument("templates", nargs="+", metavar="template",
                        help="template names (lib/web) or template files (site/lib/web.pan)")
    try:
        args = parser.parse_args(list(argv))
    except OptionsError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    except HelpShown:
        return 0
    if not args.output_dir.is_dir():
        stderr.write(f"OPTIONS ERROR: {args.output_dir} must be an existing directory\n")
        return 2
    try:
        uses = uses_from_build(args.output_dir)
    except (OSError, ValueError) as error:
        stderr.write(f"cannot read a .dep file: {error}\n")
        return 2
    include_path = [d for d in args.include_path.split(":") if d]
    if not uses and include_path:
        stderr.write(f"no build found in {args.output_dir}: the object templates of the include path, "
                     "from the templates they include by name\n")
        uses = static_uses(include_path)
    if not uses:
        stderr.write(f"no build found in {args.output_dir} (no {MANIFEST_NAME}, no .dep files)\n")
        return 2
    for name in affected(uses, args.templates, include_path):
        stdout.write(name + "\n")
    return 0


def static_uses(include_path: Sequence[str]) -> Uses:
    """Object name -> its static lookups, for the object templates on ``include_path``."""
    # pylint: disable=import-outside-toplevel  # the index (and the parser) only when needed
    from panc.analysis.include_graph import IncludeGraph
    from panc.analysis.index import WorkspaceIndex

    index = WorkspaceIndex(include_path)
    index.refresh()
    graph = IncludeGraph(index)
    graph.refresh()
    uses: Uses = {}
    for path, looked_up in graph.uses().items():
        summary = index.summary_for_path(path)
        uses[summary.header_name or summary.name if summary else path] = looked_up
    return uses


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
