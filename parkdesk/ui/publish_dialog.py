"""File › Publish to Address Book…: the directory's contacts to a CardDAV book, off the UI thread.

The address and user name are remembered (settings); the password is asked for each time and
kept nowhere. Decision: a keyring needs a running Secret Service or KWallet on Linux, which
many desktops and every remote session lack, and publishing is an occasional act of whoever
keeps the team's book; asking each time has no store to leak and nothing to set up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.errors import ParkdeskError
from parkdesk.ui import crash
from parkdesk.ui.background import QueryOp
from parkdesk.ui.settings import Settings

if TYPE_CHECKING:
    from parkdesk.core.db.directory import Directory


@dataclass(frozen=True)
class PublishChoice:
    """Where to publish and as whom (the password only for this publish)."""

    url: str
    user: str
    password: str


class PublishDialog(QDialog):
    """Asks for the address book's address, the user name and the password."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish to Address Book"))
        self.url = QLineEdit(settings.carddav_url())
        self.url.setPlaceholderText("https://dav.example.org/team/directory/")
        self.user = QLineEdit(settings.carddav_user())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        intro = QLabel(self.tr(
            "Every record with a phone number becomes a card in the CardDAV address book, and "
            "cards of records no longer in the directory are removed. Phones subscribed to the "
            "book follow. The password is not kept."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address book:"), self.url)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(self.tr("Publish"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.password if self.url.text() else self.url).setFocus()

    def accept(self) -> None:
        if not self.url.text().strip().startswith(("http://", "https://")):
            self.problem.setText(self.tr("Give the address book's address, starting with "
                                         "https://."))
            self.problem.show()
            self.url.setFocus()
            return
        super().accept()

    def choice(self) -> PublishChoice:
        return PublishChoice(self.url.text().strip(), self.user.text().strip(),
                             self.password.text())

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> PublishChoice | None:
        """The user's choice (address and user name remembered), or None when cancelled."""
        dialog = cls(settings, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        settings.set_carddav(choice.url, choice.user)
        return choice


def show_publish_dialog(parent: QWidget | None, db: Path, user_store: Path | None,
                        settings: Settings) -> QueryOp[str] | None:
    """Ask, then publish in the background (the directory with the user's changes) and say
    what changed in the status bar, or why not in a message. None when the user cancels."""
    choice = PublishDialog.ask(settings, parent)
    if choice is None:
        return None

    def publish(directory: Directory) -> str:
        from parkdesk.core.publish.carddav import publish as publish_cards

        plan = publish_cards(directory, choice.url, choice.user or None, choice.password or None)
        return plan.summary(done=True)

    def succeeded(summary: str) -> None:
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(summary, 15_000)

    def failed(exc: Exception) -> None:
        if isinstance(exc, ParkdeskError):
            QMessageBox.warning(parent, QCoreApplication.translate("PublishDialog", "Publishing failed"), str(exc))
        else:
            crash.report(exc)

    op = QueryOp(parent=parent, db=db, op=publish, success=succeeded, user_store=user_store)
    op.failure(failed).with_progress(QCoreApplication.translate(
        "PublishDialog", "Publishing to the address book…")).run_in_background()
    return op
