"""The list of search hits: its model and the delegate that paints a hit (matches in bold).

A hit found by a number or an address shows it on the right (the number in the link colour:
a click on it copies it); unreviewed findings say so in place of their park.

Made when the first search runs (search_panel): the window's first paint needs neither.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from parkdesk.core.records import PARK, PLACE, ZONE
from parkdesk.core.search.describe import hit_kind, hit_matched
from parkdesk.core.search.hits import FINDING, PHONE, SearchHit
from parkdesk.ui import icons
from parkdesk.ui.tooltips import plain_tooltip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PLACE_ROLE = Qt.ItemDataRole.UserRole + 2  # where the hit is, short: its park or "zone-wide"
MATCHED_ROLE = Qt.ItemDataRole.UserRole + 3  # the number, address or folder it was found by

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
        """The park a hit is in; "zone-wide" for the zone's own items; "" for parks and roots;
        "unreviewed" for what no curation has claimed yet."""
        if not hit.reviewed:
            return self.tr("unreviewed")
        if hit.kind in (PARK, ZONE, PLACE):
            return ""
        if hit.park and hit.park == self.zone_name:
            return self.tr("zone-wide")
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
            text = f"{hit.name} — {place}" if place else hit.name
            matched = hit_matched(hit)
            return f"{text} {matched}" if matched else text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{hit_kind(hit)}: {hit.name}" + (f"\n{hit.park}" if hit.park else "")
            if hit.matched:
                tip += f"\n{hit_matched(hit)}"
            if hit.matched_kind == PHONE and hit.contact_id:
                tip += "\n" + self.tr("Click the number to copy it; Enter shows it in the tree.")
            return plain_tooltip(tip)
        if role == MATCHED_ROLE:
            return hit_matched(hit)
        if role == HIT_ROLE:
            return hit
        if role == PLACE_ROLE:
            return self.place(hit)
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: kind icon, name with the matching word starts in bold, park on the right."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Fonts, metrics and text widths, kept between paints: typing on repaints the same
        # names, and measuring text was a third of painting a row.
        self._font_key = ""
        self._bold = QFont()
        self._metrics: tuple[QFontMetrics, QFontMetrics] | None = None
        self._widths: dict[tuple[bool, str], int] = {}

    def _fonts(self, font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        if self._metrics is None or font.key() != self._font_key:
            self._font_key = font.key()
            self._bold = QFont(font)
            self._bold.setBold(True)
            self._metrics = (QFontMetrics(font), QFontMetrics(self._bold))
            self._widths.clear()
        return self._bold, *self._metrics

    def _width(self, text: str, strong: bool, fm: QFontMetrics) -> int:
        key = (strong, text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 20_000:
                self._widths.clear()
            width = self._widths[key] = fm.horizontalAdvance(text)
        return width

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
        icon = icons.icon("warning" if hit.kind == FINDING else hit.kind)
        icon.paint(painter, QRect(rect.left(), rect.center().y() - 8, 16, 16))
        text_color = option.palette.highlightedText() if selected else option.palette.text()
        muted = text_color.color() if selected else QColor("#78909c")
        x = rect.left() + 24
        _bold, fm, bold_fm = self._fonts(option.font)
        matched = index.data(MATCHED_ROLE) or ""
        park = matched or index.data(PLACE_ROLE) or ""
        park_w = self._width(park, False, fm) + 12 if park else 0
        name_w = self._width(hit.name, True, bold_fm) + 24
        room = max(rect.width() - name_w, rect.width() // 4)
        if park and park_w > room:
            park = fm.elidedText(park, Qt.TextElideMode.ElideRight, room - 12)
            park_w = fm.horizontalAdvance(park) + 12
        right = rect.right() - park_w
        self._paint_name(painter, option.font, hit, x, right, rect, text_color.color())
        if park:
            link = option.palette.link().color()
            painter.setPen(link if hit.matched_kind == PHONE and not selected else muted)
            painter.setFont(option.font)
            painter.drawText(QRect(right, rect.top(), park_w, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, park)
        painter.restore()

    def matched_rect(self, view: QWidget, rect: QRect, index: Index) -> QRect:
        """Where a hit's number is painted within its row `rect` (empty when it has none)."""
        matched = index.data(MATCHED_ROLE) or ""
        if not matched:
            return QRect()
        fm = QFontMetrics(view.font())
        inner = rect.adjusted(6, 0, -8, 0)
        width = min(fm.horizontalAdvance(matched) + 12, inner.width() - 24)
        return QRect(inner.right() - width, inner.top(), width + 8, inner.height())

    def _paint_name(self, painter: QPainter, font: QFont, hit: SearchHit, x: int, right: int,
                    rect: QRect, color: QColor) -> None:
        bold, plain_fm, bold_fm = self._fonts(font)
        spans = highlight_ranges(hit.name, hit.terms)
        pieces, pos = [], 0
        for start, end in spans:
            pieces += [(hit.name[pos:start], False), (hit.name[start:end], True)]
            pos = end
        pieces.append((hit.name[pos:], False))
        painter.setPen(color)
        if self._width(hit.name, True, bold_fm) > right - x:
            # Too long for the row: elided in the middle, so both ends of the name show (the
            # full name is in the tooltip); the bold of the matching words gives way.
            text = plain_fm.elidedText(hit.name, Qt.TextElideMode.ElideMiddle, max(right - x, 0))
            painter.setFont(font)
            painter.drawText(QRect(x, rect.top(), max(right - x, 0), rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            return
        for text, strong in pieces:
            if not text:
                continue
            f = bold if strong else font
            fm = bold_fm if strong else plain_fm
            room = right - x
            width = self._width(text, strong, fm)
            if width > room:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
                width = fm.horizontalAdvance(text)
            painter.setFont(f)
            painter.drawText(QRect(x, rect.top(), max(room, 0), rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += width
            if x >= right:
                break
