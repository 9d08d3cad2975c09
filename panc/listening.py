"""How the editor servers (``panls``, ``pandbg``) let clients in when they are not on stdio.

Whoever can talk to these servers can make them compile templates, which read files
(``file_contents``) and write profiles with the rights of the user who started them. On a
shared admin server a TCP port on 127.0.0.1 is open to every local user, so off stdio a
client must prove it was given access:

- ``--tcp [HOST:]PORT``: a secret token, random for each start (or taken from the
  ``<PROGRAM>_TOKEN`` environment variable, at least 16 characters), printed once on stderr or
  written to a new file of mode 0600 (``--token-file``). The server checks it on the first
  message that does anything (see each server) and drops a client that does not give it.
- ``--socket PATH``: a Unix socket in a directory only the user can enter (mode 0700, made
  if missing); the file system keeps other users out, no token is needed.

Stdio stays the default: an editor that starts the server itself needs none of this.
"""

from __future__ import annotations

import argparse
import contextlib
import hmac
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

DEFAULT_HOST = "127.0.0.1"
MIN_TOKEN_LENGTH = 16
AUTHENTICATION_SECONDS = 30.0
"""How long a connected client may take to give the token before it is dropped."""


@dataclass(frozen=True)
class ListenAddress:
    """Where a server listens off stdio, and the token its clients must give (TCP only)."""

    host: str = DEFAULT_HOST
    port: int = 0
    socket_path: str | None = None
    token: str | None = None
    token_file: str | None = None

    @property
    def is_unix(self) -> bool:
        return self.socket_path is not None


def tcp_address(text: str) -> tuple[str, int]:
    """``[HOST:]PORT`` (host 127.0.0.1 by default) for argparse."""
    host, _, port = text.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not [HOST:]PORT") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"port {number} out of range")
    return host or DEFAULT_HOST, number


def add_listen_arguments(parser: argparse.ArgumentParser, token_variable: str) -> None:
    """``--tcp``, ``--socket`` and ``--token-file``, as every server takes them."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--tcp", type=tcp_address, metavar="[HOST:]PORT",
        help=f"listen on TCP instead of stdio (host defaults to {DEFAULT_HOST}); clients must give "
        f"the token printed at start (or set in ${token_variable})",
    )
    where.add_argument(
        "--socket", metavar="PATH",
        help="listen on a Unix socket instead of stdio; its directory must be yours and private "
        "(mode 0700; made if missing)",
    )
    parser.add_argument(
        "--token-file", metavar="PATH",
        help="with --tcp: write the token to this file (mode 0600) instead of printing it",
    )


def listen_address(args: argparse.Namespace, parser: argparse.ArgumentParser,
                   token_variable: str) -> ListenAddress | None:
    """The address ``add_listen_arguments`` parsed; ``None`` for stdio. Refuses (through
    ``parser.error``) a socket directory others can enter and a token that is too short."""
    if args.token_file and not args.tcp:
        parser.error("--token-file goes with --tcp")
    if args.socket:
        problem = prepare_socket(Path(args.socket))
        if problem:
            parser.error(problem)
        return ListenAddress(socket_path=str(Path(args.socket).absolute()))
    if not args.tcp:
        return None
    token = os.environ.get(token_variable) or secrets.token_urlsafe(32)
    if len(token) < MIN_TOKEN_LENGTH:
        parser.error(f"${token_variable} is shorter than {MIN_TOKEN_LENGTH} characters")
    if args.token_file:
        problem = write_token_file(Path(args.token_file), token)
        if problem:
            parser.error(problem)
    host, port = args.tcp
    return ListenAddress(host, port, token=token, token_file=args.token_file)


def token_matches(offered: object, token: str | None) -> bool:
    """Whether a client's ``offered`` value is the token (compared in constant time)."""
    if token is None:
        return True
    return isinstance(offered, str) and hmac.compare_digest(offered.encode(), token.encode())


def write_token_file(path: Path, token: str) -> str | None:
    """Write ``token`` to ``path``, readable by the user only; why not, if it cannot."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        if path.is_symlink() or (path.exists() and path.stat().st_uid != os.geteuid()):
            return f"--token-file {path}: not a file of yours"
        descriptor = os.open(path, flags, 0o600)
    except OSError as error:
        return f"--token-file {path}: {error.strerror}"
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        os.fchmod(descriptor, 0o600)
        stream.write(token + "\n")
    return None


def prepare_socket(path: Path) -> str | None:
    """Make ready to bind a Unix socket at ``path``: its directory made private if missing,
    refused unless the user's own and closed to others, a stale socket of ours removed.
    Returns why it cannot be used, or ``None``."""
    directory = path.absolute().parent
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(directory)
    except OSError as error:
        return f"--socket {path}: {error.strerror}: {directory}"
    if info.st_uid != os.geteuid():
        return f"--socket {path}: {directory} is not your directory"
    if stat.S_IMODE(info.st_mode) & 0o077:
        return (f"--socket {path}: other users can enter {directory} (mode "
                f"{stat.S_IMODE(info.st_mode):04o}); use a directory of mode 0700")
    with contextlib.suppress(FileNotFoundError):
        existing = os.lstat(path)
        if not stat.S_ISSOCK(existing.st_mode):
            return f"--socket {path}: a file that is not a socket is there"
        os.unlink(path)  # left by a server that did not stop cleanly
    return None


def announce(program: str, address: ListenAddress, bound_port: int, stream: TextIO) -> None:
    """Say where the server listens, and the token once (unless it went to a file)."""
    if address.is_unix:
        stream.write(f"{program}: listening on {address.socket_path}\n")
    else:
        stream.write(f"{program}: listening on {address.host}:{bound_port}\n")
        if address.token_file:
            stream.write(f"{program}: the clients' token is in {address.token_file}\n")
        else:
            stream.write(f"{program}: token {address.token}\n")
    stream.flush()
