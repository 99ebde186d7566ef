"""Dialogs built in code, each with an `ask()` that returns the user's answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from parkdesk import __version__
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError

OPEN_ANOTHER = "open"
QUIT = "quit"


def db_filter() -> str:
    """The file dialog's filter for databases."""
    return QCoreApplication.translate("Dialogs", "parkdesk databases (*.db *.sqlite);;All files (*)")


class DatabaseErrorDialog(QMessageBox):
    """Says what is wrong with a database file and what to do about that file; never a traceback."""

    def __init__(self, error: DatabaseError | str, parent: QWidget | None = None,
                 quit_label: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("databaseErrorDialog")
        self.setWindowTitle(self.tr("parkdesk: cannot open the database"))
        self.setIcon(QMessageBox.Icon.Critical)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if isinstance(error, DatabaseError):
            self.setText(error.problem)
            # A command goes on a line of its own.
            self.setInformativeText(error.hint.replace(": ", ":\n", 1))
        else:
            self.setText(error)
        # Wide enough that the rebuild command stays on one line.
        self.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 460px; }"
        )
        self.open_button = self.addButton(self.tr("Open Another Database…"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(quit_label or self.tr("Quit"),
                                         QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.quit_button)

    @classmethod
    def ask(cls, error: DatabaseError | str, parent: QWidget | None = None,
            quit_label: str = "") -> str:
        """Show the problem and its hint; returns OPEN_ANOTHER or QUIT."""
        dialog = cls(error, parent, quit_label)
        dialog.exec()
        answer = OPEN_ANOTHER if dialog.clickedButton() is dialog.open_button else QUIT
        dialog.deleteLater()
        return answer


def ask_database_path(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """A file dialog for choosing a database; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open database"),
        str(start.parent if start else Path.home()), db_filter()
    )
    return Path(name) if name else None


def about_text(directory: Directory | None) -> str:
    """Version, build date and article count, as plain text."""
    lines = [
        f"parkdesk {__version__}",
        QCoreApplication.translate(
            "AboutDialog", "A directory of the Foshan National High-tech Industrial Development "
            "Zone (one zone, five parks); every fact links to its source article."),
        "",
    ]
    if directory is not None:
        meta = directory.meta()
        lines.append(QCoreApplication.translate("AboutDialog", "Database: {path}").format(path=directory.path))
        built = meta.get("built_at") or QCoreApplication.translate("AboutDialog", "unknown")
        lines.append(QCoreApplication.translate("AboutDialog", "Built: {date}").format(date=built))
        count = meta.get("article_count") or str(len(directory.articles()))
        lines.append(QCoreApplication.translate("AboutDialog", "Source articles: {count}").format(count=count))
    return "\n".join(lines)


class AboutDialog(QMessageBox):
    """Help › About."""

    def __init__(self, directory: Directory | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About parkdesk"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(about_text(directory))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        if parent is not None and not parent.windowIcon().isNull():
            self.setIconPixmap(parent.windowIcon().pixmap(64, 64))

    @classmethod
    def ask(cls, directory: Directory | None, parent: QWidget | None = None) -> None:
        """Show the About box until closed."""
        dialog = cls(directory, parent)
        dialog.exec()
        dialog.deleteLater()
