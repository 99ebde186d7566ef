"""The user's changes in the app: one QUndoStack over the user store.

Every change is saved (committed to the store) before it is pushed, so what the window shows
is always on disk; Undo and Redo, and reverting any change from the History view, are
commands on the same stack. A store that cannot be written leaves the app read-only, and each
refusal is one plain sentence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.userstore.articles import StoredArticle
from parkdesk.core.userstore.changes import ACTIVE, REVERTED, UNDONE, Change, Op
from parkdesk.core.userstore.session import UserData


class UserEdits(QObject):
    """The window's way to change the directory. Past-tense signals: `directory_changed` after
    anything shown changed, `failed(message)` when a change could not be saved."""

    directory_changed = Signal()
    failed = Signal(str)

    def __init__(self, data: UserData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        # The change just made, undone or redone (None: a restore, anything else); the
        # window's refresh asks it whether the tree's shape can have changed.
        self.last_change: Change | None = None

    @property
    def editable(self) -> bool:
        return self.data.editable

    def make(self, summary: str, ops: list[Op]) -> Change | None:
        """Save one change and put it on the undo stack; None (and `failed`) if not saved."""
        try:
            change = self.data.record(summary, ops)
        except ParkdeskError as exc:
            self.failed.emit(str(exc))
            return None
        self.stack.push(_StateCommand(self, change, ACTIVE, UNDONE, summary, done=True))
        self.last_change = change
        self.directory_changed.emit()
        return change

    def import_article(self, article: StoredArticle, text: str) -> Change | None:
        """Import one read article as a change on the undo stack; None when its text is in
        the directory already (nothing changed) or it could not be saved (`failed`)."""
        try:
            change = self.data.import_article(article, text)
        except ParkdeskError as exc:
            self.failed.emit(str(exc))
            return None
        if change is not None:
            self.stack.push(_StateCommand(self, change, ACTIVE, UNDONE, change.summary, done=True))
            self.last_change = None  # a new article: the tree gains rows
        return change

    def revert(self, change: Change) -> bool:
        """Take back an active change from the History (undoable); False if not saved."""
        return self._set(change, REVERTED, self.tr("Revert “{change}”").format(change=change.summary))

    def reapply(self, change: Change) -> bool:
        """Put an undone or reverted change back in effect (undoable)."""
        return self._set(change, ACTIVE, self.tr("Apply again “{change}”").format(change=change.summary))

    def _set(self, change: Change, state: str, text: str) -> bool:
        command = _StateCommand(self, change, state, change.state, text)
        self.stack.push(command)
        return not command.isObsolete()

    def set_state(self, seq: int, state: str) -> bool:
        """Used by commands: change one journal entry's state, reporting a failure."""
        try:
            self.last_change = self.data.set_state(seq, state)
        except ParkdeskError as exc:
            self.failed.emit(str(exc))
            return False
        self.directory_changed.emit()
        return True

    def restore_backup(self, backup: Path) -> bool:
        """Take a backup's changes in place of the current ones (backed up first)."""
        try:
            saved = self.data.restore(backup)
        except ParkdeskError as exc:
            self.failed.emit(str(exc))
            return False
        self.stack.clear()  # the commands on it describe a journal that is no longer there
        self.last_change = None
        self.directory_changed.emit()
        self.last_restore_backup = saved
        return True


class _StateCommand(QUndoCommand):
    """Moves one journal entry between two states: redo -> `state`, undo -> `previous`."""

    def __init__(self, edits: UserEdits, change: Change, state: str, previous: str, text: str,
                 done: bool = False) -> None:
        super().__init__(text)
        self.edits = edits
        self.seq = change.seq
        self.state = state
        self.previous = previous
        self._skip_redo = done  # a new change is saved before it is pushed

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if not self.edits.set_state(self.seq, self.state):
            self.setObsolete(True)  # not saved: the stack drops it, the journal is unchanged

    def undo(self) -> None:
        if not self.edits.set_state(self.seq, self.previous):
            self.setObsolete(True)
