"""The ``pandbg`` command: a DAP debug adapter for pan on stdio, a TCP port or a Unix socket.

pandbg                           # speak DAP on stdin/stdout (how editors start adapters)
pandbg --tcp 4711                # serve clients one after the other on 127.0.0.1:4711; each
                                 # gives the token printed at start ("token" in its launch
                                 # configuration), or it is refused
pandbg --tcp 4711 --token-file ~/.cache/pandbg.token   # the token in a 0600 file instead
pandbg --socket "$XDG_RUNTIME_DIR/pandbg/dap.sock"     # a Unix socket in a private directory
pandbg --log-file F              # the adapter's log (failed requests with their traceback) in F
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from panc import __version__
from panc.listening import add_listen_arguments, announce, listen_address
from pandbg.adapter import DapAdapter
from pandbg.protocol import Connection, socket_clients, stdio_stream

TOKEN_VARIABLE = "PANDBG_TOKEN"


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point."""
    parser = argparse.ArgumentParser(prog="pandbg", description="Debug adapter (DAP) for pan templates.")
    parser.add_argument("--version", action="version", version=f"pandbg {__version__}")
    parser.add_argument("--log-file", help="write the adapter's log there (default: stderr)")
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="default: WARNING",
    )
    add_listen_arguments(parser, TOKEN_VARIABLE)
    args = parser.parse_args(argv)
    address = listen_address(args, parser, TOKEN_VARIABLE)
    logging.basicConfig(
        filename=args.log_file, level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if address is None:
        stream = stdio_stream()
        DapAdapter(lambda adapter: Connection(stream, adapter.handle)).serve()
        return 0

    def ready(port: int) -> None:
        announce("pandbg", address, port, sys.stderr)

    for stream, client in socket_clients(address, ready):

        def connect(adapter: DapAdapter, stream=stream, client=client) -> Connection:  # type: ignore[no-untyped-def]
            return Connection(stream, adapter.handle, address.token, lambda: client.settimeout(None))

        DapAdapter(connect).serve()
        stream.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
