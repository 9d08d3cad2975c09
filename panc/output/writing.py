"""Writing one object's output files: ``outdir/<objectname><suffix>``, atomically and durably.

Each file is written to a temporary file in its final directory and renamed over the old one,
so a reader (or a build killed half-way) sees either the previous complete file or the new
complete file, never a partial one. The data reach the disk before the rename (``fdatasync``)
and the directory after it, so that this also holds after a power cut: without the first
sync a renamed file may come back empty. All files of one object get the same modification
time, as panc gives them the time at which the object finished validating.

Syncing a file costs its own write-out and journal commit. So a build writes several
objects' files (``PendingOutputs``), flushes them together (on Linux one ``syncfs`` of the
output file system; elsewhere each file in turn), only then renames them, and syncs each
output directory once, at the end of the build (``output_directories``).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from panc.output.formats import OutputFormat

Key = TypeVar("Key")


def _file_mode() -> int:
    # What open() would give a new file: 0o666 minus the umask (mkstemp uses 0o600).
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def output_path(outdir: str | os.PathLike[str], object_name: str, fmt: OutputFormat) -> Path:
    """Where a format's file of an object goes; namespaced names (``a/b``) use subdirectories."""
    return Path(outdir, object_name + fmt.suffix)


@dataclass
class _Temporary:
    """A file written under a temporary name beside ``path``, still open."""

    descriptor: int
    name: str
    path: Path

    def discard(self) -> None:
        os.close(self.descriptor)
        Path(self.name).unlink(missing_ok=True)


def _write_temporary(path: Path, data: bytes, mtime: float | None) -> _Temporary:
    """``data`` in a new temporary file beside ``path`` (mode and time already final)."""
    # imported here: a build with nothing to write (all up to date) never needs it
    import tempfile  # pylint: disable=import-outside-toplevel

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _naming(error, path) from None
    temporary = _Temporary(descriptor, name, path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
        os.fchmod(descriptor, _FILE_MODE)
        if mtime is not None:
            os.utime(descriptor, (mtime, mtime))
    except OSError as error:
        temporary.discard()
        raise _naming(error, path) from None
    return temporary


def _naming(error: OSError, path: Path) -> OSError:
    """``error`` about ``path`` (the temporary file's name means nothing to the user)."""
    return OSError(error.errno, error.strerror or str(error), str(path))


def _sync_data(descriptor: int) -> None:
    # fdatasync: the data and the size, not the times (cheaper); fsync where it is missing
    getattr(os, "fdatasync", os.fsync)(descriptor)


def write_atomically(path: Path, data: bytes, mtime: float | None = None, durable: bool = True) -> None:
    """Replace ``path`` by a file holding ``data`` (with modification time ``mtime`` if given);
    ``durable``: synced before the rename, its directory after (files that are cheaper to
    make again than to sync one by one, such as generated documentation, may skip it). An
    ``OSError`` names ``path``."""
    temporary = _write_temporary(path, data, mtime)
    try:
        if durable:
            _sync_data(temporary.descriptor)
        os.close(temporary.descriptor)
        os.replace(temporary.name, path)
    except OSError as error:
        Path(temporary.name).unlink(missing_ok=True)
        raise _naming(error, path) from None
    except BaseException:
        Path(temporary.name).unlink(missing_ok=True)
        raise
    if durable:
        sync_directories([path.parent])


class PendingOutputs(Generic[Key]):
    """Files of several objects written under temporary names, synced together and renamed
    into place by ``commit`` (one journal flush for them all, not one per file)."""

    def __init__(self) -> None:
        self._objects: list[tuple[Key, list[_Temporary]]] = []

    def add(self, key: Key, outdir: str | os.PathLike[str], object_name: str,
            rendered: Sequence[tuple[OutputFormat, bytes]], mtime: float | None = None) -> list[Path]:
        """Write an object's files under temporary names; returns where they will go. Raises
        ``OSError`` (naming the profile) when one cannot be written: nothing of it is kept."""
        files: list[_Temporary] = []
        try:
            for fmt, data in rendered:
                files.append(_write_temporary(output_path(outdir, object_name, fmt), data, mtime))
        except BaseException:
            for temporary in files:
                temporary.discard()
            raise
        self._objects.append((key, files))
        return [temporary.path for temporary in files]

    def commit(self) -> list[tuple[Key, OSError | None]]:
        """Sync every pending file, then rename each object's files into place; each object
        with the error that stopped it (``None``: all its files are in place)."""
        objects, self._objects = self._objects, []
        every = [temporary for _, files in objects for temporary in files]
        synced = len(every) > 1 and _sync_file_systems(every)
        results: list[tuple[Key, OSError | None]] = []
        for key, files in objects:
            results.append((key, _close(files) if synced else _sync_and_close(files)))
        for position, ((key, files), (_, error)) in enumerate(zip(objects, results, strict=True)):
            if error is None:
                results[position] = (key, _rename(files))
        return results

    def discard(self) -> None:
        """Remove the files not committed (a build stopped half-way)."""
        objects, self._objects = self._objects, []
        for _, files in objects:
            for temporary in files:
                temporary.discard()


def _sync_file_systems(files: list[_Temporary]) -> bool:
    """Flush the file systems holding ``files`` at once (Linux ``syncfs``: one flush of data and
    journal for the lot, about half the time of syncing each file); ``False`` when it cannot
    be done here (the files are then synced one by one)."""
    syncfs = _syncfs()
    if syncfs is None:
        return False
    devices: dict[int, int] = {}
    for temporary in files:
        devices.setdefault(os.fstat(temporary.descriptor).st_dev, temporary.descriptor)
    return all(syncfs(descriptor) == 0 for descriptor in devices.values())


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # pylint: disable=import-outside-toplevel  # Linux builds only

        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def _close(files: list[_Temporary]) -> None:
    for temporary in files:
        os.close(temporary.descriptor)


def _sync_and_close(files: list[_Temporary]) -> OSError | None:
    failed: OSError | None = None
    for temporary in files:
        try:
            if failed is None:
                _sync_data(temporary.descriptor)
        except OSError as error:
            failed = _naming(error, temporary.path)
        finally:
            os.close(temporary.descriptor)
    if failed is not None:
        for temporary in files:
            Path(temporary.name).unlink(missing_ok=True)
    return failed


def _rename(files: list[_Temporary]) -> OSError | None:
    for position, temporary in enumerate(files):
        try:
            os.replace(temporary.name, temporary.path)
        except OSError as error:
            for left in files[position:]:
                Path(left.name).unlink(missing_ok=True)
            return _naming(error, temporary.path)
    return None


def output_directories(outdir: str | os.PathLike[str], paths: Iterable[Path]) -> list[Path]:
    """The directories to sync for ``paths`` to survive a power cut: each file's directory and
    every one above it up to ``outdir`` (a namespaced object may have made them)."""
    top = Path(outdir)
    found: dict[Path, None] = {}
    for path in paths:
        directory = path.parent
        while directory not in found:
            found[directory] = None
            if directory == top or directory == directory.parent or top not in directory.parents:
                break
            directory = directory.parent
    return list(found)


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
    """Write the already rendered files of one object, durably; returns their paths.

    Rendering happens before any write, so a renderer failing leaves no file behind.
    """
    pending: PendingOutputs[None] = PendingOutputs()
    written = pending.add(None, outdir, object_name, rendered, mtime)
    for _, error in pending.commit():
        if error is not None:
            raise error
    sync_directories(output_directories(outdir, written))
    return written
