"""panls off stdio: one client on a TCP port (that gives the token) or on a private Unix socket.

pygls' own ``start_tcp`` serves whoever connects first. Here, on TCP, the first message must
be the ``initialize`` request with the server's token in ``initializationOptions.token``
(see ``panc.listening``); a client that sends anything else, a wrong token, or nothing
within ``AUTHENTICATION_SECONDS`` gets an error response and is disconnected, and the
server waits for the next one. The token is taken out of the options before the server
sees them. Once a client is in, others are turned away; the server ends with its client,
as with stdio.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import threading
from typing import Any

from pygls.io_ import run_async

from panc.listening import AUTHENTICATION_SECONDS, ListenAddress, announce, token_matches
from panls.server import PanLanguageServer

logger = logging.getLogger(__name__)

INVALID_REQUEST = -32600
MAX_FIRST_MESSAGE = 1 << 20
"""Bytes an unauthenticated client may send: its ``initialize`` request, no more."""
TOKEN_NEEDED = (
    "panls listens on TCP and needs its token: send it as initializationOptions.token "
    "(printed by panls at start, or in its --token-file)"
)


def serve_socket(server: PanLanguageServer, address: ListenAddress) -> None:
    """Serve one client on ``address`` until it exits."""
    with contextlib.suppress(asyncio.CancelledError):
        asyncio.run(_serve(server, address))


async def _serve(server: PanLanguageServer, address: ListenAddress) -> None:
    finished = asyncio.Event()
    served: list[bool] = []
    server._stop_event = threading.Event()  # pylint: disable=protected-access  # pygls' loop flag

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if served:
            writer.close()  # one client per server, as on stdio
            return
        first = await _admitted(reader, writer, address.token)
        if first is None:
            writer.close()
            return
        served.append(True)
        protocol = server.protocol
        protocol.set_writer(writer)  # type: ignore[arg-type]
        protocol.handle_message(json.loads(json.dumps(first), object_hook=protocol.structure_message))
        try:
            await run_async(stop_event=server._stop_event,  # pylint: disable=protected-access
                            reader=reader, protocol=protocol, logger=logger,
                            error_handler=server.report_server_error)
        finally:
            finished.set()

    if address.socket_path is not None:
        mask = os.umask(0o177)  # the socket file: the user only (its directory is private too)
        try:
            listening = await asyncio.start_unix_server(connection, address.socket_path)
        finally:
            os.umask(mask)
        port = 0
    else:
        listening = await asyncio.start_server(connection, address.host, address.port)
        port = listening.sockets[0].getsockname()[1]
    announce("panls", address, port, sys.stderr)
    try:
        async with listening:
            await finished.wait()
    finally:
        server.shutdown()
        if address.socket_path is not None:
            with contextlib.suppress(OSError):
                os.unlink(address.socket_path)


async def _admitted(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, token: str | None
) -> dict[str, Any] | None:
    """The client's first message if it may come in (its token taken out), else ``None``
    after telling it why."""
    try:
        body = await asyncio.wait_for(_read_message(reader), AUTHENTICATION_SECONDS)
        message = json.loads(body) if body is not None else None
    except (TimeoutError, ValueError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return None
    if not isinstance(message, dict):
        return None
    params = message.get("params")
    options = params.get("initializationOptions") if isinstance(params, dict) else None
    offered = options.pop("token", None) if isinstance(options, dict) else None
    if message.get("method") == "initialize" and (token is None or token_matches(offered, token)):
        return message
    if "id" in message:
        refusal = TOKEN_NEEDED if offered is None else "panls: wrong token"
        error = {"code": INVALID_REQUEST, "message": refusal}
        data = json.dumps({"jsonrpc": "2.0", "id": message["id"], "error": error}).encode()
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))
        with contextlib.suppress(OSError):
            await writer.drain()
    return None


async def _read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One ``Content-Length`` framed message (``None`` if the client sends no valid frame)."""
    length = None
    while True:
        line = await reader.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii", "replace").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip()) if value.strip().isdigit() else None
    if length is None or length > MAX_FIRST_MESSAGE:
        return None
    return await reader.readexactly(length)
