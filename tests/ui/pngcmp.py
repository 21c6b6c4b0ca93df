#!/usr/bin/env python3
"""Tolerant PNG comparison for the window's golden images (standard library only).

  pngcmp.py GOLDEN ACTUAL      exit 0 if ACTUAL matches GOLDEN, 1 if not, 2 on bad input
  pngcmp.py --colours FILE R,G,B[:MINFRAC] ...
                               exit 0 if the image is not uniform and each colour covers at
                               least MINFRAC (default 0.01) of the pixels (within 8 per channel)
  pngcmp.py --same X,Y,W,H A B exit 0 if A and B have exactly the same pixels in that rectangle

Matching allows for font rasteriser and rounding differences, not for missing content:
a pixel differs when a channel differs by more than THRESH (40); the images match when
at most 1% of all pixels differ AND no 16x16 tile has more than 20% of its pixels
differing AND at most 1.5% of the tiles have 16 or more differing pixels. A missing layer
changes whole tiles (labels, counters) or a long run of tiles (borders) and fails.
"""
import struct
import sys
import zlib

THRESH, MAX_FRAC, TILE, TILE_FRAC = 40, 0.01, 16, 0.20
MARKED, MAX_MARKED = 16, 0.015  # a tile is "marked" with >= 16 differing pixels; at most 1.5% may be


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, w = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]:
            raise ValueError(f"{path}: bad CRC in {kind.decode()} chunk")
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are supported")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if w is None:
        raise ValueError(f"{path}: no IHDR")
    raw = zlib.decompress(idat)
    stride = w * bpp
    out = bytearray(h * w * 3)
    prev = bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if bpp == 3:
            out[y * w * 3:(y + 1) * w * 3] = line
        else:
            for x in range(w):
                out[(y * w + x) * 3:(y * w + x) * 3 + 3] = line[x * 4:x * 4 + 3]
    return w, h, out


def compare(golden, actual):
    w1, h1, a = read_png(golden)
    w2, h2, b = read_png(actual)
    if (w1, h1) != (w2, h2):
        print(f"size differs: {golden} is {w1}x{h1}, {actual} is {w2}x{h2}")
        return 1
    tw, th = (w1 + TILE - 1) // TILE, (h1 + TILE - 1) // TILE
    tiles = [0] * (tw * th)
    bad = 0
    for i in range(w1 * h1):
        j = 3 * i
        if abs(a[j] - b[j]) > THRESH or abs(a[j + 1] - b[j + 1]) > THRESH or abs(a[j + 2] - b[j + 2]) > THRESH:
            bad += 1
            y, x = divmod(i, w1)
            tiles[(y // TILE) * tw + x // TILE] += 1
    worst = max(range(len(tiles)), key=lambda k: tiles[k])
    frac = bad / (w1 * h1)
    tile_frac = tiles[worst] / (TILE * TILE)
    wy, wx = divmod(worst, tw)
    marked = sum(1 for t in tiles if t >= MARKED) / len(tiles)
    print(f"{bad} of {w1 * h1} pixels differ ({frac:.4%}); worst {TILE}x{TILE} tile at "
          f"({wx * TILE},{wy * TILE}): {tile_frac:.0%}; tiles with {MARKED}+ differing pixels: {marked:.2%}")
    if frac > MAX_FRAC or tile_frac > TILE_FRAC or marked > MAX_MARKED:
        print(f"MISMATCH: {actual} does not match {golden} (limits: {MAX_FRAC:.0%} of pixels, {TILE_FRAC:.0%} of a tile, {MAX_MARKED:.1%} marked tiles)")
        return 1
    return 0


def same(rect, a_path, b_path):
    x0, y0, rw, rh = (int(v) for v in rect.split(","))
    w, h, a = read_png(a_path)
    w2, h2, b = read_png(b_path)
    if (w, h) != (w2, h2) or x0 < 0 or y0 < 0 or x0 + rw > w or y0 + rh > h:
        raise ValueError(f"{rect}: not inside both images ({w}x{h}, {w2}x{h2})")
    diff = [(x, y) for y in range(y0, y0 + rh) for x in range(x0, x0 + rw)
            if a[3 * (y * w + x):3 * (y * w + x) + 3] != b[3 * (y * w + x):3 * (y * w + x) + 3]]
    if diff:
        print(f"{len(diff)} pixels differ in {rect}, the first at {diff[0]}")
        return 1
    return 0


def colours(path, specs):
    w, h, px = read_png(path)
    n = w * h
    first = bytes(px[0:3])
    if all(px[j:j + 3] == first for j in range(0, len(px), 3 * 97)):
        print(f"{path}: the image is uniform")
        return 1
    rc = 0
    for spec in specs:
        rgb, _, mf = spec.partition(":")
        r, g, b = (int(v) for v in rgb.split(","))
        minfrac = float(mf) if mf else 0.01
        hits = sum(1 for j in range(0, len(px), 3)
                   if abs(px[j] - r) <= 8 and abs(px[j + 1] - g) <= 8 and abs(px[j + 2] - b) <= 8)
        print(f"{path}: colour {r},{g},{b} covers {hits / n:.2%} (need {minfrac:.2%})")
        if hits / n < minfrac:
            rc = 1
    return rc


def main(argv):
    try:
        if len(argv) == 5 and argv[1] == "--same":
            return same(argv[2], argv[3], argv[4])
        if len(argv) >= 3 and argv[1] == "--colours":
            return colours(argv[2], argv[3:])
        if len(argv) == 3:
            return compare(argv[1], argv[2])
    except (OSError, ValueError, zlib.error) as e:
        print(e)
        return 2
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
