"""Where templates and data files come from.

The evaluator never touches the file system: it asks a ``Loader``. ``FileSystemLoader``
searches an ordered include path the way panc does; ``MemoryLoader`` serves templates held
in memory (tests, unsaved editor buffers) and can fall back to another loader.

Lookup order (panc's ``FileSystemSourceRepositoryImpl.lookupSource``): for every include
directory in order, the name itself and then the name under each ``LOADPATH`` entry; for
each candidate ``.pan`` before the deprecated ``.tpl``.

What a template can make the compiler read (the Java panc's rules, checked against it): a
name (``include``, ``create()``, ``file_contents()``, ``file_exists()``...) must be relative
and made of ASCII letters, digits and ``_ . + -`` in terms that are neither empty nor start
with ``.`` (so no ``..``, no hidden files; ``is_valid_source_name``); but ``LOADPATH`` entries
may hold ``..`` and symbolic links are followed, so a template can read any file of the
user's through them. ``FileSystemLoader(restrict_paths=True)`` (``panc --restrict-paths``,
the language server's default) takes as absent any file whose real path, links resolved, is
not inside an include directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

TEMPLATE_SUFFIXES = (".pan", ".tpl")


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """A template found by a loader."""

    name: str
    """The name that was looked up."""
    path: str
    """The file path as panc prints it (include dir joined with the relative file name)."""
    text: str
    include_dir_uri: str
    """URI of the include directory it was found under (``file:/abs/dir/``): the ``.dep`` form."""
    kind: str = "PAN"
    """``PAN`` for ``.pan`` files, ``TPL`` for deprecated ``.tpl`` files."""
    relative_name: str = ""
    """The file's name relative to its include directory without suffix (``loadpath/name``)."""


@dataclass(frozen=True, slots=True)
class DataFile:
    """A data file found for ``file_contents``/``file_exists``."""

    name: str
    path: str
    data: bytes
    include_dir_uri: str


class Loader(Protocol):
    """What the compiler needs from the outside world."""

    def find_template(self, name: str, loadpath: Sequence[str] = ()) -> TemplateSource | None:
        """The template ``name`` on the include path, or ``None``."""

    def find_file(self, name: str, loadpath: Sequence[str] = ()) -> DataFile | None:
        """The data file ``name`` on the include path, or ``None``."""

    def read_path(self, path: str) -> str | None:
        """The text of a file named directly (a template given on the command line)."""


_SOURCE_NAME = re.compile(r"[A-Za-z0-9_./+-]+\Z")


def is_valid_source_name(name: str) -> bool:
    """Whether the compiler may look ``name`` up: the Java panc's ``isValidTemplateName``
    (letters, digits, ``_ . / + -``; no empty term, none starting with ``.``)."""
    return _SOURCE_NAME.match(name) is not None and all(
        term and not term.startswith(".") for term in name.split("/")
    )


def _candidates(name: str, loadpath: Sequence[str]) -> list[str]:
    """Relative names to try under one include directory: the name, then under LOADPATH."""
    names = [name]
    for entry in loadpath:
        if entry:
            names.append(entry.rstrip("/") + "/" + name)
    return names


def absolute_dir(directory: str) -> str:
    """An include directory made absolute the way Java's ``File.getAbsolutePath`` does.

    Unlike ``os.path.abspath`` it does not normalise ``.`` away, because panc prints
    ``/dir/./x.pan`` for ``--include-path .``.
    """
    if os.path.isabs(directory):
        return directory
    return os.path.join(os.getcwd(), directory)


def directory_uri(directory: str) -> str:
    """``file:/abs/dir/``: how panc's dependency files name an include directory."""
    path = directory.replace(os.sep, "/")
    if not path.endswith("/"):
        path += "/"
    return "file:" + path


class FileSystemLoader:
    """Templates and data files from an ordered list of include directories.

    Names the Java panc would refuse are never looked up. With ``restrict_paths`` a file
    whose real path (links resolved) is outside every include directory counts as absent.
    """

    def __init__(self, include_path: Sequence[str], restrict_paths: bool = False) -> None:
        self.include_path = [absolute_dir(d) for d in include_path] or [os.getcwd()]
        self._uris = {d: directory_uri(d) for d in self.include_path}
        # Lookups repeat a lot (many objects include the same templates).
        self._template_cache: dict[tuple[str, tuple[str, ...]], TemplateSource | None] = {}
        self._allowed_roots = None
        if restrict_paths:
            self._allowed_roots = tuple(os.path.join(os.path.realpath(d), "") for d in self.include_path)

    def _readable(self, path: str) -> bool:
        """An existing file this loader may read (inside the include path when restricted)."""
        if not os.path.isfile(path):
            return False
        roots = self._allowed_roots
        return roots is None or os.path.realpath(path).startswith(roots)

    def find_template(self, name: str, loadpath: Sequence[str] = ()) -> TemplateSource | None:
        key = (name, tuple(loadpath))
        if key in self._template_cache:
            return self._template_cache[key]
        found = self._search_template(name, loadpath)
        self._template_cache[key] = found
        return found

    def _search_template(self, name: str, loadpath: Sequence[str]) -> TemplateSource | None:
        if not is_valid_source_name(name):
            return None
        for directory in self.include_path:
            for relative in _candidates(name, loadpath):
                for suffix in TEMPLATE_SUFFIXES:
                    path = os.path.join(directory, relative + suffix)
                    if self._readable(path):
                        text = read_text(path)
                        if text is None:
                            continue
                        return TemplateSource(
                            name=name,
                            path=path,
                            text=text,
                            include_dir_uri=self._location_uri(directory, relative, name),
                            kind=suffix[1:].upper(),
                            relative_name=relative,
                        )
        return None

    def find_file(self, name: str, loadpath: Sequence[str] = ()) -> DataFile | None:
        if not is_valid_source_name(name):
            return None
        for directory in self.include_path:
            for relative in _candidates(name, loadpath):
                path = os.path.join(directory, relative)
                if self._readable(path):
                    try:
                        with open(path, "rb") as handle:
                            data = handle.read()
                    except OSError:
                        continue
                    return DataFile(name, path, data, self._location_uri(directory, relative, name))
        return None

    def read_path(self, path: str) -> str | None:
        return read_text(path)

    def _location_uri(self, directory: str, relative: str, name: str) -> str:
        """Where a dependency file says a source was found: its path without its name (panc's
        ``SourceFile`` location), so a LOADPATH entry it was found under is part of it."""
        prefix = relative[: len(relative) - len(name)]
        return directory_uri(os.path.join(directory, prefix)) if prefix else self._uris[directory]


def read_text(path: str) -> str | None:
    """The text of the file at ``path`` (``None`` when it cannot be read)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            return handle.read()
    except OSError:
        return None


class MemoryLoader:
    """Templates and files held in memory, optionally layered over another loader.

    ``templates`` maps template names to their text; ``buffers`` maps file paths to text
    that replaces the file's content on disk (unsaved editor buffers). A template or file
    not held here is looked up in ``fallback``.
    """

    def __init__(
        self,
        templates: dict[str, str] | None = None,
        files: dict[str, bytes | str] | None = None,
        fallback: Loader | None = None,
        buffers: dict[str, str] | None = None,
        root: str = "memory",
    ) -> None:
        self.templates = dict(templates or {})
        self.files = dict(files or {})
        self.fallback = fallback
        self.buffers = dict(buffers or {})
        self.root = root
        self._uri = f"file:{root}/"

    def path_of(self, name: str) -> str:
        """The path printed for an in-memory template."""
        return f"{self.root}/{name}.pan"

    def find_template(self, name: str, loadpath: Sequence[str] = ()) -> TemplateSource | None:
        for relative in _candidates(name, loadpath):
            text = self.templates.get(relative)
            if text is not None:
                return TemplateSource(name, self.path_of(relative), text, self._uri, "PAN", relative)
        if self.fallback is None:
            return None
        found = self.fallback.find_template(name, loadpath)
        if found is not None and found.path in self.buffers:
            return TemplateSource(
                found.name,
                found.path,
                self.buffers[found.path],
                found.include_dir_uri,
                found.kind,
                found.relative_name,
            )
        return found

    def find_file(self, name: str, loadpath: Sequence[str] = ()) -> DataFile | None:
        for relative in _candidates(name, loadpath):
            data = self.files.get(relative)
            if data is not None:
                raw = data.encode("utf-8") if isinstance(data, str) else data
                return DataFile(name, f"{self.root}/{relative}", raw, self._uri)
        if self.fallback is None:
            return None
        return self.fallback.find_file(name, loadpath)

    def read_path(self, path: str) -> str | None:
        if path in self.buffers:
            return self.buffers[path]
        for name, text in self.templates.items():
            if self.path_of(name) == path:
                return text
        if self.fallback is None:
            return None
        return self.fallback.read_path(path)


def lookup_candidates(
    include_path: Sequence[str],
    name: str,
    loadpath: Sequence[str],
    suffixes: Sequence[str] = TEMPLATE_SUFFIXES,
) -> list[str]:
    """Every file a ``FileSystemLoader`` lookup tries, in its order; the first existing one wins.

    ``suffixes`` is ``TEMPLATE_SUFFIXES`` for templates and ``("",)`` for data files. Incremental
    builds use it to tell whether a lookup would now find another file.
    """
    return list(candidate_paths(include_prefixes(include_path), name, loadpath, suffixes))


def include_prefixes(include_path: Sequence[str]) -> list[str]:
    """The include directories made absolute, each ending with a separator (for ``candidate_paths``)."""
    return [os.path.join(absolute_dir(d), "") for d in include_path] or [os.path.join(os.getcwd(), "")]


def candidate_paths(
    prefixes: Sequence[str], name: str, loadpath: Sequence[str], suffixes: Sequence[str]
) -> Iterator[str]:
    """``lookup_candidates`` from ``include_prefixes``, one at a time: a caller checking
    thousands of lookups (an up-to-date check of a large site) stops at the first file found."""
    relatives = [relative + suffix for relative in _candidates(name, loadpath) for suffix in suffixes]
    for prefix in prefixes:
        for relative in relatives:
            # os.path.join(prefix, relative), without its per-call cost
            yield relative if relative.startswith("/") else prefix + relative
