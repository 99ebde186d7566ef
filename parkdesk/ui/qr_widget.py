"""A QR code of a contact's vCard (made by core.qr), big enough to scan from the screen.

`QrWidget` shows any vCard text; `QrWidget.show_entity` takes it from the core's compact card
of an entity (None, and the widget hides, when the entity has no phone). `attach_qr` puts one
in the top-right corner of a text pane, beside the text, by reserving a right viewport margin.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QLabel, QVBoxLayout, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.qr import make_qr, modules_across, png_bytes

MIN_SIDE = 228  # pixels across the whole code at least, quiet zone included
MIN_MODULE = 3  # pixels per module at least: phone cameras read 3 px modules on a screen
MARGIN = 8
MIN_TEXT_WIDTH = 320  # a pane narrower than this plus the code shows no code


def qr_pixmap(text: str) -> tuple[QPixmap, int]:
    """A crisp black-on-white pixmap of the QR code of `text`, and its pixels per module."""
    qr = make_qr(text)
    scale = max(MIN_MODULE, math.ceil(MIN_SIDE / modules_across(qr)))
    pixmap = QPixmap()
    pixmap.loadFromData(png_bytes(qr, scale), "PNG")
    return pixmap, scale


class QrWidget(QFrame):
    """The QR image of a vCard over a short caption; hidden while it has nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactQr")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#contactQr { background: white; }")
        self.image = QLabel()
        self.image.setObjectName("contactQrImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("QR code of the contact card"))
        self.setAccessibleDescription(self.tr("Shown when the selected record has a phone "
                                              "number: scan it to add the card to a phone"))
        self.caption = QLabel()
        self.caption.setObjectName("contactQrCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #37474f;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
        self.vcard: str | None = None
        self.module_pixels = 0
        self.wanted = False  # has a card to show (it may still be hidden in a narrow pane)
        self.corner_of: QAbstractScrollArea | None = None  # set by attach_qr
        self.hide()

    def show_vcard(self, vcard: str | None, caption: str = "") -> None:
        """Show the QR code of `vcard` with a caption; None hides the widget."""
        self.vcard = vcard
        self.wanted = bool(vcard)
        if not vcard:
            self.image.clear()
            self.caption.clear()
            self.hide()
            self.place()
            return
        pixmap, self.module_pixels = qr_pixmap(vcard)
        self.image.setPixmap(pixmap)
        self.image.setFixedSize(pixmap.size())
        self.caption.setText(caption)
        self.image.setAccessibleName(caption)
        self.caption.setFixedWidth(pixmap.width())
        self.setFixedWidth(pixmap.width())
        self.adjustSize()
        if self.corner_of is None:
            self.show()
        self.place()

    def show_entity(self, directory: Directory | None, entity_id: str | None) -> bool:
        """Show the card of an entity with a phone; False (and hidden) otherwise."""
        card = None
        if directory and entity_id:
            from parkdesk.core.export.vcard_format import entity_card  # (loaded when used)

            card = entity_card(directory, entity_id)
        name = directory.name_of(entity_id) if card and directory else ""
        tip = self.tr("Scan to add {name} to your phone's contacts").format(name=name)
        self.show_vcard(card, tip if card else "")
        return card is not None

    def place(self) -> None:
        """In a pane (see attach_qr): reserve a right margin and sit in it, beside the text."""
        area = self.corner_of
        if area is None:
            return
        fits = area.width() >= self.width() + 2 * MARGIN + MIN_TEXT_WIDTH
        self.setVisible(self.wanted and fits)
        width = self.width() + 2 * MARGIN if self.wanted and fits else 0
        area.setViewportMargins(0, 0, width, 0)
        if width:
            viewport = area.viewport().geometry()
            self.move(viewport.right() + 1 + MARGIN, viewport.top() + MARGIN)
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.corner_of and event.type() == QEvent.Type.Resize:
            self.place()
        return False


def attach_qr(area: QAbstractScrollArea) -> QrWidget:
    """A QrWidget in the top-right corner of `area` (a text pane), the text kept clear of it."""
    qr = QrWidget(area)
    qr.corner_of = area
    area.installEventFilter(qr)
    return qr
