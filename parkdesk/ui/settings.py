"""Window state kept between runs with QSettings: geometry (per Qt version), splitters, selection,
the interface language.

The selection changes with every click and arrow key; it is kept in memory and written once the
user pauses (`remember_selection`), so that no select waits for the settings file to be written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer, qVersion

ORGANISATION = "parkdesk"
APPLICATION = "parkdesk"
SELECTION_WRITE_MS = 1500  # the selection is written this long after the last one


class Settings:
    """Typed access to the few values parkdesk remembers."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
            )
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self._selection: str | None = None  # chosen, not written yet (remember_selection)
        self._selection_timer: QTimer | None = None

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
        if self._selection is not None:
            return self._selection
        value = self.qsettings.value("selection/last", "")
        return value if isinstance(value, str) else ""

    def set_last_selected(self, value: str) -> None:
        self._selection = None
        self.qsettings.setValue("selection/last", value)

    def remember_selection(self, value: str) -> None:
        """Keep the selection, and write it when the user pauses (or at sync()): QSettings
        writes its file after each change, ~2 ms that a select need not wait for."""
        self._selection = value
        if self._selection_timer is None:
            self._selection_timer = QTimer()
            self._selection_timer.setSingleShot(True)
            self._selection_timer.setInterval(SELECTION_WRITE_MS)
            self._selection_timer.timeout.connect(self.write_selection)
        self._selection_timer.start()

    def selection_pending(self) -> bool:
        """Whether a selection is kept that the file does not hold yet."""
        return self._selection is not None

    def write_selection(self) -> None:
        """Write the selection kept by remember_selection, if any."""
        if self._selection_timer is not None:
            self._selection_timer.stop()
        if self._selection is not None:
            self.set_last_selected(self._selection)

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
        self.write_selection()
        self.qsettings.sync()


def _checked_key(path: str) -> str:
    # A path holds slashes, which QSettings reads as groups: the key is its digest. (hashlib
    # is imported here: ~4 ms, asked for after the first paint, by the integrity check.)
    import hashlib

    return "integrity/" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:24]
