"""The right-hand pane: what is known about the selected item, with sources and phone links.

The pages and their links (detail_pages, detail_html) are imported when first needed: the
window's first paint shows a blank pane (see show_node).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.tree import CONTACT, ENTITY, TreeNode
from parkdesk.ui import contact_actions, icons
from parkdesk.ui.clipboard import copy_text

if TYPE_CHECKING:
    from parkdesk.ui.qr_widget import QrWidget

TOOLTIP = '<qt><table width="420"><tr><td>{}</td></tr></table></qt>'  # wide, wrapped
PHONE_HINT = QT_TRANSLATE_NOOP(
    "DetailPane", "Click to copy the number; right-click to copy other forms or call.")
RETRY_HREF = "#parkdesk-try-again"  # shows the node's page again (after a locked read)


def _plain(text: str) -> str:
    """QTextCursor selection text with ordinary line breaks and spaces."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\xa0", " ")


class DetailPane(QTextBrowser):
    """Read-only rich text built by detail_pages; our links are handled here, never followed."""

    entity_link_activated = Signal(str)
    message_posted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.directory: Directory | None = None
        self.node: TreeNode | None = None
        self._qr: QrWidget | None = None  # made when first needed, after the first paint
        self._qr_pending = False
        self._page_pending = False  # blank until the first page is shown

    def set_directory(self, directory: Directory, later: bool = False) -> None:
        """Show items of another directory (the pane is cleared; `later`: see show_node)."""
        self.directory = directory
        self.show_node(None, later)

    def show_node(self, node: TreeNode | None, later: bool = False) -> None:
        """Show the page of a tree node (None: nothing selected).

        With `later` the node is taken (entity_id() answers for it) but its page waits for
        show_pending_page(): the window's first paint does not wait for the page (parsing
        and laying out a park's page takes ~20 ms), it follows in the next frame.
        """
        self.node = node
        self._page_pending = later
        if later:
            return
        # Not needed for the first paint:
        from parkdesk.ui.detail_pages import empty_html, page_html, problem_html

        if self.isVisible():
            # The page first, within a frame; its QR code (segno's search for the best mask
            # takes ~13 ms) is drawn right after the page has been painted (viewportEvent).
            self._qr_pending = True
            self.viewport().update()
        elif self._qr is not None:  # off screen: the window calls update_qr() once painted
            self._qr.show_entity(None, None)
        if node is None or self.directory is None:
            self.setHtml(empty_html(self.tr("Select an item in the tree, or search (Ctrl+F).")))
            return
        try:
            self.setHtml(page_html(self.directory, node))
        except DatabaseError as exc:
            # The pane stays with the selection: it says why this item cannot be shown now.
            self._qr_pending = False
            if self._qr is not None:
                self._qr.show_entity(None, None)
            self.setHtml(problem_html(exc.problem, RETRY_HREF))
            self.message_posted.emit(exc.problem)

    @property
    def qr(self) -> QrWidget:
        """The shown entity's vCard as a QR code, in the top right corner (made on first use)."""
        if self._qr is None:
            from parkdesk.ui.qr_widget import attach_qr

            self._qr = attach_qr(self)
        return self._qr

    @property
    def page_pending(self) -> bool:
        """Whether the shown node's page waits for show_pending_page()."""
        return self._page_pending

    def show_pending_page(self) -> bool:
        """Show the page show_node(..., later=True) left waiting; False when none was."""
        if not self._page_pending:
            return False
        self.show_node(self.node)
        return True

    def update_qr(self) -> None:
        """Show the QR code of the shown entity's card (kept for later while the pane is hidden:
        making it loads segno and the export code, which the first paint of the window need not wait for)."""
        try:
            self.qr.show_entity(self.directory, self.entity_id())
        except DatabaseError as exc:
            self.qr.show_entity(None, None)
            self.message_posted.emit(exc.problem)

    def entity_id(self) -> str | None:
        """The entity shown (for a contact: its owner)."""
        if self.node is None:
            return None
        if self.node.type == ENTITY:
            return self.node.key
        if self.node.type == CONTACT and self.directory:
            contact = self.directory.contact(self.node.key)
            return contact.owner_id if contact else None
        return self.node.key.rsplit("/", 1)[0] or None  # "Beyond the zone" has no owner

    # -- links -------------------------------------------------------------------------------

    def activate_link(self, href: str) -> None:
        """Do what a click on `href` does: copy a phone, select an entity, open an article."""
        self._on_anchor_clicked(QUrl(href))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        from parkdesk.ui.detail_html import ENTITY_SCHEME, PHONE_SCHEME, parse_link, web_url

        href = url.toString()
        if href == RETRY_HREF:
            self.show_node(self.node)
            return
        scheme, key = parse_link(href)
        if scheme == PHONE_SCHEME and self.directory:
            contact = self.directory.contact(key)
            if contact:
                contact_actions.copy_number(self.directory, contact)
        elif scheme == ENTITY_SCHEME:
            self.entity_link_activated.emit(key)
        elif href.startswith("#"):
            self.scrollToAnchor(href[1:])
        elif address := web_url(href):
            QDesktopServices.openUrl(QUrl(address))
            self.message_posted.emit(self.tr("Opening {link} in the browser").format(link=href))
        else:
            self.message_posted.emit(self.tr("Only web (http/https) links are opened."))

    # -- tooltips, context menu, copy ----------------------------------------------------------

    def _tooltip_at(self, pos: QPoint) -> str:
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        from parkdesk.ui.detail_html import PHONE_SCHEME, parse_link

        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(
            QPointF(pos) + offset, Qt.HitTestAccuracy.ExactHit
        )
        tip = ""
        if hit >= 0:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(hit + 1, self.document().characterCount() - 1))
            tip = cursor.charFormat().toolTip()
        if parse_link(self.anchorAt(pos))[0] == PHONE_SCHEME:
            tip = self.tr(PHONE_HINT) + ("\n\n" + tip if tip else "")
        return tip

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._qr_pending:
            self._qr_pending = False
            QTimer.singleShot(0, self.update_qr)  # once this paint is on screen
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self._tooltip_at(event.pos())
            if tip:
                import html

                text = html.escape(tip).replace("\n", "<br>")
                QToolTip.showText(event.globalPos(), TOOLTIP.format(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def copy_selection(self) -> bool:
        """Copy the selected text; False when nothing is selected."""
        text = _plain(self.textCursor().selectedText())
        if not text:
            return False
        shown = text if len(text) <= 60 else text[:57] + "…"
        copy_text(text, self.tr("Copied “{text}”").format(text=shown).replace("\n", " "))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The context menu at a point of the viewport (phone actions over a number)."""
        from parkdesk.ui.detail_html import PHONE_SCHEME, parse_link, web_url

        scheme, key = parse_link(self.anchorAt(pos))
        if scheme == PHONE_SCHEME and self.directory:
            contact = self.directory.contact(key)
            if contact:
                return contact_actions.phone_menu(self, self.directory, contact, self.entity_id())
        menu = QMenu(self)
        copy = menu.addAction(icons.icon("copy"), self.tr("Copy"))
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy_selection)
        menu.addAction(self.tr("Select all")).triggered.connect(self.selectAll)
        url = web_url(self.anchorAt(pos))
        if url:
            menu.addSeparator()
            menu.addAction(self.tr("Open article in the browser")).triggered.connect(
                lambda: self.activate_link(url)
            )
            menu.addAction(self.tr("Copy article address")).triggered.connect(
                lambda: copy_text(url, self.tr("Copied “{text}”").format(text=url))
            )
        entity_id = self.entity_id()
        directory = self.directory
        owner = contact_actions.contacts_owner(directory, entity_id) if (
            directory and entity_id) else None
        if directory and owner and directory.contacts(owner, include_children=True):
            menu.addSeparator()
            menu.addAction(self.tr("Copy all contacts of {name}").format(
                name=directory.name_of(owner))).triggered.connect(
                lambda: contact_actions.copy_all_contacts(directory, owner)
            )
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
