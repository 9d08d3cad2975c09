"""DAP framing: ``Content-Length`` headers around UTF-8 JSON, over stdio or a socket.

pandbg borrows the message layer of debugpy (``debugpy.common.messaging.JsonIOStream``: header
parsing, partial reads, UTF-8 lengths), the code that carries DAP between VS Code and debugpy
every day. That module lives inside debugpy rather than being a published API, so this is the
only module of pan-tools that imports debugpy, and ``MessageStream`` is all the rest of pandbg
sees. tests/pandbg/test_framing.py pins every behaviour relied on here, and the VS Code
extension's CI runs it again against the debugpy bundled in the .vsix: a debugpy release that
changes this layer fails there, loudly, instead of in a user's debug session.
"""

from __future__ import annotations

import socket
import sys
from typing import Any, BinaryIO

from debugpy.common import log, messaging

# debugpy logs stream trouble to stderr at "warning"; pandbg reports its own errors.
log.stderr.levels = frozenset()


class StreamClosed(Exception):
    """The other side is gone: end of input, or the output cannot be written any more."""


class UnreadableMessage(Exception):
    """Input that is not a DAP message (bad headers, a wrong length, invalid JSON or UTF-8)."""


class MessageStream:
    """Reads and writes whole DAP messages (JSON values)."""

    def __init__(self, stream: messaging.JsonIOStream) -> None:
        self._stream = stream

    def read(self) -> Any:
        """The next message; ``StreamClosed`` at the end of the input."""
        try:
            return self._stream.read_json()
        except messaging.NoMoreMessages as error:
            raise StreamClosed(str(error)) from error
        except Exception as error:
            raise UnreadableMessage(str(error) or type(error).__name__) from error

    def write(self, message: Any) -> None:
        """Send one message, flushed; ``StreamClosed`` when the other side is gone."""
        try:
            self._stream.write_json(message)
        except (messaging.NoMoreMessages, messaging.JsonIOError) as error:
            raise StreamClosed(str(error)) from error

    def close(self) -> None:
        self._stream.close()


def pipe_stream(reader: BinaryIO, writer: BinaryIO, name: str) -> MessageStream:
    """Messages over two binary files (``reader.readline`` must keep ``\\r\\n``)."""
    return MessageStream(messaging.JsonIOStream(reader, writer, name))


def stdio_stream() -> MessageStream:
    """The process's stdin/stdout as a DAP stream; ``print`` output goes to stderr instead."""
    stream = pipe_stream(sys.stdin.buffer, sys.stdout.buffer, "stdio")
    sys.stdout = sys.stderr  # nothing else may write into the protocol stream
    return stream


def socket_stream(connection: socket.socket, name: str) -> MessageStream:
    """Messages over a connected socket (closed with the stream)."""
    return MessageStream(messaging.JsonIOStream.from_socket(connection, name))
