"""Writing one object's output files: ``outdir/<objectname><suffix>``, atomically.

Each file is written to a temporary file in its final directory and renamed over the old one,
so a reader (or a build killed half-way) sees either the previous complete file or the new
complete file, never a partial one. The data are synced before the rename and the directory
after it (once per object), so that this also holds after a power cut. All files of one
object get the same modification time, as panc gives them the time at which the object
finished validating.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from panc.output.formats import OutputFormat


def _file_mode() -> int:
    # What open() would give a new file: 0o666 minus the umask (mkstemp uses 0o600).
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def output_path(outdir: str | os.PathLike[str], object_name: str, fmt: OutputFormat) -> Path:
    """Where a format's file of an object goes; namespaced names (``a/b``) use subdirectories."""
    return Path(outdir, object_name + fmt.suffix)


def write_atomically(
    path: Path, data: bytes, mtime: float | None = None, sync_directory: bool = True
) -> None:
    """Replace ``path`` by a file holding ``data`` (with modification time ``mtime`` if given).

    The data reach the disk before the rename (``fdatasync``): after a power cut the file is
    the old one or the new one, never an empty or partial new one. With ``sync_directory``
    the directory is synced after the rename, so that the new name survives too; callers
    writing several files into one directory sync it once instead (``sync_directories``).
    An ``OSError`` names ``path``, never the temporary file.
    """
    # imported here: a build with nothing to write (all up to date) never needs it
    import tempfile  # pylint: disable=import-outside-toplevel

    try:
        created = make_directories(path.parent)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _naming(error, path) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.chmod(f.fileno(), _FILE_MODE)
            if mtime is not None:
                os.utime(f.fileno(), (mtime, mtime))
            _sync_data(f.fileno())
        os.replace(temporary, path)
        if sync_directory:
            sync_directories([path.parent, *(directory.parent for directory in created)])
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _naming(error, path) from None
        raise


def _naming(error: OSError, path: Path) -> OSError:
    """``error`` about ``path`` (the temporary file's name means nothing to the user)."""
    return OSError(error.errno, error.strerror or str(error), str(path))


def _sync_data(descriptor: int) -> None:
    # fdatasync: the data and the size, not the times (cheaper); fsync where it is missing
    getattr(os, "fdatasync", os.fsync)(descriptor)


def make_directories(directory: Path) -> list[Path]:
    """Make ``directory`` and its missing parents; the ones made, outermost first (their
    parents must be synced for them to survive a power cut)."""
    missing = []
    for level in (directory, *directory.parents):
        if level.is_dir():
            break
        missing.append(level)
    directory.mkdir(parents=True, exist_ok=True)
    return missing[::-1]


def sync_directories(directories: Iterable[Path]) -> None:
    """``fsync`` each directory once, so that the names renamed or made in it are on disk."""
    for directory in dict.fromkeys(directories):
        try:
            descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue  # not a directory that can be opened (Windows): nothing to sync
        try:
            os.fsync(descriptor)
        except OSError:
            pass  # some file systems cannot sync a directory; the data are synced already
        finally:
            os.close(descriptor)


def write_object_outputs(
    outdir: str | os.PathLike[str],
    object_name: str,
    rendered: Sequence[tuple[OutputFormat, bytes]],
    mtime: float | None = None,
) -> list[Path]:
    """Write the already rendered files of one object; returns their paths.

    Rendering happens before any write, so a renderer failing leaves no file behind.
    """
    written: list[Path] = []
    made: list[Path] = []
    for fmt, data in rendered:
        path = output_path(outdir, object_name, fmt)
        if not path.parent.is_dir():
            made += make_directories(path.parent)
        write_atomically(path, data, mtime, sync_directory=False)
        written.append(path)
    # one sync per directory for all the files of the object (usually one directory)
    sync_directories([*(path.parent for path in written), *(directory.parent for directory in made)])
    return written
