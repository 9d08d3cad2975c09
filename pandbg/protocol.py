"""Carrying DAP messages: requests in, responses and events out, over a ``MessageStream``.

The framing is debugpy's, through ``pandbg.framing``. debugpy's channel class (dispatch on its
own threads) is not used: it sends error responses without the ``body.error`` the
specification requires, ends the process when a handler raises, and cannot order an event
after a response. Dispatch here is a plain loop instead: read a request, call the handler,
write the response, then run the work the handler deferred.
"""

from __future__ import annotations

import itertools
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

from pandbg.framing import MessageStream, StreamClosed, UnreadableMessage, socket_stream, stdio_stream

Handler = Callable[[str, dict[str, Any]], dict[str, Any] | None]
"""``handler(command, arguments) -> response body``; raises ``RequestFailed`` to refuse."""

logger = logging.getLogger(__name__)

__all__ = ["Connection", "RequestFailed", "stdio_stream", "tcp_streams"]


class RequestFailed(Exception):
    """Refuse a request: the message goes back to the client in the error response."""


class Connection:
    """One DAP client: requests are handled in order on the thread that calls ``serve``."""

    def __init__(self, stream: MessageStream, handler: Handler) -> None:
        self._stream = stream
        self._handler = handler
        self._after: list[Callable[[], None]] = []
        self._write_lock = threading.Lock()
        self._sequence = itertools.count(1)
        self._closed = False

    def serve(self) -> None:
        """Handle requests until the client goes away or a handler calls ``close``."""
        while not self._closed:
            try:
                message = self._stream.read()
            except StreamClosed:
                break
            except UnreadableMessage as error:
                logger.error("unreadable message (%s), closing the connection", error)
                break
            if isinstance(message, dict) and message.get("type") == "request":
                self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        command = str(message.get("command", ""))
        response: dict[str, Any] = {
            "type": "response",
            "request_seq": message.get("seq", 0),
            "command": command,
            "success": True,
        }
        arguments = message.get("arguments")
        try:
            body = self._handler(command, arguments if isinstance(arguments, dict) else {})
            if body:
                response["body"] = body
        except RequestFailed as error:
            _fail(response, str(error))
        except Exception as error:  # pylint: disable=broad-exception-caught  # the adapter must stay up
            logger.exception("request %s failed", command)
            _fail(response, f"internal error of pandbg: {error!r}")
        self._write(response)
        pending, self._after = self._after, []
        for work in pending:
            try:
                work()
            except Exception as error:  # pylint: disable=broad-exception-caught  # the adapter must stay up
                logger.exception("work after the %s response failed", command)
                self.send_event("output", {"category": "stderr", "output": f"pandbg: {error}\n"})

    def after_response(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the response to the request being handled has been sent
        (so that, e.g., a ``stopped`` event never overtakes the ``continue`` response)."""
        self._after.append(work)

    def send_event(self, event: str, body: dict[str, Any] | None = None) -> None:
        """Send an event; safe from any thread."""
        message: dict[str, Any] = {"type": "event", "event": event}
        if body is not None:
            message["body"] = body
        self._write(message)

    def _write(self, message: dict[str, Any]) -> None:
        with self._write_lock:
            message["seq"] = next(self._sequence)
            try:
                self._stream.write(message)
            except StreamClosed:
                self._closed = True  # the client is gone; nothing left to tell it

    def close(self) -> None:
        """Stop serving once the current request is answered."""
        self._closed = True


def _fail(response: dict[str, Any], message: str) -> None:
    response["success"] = False
    response["message"] = message
    response["body"] = {"error": {"id": 1, "format": message, "showUser": True}}


def tcp_streams(
    host: str, port: int, ready: Callable[[int], None] | None = None
) -> Iterator[MessageStream]:
    """Accept clients on ``host:port`` one after the other; ``ready(port)`` once listening
    (port 0 picks a free port)."""
    with socket.create_server((host, port)) as server:
        if ready is not None:
            ready(server.getsockname()[1])
        while True:
            client, _ = server.accept()
            yield socket_stream(client, "tcp")
