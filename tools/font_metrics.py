"""Regenerate kwpld/charts/metrics.json: advance widths of the chart font's Latin glyphs.

Charts are laid out in Python, without a rendering engine, so text widths come from this
table: advance widths (per 1000 units of the em) of Noto Sans CJK KR (Debian package
fonts-noto-cjk), regular and bold, for the Latin, punctuation and symbol ranges that names,
captions and credits use. Hangul, Hanja and other wide characters are one em wide in that
font and need no table. Run with fontTools installed (it is not a kwpld dependency):

    python tools/font_metrics.py /usr/share/fonts/opentype/noto > kwpld/charts/metrics.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTCollection

FAMILY = "Noto Sans CJK KR"
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2010, 0x2027), (0x2190, 0x2193), (0x25A0, 0x25CF)]


def widths(path: Path) -> dict[str, list[int]]:
    for font in TTCollection(str(path)).fonts:
        if font["name"].getDebugName(1) == FAMILY:
            scale = 1000 / font["head"].unitsPerEm
            cmap = font.getBestCmap()
            hmtx = font["hmtx"]
            out = {}
            for lo, hi in RANGES:
                row = []
                for cp in range(lo, hi + 1):
                    glyph = cmap.get(cp)
                    row.append(round(hmtx[glyph][0] * scale) if glyph else 0)
                out[f"{lo:04X}-{hi:04X}"] = row
            return out
    raise SystemExit(f"{path} has no {FAMILY}")


def main(folder: str) -> None:
    root = Path(folder)
    data = {
        "family": FAMILY,
        "units_per_em": 1000,
        "wide": 1000,
        "regular": widths(root / "NotoSansCJK-Regular.ttc"),
        "bold": widths(root / "NotoSansCJK-Bold.ttc"),
    }
    sys.stdout.write(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto")
