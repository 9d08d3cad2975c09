"""``panls``: the pan language server on stdio (default) or TCP."""

from __future__ import annotations

import argparse
import logging
import sys

from panls import __version__


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT or PORT, got {text!r}")
    return host or "127.0.0.1", int(port)


def main(argv: list[str] | None = None) -> int:
    """Run the server until the client disconnects."""
    parser = argparse.ArgumentParser(prog="panls", description="Language server for the pan language.")
    parser.add_argument("--stdio", action="store_true", help="speak LSP on stdin/stdout (the default)")
    parser.add_argument(
        "--tcp",
        metavar="[HOST:]PORT",
        type=_address,
        help="listen on TCP instead (HOST defaults to 127.0.0.1)",
    )
    parser.add_argument("--log-file", help="write the server's log there (default: stderr)")
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="default: WARNING",
    )
    parser.add_argument("--version", action="version", version=f"panls {__version__}")
    args = parser.parse_args(argv)
    logging.basicConfig(
        filename=args.log_file, level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from panls.server import create_server  # pylint: disable=import-outside-toplevel

    server = create_server()
    try:
        if args.tcp:
            host, port = args.tcp
            server.start_tcp(host, port)
        else:
            server.start_io(sys.stdin.buffer, sys.stdout.buffer)
    finally:
        server.compiles.shutdown()  # its worker processes
    return 0


if __name__ == "__main__":
    sys.exit(main())
