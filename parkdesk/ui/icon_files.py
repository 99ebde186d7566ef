"""The app's qtawesome icons drawn once, as SVG files in resources/icons/, for icons.py to load.

Importing qtawesome costs the app ~150 ms and ~30 MB: it star-imports QtCore, QtGui and
QtWidgets through qtpy and loads every icon font it bundles. The glyphs parkdesk uses are
drawn here instead, the way qtawesome draws them (a glyph 7/8 of the icon high, centred), as
vector paths; QIcon scales them to any size. Regenerate after changing icons._NAMES:

    .venv/bin/python -m parkdesk.ui.icon_files

(tests/ui/test_icons.py fails while a file is missing or out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from parkdesk.ui.icons import _NAMES, COLOR, ICON_DIR, icon_path

BOX = 48  # the SVG's view box; qtawesome draws the glyph 0.875 of the icon's height
GLYPH = round(0.875 * BOX)


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def svg(name: str) -> str:
    """The SVG text of one icon (needs a QGuiApplication: it reads qtawesome's fonts)."""
    import qtawesome
    from PySide6.QtCore import QRectF, Qt

    prefix, _, glyph_name = _NAMES[name].partition(".")
    iconic = qtawesome._instance()
    char = iconic.charmap[prefix][glyph_name]
    rawfont = iconic.rawfont(prefix, GLYPH)
    glyph = rawfont.glyphIndexesForString(char)[0]
    advance = abs(rawfont.advancesForGlyphIndexes((glyph,))[0].x())
    ascent = rawfont.ascent()
    height = ascent + rawfont.descent()
    centre = QRectF(0, 0, BOX, BOX).center()
    path = rawfont.pathForGlyph(glyph)
    path.translate(centre.x() - advance / 2, centre.y() - height / 2 + ascent)
    path.setFillRule(Qt.FillRule.WindingFill)
    parts: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.isMoveTo():
            parts.append(f"M{_number(e.x)} {_number(e.y)}")
        elif e.isLineTo():
            parts.append(f"L{_number(e.x)} {_number(e.y)}")
        else:  # a cubic curve: this element and the two data elements after it
            c1, c2 = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{_number(e.x)} {_number(e.y)} {_number(c1.x)} {_number(c1.y)} "
                         f"{_number(c2.x)} {_number(c2.y)}")
            i += 2
        i += 1
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BOX}" height="{BOX}" '
        f'viewBox="0 0 {BOX} {BOX}"><!-- {_NAMES[name]} (qtawesome) -->'
        f'<path fill="{COLOR}" fill-rule="nonzero" d="{" ".join(parts)}"/></svg>\n'
    )


def render_all(folder: Path = ICON_DIR) -> list[Path]:
    """Write every icon's SVG into `folder`; returns the files written."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts need one
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _NAMES:
        path = folder / icon_path(name).name
        path.write_text(svg(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    files = render_all()
    print(f"wrote {len(files)} icons to {ICON_DIR}")
