"""The main window's state: restored and saved, the first paint and what follows it, closing."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QShowEvent

from parkdesk.core.errors import DatabaseError
from parkdesk.core.tree import (
    CONTACT,
    ENTITY,
)
from parkdesk.ui.clipboard import may_quit
from parkdesk.ui.window_selection import STATUS_MS
from parkdesk.ui.window_views import WindowViews


class WindowState(WindowViews):
    """The main window's state: restored and saved, the first paint and what follows it, closing."""

    def _restore_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            room = self.screen().availableGeometry()
            self.resize(min(1200, room.width() * 9 // 10), min(780, room.height() * 9 // 10))
        state = self.settings.splitter("main")
        if state is None or not self.main_splitter.restoreState(state):
            self.main_splitter.setSizes([420, 780])
        self.zoom_steps = 0
        self.zoom_text(self.settings.text_zoom(), relative=False)
        zone_index = self.model.index(0, 0)
        self.tree_view.expand(zone_index)
        last = self.settings.last_selected()
        kind, _, key = last.partition(":")
        restored = False
        if kind == "entity":
            restored = self.select_entity(key)
        elif kind == "contact":
            restored = self.select_contact(key)
        if not restored and zone_index.isValid():
            self.tree_view.setCurrentIndex(zone_index)

    def save_state(self) -> None:
        """Remember geometry, splitters, zoom and the selection for the next start."""
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter("main", self.main_splitter.saveState())
        self.settings.set_text_zoom(self.zoom_steps)
        node = self.current_node()
        if node is not None and node.type in (ENTITY, CONTACT):
            self.settings.set_last_selected(f"{node.type}:{node.key}")
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.search.field.setFocus()
            self.windowHandle().installEventFilter(self)  # icons wait for the first paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Expose and watched is self.windowHandle()
                and watched.isExposed()):
            watched.removeEventFilter(self)
            # Runs once this expose is painted: the window appears without waiting for fonts.
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        if self.detail.show_pending_page():  # its QR code follows the page's paint
            self.detail.repaint()  # the page on screen now, not after the work below
        else:
            self.detail.update_qr()
        self._enable_icons()
        # A view's viewport() is the first QWidget* PySide hands back, and it then makes the
        # Python types of every QWidget subclass (~15 ms): not on the way to the first paint.
        self.navigation.watch(self.tree_view.viewport(), self.detail.viewport())
        self.search.enable_clear_button()
        self.integrity.start(self.directory)
        self.first_painted.emit()
        for message in self.user_data.messages:  # a damaged store set aside, a read-only folder
            self.statusBar().showMessage(message, STATUS_MS)
        if self.user_data.messages:
            QTimer.singleShot(0, self._show_store_messages)

    def _show_store_messages(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate(
            "MainWindow", "parkdesk: your changes"),
                          "\n\n".join(self.user_data.messages), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("storeMessagesBox")
        self.user_data.messages.clear()
        box.open()  # not modal to the app: the directory stays usable

    def _on_damaged(self, message: DatabaseError) -> None:
        """A background check found the open database damaged: say so, offer another file."""
        from parkdesk.ui.dialogs import OPEN_ANOTHER, DatabaseErrorDialog

        if DatabaseErrorDialog.ask(message, self, QCoreApplication.translate(
            "MainWindow", "Keep Using It")) == OPEN_ANOTHER:
            self.choose_database()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not may_quit(self):  # X11 without a clipboard manager would lose a copied number
            event.ignore()
            return
        self.save_state()
        if self.user_data.store is not None:
            self.user_data.store.close()  # every change is committed already
            self.user_data.store = None
        super().closeEvent(event)
