#!/usr/bin/env python3
"""Draws PeerBot's Teams icons with the standard library only (no Pillow or ImageMagick needed):
color.png 192x192 (speech bubble on the accent colour) and outline.png 32x32 (white outline, transparent)."""
import struct
import zlib
from pathlib import Path

ACCENT = (0x2E, 0x7D, 0x6B, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + b"".join(struct.pack("BBBB", *p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def in_round_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_triangle(x, y, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = side((x, y), a, b), side((x, y), b, c), side((x, y), c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def color_icon(size=192):
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            bubble = in_round_rect(x, y, 36, 52, 156, 124, 18) or in_triangle(x, y, (60, 118), (60, 150), (92, 118))
            dot = any((x - cx) ** 2 + (y - 88) ** 2 <= 64 for cx in (72, 96, 120))
            row.append(ACCENT if not bubble or dot else WHITE)
        rows.append(row)
    return rows


def outline_icon(size=32):
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            outer = in_round_rect(x, y, 4, 6, 27, 21, 4)
            inner = in_round_rect(x, y, 6, 8, 25, 19, 3)
            tail = in_triangle(x, y, (8, 20), (8, 27), (15, 20))
            row.append(WHITE if (outer and not inner) or tail else CLEAR)
        rows.append(row)
    return rows


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    png(here / "color.png", color_icon())
    png(here / "outline.png", outline_icon())
