"""The contract between pandbg and debugpy's message layer (``pandbg/framing.py``).

debugpy's ``messaging`` module is not a published API. These tests pin what pandbg relies on,
written against the DAP specification rather than against debugpy's own output, and the VS Code
extension's CI runs this file again with the debugpy bundled in the .vsix first on ``sys.path``
(``PAN_FRAMING_EXPECT_DEBUGPY`` names the folder it must come from). If a debugpy release changes
the framing, this fails loudly with the version in the message.
"""

from __future__ import annotations

import io
import json
import os
import socket
import threading
from pathlib import Path

import debugpy
import pytest

from pandbg.framing import MessageStream, StreamClosed, UnreadableMessage, pipe_stream, socket_stream

VERSION = f"debugpy {debugpy.__version__} from {Path(debugpy.__file__).parent}"


def frame(message: object) -> bytes:
    """A message as the DAP specification frames it (not as debugpy happens to write it)."""
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def parse_frames(data: bytes) -> list[object]:
    """Split a byte stream into messages by the specification's rules."""
    messages: list[object] = []
    while data:
        header, separator, rest = data.partition(b"\r\n\r\n")
        assert separator, f"{VERSION}: no blank line after the headers in {data[:80]!r}"
        fields = dict(line.split(b": ", 1) for line in header.split(b"\r\n"))
        assert set(fields) == {b"Content-Length"}, f"{VERSION}: headers {fields}"
        length = int(fields[b"Content-Length"])
        messages.append(json.loads(rest[:length].decode("utf-8")))
        data = rest[length:]
    return messages


class OneByteReader(io.RawIOBase):
    """A reader that hands out one byte per call, as a slow pipe may."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(1)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def reading(data: bytes | io.RawIOBase) -> MessageStream:
    reader = io.BufferedReader(data, buffer_size=1) if isinstance(data, io.RawIOBase) else io.BytesIO(data)
    return pipe_stream(reader, io.BytesIO(), "test")  # type: ignore[arg-type]


def test_the_expected_debugpy_is_under_test() -> None:
    expected = os.environ.get("PAN_FRAMING_EXPECT_DEBUGPY")
    if expected:
        assert Path(debugpy.__file__).resolve().is_relative_to(Path(expected).resolve()), VERSION


def test_written_messages_are_framed_as_the_specification_says() -> None:
    out = io.BytesIO()
    stream = pipe_stream(io.BytesIO(), out, "test")
    messages = [
        {"seq": 1, "type": "event", "event": "output", "body": {"output": "héllo ✓ 𝄞\n"}},
        {"seq": 2, "type": "response", "request_seq": 1, "command": "threads", "success": True},
    ]
    for message in messages:
        stream.write(message)
    assert parse_frames(out.getvalue()) == messages, VERSION


def test_messages_are_read_back_to_back_with_utf8_lengths() -> None:
    arguments = {"expression": "'é' + 'ß'"}
    messages = [
        {"seq": n, "type": "request", "command": "evaluate", "arguments": arguments} for n in range(1, 4)
    ]
    stream = reading(b"".join(frame(m) for m in messages))
    assert [stream.read() for _ in messages] == messages, VERSION


def test_partial_reads_are_assembled() -> None:
    arguments = {"lines": list(range(50))}
    message = {"seq": 7, "type": "request", "command": "setBreakpoints", "arguments": arguments}
    stream = reading(OneByteReader(frame(message) + frame({"seq": 8})))
    assert stream.read() == message, VERSION
    assert stream.read() == {"seq": 8}, VERSION


def test_end_of_input_closes_the_stream_between_and_inside_messages() -> None:
    with pytest.raises(StreamClosed):
        reading(b"").read()
    with pytest.raises(StreamClosed):
        reading(frame({"seq": 1})[:-3]).read()


@pytest.mark.parametrize(
    "data",
    [
        b"Content-Length: x\r\n\r\n{}",
        b"Content-Type: json\r\n\r\n{}",
        b"Content-Length: 3\r\n\r\n{\xff}",
        b"Content-Length: 2\r\n\r\n{]",
    ],
    ids=["bad-length", "no-length", "bad-utf8", "bad-json"],
)
def test_garbage_is_unreadable_not_a_crash(data: bytes, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UnreadableMessage):
        reading(data).read()
    assert capfd.readouterr().err == "", f"{VERSION}: debugpy's logging must stay silent"


def test_writing_to_a_closed_stream_says_the_other_side_is_gone() -> None:
    class Broken(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, _data: object) -> int:
            raise BrokenPipeError("the client went away")

    with pytest.raises(StreamClosed):
        pipe_stream(io.BytesIO(), Broken(), "test").write({"seq": 1})  # type: ignore[arg-type]


def test_sockets_carry_messages_both_ways() -> None:
    left, right = socket.socketpair()
    ours, theirs = socket_stream(left, "left"), socket_stream(right, "right")
    answer: list[object] = []
    reader = threading.Thread(target=lambda: answer.append(theirs.read()))
    reader.start()
    ours.write({"seq": 1, "type": "event", "event": "initialized"})
    reader.join(10)
    assert answer == [{"seq": 1, "type": "event", "event": "initialized"}], VERSION
    ours.close()
    with pytest.raises(StreamClosed):
        theirs.read()
    theirs.close()
