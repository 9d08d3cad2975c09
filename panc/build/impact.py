"""``panc impact TEMPLATE...``: the object templates a change to these templates would affect.

Reverse dependencies from the last build in ``--output-dir``: its manifest (``panc build``)
when there is one, which also knows lookups that found nothing and where each template was
found; otherwise the ``.dep`` files panc writes beside the profiles. A template is given by
name (``quattor/functions/network``) or as a file (``site/lib/web.pan``), and matches an
object that used it, or that looked it up and found nothing (adding it would change the object).
With the build's ``--include-path``, a file is also known by its template name: it matches the
lookups of that name that found nothing or found a file it would now shadow (one in a later
include directory).

    $ panc impact --output-dir out --include-path site:lib lib/web
    node1
    node2
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from panc.build.manifest import MANIFEST_NAME, Manifest
from panc.commands import HelpShown, OptionsError, OptionsParser
from panc.loader import TEMPLATE_SUFFIXES
from panc.output.reading import read_output

Uses = dict[str, set[tuple[str, str | None]]]
"""Object name -> (template name, file found or ``None``) for every template lookup it made."""


def uses_from_manifest(output_dir: Path) -> Uses | None:
    """What each object of the last ``panc build`` looked up, or ``None`` without a manifest."""
    manifest = Manifest.read(str(output_dir))
    if manifest is None:
        return None
    uses: Uses = {}
    try:
        for entry in manifest.sources.values():
            if entry.object_name is not None:
                found = uses.setdefault(entry.object_name, set())
                found.update((name, file) for _, name, _, file, _ in manifest.lookups_of(entry))
    except (IndexError, TypeError):  # lookup numbers the manifest's table does not have
        return None
    return uses


def uses_from_dep_files(output_dir: Path) -> Uses:
    """What each object used, from the ``.dep`` (and ``.dep.gz``) files of ``output_dir``.

    ``OSError`` when one cannot be read, ``ProfileReadError`` when a ``.dep.gz`` is damaged.
    """
    uses: Uses = {}
    for path in sorted(output_dir.rglob("*.dep*")):
        relative = path.relative_to(output_dir).as_posix()
        suffix = next((s for s in (".dep", ".dep.gz") if relative.endswith(s)), None)
        if suffix is None or not path.is_file():
            continue
        # panc writes UTF-8; a stray byte only spoils the name it is in
        name, text = relative[: -len(suffix)], read_output(path).decode("utf-8", errors="replace")
        found = uses.setdefault(name, set())
        for line in text.splitlines():
            parts = line.split(" ", 2)
            if len(parts) < 2:
                continue
            template, kind = parts[0], parts[1]
            uri = parts[2] if len(parts) > 2 else ""
            directory = uri.removeprefix("file:")
            file = None
            if kind in ("PAN", "TPL") and directory:
                file = os.path.join(directory, template + "." + kind.lower())
            found.add((template, file))
    return uses


def _include_index(file: str, include_dirs: Sequence[str]) -> tuple[int, str] | None:
    """The first include directory holding ``file``, and the template name it has there."""
    for index, directory in enumerate(include_dirs):
        relative = os.path.relpath(file, directory)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return index, Path(relative).with_suffix("").as_posix()
    return None


def affected(uses: Uses, templates: Sequence[str], include_path: Sequence[str] = ()) -> list[str]:
    """The objects that used (or looked for) any of ``templates`` (names or files), sorted.

    A name matches every lookup of that name. A file matches the lookups that found it. With
    an include path, it also matches the lookups of its template name that found nothing or
    found a file in a later include directory (it would now be found first); without one, the
    lookups that found nothing under a name the file could answer (a tail of its path).
    """
    names = {t for t in templates if not t.endswith(TEMPLATE_SUFFIXES)}
    files = {os.path.abspath(t) for t in templates if t.endswith(TEMPLATE_SUFFIXES)}
    include_dirs = [os.path.abspath(d) for d in include_path]
    placed: dict[str, int] = {}  # template name -> earliest include directory of a given file
    tails = set()
    for file in files:
        where = _include_index(file, include_dirs) if include_dirs else None
        if where is not None:
            placed[where[1]] = min(where[0], placed.get(where[1], where[0]))
        elif not include_dirs:
            parts = Path(file).with_suffix("").parts
            tails.update("/".join(parts[i:]) for i in range(1, len(parts)))

    def shadowed(name: str, found: str | None) -> bool:
        if name not in placed:
            return False
        where = None if found is None else _include_index(os.path.abspath(found), include_dirs)
        return where is None or where[0] > placed[name]

    def uses_one(name: str, found: str | None) -> bool:
        if name in names or shadowed(name, found):
            return True
        if found is None:
            return name in tails
        return os.path.abspath(found) in files

    return sorted(obj for obj, looked_up in uses.items() if any(uses_one(n, f) for n, f in looked_up))


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
    uses = uses_from_manifest(args.output_dir)
    if uses is None:
        try:
            uses = uses_from_dep_files(args.output_dir)
        except (OSError, ValueError) as error:
            stderr.write(f"cannot read a .dep file: {error}\n")
            return 2
    if not uses:
        stderr.write(f"no build found in {args.output_dir} (no {MANIFEST_NAME}, no .dep files)\n")
        return 2
    include_path = [d for d in args.include_path.split(":") if d]
    for name in affected(uses, args.templates, include_path):
        stdout.write(name + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
