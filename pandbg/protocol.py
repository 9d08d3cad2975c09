"""Carrying DAP messages: requests in, responses and events out, over a ``MessageStream``.

The framing is debugpy's, through ``pandbg.framing``. debugpy's channel class (dispatch on its
own threads) is not used: it sends error responses without the ``body.error`` the
specification requires, ends the process when a handler raises, and cannot order an event
after a response. Dispatch here is a plain loop instead: read a request, call the handler,
write the response, then run the work the handler deferred.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

from panc.listening import AUTHENTICATION_SECONDS, ListenAddress, token_matches
from pandbg.framing import MessageStream, StreamClosed, UnreadableMessage, socket_stream, stdio_stream

Handler = Callable[[str, dict[str, Any]], dict[str, Any] | None]
"""``handler(command, arguments) -> response body``; raises ``RequestFailed`` to refuse."""

logger = logging.getLogger(__name__)

__all__ = ["Connection", "RequestFailed", "socket_clients", "stdio_stream"]

TOKEN_NEEDED = (
    "pandbg listens on TCP and needs its token: add \"token\" (printed by pandbg at start, or "
    "in its --token-file) to the launch configuration"
)
TOKEN_REFUSED = "pandbg: wrong token"


class RequestFailed(Exception):
    """Refuse a request: the message goes back to the client in the error response."""


class Connection:
    """One DAP client: requests are handled in order on the thread that calls ``serve``.

    With a ``token`` (a TCP client, see ``panc.listening``) nothing but ``initialize`` is
    served until a request carries ``"token"`` in its arguments: ``launch``/``attach`` (from
    the editor's launch configuration) or ``initialize`` itself. Any other request, or a
    wrong token, gets an error response and the connection is closed.
    ``on_authenticated`` runs once the token was given (it lifts the time limit).
    """

    def __init__(
        self,
        stream: MessageStream,
        handler: Handler,
        token: str | None = None,
        on_authenticated: Callable[[], None] | None = None,
    ) -> None:
        self._stream = stream
        self._handler = handler
        self._after: list[Callable[[], None]] = []
        self._write_lock = threading.Lock()
        self._sequence = itertools.count(1)
        self._closed = False
        self._token = token
        self._on_authenticated = on_authenticated

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
        arguments = dict(arguments) if isinstance(arguments, dict) else {}
        offered = arguments.pop("token", None)
        if self._token is not None and not self._admit(command, offered, response):
            self._write(response)
            self._closed = True
            return
        try:
            body = self._handler(command, arguments)
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

    def _admit(self, command: str, offered: object, response: dict[str, Any]) -> bool:
        """Whether a request may be served before the token was given (it is, now, if it
        carries the right one); fills ``response`` with the refusal when not."""
        if offered is None and command == "initialize":
            return True
        if offered is not None and token_matches(offered, self._token):
            self._token = None
            if self._on_authenticated is not None:
                self._on_authenticated()
            return True
        _fail(response, TOKEN_REFUSED if offered is not None else TOKEN_NEEDED)
        return False

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


def socket_clients(
    address: ListenAddress, ready: Callable[[int], None] | None = None
) -> Iterator[tuple[MessageStream, socket.socket]]:
    """Accept clients one after the other on a TCP port or a Unix socket; ``ready(port)``
    once listening (TCP port 0 picks a free port; 0 is passed for a Unix socket). A client
    has ``AUTHENTICATION_SECONDS`` to give the token (``Connection`` lifts the limit)."""
    if address.socket_path is not None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # the socket file: the user only (its directory is private too)
        try:
            server.bind(address.socket_path)
        finally:
            os.umask(mask)
        server.listen()
    else:
        server = socket.create_server((address.host, address.port))
    with server:
        try:
            if ready is not None:
                ready(0 if address.socket_path is not None else server.getsockname()[1])
            while True:
                client, _ = server.accept()
                if address.token is not None:
                    client.settimeout(AUTHENTICATION_SECONDS)
                yield socket_stream(client, "socket"), client
        finally:
            if address.socket_path is not None:
                with contextlib.suppress(OSError):
                    os.unlink(address.socket_path)
