"""Search as you type: a field, a count ("No matches"), and a list of hits with matches in bold."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.core.records import KIND_LABELS, PARK, PLACE, ZONE
from parkdesk.core.search import SearchHit
from parkdesk.ui import icons
from parkdesk.ui.tooltips import plain_tooltip

RESULT_LIMIT = 100
DELAY_MS = 0  # a search takes about a millisecond: run it as soon as the keys typed are in
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PLACE_ROLE = Qt.ItemDataRole.UserRole + 2  # where the hit is, short: its park or "zone-wide"

Index = QModelIndex | QPersistentModelIndex


def highlight_ranges(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of `text` where a word starts with one of the (lower-case) search terms."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\w+", text):
        word = m.group().lower()
        best = max((len(t) for t in terms if t and word.startswith(t)), default=0)
        if best:
            spans.append((m.start(), m.start() + best))
    return spans


class SearchResultsModel(QAbstractListModel):
    """The hits of the current search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.zone_name = ""

    def place(self, hit: SearchHit) -> str:
        """The park a hit is in; "zone-wide" for the zone's own items; "" for parks and roots."""
        if hit.kind in (PARK, ZONE, PLACE):
            return ""
        if hit.park and hit.park == self.zone_name:
            return "zone-wide"
        return hit.park

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            place = self.place(hit)
            return f"{hit.name} — {place}" if place else hit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = KIND_LABELS.get(hit.kind, hit.kind)
            return plain_tooltip(f"{kind}: {hit.name}" + (f"\n{hit.park}" if hit.park else ""))
        if role == HIT_ROLE:
            return hit
        if role == PLACE_ROLE:
            return self.place(hit)
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: kind icon, name with the matching word starts in bold, park on the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, max(option.fontMetrics.height() + 10, 24))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SearchHit = index.data(HIT_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(6, 0, -8, 0)
        painter.save()
        icons.icon(hit.kind).paint(painter, QRect(rect.left(), rect.center().y() - 8, 16, 16))
        text_color = option.palette.highlightedText() if selected else option.palette.text()
        muted = text_color.color() if selected else QColor("#78909c")
        x = rect.left() + 24
        fm = QFontMetrics(option.font)
        park = index.data(PLACE_ROLE) or ""
        park_w = fm.horizontalAdvance(park) + 12 if park else 0
        bold = QFont(option.font)
        bold.setBold(True)
        name_w = QFontMetrics(bold).horizontalAdvance(hit.name) + 24
        room = max(rect.width() - name_w, rect.width() // 4)
        if park and park_w > room:
            park = fm.elidedText(park, Qt.TextElideMode.ElideRight, room - 12)
            park_w = fm.horizontalAdvance(park) + 12
        right = rect.right() - park_w
        self._paint_name(painter, option.font, hit, x, right, rect, text_color.color())
        if park:
            painter.setPen(muted)
            painter.setFont(option.font)
            painter.drawText(QRect(right, rect.top(), park_w, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, park)
        painter.restore()

    def _paint_name(self, painter: QPainter, font: QFont, hit: SearchHit, x: int, right: int,
                    rect: QRect, color: QColor) -> None:
        bold = QFont(font)
        bold.setBold(True)
        spans = highlight_ranges(hit.name, hit.terms)
        pieces, pos = [], 0
        for start, end in spans:
            pieces += [(hit.name[pos:start], False), (hit.name[start:end], True)]
            pos = end
        pieces.append((hit.name[pos:], False))
        painter.setPen(color)
        for text, strong in pieces:
            if not text:
                continue
            f = bold if strong else font
            fm = QFontMetrics(f)
            room = right - x
            if fm.horizontalAdvance(text) > room:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
            painter.setFont(f)
            painter.drawText(QRect(x, rect.top(), max(room, 0), rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.horizontalAdvance(text)
            if x >= right:
                break


class SearchPanel(QWidget):
    """The results area under the search field (`field`, placed by the window)."""

    result_highlighted = Signal(str)  # an entity id: the current result changed (arrow keys)
    result_activated = Signal(str)  # Enter, click or double-click on a result
    results_changed = Signal()  # a search ran (or the query was cleared)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory: Directory | None = None
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText("Search parks, projects, enterprises, people…  (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setContentsMargins(4, 0, 4, 0)
        self.model = SearchResultsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(28)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.clicked.connect(lambda index: self._activate(index.row()))
        self.view.activated.connect(lambda index: self._activate(index.row()))
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_text_changed)
        self._arrowing = False
        self.setVisible(False)

    def set_directory(self, directory: Directory) -> None:
        """Search another directory; the current query is run again."""
        self.directory = directory
        try:
            self.model.zone_name = directory.zone().name
        except DatabaseError:
            self.model.zone_name = ""
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
            self.model.set_hits([])
            self.setVisible(False)
            self.results_changed.emit()
            return
        hits = self.directory.search(text, RESULT_LIMIT)
        self.model.set_hits(hits)
        if not hits:
            self.status.setText("No matches")
        elif len(hits) >= RESULT_LIMIT:
            self.status.setText(f"First {RESULT_LIMIT} matches: type more to narrow them down")
        else:
            self.status.setText(f"{len(hits)} match{'es' if len(hits) != 1 else ''}"
                                " — ↑↓ to choose, Enter to show")
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
        return list(self.model.hits)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._arrowing and current.isValid():
            self.result_highlighted.emit(self.model.hits[current.row()].entity_id)

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.model.hits):
            self.result_activated.emit(self.model.hits[row].entity_id)

    def activate_current(self) -> None:
        """Choose the current hit (the first one unless the user moved)."""
        if self._timer.isActive():
            self.run_search()
        row = self.view.currentIndex().row()
        self._activate(row if row >= 0 else 0)

    def move_current(self, step: int) -> None:
        """Move the current hit by `step` rows (arrow keys in the field); the tree follows."""
        if not self.model.hits:
            return
        row = max(0, min(len(self.model.hits) - 1, self.view.currentIndex().row() + step))
        self._arrowing = True
        try:
            self.view.setCurrentIndex(self.model.index(row))
        finally:
            self._arrowing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
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
                self.move_current({Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1,
                                   Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}[key])
                return True
        return super().eventFilter(watched, event)
