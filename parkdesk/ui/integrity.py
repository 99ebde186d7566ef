"""SQLite's full check of a large database, in a background thread, after the window is shown.

Opening a file over 8 MB skips the full check (it reads every page: ~0.15 s at 100,000
enterprises); this runs it off the UI thread and reports a damaged file through `damaged` (the DatabaseError: its problem and hint).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError


class IntegrityCheck(QObject):
    """Starts checks; `damaged` (a message for the user) arrives on the UI thread."""

    damaged = Signal(object)  # the DatabaseError
    finished = Signal(str)  # the path checked, damaged or not

    def start(self, directory: Directory) -> bool:
        """Check `directory` unless opening it already did; True when a check was started."""
        if directory.fully_checked:
            return False
        threading.Thread(target=self._run, args=(directory,), name="parkdesk-check",
                         daemon=True).start()
        return True

    def _run(self, directory: Directory) -> None:
        try:
            directory.verify()  # its own connection: safe in this thread
        except DatabaseError as exc:
            self.damaged.emit(exc)
        self.finished.emit(str(directory.path))
