"""``panls``: the pan language server on stdio (default), TCP (with a token) or a Unix socket."""

from __future__ import annotations

import argparse
import logging
import sys

from panc.listening import add_listen_arguments, listen_address
from panls import __version__

TOKEN_VARIABLE = "PANLS_TOKEN"


def main(argv: list[str] | None = None) -> int:
    """Run the server until the client disconnects."""
    parser = argparse.ArgumentParser(prog="panls", description="Language server for the pan language.")
    parser.add_argument("--stdio", action="store_true", help="speak LSP on stdin/stdout (the default)")
    add_listen_arguments(parser, TOKEN_VARIABLE)
    parser.add_argument("--log-file", help="write the server's log there (default: stderr)")
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="default: WARNING",
    )
    parser.add_argument("--version", action="version", version=f"panls {__version__}")
    args = parser.parse_args(argv)
    address = listen_address(args, parser, TOKEN_VARIABLE)
    logging.basicConfig(
        filename=args.log_file, level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # pylint: disable-next=import-outside-toplevel  # --help and --version stay fast
    from panls.server import create_server

    server = create_server()
    try:
        if address is None:
            server.start_io(sys.stdin.buffer, sys.stdout.buffer)
        else:
            from panls.listener import serve_socket  # pylint: disable=import-outside-toplevel

            serve_socket(server, address)
    finally:
        server.compiles.shutdown()  # its worker processes
    return 0


if __name__ == "__main__":
    sys.exit(main())
