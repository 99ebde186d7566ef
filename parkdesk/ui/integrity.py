"""SQLite's full check of a large database, in the background, after the window is shown.

Opening a file over 8 MB skips the full check (it reads every page: ~0.15 s at 100,000
enterprises); this runs it as a QueryOp and reports a damaged file through `damaged` (the
DatabaseError: its problem and hint).
"""

from __future__ import annotations

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
        # Imported here: a check starts after the first paint, for large files only.
        from parkdesk.ui import crash
        from parkdesk.ui.background import QueryOp

        path = str(directory.path)

        def failed(exc: Exception) -> None:
            if isinstance(exc, DatabaseError):
                self.damaged.emit(exc)
            else:
                crash.report(exc)
            self.finished.emit(path)

        op = QueryOp(parent=None, db=directory.path, op=Directory.verify,
                     success=lambda _: self.finished.emit(path))
        op.failure(failed).run_in_background()
        return True
