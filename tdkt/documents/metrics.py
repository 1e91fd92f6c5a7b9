"""Widths of printed text, for the short rules the decree ties to a text's length.

Measured with the advance widths of Liberation Serif (Debian's fonts-liberation2), which is
metric-compatible with Times New Roman: the same text has the same width in both. Without the font
files a conservative average width is used.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)
FONT_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
_FALLBACK_EM = {(False, False): 0.50, (True, False): 0.56, (False, True): 0.48, (True, True): 0.55}
MM_PER_POINT = 25.4 / 72


def font_path(*, bold: bool = False, italic: bool = False) -> Path | None:
    """The Liberation Serif file of that style, or None when fonts-liberation2 is not installed."""
    name = FONT_FILES[(bold, italic)]
    return next((d / name for d in FONT_DIRS if (d / name).is_file()), None)


@lru_cache(maxsize=4)
def _advances(bold: bool, italic: bool) -> tuple[dict[int, float], float] | None:
    """Advance width of each character in ems, and the width of a space (immutable once loaded)."""
    path = font_path(bold=bold, italic=italic)
    if path is None:
        return None
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; loaded only when measuring

    font = TTFont(str(path), lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    font.close()
    return widths, widths.get(32, 0.25)


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """The width of `text` on one line at `size_pt` (NFC text; a missing glyph counts as a space)."""
    table = _advances(bold, italic)
    if table is None:
        ems = len(text) * _FALLBACK_EM[(bold, italic)]
    else:
        widths, space = table
        ems = sum(widths.get(ord(ch), space) for ch in text)
    return ems * size_pt * MM_PER_POINT
