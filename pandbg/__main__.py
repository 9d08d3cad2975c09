"""The ``pandbg`` command: a DAP debug adapter for pan on stdio, or on a TCP port.

pandbg                      # speak DAP on stdin/stdout (how editors start adapters)
pandbg --tcp 4711           # serve clients one after the other on 127.0.0.1:4711
pandbg --tcp 0.0.0.0:4711   # ... on another interface, when asked explicitly
pandbg --log-file F         # the adapter's log (failed requests with their traceback) in F
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from panc import __version__
from pandbg.adapter import DapAdapter
from pandbg.protocol import Connection, stdio_stream, tcp_streams

_DEFAULT_HOST = "127.0.0.1"


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not [HOST:]PORT") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"port {number} out of range")
    return host or _DEFAULT_HOST, number


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
    parser.add_argument(
        "--tcp",
        type=_address,
        metavar="[HOST:]PORT",
        help=f"listen on a TCP port instead of stdio (host defaults to {_DEFAULT_HOST})",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(
        filename=args.log_file, level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.tcp is None:
        stream = stdio_stream()
        DapAdapter(lambda adapter: Connection(stream, adapter.handle)).serve()
        return 0
    host, port = args.tcp

    def ready(bound: int) -> None:
        sys.stderr.write(f"pandbg: listening on {host}:{bound}\n")
        sys.stderr.flush()

    for stream in tcp_streams(host, port, ready):
        DapAdapter(lambda adapter, s=stream: Connection(s, adapter.handle)).serve()  # type: ignore[misc]
        stream.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
