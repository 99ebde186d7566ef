"""The main window's commands: copy, the tree's menu, zoom, language, switching directory."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QCoreApplication,
    QPoint,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
)

from parkdesk.core.dates import display_date
from parkdesk.core.db.connect import UI_BUSY_TIMEOUT
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.core.tree import (
    CONTACT,
    ENTITY,
    DirectoryTree,
)
from parkdesk.ui import contact_actions, edit_actions
from parkdesk.ui.clipboard import copy_text
from parkdesk.ui.window_selection import STATUS_MS, WindowSelection

if TYPE_CHECKING:
    from parkdesk.ui.main_window import MainWindow


class WindowCommands(WindowSelection):
    """The main window's commands: copy, the tree's menu, zoom, language, switching directory."""

    def _on_copied(self, _text: str, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def copy(self) -> None:
        """Edit › Copy: selected text, else the selected contact's number, else the item's name."""
        focus = QApplication.focusWidget()
        if focus is self.detail and self.detail.copy_selection():
            return
        field = self.search.field
        if focus is field and field.hasSelectedText():
            copy_text(field.selectedText(),
                      QCoreApplication.translate(
                          "MainWindow", "Copied “{text}”").format(text=field.selectedText()))
            return
        node = self.current_node()
        if node is None:
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Nothing selected to copy"), STATUS_MS)
        elif node.type == CONTACT:
            contact = self.directory.contact(node.key)
            if contact:
                contact_actions.copy_number(self.directory, contact)
        else:
            name = self.directory.name_of(node.key) if node.type == ENTITY else node.label
            copy_text(name, QCoreApplication.translate(
                "MainWindow", "Copied the name “{name}”").format(name=name))

    def copy_park_contacts(self) -> None:
        """Copy all contacts of the selected item's park (or the zone) as text."""
        entity_id = self.selected_entity_id()
        owner = contact_actions.contacts_owner(self.directory, entity_id) if entity_id else None
        if owner is None or not self.directory.contacts(owner, include_children=True):
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "No contacts to copy here"), STATUS_MS)
            return
        contact_actions.copy_all_contacts(self.directory, owner)

    def _tree_context_menu(self, pos: QPoint) -> None:
        index = self.tree_view.indexAt(pos)
        node = self.model.node(index)
        if node is None:
            return
        self.tree_view.setCurrentIndex(index)
        if node.type == CONTACT and (contact := self.directory.contact(node.key)):
            menu = contact_actions.phone_menu(self, self.directory, contact)
        else:
            menu = QMenu(self)
            menu.addAction(self.window_actions.copy)
            menu.addAction(self.window_actions.copy_contacts)
            menu.addSeparator()
            menu.addAction(self.window_actions.print)
        edit_actions.extend_tree_menu(cast("MainWindow", self), menu, node)
        menu.exec(self.tree_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def focus_search(self) -> None:
        """Edit › Find: put the cursor in the search field, its text selected."""
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def collapse_tree(self) -> None:
        self.tree_view.collapseAll()
        self.tree_view.expand(self.model.index(0, 0))

    def zoom_text(self, steps: int, relative: bool = True) -> None:
        """Make the detail text larger or smaller (0 with relative: back to normal)."""
        target = (self.zoom_steps + steps if steps else 0) if relative else steps
        target = max(-4, min(8, target))
        self.detail.zoomIn(target - self.zoom_steps)
        self.zoom_steps = target

    def set_language(self, code: str) -> None:
        """View › Language: remembered for the next start, when every text changes at once."""
        from PySide6.QtWidgets import QMessageBox

        from parkdesk.ui import language

        self.settings.set_language(code)
        self.settings.sync()
        if code == language.current:
            return
        # Said in both languages: the user may not read the one in use.
        text = {language.CHINESE: "界面将在重新启动 parkdesk 后切换为简体中文。",
                language.ENGLISH: "parkdesk will be in English the next time it starts."}[code]
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate(
            "MainWindow", "Language"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("languageBox")
        box.open()
    def show_about(self) -> None:
        from parkdesk.ui.dialogs import AboutDialog

        AboutDialog.ask(self.directory, self)

    def choose_database(self) -> None:
        """File › Open Database…: pick a file; a bad one gets the error dialog, the old stays."""
        from parkdesk.ui.dialogs import OPEN_ANOTHER, DatabaseErrorDialog, ask_database_path

        path = ask_database_path(self, self.directory.path)
        while path is not None:
            try:
                self.set_directory(Directory.open(path, timeout=UI_BUSY_TIMEOUT))
                return
            except DatabaseError as exc:
                if DatabaseErrorDialog.ask(exc, self, QCoreApplication.translate(
                    "MainWindow", "Cancel")) != OPEN_ANOTHER:
                    return
            path = ask_database_path(self, path)

    def set_directory(self, directory: Directory) -> None:
        """Show another database (the previous one is closed)."""
        old = self.directory
        self.directory = directory
        self.user_data.show_on(directory)  # the user's changes over the new file
        self.edits.stack.clear()
        self.history.clear()
        self.tree = DirectoryTree(directory)
        self.model.set_tree(self.tree)
        self.detail.set_directory(directory)
        self.search.set_directory(directory)
        self.integrity.start(directory)
        self.tree_view.expand(self.model.index(0, 0))
        self.tree_view.setCurrentIndex(self.model.index(0, 0))
        self._update_title()
        old.close()
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Opened {path}").format(path=directory.path), STATUS_MS)

    def _update_title(self) -> None:
        self.setWindowTitle(f"parkdesk — {self.directory.path.name}")
        meta = self.directory.meta()
        built = display_date(meta.get("built_at"))
        name = self.directory.path.name
        self.db_label.setText(QCoreApplication.translate(
            "MainWindow", "{name} · built {date}").format(name=name, date=built)
                              if built else name)
