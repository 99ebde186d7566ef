"""File › Export…: choose what (selection, this park, everything), the format and the file.

The export itself is the core's `export_to_path`, the same function `parkdesk export` uses, so
the app and the command line write identical files. It runs in a QueryOp on the directory as
the user sees it (their changes applied), with a progress bar and a Cancel button: the worker
checks the flag between entities, and a cancelled export leaves no file (core/atomic).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export.render import EXTENSIONS, Cancelled, export_to_path
from parkdesk.core.export.scope import EVERYTHING, Scope, scope_of_entity
from parkdesk.ui import crash
from parkdesk.ui.background import QueryOp

SELECTION = "selection"
THIS_PARK = "park"
EVERYTHING_CHOICE = "everything"


def format_labels() -> dict[str, str]:
    """Each format's name in the format list."""
    return {
        "json": QCoreApplication.translate("ExportDialog", "JSON document (.json)"),
        "vcard": QCoreApplication.translate("ExportDialog", "vCard 3.0 address cards, for phones (.vcf)"),
        "csv": QCoreApplication.translate("ExportDialog", "CSV table of phone numbers (.csv)"),
        "google-csv": QCoreApplication.translate("ExportDialog", "CSV for Google Contacts, one row per contact (.csv)"),
        "outlook-csv": QCoreApplication.translate("ExportDialog", "CSV for Outlook, one row per contact (.csv)"),
    }


def format_filters() -> dict[str, str]:
    """Each format's file filter in the save dialog."""
    return {
        "json": QCoreApplication.translate("ExportDialog", "JSON documents (*.json)"),
        "vcard": QCoreApplication.translate("ExportDialog", "vCard files (*.vcf)"),
        "csv": QCoreApplication.translate("ExportDialog", "CSV tables (*.csv)"),
        "google-csv": QCoreApplication.translate("ExportDialog", "CSV tables (*.csv)"),
        "outlook-csv": QCoreApplication.translate("ExportDialog", "CSV tables (*.csv)"),
    }


def format_notes() -> dict[str, str]:
    """What each format holds, under the format list."""
    return {
        "json": QCoreApplication.translate("ExportDialog", "Everything about the chosen part, with sources (see docs/export-format.md)."),
        "vcard": QCoreApplication.translate("ExportDialog", "One card per unit or person with a phone number or address."),
        "csv": QCoreApplication.translate("ExportDialog", "One row per phone number; opens in Excel with Chinese intact (LibreOffice: "
                  "choose Unicode (UTF-8) in the import dialog)."),
        "google-csv": QCoreApplication.translate("ExportDialog", "One row per contact, with the headers Google Contacts imports "
                         "(contacts.google.com › Import)."),
        "outlook-csv": QCoreApplication.translate("ExportDialog", "One row per contact, with the headers Outlook imports "
                          "(File › Open & Export › Import/Export › Comma Separated Values)."),
    }


def scope_label(scope: Scope) -> str:
    """How the dialog and its messages name a scope."""
    if scope.is_all:
        return QCoreApplication.translate("ExportDialog", "the whole directory")
    return scope.label


@dataclass(frozen=True)
class ExportChoice:
    """What the user asked for: which part, which format, which file."""

    which: str  # SELECTION, THIS_PARK or EVERYTHING_CHOICE
    scope: Scope
    format: str  # "json", "vcard" or "csv"
    path: Path


def park_scope(directory: Directory, entity_id: str | None) -> Scope | None:
    """The park (or zone-wide part, or outside place) holding an entity; None without one."""
    park = directory.park_of(entity_id) if entity_id else None
    return scope_of_entity(directory, park.id) if park else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "export"


class ExportDialog(QDialog):
    """The export options; `choice()` reads them. Use `ExportDialog.ask(...)`."""

    def __init__(
        self,
        directory: Directory,
        selected_entity_id: str | None,
        parent: QWidget | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.directory = directory
        self.folder = folder or Path.home()
        selected = directory.entity(selected_entity_id) if selected_entity_id else None
        self.scopes: dict[str, Scope | None] = {
            SELECTION: scope_of_entity(directory, selected.id) if selected else None,
            THIS_PARK: park_scope(directory, selected_entity_id),
            EVERYTHING_CHOICE: EVERYTHING,
        }
        self._path_edited = False

        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        texts = {
            SELECTION: self.tr("Selection: {}"),
            THIS_PARK: self.tr("This park: {}"),
            EVERYTHING_CHOICE: self.tr("Everything: the whole directory"),
        }
        scope_box = QVBoxLayout()
        for key, scope in self.scopes.items():
            label = scope.label if scope else self.tr("(nothing selected)")
            button = QRadioButton(texts[key].format(label))
            button.setObjectName(f"scope_{key}")
            button.setEnabled(scope is not None)
            self.scope_group.addButton(button)
            self.scope_buttons[key] = button
            scope_box.addWidget(button)
        default = THIS_PARK if self.scopes[THIS_PARK] else EVERYTHING_CHOICE
        self.scope_buttons[default].setChecked(True)

        self.format_box = QComboBox()
        self.format_box.setObjectName("format")
        for fmt, label in format_labels().items():
            self.format_box.addItem(label, fmt)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.setAccessibleDescription(self.tr("Where the export is written"))
        self.path_edit.setMinimumWidth(380)
        self.browse_button = QPushButton(self.tr("Browse…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.note = QLabel()
        self.note.setObjectName("formatNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))

        form = QFormLayout()
        form.addRow(self.tr("Export:"), scope_box)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("File:"), path_row)
        form.addRow("", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.scope_group.buttonToggled.connect(lambda *_: self._suggest_path())
        self.format_box.currentIndexChanged.connect(lambda *_: self._on_format_changed())
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(self._update_ok)
        self.browse_button.clicked.connect(self.browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_format_changed()

    # -- state -------------------------------------------------------------------------------

    def which(self) -> str:
        """The checked scope: SELECTION, THIS_PARK or EVERYTHING_CHOICE."""
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def set_which(self, which: str) -> None:
        self.scope_buttons[which].setChecked(True)

    def format(self) -> str:
        fmt: str = self.format_box.currentData()
        return fmt

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.folder / path

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._path_edited = True

    def choice(self) -> ExportChoice | None:
        """The options as chosen, or None while no file is given."""
        path, scope = self.path(), self.scopes[self.which()]
        if path is None or scope is None:
            return None
        return ExportChoice(self.which(), scope, self.format(), path)

    # -- reactions ---------------------------------------------------------------------------

    def _suggested_name(self) -> str:
        scope = self.scopes[self.which()]
        stem = "parkdesk-" + _slug(scope.label if scope and not scope.is_all else "directory")
        return stem + EXTENSIONS[self.format()]

    def _suggest_path(self) -> None:
        if not self._path_edited:
            self.path_edit.setText(str(self.folder / self._suggested_name()))

    def _on_format_changed(self) -> None:
        fmt = self.format()
        self.note.setText(format_notes()[fmt])
        path = self.path()
        if self._path_edited and path is not None and path.suffix in EXTENSIONS.values():
            self.path_edit.setText(str(path.with_suffix(EXTENSIONS[fmt])))
        self._suggest_path()
        self._update_ok()

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _update_ok(self) -> None:
        self.export_button.setEnabled(self.path() is not None)

    def browse(self) -> None:
        """A save-file dialog; the chosen name goes into the path field."""
        fmt = self.format()
        start = self.path() or self.folder / self._suggested_name()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), str(start),
                                              format_filters()[fmt])
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(EXTENSIONS[fmt])
            self.set_path(path)

    def accept(self) -> None:
        path = self.path()
        if path is None:
            return
        if path.is_file() and not self.confirm_replace(path):
            return
        super().accept()

    def confirm_replace(self, path: Path) -> bool:
        """Ask before replacing an existing file."""
        answer = QMessageBox.question(
            self, self.tr("Replace file?"),
            self.tr("{name} already exists in {folder}. Replace it?").format(
                name=path.name, folder=path.parent),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask(
        cls, parent: QWidget | None, directory: Directory, selected_entity_id: str | None
    ) -> ExportChoice | None:
        """Show the dialog; the user's choice, or None when cancelled."""
        dialog = cls(directory, selected_entity_id, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def perform_export(directory: Directory, choice: ExportChoice,
                   cancelled: Callable[[], bool] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> int:
    """Write the chosen export (the CLI's own code path); returns the bytes written."""
    return export_to_path(directory, choice.format, choice.scope, choice.path,
                          cancelled=cancelled, progress=progress)


def start_export(parent: QWidget | None, directory: Directory, choice: ExportChoice,
                 user_store: Path | None = None) -> QueryOp[int]:
    """Export in the background with a progress bar and Cancel; the outcome is said in the
    status bar (done, cancelled) or in a message (failed)."""

    def succeeded(size: int) -> None:
        message = QCoreApplication.translate("ExportDialog", "Exported %1 to %2 (%3 bytes)")
        message = message.replace("%1", scope_label(choice.scope)).replace("%2", str(choice.path))
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(message.replace("%3", f"{size:,}"), 10_000)

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            if isinstance(parent, QMainWindow):
                parent.statusBar().showMessage(
                    QCoreApplication.translate("ExportDialog", "Export cancelled; no file written."),
                    10_000)
        elif isinstance(exc, ParkdeskError):
            QMessageBox.warning(parent, QCoreApplication.translate("ExportDialog", "Export failed"),
                                str(exc))
        else:
            crash.report(exc)  # an internal error: logged, and said in a dialog

    op: QueryOp[int] = QueryOp(
        parent=parent, db=directory.path, user_store=user_store, success=succeeded,
        op=lambda own: perform_export(own, choice, op.task.cancelled, op.task.report),
    )
    label = QCoreApplication.translate("ExportDialog", "Exporting %1…").replace(
        "%1", scope_label(choice.scope))
    op.failure(failed).with_progress(label, cancellable=True).run_in_background()
    return op


def show_export_dialog(
    parent: QWidget | None, directory: Directory, selected_entity_id: str | None,
    user_store: Path | None = None,
) -> QueryOp[int] | None:
    """File › Export…: ask, then export in the background (see start_export); `user_store`:
    the user's changes, so the export shows the directory as the window does. None when the
    user cancels the dialog."""
    choice = ExportDialog.ask(parent, directory, selected_entity_id)
    if choice is None:
        return None
    return start_export(parent, directory, choice, user_store)
