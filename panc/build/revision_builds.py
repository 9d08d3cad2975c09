"""The profiles git revisions build, for ``panc diff REV_OLD [REV_NEW] -- PANC_ARGS...``.

Each revision is exported to a temporary directory and built there with the user's own panc
command line, through ``panc.cli.run`` (so every option means what it means to ``panc``, and
``--nthread`` compiles in parallel), as JSON into a temporary output directory. Without
``REV_NEW`` the new side is the working tree as it is, uncommitted edits included.

Paths on that command line mean what they mean in the working tree: relative ones start from
the current directory; a path inside the repository is moved to the same place inside each
export; a path outside it (a shared library) stays as it is. A command-line template that one
revision does not have is not built there, so its object shows as added or removed; an include
directory it does not have is left out of its include path.

What each revision built is handed back per object: its output directory and the objects that
failed to compile, whose errors are printed on stderr, each line prefixed with the revision.
Temporary directories are removed when ``built_revisions`` ends, whatever ends it.

A commit is exported to the same place each time, ``$XDG_CACHE_HOME/pan-tools/diff-exports/SHA``
(while a diff runs): the parse cache is keyed by file name, so the next diff against ``HEAD``
reuses the parses of the last, and the cache gets no entries for directories that are gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from panc.build import CompilerFactory, ObjectCompiler, describe_file
from panc.build.manifest import Manifest
from panc.cli import attach_option_values, check_values, make_parser
from panc.cli import run as run_panc
from panc.commands import OptionsError
from panc.usercache import cache_directory, private_directory

WORKING_TREE = "the working tree"
"""The label of the new side when no ``REV_NEW`` is given."""

_DECIDED_OPTIONS = frozenset({
    "--output-dir", "--formats", "--check-dependencies", "--no-check-dependencies", "--force",
    "--executor", "--scheduler", "--verbose", "--help", "--version", "--include-path",
})
"""Options the diff sets itself: JSON into a temporary directory, every object compiled, locally
(a remote worker cannot read the export), nothing printed besides errors; the include path is
moved into each revision."""


class RevisionError(Exception):
    """Bad input for a revision diff (no repository, unknown revision, bad panc options)."""


@dataclass
class RevisionBuild:
    """What one revision built."""

    label: str
    """The revision as the user wrote it, or ``WORKING_TREE``."""
    output_dir: Path
    """Its profiles, as JSON."""
    failed: set[str] = field(default_factory=set)
    """The objects that failed to compile (a file that never declared one is named as given)."""


@dataclass(frozen=True)
class PancCommand:
    """The user's panc command line, split into what the diff keeps and what it moves."""

    options: list[str]
    """Options passed on as they are, ``--opt=VALUE`` style."""
    include_path: list[str]
    templates: list[str]


@dataclass(frozen=True)
class _Tree:
    """The files of one revision: a commit exported under ``root``, or the working tree."""

    label: str
    top: str
    """The repository's top directory (a real path)."""
    root: str | None = None
    """Where the commit is exported; ``None`` for the working tree."""

    def place(self, path: str) -> str:
        """Where ``path``, as the user means it in the working tree, is in this revision."""
        if self.root is None:
            return path
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.top]) != self.top:
            return path
        return os.path.normpath(os.path.join(self.root, os.path.relpath(real, self.top)))


@dataclass
class _Built:
    tree: _Tree
    output_dir: Path
    present: list[str]
    """The command-line templates this revision has."""
    objects: dict[str, str | None]
    """Command-line file (absolute, in this revision) -> its object, for each that built."""
    include_path: list[str]


def parse_command(argv: Sequence[str]) -> PancCommand:
    """The panc command line after ``--``, checked by panc's own parser."""
    tokens = attach_option_values(argv)
    try:
        args = make_parser().parse_args(tokens)
        check_values(args, directories=False)  # before any revision is checked out
    except OptionsError as error:
        raise RevisionError(str(error)) from error
    before_files = tokens[: tokens.index("--")] if "--" in tokens else tokens
    # positionals and the short flags (-h, -v) do not start with "--"; the files come from the parser
    options = [t for t in before_files if t.startswith("--") and t.partition("=")[0] not in _DECIDED_OPTIONS]
    include = [os.getcwd()] if args.include_path is None else args.include_path.split(os.pathsep)
    return PancCommand(options, [d for d in include if d], list(args.templates))


def _git(directory: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", directory, *args], capture_output=True, text=True, check=False)
    except OSError as error:
        raise RevisionError(f"cannot run git: {error}") from error


def repository_top(directory: str) -> str:
    """The top directory of the git working tree ``directory`` is in."""
    result = _git(directory, "rev-parse", "--show-toplevel")
    if result.returncode != 0 or not result.stdout.strip():
        raise RevisionError(f"{os.path.abspath(directory)} is not in a git working tree")
    return os.path.realpath(result.stdout.strip())


def resolve_commit(top: str, revision: str) -> str:
    """The commit ``revision`` names in the repository at ``top``."""
    result = None
    if revision and not revision.startswith("-"):  # never taken as an option of git
        result = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if result is None or result.returncode != 0:
        raise RevisionError(f"unknown revision '{revision}' in {top}")
    return result.stdout.strip()


def export_commit(top: str, commit: str, destination: str) -> None:
    """The files of ``commit`` under ``destination``.

    ``git archive`` rather than ``git worktree add``: it only reads the repository, so it works
    on a repository the user cannot write, runs beside the user's own git commands without
    taking locks, and an interrupted diff leaves no worktree registered in ``.git`` (a removed
    directory is all there is to clean). The stream is unpacked by ``tarfile`` with its ``tar``
    filter: nothing is written outside ``destination``, symbolic links stay as committed.
    As with any ``git archive``, submodules are not included and the ``export-ignore`` and
    ``export-subst`` attributes apply.
    """
    os.makedirs(destination, exist_ok=True)
    try:
        with subprocess.Popen(["git", "-C", top, "archive", "--format=tar", commit],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
            assert process.stdout is not None and process.stderr is not None
            try:
                with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                    archive.extractall(destination, filter="tar")
            except tarfile.TarError as error:
                message = process.stderr.read().decode(errors="replace").strip() or str(error)
                raise RevisionError(f"cannot export {commit}: {message}") from error
    except OSError as error:
        raise RevisionError(f"cannot export {commit}: {error}") from error
    if process.returncode != 0:
        raise RevisionError(f"cannot export {commit}: git archive failed")


@contextlib.contextmanager
def _export_directory(commit: str, private: str) -> Iterator[str]:
    """Where to export ``commit``: its place under the cache directory, or ``private`` when
    another diff is using that place (or it cannot be made); removed afterwards either way."""
    parent = cache_directory() / "diff-exports"
    lock_path = parent / f"{commit}.lock"
    with contextlib.ExitStack() as held:
        root = None
        with contextlib.suppress(OSError):  # taken by another diff, or no cache directory
            if not private_directory(parent):  # a tree others could swap would be compiled
                raise OSError("not a private cache directory")
            lock = held.enter_context(open(lock_path, "a", encoding="utf-8"))
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # the holder before us removes the file it locked: ours must still be the one there
            if os.stat(lock_path).st_ino == os.fstat(lock.fileno()).st_ino:
                root = str(parent / commit)
        if root is None:
            yield private
            return
        shutil.rmtree(root, ignore_errors=True)  # left by a diff that was killed
        try:
            yield root
        finally:
            shutil.rmtree(root, ignore_errors=True)
            lock_path.unlink(missing_ok=True)


def _build(tree: _Tree, command: PancCommand, output_dir: Path, stderr: TextIO) -> _Built:
    """Build the revision with the user's command line; its errors go to ``stderr``, prefixed."""
    output_dir.mkdir()
    include = [tree.place(d) for d in command.include_path]
    if tree.root is not None:
        # a directory of the repository this revision does not have yet holds nothing for it
        include = [d for d in include if not d.startswith(tree.root + os.sep) or os.path.isdir(d)]
    present = [t for t in command.templates if os.path.isfile(tree.place(t))]
    argv = [*command.options, f"--include-path={os.pathsep.join(include)}", f"--output-dir={output_dir}",
            "--formats=json", "--check-dependencies", "--", *(tree.place(t) for t in present)]
    out, messages = io.StringIO(), io.StringIO()
    run_panc(argv, out, messages)
    if out.getvalue().startswith("OPTIONS ERROR: "):
        raise RevisionError(out.getvalue().removeprefix("OPTIONS ERROR: ").strip())
    _echo(tree, messages.getvalue() + out.getvalue(), stderr)
    return _Built(tree, output_dir, present, _built_objects(output_dir), include)


def _echo(tree: _Tree, text: str, stderr: TextIO) -> None:
    if tree.root is not None:
        # the export is gone once the diff ends: name its files the way git does, REV:path
        text = text.replace(tree.root + os.sep, f"{tree.label}:")
    for line in text.splitlines():
        if line.strip():
            stderr.write(f"[{tree.label}] {line}\n")
    stderr.flush()


def _built_objects(output_dir: Path) -> dict[str, str | None]:
    """From the build manifest: each command-line file that built, and its object.

    The manifest has an entry exactly for the files that built without error, and the object
    each declared, which is what the outputs are named after.
    """
    manifest = Manifest.read(str(output_dir))
    if manifest is None:
        return {}
    return {path: entry.object_name for path, entry in manifest.sources.items()}


def _failures(this: _Built, other: _Built) -> set[str]:
    """The objects of the command-line files that did not build in ``this``, by name.

    A failed file has no entry in the manifest; its object's name is the one the other
    revision built from the same file, else the one the file declares, else the file itself.
    """
    names: set[str] = set()
    checker: ObjectCompiler | None = None
    for template in this.present:
        path = os.path.abspath(this.tree.place(template))
        if path in this.objects:
            continue
        name = other.objects.get(os.path.abspath(other.tree.place(template)))
        if name is None:
            if checker is None:
                checker = CompilerFactory({"include_path": this.include_path})()
            name = describe_file(path, checker).object_name
        names.add(name or template)
    return names


@contextlib.contextmanager
def built_revisions(old: str, new: str | None, panc_args: Sequence[str], stderr: TextIO,
                    repository: str | None = None) -> Iterator[tuple[RevisionBuild, RevisionBuild]]:
    """Build ``old`` and ``new`` (``None``: the working tree) with ``panc_args``.

    The repository is the one holding ``repository``, by default the current directory. The
    builds are only there until the context ends. Raises ``RevisionError`` on bad input.
    """
    command = parse_command(panc_args)
    top = repository_top(repository or os.getcwd())
    commits = {revision: resolve_commit(top, revision) for revision in (old, new) if revision is not None}
    with contextlib.ExitStack() as cleanup:
        scratch = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="panc-diff-"))
        trees = []
        for side, revision in (("old", old), ("new", new)):
            if revision is None:
                trees.append(_Tree(WORKING_TREE, top))
                continue
            commit = commits[revision]
            root = cleanup.enter_context(_export_directory(commit, os.path.join(scratch, side)))
            export_commit(top, commit, root)
            trees.append(_Tree(revision, top, os.path.realpath(root)))
        for template in command.templates:
            if not any(os.path.isfile(tree.place(template)) for tree in trees):
                raise RevisionError(f"{template} is in neither {trees[0].label} nor {trees[1].label}")
        builds = [_build(tree, command, Path(scratch, f"{side}-profiles"), stderr)
                  for side, tree in zip(("old", "new"), trees, strict=True)]
        yield (RevisionBuild(builds[0].tree.label, builds[0].output_dir, _failures(builds[0], builds[1])),
               RevisionBuild(builds[1].tree.label, builds[1].output_dir, _failures(builds[1], builds[0])))
