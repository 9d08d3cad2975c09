"""Writing one object's output files: ``outdir/<objectname><suffix>``, atomically.

Each file is written to a temporary file in its final directory and renamed over the old one,
so a reader (or a build killed half-way) sees either the previous complete file or the new
complete file, never a partial one. All files of one object get the same modification time,
as panc gives them the time at which the object finished validating.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
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


def write_atomically(path: Path, data: bytes, mtime: float | None = None) -> None:
    """Replace ``path`` by a file holding ``data`` (with modification time ``mtime`` if given)."""
    # imported here: a build with nothing to write (all up to date) never needs it
    import tempfile  # pylint: disable=import-outside-toplevel

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temporary, _FILE_MODE)
        if mtime is not None:
            os.utime(temporary, (mtime, mtime))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
    for fmt, data in rendered:
        path = output_path(outdir, object_name, fmt)
        write_atomically(path, data, mtime)
        written.append(path)
    return written
