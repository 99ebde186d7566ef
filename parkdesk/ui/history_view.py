"""Edit › History: every change ever made, with its date and state; any one can be reverted
(or applied again) at any time, across restarts. Below, this session's undo stack (QUndoView).
Also File › Restore from Backup…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.dates import display_date
from parkdesk.core.db.backups import Backup, backups
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.userstore.changes import ACTIVE, REVERTED, UNDONE, Change
from parkdesk.ui.user_edits import UserEdits

_STATE_TEXT = {ACTIVE: QT_TRANSLATE_NOOP("HistoryDialog", "in effect"),
               UNDONE: QT_TRANSLATE_NOOP("HistoryDialog", "undone"),
               REVERTED: QT_TRANSLATE_NOOP("HistoryDialog", "reverted")}


def when_text(iso: str | None) -> str:
    """A stored UTC time as "2 Dec 2026 14:05 UTC"."""
    if not iso:
        return ""
    return QCoreApplication.translate("HistoryDialog", "{date} {time} UTC").format(
        date=display_date(iso[:10]), time=iso[11:16])


class HistoryDialog(QDialog):
    """The journal, newest first; Revert and Apply Again are undoable like any change."""

    def __init__(self, edits: UserEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of your changes"))
        self.edits = edits
        self.list = QTreeWidget()
        self.list.setObjectName("historyList")
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Change"), self.tr("State")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.revert_button = QPushButton(self.tr("&Revert This Change"))
        self.revert_button.clicked.connect(self.revert_selected)
        self.reapply_button = QPushButton(self.tr("&Apply Again"))
        self.reapply_button.clicked.connect(self.reapply_selected)
        self.empty = QLabel(self.tr("No changes yet. Edit a record (F2), add a contact or a "
                                    "note, and it is listed here."))
        self.empty.setStyleSheet("color: #78909c;")
        undo_view = QUndoView(edits.stack)
        undo_view.setObjectName("undoView")
        undo_view.setEmptyLabel(self.tr("(as opened)"))
        undo_view.setMaximumHeight(120)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.reapply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("All your changes, kept until you revert them. "
                                        "Reverting one leaves the others as they are.")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("This session (Edit › Undo / Redo):")))
        layout.addWidget(undo_view)
        layout.addWidget(close)
        self.resize(720, 520)
        edits.directory_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """List the journal again (after any change)."""
        current = self.selected()
        self.list.clear()
        for change in reversed(self.edits.data.changes()):
            state = self.tr(_STATE_TEXT[change.state]) if change.state in _STATE_TEXT \
                else change.state
            if change.state != ACTIVE and change.state_at:
                state += f" {when_text(change.state_at)}"
            item = QTreeWidgetItem([when_text(change.at), change.summary, state])
            item.setData(0, Qt.ItemDataRole.UserRole, change.seq)
            if change.state != ACTIVE:
                for col in range(3):
                    item.setForeground(col, self.palette().placeholderText())
            self.list.addTopLevelItem(item)
            if current is not None and change.seq == current.seq:
                self.list.setCurrentItem(item)
        for col in (0, 2):
            self.list.resizeColumnToContents(col)
        self.list.setColumnWidth(1, max(260, self.list.columnWidth(1)))
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self._update_buttons()

    def selected(self) -> Change | None:
        """The change selected in the list."""
        item = self.list.currentItem() if hasattr(self, "list") else None
        if item is None:
            return None
        seq = item.data(0, Qt.ItemDataRole.UserRole)
        return next((c for c in self.edits.data.changes() if c.seq == seq), None)

    def _update_buttons(self) -> None:
        change = self.selected()
        editable = self.edits.editable
        self.revert_button.setEnabled(editable and change is not None and change.active)
        self.reapply_button.setEnabled(editable and change is not None and not change.active)

    def revert_selected(self) -> None:
        change = self.selected()
        if change is not None and change.active:
            self.edits.revert(change)

    def reapply_selected(self) -> None:
        change = self.selected()
        if change is not None and not change.active:
            self.edits.reapply(change)


class RestoreBackupDialog(QDialog):
    """File › Restore from Backup…: pick one of the last backups (newest first)."""

    def __init__(self, found: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.list = QListWidget()
        for b in found:
            item = QListWidgetItem(self.tr("{date} UTC — %n change(s)", None, b.changes).format(
                date=f"{display_date(b.made.date().isoformat())} {b.made:%H:%M}"))
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(found))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            self.tr("Your changes as they were at one of these times. What you have now is "
                    "backed up first, so it can be restored too.") if found else
            self.tr("There are no backups yet: one is made each day you make changes, and when "
                    "parkdesk starts.")))
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(460, 320)

    @classmethod
    def ask(cls, store_path: Path, parent: QWidget | None = None) -> Path | None:
        """The backup file to restore, or None."""
        dialog = cls(backups(store_path), parent)
        answer = dialog.exec() == QDialog.DialogCode.Accepted
        item = dialog.list.currentItem()
        dialog.deleteLater()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if answer and item else None
