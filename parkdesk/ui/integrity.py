"""SQLite's full check of a large database, in the background, after the window is shown.

Opening a file over 8 MB skips the full check (it reads every page: ~0.15 s at 100,000
enterprises, ~4 s of CPU at a million); this runs it as a QueryOp and reports a damaged file
through `damaged` (the DatabaseError: its problem and hint). A file that passed is remembered by
its identity (size, modification time, inode) and not read again until it changes: the bundled
directory is never written, so checking it at every start would only cost the first seconds.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.ui.settings import Settings


def file_identity(path: str) -> str:
    """What changes when a file is written or replaced: size, modification time, inode."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


class IntegrityCheck(QObject):
    """Starts checks; `damaged` (a message for the user) arrives on the UI thread."""

    damaged = Signal(object)  # the DatabaseError
    finished = Signal(str)  # the path checked, damaged or not

    def __init__(self, parent: QObject, settings: Settings) -> None:
        super().__init__(parent)
        self.settings = settings

    def start(self, directory: Directory) -> bool:
        """Check `directory` unless opening it already did, or it passed before and has not
        changed since; True when a check was started."""
        if directory.fully_checked:
            return False
        identity = file_identity(str(directory.path))
        if identity and self.settings.checked_file(str(directory.path)) == identity:
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

        def passed(_: object) -> None:
            if identity:
                self.settings.set_checked_file(path, identity)
            self.finished.emit(path)

        op = QueryOp(parent=None, db=directory.path, op=Directory.verify, success=passed)
        op.failure(failed).run_in_background()
        return True
