"""Icons come from SVG files drawn from the qtawesome glyphs; qtawesome itself is never loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from parkdesk.ui import icons
from parkdesk.ui.icon_files import svg


@pytest.mark.parametrize("name", list(icons._NAMES))
def test_every_icon_has_an_up_to_date_file(qapp, name: str) -> None:
    path = icons.icon_path(name)
    assert path.is_file(), "run: .venv/bin/python -m parkdesk.ui.icon_files"
    assert path.read_text(encoding="utf-8") == svg(name), (
        f"{path.name} is out of date: run .venv/bin/python -m parkdesk.ui.icon_files")


def test_icons_load_without_qtawesome() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from parkdesk.ui import icons\n"
        "icons.enable()\n"
        "images = [icons.icon(n).pixmap(24, 24).toImage() for n in icons._NAMES]\n"
        "assert all(any(i.pixelColor(x, y).alpha() for x in range(24) for y in range(24))\n"
        "           for i in images)\n"
        "print('qtawesome' in sys.modules, 'qtpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["False", "False"]
