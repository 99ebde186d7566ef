"""Window state kept between runs with QSettings: geometry (per Qt version), splitters, selection,
the interface language."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, qVersion

ORGANISATION = "parkdesk"
APPLICATION = "parkdesk"


class Settings:
    """Typed access to the few values parkdesk remembers."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
            )
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @staticmethod
    def _geometry_key() -> str:
        return f"window/geometry-qt{qVersion()}"

    def geometry(self) -> QByteArray | None:
        """Saved window geometry, only if saved by this Qt version."""
        value = self.qsettings.value(self._geometry_key())
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self.qsettings.setValue(self._geometry_key(), value)

    def splitter(self, name: str) -> QByteArray | None:
        """Saved state of a splitter."""
        value = self.qsettings.value(f"splitters/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"splitters/{name}", value)

    def last_selected(self) -> str:
        """The last selected item as "entity:<id>" or "contact:<id>", or ""."""
        value = self.qsettings.value("selection/last", "")
        return value if isinstance(value, str) else ""

    def set_last_selected(self, value: str) -> None:
        self.qsettings.setValue("selection/last", value)

    def text_zoom(self) -> int:
        """Steps the detail text is zoomed in (negative: out)."""
        value = self.qsettings.value("view/text_zoom", 0)
        try:
            return int(value) if isinstance(value, int | float | str) else 0
        except ValueError:
            return 0

    def set_text_zoom(self, steps: int) -> None:
        self.qsettings.setValue("view/text_zoom", steps)

    def carddav_url(self) -> str:
        """The address book last published to (File › Publish to Address Book…), or ""."""
        value = self.qsettings.value("publish/carddav_url", "")
        return value if isinstance(value, str) else ""

    def carddav_user(self) -> str:
        """The user name last published as, or "" (the password is never kept)."""
        value = self.qsettings.value("publish/carddav_user", "")
        return value if isinstance(value, str) else ""

    def set_carddav(self, url: str, user: str) -> None:
        self.qsettings.setValue("publish/carddav_url", url)
        self.qsettings.setValue("publish/carddav_user", user)

    def language(self) -> str:
        """The interface language chosen in View › Language ("en", "zh_CN"), or "" (the system's)."""
        value = self.qsettings.value("view/language", "")
        return value if isinstance(value, str) else ""

    def set_language(self, code: str) -> None:
        self.qsettings.setValue("view/language", code)

    def checked_file(self, path: str) -> str:
        """The identity (size, modification time, inode) `path` had when SQLite's full check
        last passed on it, or ""."""
        value = self.qsettings.value(_checked_key(path), "")
        return value if isinstance(value, str) else ""

    def set_checked_file(self, path: str, identity: str) -> None:
        self.qsettings.setValue(_checked_key(path), identity)

    def sync(self) -> None:
        """Write pending values to disk."""
        self.qsettings.sync()


def _checked_key(path: str) -> str:
    # A path holds slashes, which QSettings reads as groups: the key is its digest.
    return "integrity/" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:24]
