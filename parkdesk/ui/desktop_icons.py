"""The app icon (resources/parkdesk.svg) drawn as the PNG sizes of the hicolor icon theme.

The PNGs are committed under resources/desktop/hicolor/ so that `parkdesk install-desktop`
only copies files; redraw them after changing the SVG with `python -m parkdesk.ui.desktop_icons`
(a test compares them with a fresh drawing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from parkdesk.paths import APP_ID, RESOURCES

SVG = RESOURCES / "parkdesk.svg"
HICOLOR = RESOURCES / "desktop" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, root: Path = HICOLOR) -> Path:
    """Where the icon of one size lives in a hicolor tree."""
    return root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def draw(size: int) -> QImage:
    """The app icon drawn at `size` pixels square on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def write_all(root: Path = HICOLOR) -> list[Path]:
    """Draw every size into `root`; returns the files written."""
    written = []
    for size in SIZES:
        path = png_path(size, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not draw(size).save(str(path), b"PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication([])
    for written in write_all():
        print(written)
