"""Search as you type: a field, a count ("No matches"), and a list of hits with matches in bold.

A hit found by a phone number shows the number; Enter selects it in the tree and a click on
the number copies it. "Showing results for …" says when a typo was corrected.

The count and the list (search_results) are made when the first search runs: until then the
panel is hidden, and the window's first paint need not wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.core.search.hits import PHONE, SearchHit, SearchResult
from parkdesk.ui import focus_frame

if TYPE_CHECKING:
    from parkdesk.ui.search_results import SearchResultsModel

RESULT_LIMIT = 100
DELAY_MS = 0  # a search takes about a millisecond: run it as soon as the keys typed are in


# However narrow or short the window, the results list keeps room for this many hits.
MIN_RESULT_ROWS = 3


class SearchPanel(QWidget):
    """The results area under the search field (`field`, placed by the window)."""

    result_highlighted = Signal(str)  # an entity id: the current result changed (arrow keys)
    result_activated = Signal(str)  # Enter, click or double-click on a result
    contact_activated = Signal(str)  # a contact id: Enter on a hit found by its number
    folder_activated = Signal(str)  # a folder key ("park-nanhai/people"): "nanhai people"
    results_changed = Signal()  # a search ran (or the query was cleared)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory: Directory | None = None
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setStyleSheet(focus_frame.SEARCH_FIELD_STYLE)
        self.field.setPlaceholderText(self.tr("Search parks, projects, enterprises, people…  (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search the directory"))
        self.field.setAccessibleDescription(self.tr(
            "Type a name, a number or pinyin; the results list below follows as you type. "
            "Up and Down choose a result, Enter shows it in the tree, Escape clears."))
        self.field.installEventFilter(self)
        self._zone_name = ""
        self._status: QLabel | None = None
        self._model: SearchResultsModel | None = None
        self._view: QListView | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_text_changed)
        self._arrowing = False
        self._press_pos: QPoint | None = None  # where the last click in the list was released
        self.result = SearchResult()
        self.setVisible(False)

    def enable_clear_button(self) -> None:
        """Give the field its clear button (its icon comes from the style: done after the
        window's first paint; the button only shows once there is text)."""
        self.field.setClearButtonEnabled(True)
        from PySide6.QtWidgets import QToolButton

        for button in self.field.findChildren(QToolButton):  # (Qt gives it no name)
            button.setAccessibleName(self.tr("Clear the search"))

    def _build_results(self) -> tuple[QLabel, SearchResultsModel, QListView]:
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        from parkdesk.ui.search_results import HitDelegate, SearchResultsModel

        self._status = QLabel()
        self._status.setObjectName("searchStatus")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setContentsMargins(4, 0, 4, 0)
        self._model = SearchResultsModel(self)
        self._model.zone_name = self._zone_name
        self._view = view = QListView()
        view.setObjectName("searchResults")
        focus_frame.install(view)
        view.setAccessibleName(self.tr("Search results"))
        view.setAccessibleDescription(self.tr("The records found; Enter shows the chosen one in "
                                              "the tree, a click on a number copies it"))
        view.setModel(self._model)
        view.setItemDelegate(HitDelegate(view))
        view.setUniformItemSizes(True)
        view.setMinimumHeight(MIN_RESULT_ROWS * 24 + 6)  # rows of HitDelegate.sizeHint
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.clicked.connect(lambda index: self._on_clicked(index.row()))
        view.viewport().installEventFilter(self)
        view.activated.connect(lambda index: self._activate(index.row()))
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._status)
        layout.addWidget(view)
        return self._status, self._model, view

    @property
    def status(self) -> QLabel:
        """The count line ("No matches"), made on first use."""
        if self._status is None:
            return self._build_results()[0]
        return self._status

    @property
    def model(self) -> SearchResultsModel:
        """The hits' model, made on first use."""
        if self._model is None:
            return self._build_results()[1]
        return self._model

    @property
    def view(self) -> QListView:
        """The list of hits, made on first use."""
        if self._view is None:
            return self._build_results()[2]
        return self._view

    def set_directory(self, directory: Directory) -> None:
        """Search another directory; the current query is run again."""
        self.directory = directory
        try:
            self._zone_name = directory.zone().name
        except DatabaseError:
            self._zone_name = ""
        if self._model is not None:
            self._model.zone_name = self._zone_name
        self.run_search()

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.run_search()

    def run_search(self) -> None:
        """Search for the field's text now and show the hits (or "No matches")."""
        self._timer.stop()
        text = self.field.text()
        if not text.strip() or self.directory is None:
            if self._model is not None:
                self._model.set_hits([])
            self.setVisible(False)
            self.results_changed.emit()
            return
        try:
            result = self.directory.search_result(text, RESULT_LIMIT)
        except DatabaseError as exc:
            result, problem = SearchResult(), exc.problem
        else:
            problem = ""
        self.result = result
        hits = result.hits
        self.model.set_hits(hits)
        self.status.setText(problem or self.status_text(result))
        self.view.setVisible(bool(hits))
        self.setVisible(True)
        if hits:
            self.view.setCurrentIndex(self.model.index(0))
        self.results_changed.emit()

    def preferred_height(self) -> int:
        """Height that shows the status line and up to a dozen hits."""
        rows = min(len(self.model.hits), 12)
        row_h = self.view.sizeHintForRow(0) if rows else 0
        frame = 2 * self.view.frameWidth() + 6
        return self.status.sizeHint().height() + (rows * row_h + frame if rows else 0) + 4

    def hits(self) -> list[SearchHit]:
        """The hits now listed."""
        return list(self._model.hits) if self._model is not None else []

    def repaint_hits(self) -> None:
        """Paint the listed hits again (their icons have been loaded)."""
        if self._view is not None:
            self._view.viewport().update()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._arrowing and current.isValid():
            self.result_highlighted.emit(self.model.hits[current.row()].entity_id)

    def _activate(self, row: int) -> None:
        if not 0 <= row < len(self.hits()):
            return
        hit = self.model.hits[row]
        if hit.folder:
            self.folder_activated.emit(hit.folder)
        elif hit.contact_id:
            self.contact_activated.emit(hit.contact_id)
        else:
            self.result_activated.emit(hit.entity_id)

    def _on_clicked(self, row: int) -> None:
        """A click on a hit's number copies the number; anywhere else shows the hit."""
        if 0 <= row < len(self.hits()) and self._press_pos is not None:
            from parkdesk.ui.search_results import HitDelegate

            hit = self.model.hits[row]
            delegate = self.view.itemDelegate()
            rect = self.view.visualRect(self.model.index(row))
            if (hit.matched_kind == PHONE and hit.contact_id and isinstance(delegate, HitDelegate)
                    and delegate.matched_rect(self.view, rect, self.model.index(row))
                    .contains(self._press_pos)):
                self.copy_number(hit)
                return
        self._activate(row)

    def copy_number(self, hit: SearchHit) -> None:
        """Put the hit's matched number on the clipboard (and say so in the status bar)."""
        from parkdesk.ui.contact_actions import copy_number

        directory = self.directory
        contact = directory.contact(hit.contact_id) if directory is not None else None
        if directory is not None and contact is not None:
            copy_number(directory, contact)

    def activate_current(self) -> None:
        """Choose the current hit (the first one unless the user moved)."""
        if self._timer.isActive():
            self.run_search()
        if not self.hits():
            return
        row = self.view.currentIndex().row()
        self._activate(row if row >= 0 else 0)

    def move_current(self, step: int) -> None:
        """Move the current hit by `step` rows (arrow keys in the field); the tree follows."""
        if not self.hits():
            return
        row = max(0, min(len(self.model.hits) - 1, self.view.currentIndex().row() + step))
        self._arrowing = True
        try:
            self.view.setCurrentIndex(self.model.index(row))
        finally:
            self._arrowing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._view is not None and watched is self._view.viewport()
                and event.type() == QEvent.Type.MouseButtonRelease):
            from PySide6.QtGui import QMouseEvent

            assert isinstance(event, QMouseEvent)
            self._press_pos = event.position().toPoint()
            return False
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activate_current()
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                if self._timer.isActive():
                    self.run_search()
                steps: dict[int, int] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1,
                                         Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}
                self.move_current(steps[key])
                return True
        return super().eventFilter(watched, event)

    def status_text(self, result: SearchResult) -> str:
        """The line above the hits: their number, the correction made, or why there are none."""
        hits = result.hits
        if not hits:
            return result.note or self.tr("No matches")
        if result.corrected:  # kept short: the line must not widen the column
            return self.tr("Showing results for “{text}” · %n match(es)", "", len(hits)).format(
                text=result.corrected)
        if len(hits) >= RESULT_LIMIT:
            return self.tr("First %n matches: type more to narrow them down", "", RESULT_LIMIT)
        return self.tr("%n match(es) — ↑↓ to choose, Enter to show", "", len(hits))
