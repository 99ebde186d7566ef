"""Every icon of the app: the only module that names qtawesome icons.

Icons are read from SVG files drawn from those qtawesome glyphs (resources/icons/, written by
icon_files.py), so the app never imports qtawesome (~150 ms, ~30 MB; a test-only dependency).
They are shown once `enable()` is called, after the window's first paint; until then `icon()`
returns an empty QIcon. The app's own icon is set then too (`set_app_icon`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from parkdesk.paths import RESOURCES

if TYPE_CHECKING:  # QtGui's QIcon is imported when the first icon is made: not before the
    from PySide6.QtGui import QIcon  # window's first paint, which shows none

APP_ICON = RESOURCES / "parkdesk.svg"
ICON_DIR = RESOURCES / "icons"
COLOR = "#37474f"

# Tree node icons (TreeNode.icon: an entity kind, "group:<key>" or "contact:<kind>") and actions.
_NAMES = {
    "zone": "mdi6.map-marker-radius",
    "park": "mdi6.home-city-outline",
    "organisation": "mdi6.town-hall",
    "project": "mdi6.crane",
    "enterprise": "mdi6.factory",
    "institution": "mdi6.school-outline",
    "person": "mdi6.account-tie",
    "place": "mdi6.map-outline",
    "group:projects": "mdi6.folder-cog-outline",
    "group:organisations": "mdi6.folder-table-outline",
    "group:people": "mdi6.folder-account-outline",
    "group:contacts": "mdi6.card-account-phone-outline",
    "contact:phone": "mdi6.phone-outline",
    "contact:address": "mdi6.email-outline",
    "open": "mdi6.database-outline",
    "copy": "mdi6.content-copy",
    "find": "mdi6.magnify",
    "print": "mdi6.printer-outline",
    "pdf": "mdi6.file-pdf-box",
    "export": "mdi6.export",
    "quit": "mdi6.exit-to-app",
    "about": "mdi6.information-outline",
    "call": "mdi6.phone-dial-outline",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    "collapse": "mdi6.arrow-collapse-all",
    "warning": "mdi6.alert-outline",
    "back": "mdi6.arrow-left",
    "forward": "mdi6.arrow-right",
    "group:beyond": "mdi6.folder-marker-outline",
    "compare": "mdi6.table-large",
}

_enabled = False


def enable() -> None:
    """Switch icons on: from now on `icon()` returns real icons. Needs a QApplication."""
    global _enabled
    _enabled = True


def enabled() -> bool:
    """Whether icons are loaded yet."""
    return _enabled


def icon_path(name: str) -> Path:
    """The SVG file of an icon name ("group:people" -> resources/icons/group-people.svg)."""
    return ICON_DIR / (name.replace(":", "-") + ".svg")


@cache
def _load(name: str) -> QIcon:
    from PySide6.QtGui import QIcon

    # A missing file (an icon added without running icon_files) shows nothing; a test fails.
    return QIcon(str(icon_path(name)))


def icon(name: str) -> QIcon:
    """The icon for a node kind or an action name; empty before `enable()` or when unknown."""
    if not _enabled or name not in _NAMES:
        from PySide6.QtGui import QIcon

        return QIcon()
    return _load(name)


def app_icon() -> QIcon:
    """The application's own icon (an SVG in resources/)."""
    from PySide6.QtGui import QIcon

    return QIcon(str(APP_ICON))


def set_app_icon() -> None:
    """Give every window of the application parkdesk's icon (unless it has its own).

    Done right after the main window's first paint (or before an error dialog at start-up):
    reading the SVG and drawing it for the window manager take ~5 ms.
    """
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(app_icon())
