"""Draw icon.png (128x128 RGBA): a frying pan on a rounded square. Standard library only.

Run once with `python3 scripts/make_icon.py`; the PNG is committed.
"""

import math
import struct
import zlib
from pathlib import Path

SIZE = 128
BACKGROUND = (22, 61, 96)
PAN = (236, 240, 244)
INSIDE = (56, 110, 158)
HANDLE = (214, 160, 76)


def inside_rounded_square(x: float, y: float, radius: float = 22.0) -> bool:
    """Whether the pixel centre lies in the square with rounded corners."""
    dx = max(radius - x, 0.0, x - (SIZE - radius))
    dy = max(radius - y, 0.0, y - (SIZE - radius))
    return dx * dx + dy * dy <= radius * radius


def on_handle(x: float, y: float) -> bool:
    """A straight handle from the rim of the pan to the right edge, rounded at its end."""
    if 80.0 <= x <= 112.0 and abs(y - 64.0) <= 7.0:
        return True
    return math.hypot(x - 112.0, y - 64.0) <= 7.0


def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    """The RGBA colour of one pixel."""
    cx, cy = x + 0.5, y + 0.5
    if not inside_rounded_square(cx, cy):
        return (0, 0, 0, 0)
    distance = math.hypot(cx - 48.0, cy - 64.0)
    if distance <= 28.0:
        return (*INSIDE, 255)
    if distance <= 36.0:
        return (*PAN, 255)
    if on_handle(cx, cy):
        return (*HANDLE, 255)
    return (*BACKGROUND, 255)


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC of type and data."""
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def main() -> None:
    """Write icon.png next to package.json."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 9))
           + chunk(b"IEND", b""))
    (Path(__file__).resolve().parent.parent / "icon.png").write_bytes(png)


if __name__ == "__main__":
    main()
