"""Carrying DAP messages: Content-Length framed JSON over stdio or a TCP socket.

Framing, request/response pairing and dispatch are debugpy's messaging layer
(``debugpy.common.messaging``: ``JsonIOStream`` frames, ``JsonMessageChannel`` dispatches
on its own threads and turns a ``MessageHandlingError`` into an error response). It is a
module inside debugpy rather than a published API, so this is the only module of pandbg
that imports it: the adapter sees ``Connection``, a command handler returning response
bodies, and ``RequestFailed``.
"""

from __future__ import annotations

import socket
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from debugpy.common import log, messaging

Handler = Callable[[str, dict[str, Any]], dict[str, Any] | None]
"""``handler(command, arguments) -> response body``; raises ``RequestFailed`` to refuse."""

# debugpy logs failed requests to stderr; the client already gets them as error responses.
log.stderr.levels = frozenset()


class RequestFailed(Exception):
    """Refuse a request: the message goes back to the client in the error response."""


class Connection:
    """One DAP client. Requests are handled one at a time on the channel's thread."""

    def __init__(self, stream: messaging.JsonIOStream, handler: Handler) -> None:
        self._handler = handler
        self._after: list[Callable[[], None]] = []
        self._channel = messaging.JsonMessageChannel(stream, self, name="pandbg")
        self._lock = threading.Lock()
        self._done = threading.Event()

    # debugpy's channel calls ``request`` for every request (its generic handler name).
    def request(self, request: messaging.Request) -> None:
        """Dispatch one request; its response is sent before any ``after_response`` work."""
        try:
            body = self._handler(request.command, dict(request.arguments))
        except RequestFailed as error:
            raise request.cant_handle("{0}", str(error), silent=True) from None
        except Exception as error:  # pylint: disable=broad-exception-caught  # the adapter must stay up
            sys.stderr.write(traceback.format_exc())
            raise request.cant_handle("internal error of pandbg: {0!r}", error, silent=True) from None
        request.respond(body or {})
        with self._lock:
            pending, self._after = self._after, []
        for work in pending:
            work()

    def after_response(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the response to the request being handled has been sent
        (so that, e.g., a ``stopped`` event never overtakes the ``continue`` response)."""
        with self._lock:
            self._after.append(work)

    def send_event(self, event: str, body: dict[str, Any] | None = None) -> None:
        """Send an event; safe from any thread, quiet once the client is gone."""
        try:
            self._channel.send_event(event, body)
        except messaging.NoMoreMessages:
            pass

    def serve(self) -> None:
        """Handle messages until the client goes away or ``close`` is called."""
        self._channel.start()
        self._done.wait()

    # debugpy's channel calls ``disconnect`` when the client's stream ends.
    def disconnect(self) -> None:
        self._done.set()

    def close(self) -> None:
        """Stop serving (after the current response has been sent)."""
        self._channel.close()
        self._done.set()


def stdio_stream() -> messaging.JsonIOStream:
    """The process's stdin/stdout as a DAP stream; ``print`` output goes to stderr instead."""
    stream = messaging.JsonIOStream(sys.stdin.buffer, sys.stdout.buffer, "stdio")
    sys.stdout = sys.stderr  # nothing else may write into the protocol stream
    return stream


def tcp_streams(host: str, port: int, ready: Callable[[int], None] | None = None) -> Iterator[
    messaging.JsonIOStream
]:
    """Accept clients on ``host:port`` one after the other; ``ready(port)`` once listening
    (port 0 picks a free port)."""
    with socket.create_server((host, port)) as server:
        if ready is not None:
            ready(server.getsockname()[1])
        while True:
            client, _ = server.accept()
            yield messaging.JsonIOStream.from_socket(client, "tcp")
