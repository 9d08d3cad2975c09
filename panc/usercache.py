"""The per-user cache directory, and when what is in it may be trusted.

The caches (analysed grammar, parse results, workspace index) are pickles: loading one runs
whatever code its author put in it. So, as pip does for its cache, a directory is used
only if it belongs to the user running the tool and nobody else can write into it; every
file is checked again once opened (its owner and mode, on the open descriptor, so that a
file swapped in between the check and the read is caught too). A cache that fails these
checks is not read and not written: the tool says so once on stderr and works without it.

A directory is writable by "nobody else" when it is not writable by others and, if it is
group-writable, its group is the user's own private group (the user-private-group scheme
of Fedora and Debian with ``umask 002``, where the group has no other member).
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

_WARNED: set[str] = set()
_LOCK = threading.Lock()


def cache_directory() -> Path:
    """``$XDG_CACHE_HOME/pan-tools`` (default ``~/.cache/pan-tools``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pan-tools"


def untrusted_reason(info: os.stat_result) -> str | None:
    """Why a file or directory with this status may hold what someone else wrote; ``None`` if
    only the current user (or root) can have written it."""
    user = os.geteuid()
    if info.st_uid != user:
        return f"it belongs to uid {info.st_uid}, not to uid {user}"
    if info.st_mode & stat.S_IWOTH:
        return "other users can write into it"
    if info.st_mode & stat.S_IWGRP and not _private_group(info.st_gid):
        return f"the members of group {info.st_gid} can write into it"
    return None


def _private_group(gid: int) -> bool:
    """Whether ``gid`` is the user's own group with nobody else in it."""
    if gid != os.getegid():
        return False
    try:
        import grp  # pylint: disable=import-outside-toplevel  # POSIX only; needed for g+w only
        import pwd  # pylint: disable=import-outside-toplevel

        members = set(grp.getgrgid(gid).gr_mem)
        user = pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):
        return False
    return members <= {user}


def trusted_directory(directory: Path) -> bool:
    """Whether the cache files in ``directory`` may be read and written (see the module
    docstring); warns once per directory on stderr when not. A missing directory is not
    trusted (``private_directory`` makes one)."""
    try:
        info = os.stat(directory)
    except OSError:
        return False
    reason = untrusted_reason(info) if stat.S_ISDIR(info.st_mode) else "it is not a directory"
    if reason is None:
        return True
    _warn(str(directory), reason)
    return False


def private_directory(directory: Path) -> bool:
    """Make ``directory`` (and its missing parents) readable by the user only, unless it exists;
    then whether it may be trusted. ``False`` when it cannot be made."""
    missing = []
    for level in (directory, *directory.parents):
        if level.exists():
            break
        missing.append(level)
    try:
        for level in reversed(missing):  # Path.mkdir(parents=True) gives parents the default mode
            level.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return False
    return trusted_directory(directory)


def read_trusted(path: Path) -> bytes | None:
    """The content of a cache file, or ``None`` when it is missing or may hold what someone
    else wrote (its directory or the file itself fails the checks)."""
    if not trusted_directory(path.parent):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        try:
            info = os.fstat(descriptor)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        reason = untrusted_reason(info)
        if reason is not None:
            _warn(str(path), reason)
            return None
        try:
            return stream.read()
        except OSError:
            return None


def _warn(key: str, reason: str) -> None:
    """Say once per process and place why a cache is not used (the tool goes on without it)."""
    with _LOCK:
        if key in _WARNED:
            return
        _WARNED.add(key)
    sys.stderr.write(f"pan-tools: not using the cache {key}: {reason}\n")
