"""Which object templates a change to templates affects: one answer for ``panc impact`` and editors.

What each object used is a set of template lookups, ``(template name, file found or None)``:
recorded by a build (its manifest, or panc's ``.dep`` files), by a compile (its
dependencies), or read from the templates themselves (the static include graph of an index,
``panc.analysis.include_graph``). ``UsesIndex`` keeps them inverted, by name and by file, so
that the objects behind an edit are found without visiting every object (an edit in an
editor asks on every pause in typing).

A template is given by name (``quattor/functions/network``) or as a file
(``site/lib/web.pan``), and matches an object that used it, or that looked it up and found
nothing (adding it would change the object). With the build's include path, a file is also
known by its template name: it matches the lookups of that name that found nothing or found a
file it would now shadow (one in a later include directory).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from panc.build.manifest import Manifest
from panc.loader import TEMPLATE_SUFFIXES
from panc.output.reading import read_output

Use = tuple[str, str | None]
"""One template lookup: the name looked up and the file found (``None``: none was)."""
Uses = dict[str, set[Use]]
"""Object (name or file) -> every template lookup it made."""


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


def dependency_use(template: str, kind: str, uri: str) -> Use:
    """The lookup one ``.dep`` line (``name TYPE uri``) or compile dependency records."""
    directory = uri.removeprefix("file:")
    file = None
    if kind in ("PAN", "TPL") and directory:
        file = os.path.join(directory, template + "." + kind.lower())
    return template, file


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
            if len(parts) >= 2:
                found.add(dependency_use(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return uses


def uses_from_build(output_dir: Path) -> Uses:
    """What each object of the last build into ``output_dir`` used: its manifest, else its
    ``.dep`` files (``OSError``/``ValueError`` when one cannot be read)."""
    uses = uses_from_manifest(output_dir)
    return uses if uses is not None else uses_from_dep_files(output_dir)


def _include_index(file: str, include_dirs: Sequence[str]) -> tuple[int, str] | None:
    """The first include directory holding ``file``, and the template name it has there."""
    for index, directory in enumerate(include_dirs):
        relative = os.path.relpath(file, directory)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return index, Path(relative).with_suffix("").as_posix()
    return None


class UsesIndex:
    """The lookups of many objects, by template name and by file found; kept up to date one
    object at a time (``record``, ``forget``)."""

    def __init__(self, uses: Uses | None = None) -> None:
        self._uses: Uses = {}
        self._by_name: dict[str, dict[str, set[str | None]]] = {}
        """name -> object -> files found under that name."""
        self._by_file: dict[str, set[str]] = {}
        """absolute file -> objects that found it."""
        for obj, looked_up in (uses or {}).items():
            self.record(obj, looked_up)

    def __contains__(self, obj: str) -> bool:
        return obj in self._uses

    def __len__(self) -> int:
        return len(self._uses)

    def objects(self) -> list[str]:
        return list(self._uses)

    def uses_of(self, obj: str) -> set[Use]:
        return set(self._uses.get(obj, ()))

    def record(self, obj: str, looked_up: Iterable[Use]) -> None:
        """``obj`` now makes exactly these lookups (replacing what it made before)."""
        self.forget(obj)
        uses = set(looked_up)
        self._uses[obj] = uses
        for name, found in uses:
            self._by_name.setdefault(name, {}).setdefault(obj, set()).add(found)
            if found is not None:
                self._by_file.setdefault(os.path.abspath(found), set()).add(obj)

    def forget(self, obj: str) -> None:
        for name, found in self._uses.pop(obj, ()):
            by_object = self._by_name.get(name)
            if by_object is not None:
                by_object.pop(obj, None)
                if not by_object:
                    del self._by_name[name]
            if found is not None:
                objects = self._by_file.get(os.path.abspath(found))
                if objects is not None:
                    objects.discard(obj)
                    if not objects:
                        del self._by_file[os.path.abspath(found)]

    def affected(self, templates: Sequence[str], include_path: Sequence[str] = ()) -> set[str]:
        """The objects that used (or looked for) any of ``templates`` (names or files).

        A name matches every lookup of that name. A file matches the lookups that found it.
        With an include path, it also matches the lookups of its template name that found
        nothing or found a file in a later include directory (it would now be found first);
        without one, the lookups that found nothing under a name the file could answer (a
        tail of its path).
        """
        found: set[str] = set()
        include_dirs = [os.path.abspath(d) for d in include_path]
        for template in templates:
            if not template.endswith(TEMPLATE_SUFFIXES):
                found.update(self._by_name.get(template, ()))
                continue
            file = os.path.abspath(template)
            found.update(self._by_file.get(file, ()))
            if include_dirs:
                where = _include_index(file, include_dirs)
                if where is not None:
                    found.update(self._shadowed(where[1], where[0], include_dirs))
            else:
                parts = Path(file).with_suffix("").parts
                for position in range(1, len(parts)):
                    tail = "/".join(parts[position:])
                    by_object = self._by_name.get(tail, {})
                    found.update(obj for obj, files in by_object.items() if None in files)
        return found

    def _shadowed(self, name: str, rank: int, include_dirs: Sequence[str]) -> set[str]:
        """The objects whose lookup of ``name`` found nothing, or a file of an include
        directory after ``rank``."""
        hit = set()
        for obj, files in self._by_name.get(name, {}).items():
            for file in files:
                where = None if file is None else _include_index(os.path.abspath(file), include_dirs)
                if where is None or where[0] > rank:
                    hit.add(obj)
                    break
        return hit


def affected(uses: Uses, templates: Sequence[str], include_path: Sequence[str] = ()) -> list[str]:
    """The objects that used (or looked for) any of ``templates`` (names or files), sorted;
    see ``UsesIndex.affected``."""
    return sorted(UsesIndex(uses).affected(templates, include_path))
