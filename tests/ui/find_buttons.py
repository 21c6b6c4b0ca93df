#!/usr/bin/env python3
"""Where buttons of one fill colour are in a screenshot (standard library only).

  find_buttons.py FILE R,G,B [X,Y,W,H]     (FILE: a PNG, or an X window dump from xwd)
      prints "x y" (the centre) of every solid region of that colour, left to right, one a
      line: pixels whose 5x5 neighbourhood is all that colour (so 1-pixel frames and text
      do not count), grouped by touching; only inside the rectangle if one is given.
      Exit 1 if there is none.
  find_buttons.py --count FILE R,G,B X,Y,W,H
      prints how many pixels of the rectangle are within 6 of that colour per channel.

Tests click what they find (xdotool), so a test of a dialog's buttons does not hard-code
pixel positions that a font or a translation moves.
"""
import struct
import sys
from pngcmp import read_png


def read_image(path):
    """(w, h, RGB bytes) of a PNG or a 32-bit ZPixmap XWD (xwd -root -silent)."""
    with open(path, "rb") as f:
        d = f.read()
    if d[:8] == b"\x89PNG\r\n\x1a\n":
        return read_png(path)
    hd = struct.unpack(">25I", d[:100])
    hsize, w, h, bpl, order, ncol = hd[0], hd[4], hd[5], hd[12], hd[7], hd[19]
    if bpl < 4 * w:  # 24-bit depth is stored in 32-bit pixels
        raise ValueError(f"{path}: only 32-bit XWD dumps are read")
    off, out = hsize + 12 * ncol, bytearray(w * h * 3)
    for y in range(h):
        row = d[off + y * bpl:off + y * bpl + 4 * w]
        for x in range(w):
            p = row[4 * x:4 * x + 4]
            out[3 * (y * w + x):3 * (y * w + x) + 3] = bytes((p[2], p[1], p[0]) if order == 0 else (p[1], p[2], p[3]))
    return w, h, out


def count(path, rgb, rect):
    w, h, px = read_image(path)
    col = [int(v) for v in rgb.split(",")]
    x0, y0, rw, rh = (int(v) for v in rect.split(","))
    n = 0
    for y in range(max(0, y0), min(h, y0 + rh)):
        for x in range(max(0, x0), min(w, x0 + rw)):
            p = px[3 * (y * w + x):3 * (y * w + x) + 3]
            n += all(abs(p[c] - col[c]) <= 6 for c in range(3))
    print(n)
    return 0


def main(argv):
    if len(argv) == 5 and argv[1] == "--count":
        return count(argv[2], argv[3], argv[4])
    if len(argv) not in (3, 4):
        print(__doc__)
        return 2
    w, h, px = read_image(argv[1])
    col = tuple(int(v) for v in argv[2].split(","))
    x0, y0, rw, rh = (int(v) for v in argv[3].split(",")) if len(argv) == 4 else (0, 0, w, h)
    x1, y1 = min(w, x0 + rw), min(h, y0 + rh)
    match = bytearray(w * h)
    for y in range(y0, y1):
        for x in range(x0, x1):
            if tuple(px[3 * (y * w + x):3 * (y * w + x) + 3]) == col:
                match[y * w + x] = 1
    solid = set()
    for y in range(max(y0, 2), min(y1, h - 2)):
        for x in range(max(x0, 2), min(x1, w - 2)):
            if match[y * w + x] and all(match[(y + dy) * w + x + dx] for dy in range(-2, 3) for dx in range(-2, 3)):
                solid.add((x, y))
    regions = []
    while solid:
        stack = [solid.pop()]
        xs, ys = [], []
        while stack:
            x, y = stack.pop()
            xs.append(x)
            ys.append(y)
            for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if n in solid:
                    solid.remove(n)
                    stack.append(n)
        if len(xs) >= 50:
            regions.append(((min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2))
    for x, y in sorted(regions):
        print(x, y)
    return 0 if regions else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
