"""The main window: search and tree on the left, the detail pane on the right; menus, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.dates import display_date
from parkdesk.core.db.connect import UI_BUSY_TIMEOUT
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.core.records import ORGANISATION, PARK, PLACE, ZONE
from parkdesk.core.tree import (
    CONTACT,
    ENTITY,
    GROUP,
    REVIEW,
    REVIEW_ARTICLE,
    DirectoryTree,
    TreeNode,
)
from parkdesk.core.userstore.session import UserData
from parkdesk.ui import article_import, contact_actions, edit_actions, icons
from parkdesk.ui.clipboard import copy_text, may_quit, notifier
from parkdesk.ui.detail_pane import DetailPane
from parkdesk.ui.enum_properties import set_enum
from parkdesk.ui.integrity import IntegrityCheck
from parkdesk.ui.navigation import NavigationActions, Page, PaneHistory
from parkdesk.ui.output_commands import OutputCommands
from parkdesk.ui.search_panel import SearchPanel
from parkdesk.ui.settings import Settings
from parkdesk.ui.tree_model import DirectoryTreeModel
from parkdesk.ui.user_edits import UserEdits
from parkdesk.ui.window_actions import WindowActions

if TYPE_CHECKING:

    from parkdesk.ui.review_panel import ReviewPanel


STATUS_MS = 10_000
# A visible keyboard focus on the three parts the keyboard moves between (Tab, Ctrl+F, Ctrl+L):
# a 2 px frame in the palette's highlight colour; without focus a 1 px frame, so nothing moves.
FOCUS_STYLE = """
#searchField { border: 1px solid palette(mid); border-radius: 3px; padding: 3px; }
#searchField:focus { border: 2px solid palette(highlight); padding: 2px; }
#tree, #detail, #searchResults { border: 1px solid palette(mid); }
#tree:focus, #detail:focus, #searchResults:focus { border: 2px solid palette(highlight); }
"""
# The smallest usable areas: the tree shows a few rows, names a few words, the pane a column.
MIN_COLUMN_WIDTH = 220
MIN_TREE_HEIGHT = 120
MIN_DETAIL_WIDTH = 300


class MainWindow(QMainWindow):
    """One directory database on screen. `directory` and `selected_entity_id()` are public."""

    #: The window's first paint is on screen: what can wait for it starts now (the launch's
    #: backups, the single-instance socket); the user store's messages are shown after it.
    first_painted = Signal()

    def __init__(self, directory: Directory, settings: Settings | None = None,
                 user_data: UserData | None = None) -> None:
        super().__init__()
        self.directory = directory
        # The user's changes (None: the articles alone, nothing editable); see ui/user_edits.py.
        self.user_data = user_data or UserData(directory, None)
        self.edits = UserEdits(self.user_data, self)
        self.settings = settings or Settings()
        self.tree = DirectoryTree(directory)
        self.review_panel: ReviewPanel | None = None  # made when the queue is first opened
        self._quiet_select = False
        self.last_import: object | None = None  # the latest import's background work
        self._shown = False
        self._page_later = True  # the restored selection's page follows the first paint
        self.history = PaneHistory(self.show_page, self)
        self._build_views()
        self.outputs = OutputCommands(self)
        self.window_actions = WindowActions(self, commands=self, outputs=self.outputs)
        self.toolbar = self.window_actions.install(self)
        self.navigation = NavigationActions(self, self.history)
        self.navigation.watch(self.tree_view.viewport(), self.detail.viewport())
        self._results_watched = False  # the results list is made on the first search
        self.window_actions.add_navigation(self, self.navigation.back, self.navigation.forward)
        self.edit_actions = edit_actions.build(self)
        self.import_action = article_import.install(self)
        edit_actions.update_enabled(self)
        notifier.copied.connect(self._on_copied)
        self.integrity = IntegrityCheck(self, self.settings)  # large files: full check after the first paint
        self.integrity.damaged.connect(self._on_damaged)
        self._update_title()
        self._restore_state()
        self._page_later = False

    # -- building ------------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.model = DirectoryTreeModel(self.tree, self)
        self.tree_view = QTreeView()
        self.tree_view.setObjectName("tree")
        self.tree_view.setAccessibleName(self.tr("Directory tree"))
        self.tree_view.setAccessibleDescription(self.tr(
            "The zone, its parks and their folders; arrow keys move, Right opens a folder, "
            "Ctrl+C copies the selected number or name"))
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setUniformRowHeights(True)  # a folder of 254,000 rows: no per-row sizes
        set_enum(self.tree_view, "textElideMode", "ElideMiddle")  # full names in the tooltips
        self.tree_view.setMinimumSize(MIN_COLUMN_WIDTH, MIN_TREE_HEIGHT)
        self.tree_view.setModel(self.model)
        self.tree_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        set_enum(self.tree_view, "contextMenuPolicy", "CustomContextMenu")
        self.tree_view.customContextMenuRequested.connect(self._tree_context_menu)
        self.tree_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree_view.activated.connect(self._on_tree_activated)

        self.search = SearchPanel()
        self.search.result_activated.connect(self._on_result_activated)
        self.search.contact_activated.connect(
            lambda contact_id: self._focus_tree_if(self.select_contact(contact_id)))
        self.search.folder_activated.connect(
            lambda key: self._focus_tree_if(self.select_folder(key)))
        self.search.result_highlighted.connect(self.select_entity)
        self.search.set_directory(self.directory)
        self.search.results_changed.connect(self._fit_results)

        self.detail = DetailPane()
        self.detail.setObjectName("detail")
        self.detail.setAccessibleName(self.tr("Details"))
        self.detail.setAccessibleDescription(self.tr(
            "The selected item's page with its sources; Tab moves between its links, Enter "
            "follows one"))
        self.detail.set_directory(self.directory, later=True)
        self.detail.entity_link_activated.connect(self.select_entity)
        self.detail.message_posted.connect(lambda m: self.statusBar().showMessage(m, STATUS_MS))
        self.model.read_failed.connect(lambda m: self.statusBar().showMessage(m, STATUS_MS))

        self.left_splitter = QSplitter()
        set_enum(self.left_splitter, "orientation", "Vertical")
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.addWidget(self.search)
        self.left_splitter.addWidget(self.tree_view)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search.field)
        layout.addWidget(self.left_splitter)
        self.main_splitter = QSplitter()  # horizontal
        self.main_splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(MIN_COLUMN_WIDTH)
        self.detail.setMinimumWidth(MIN_DETAIL_WIDTH)
        self.main_splitter.addWidget(left)
        self.right = QStackedWidget()  # the detail pane, or the review of an imported article
        self.right.addWidget(self.detail)
        self.main_splitter.addWidget(self.right)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self.setStyleSheet(FOCUS_STYLE)
        self.setAcceptDrops(True)  # article files dropped on the window are imported
        self.db_label = QLabel()
        set_enum(self.db_label, "textFormat", "PlainText")
        self.statusBar().addPermanentWidget(self.db_label)

    def _enable_icons(self) -> None:
        """Load the icons once the window is visible, then show them; the app's icon too."""
        icons.set_app_icon()
        icons.enable()
        for action in self.findChildren(QAction):
            name = action.data()
            if isinstance(name, str) and name:
                action.setIcon(icons.icon(name))
        self.tree_view.viewport().update()
        self.search.repaint_hits()

    # -- state -------------------------------------------------------------------------------

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
        self.search.enable_clear_button()
        self.integrity.start(self.directory)
        self.first_painted.emit()
        for message in self.user_data.messages:  # a damaged store set aside, a read-only folder
            self.statusBar().showMessage(message, STATUS_MS)
        if self.user_data.messages:
            QTimer.singleShot(0, self._show_store_messages)

    def _show_store_messages(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("parkdesk: your changes"),
                          "\n\n".join(self.user_data.messages), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("storeMessagesBox")
        self.user_data.messages.clear()
        box.open()  # not modal to the app: the directory stays usable

    def _on_damaged(self, message: DatabaseError) -> None:
        """A background check found the open database damaged: say so, offer another file."""
        from parkdesk.ui.dialogs import OPEN_ANOTHER, DatabaseErrorDialog

        if DatabaseErrorDialog.ask(message, self, self.tr("Keep Using It")) == OPEN_ANOTHER:
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

    def _update_title(self) -> None:
        self.setWindowTitle(f"parkdesk — {self.directory.path.name}")
        meta = self.directory.meta()
        built = display_date(meta.get("built_at"))
        name = self.directory.path.name
        self.db_label.setText(self.tr("{name} · built {date}").format(name=name, date=built)
                              if built else name)

    # -- selection -----------------------------------------------------------------------------

    def current_node(self) -> TreeNode | None:
        """The node selected in the tree."""
        return self.model.node(self.tree_view.currentIndex())

    def selected_entity_id(self) -> str | None:
        """The entity the user is looking at (a folder's or contact's owner), for fact sheets."""
        return self.detail.entity_id()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.node(current)
        if self._quiet_select:
            return
        self.show_node(node, later=self._page_later)
        if node is not None:
            self.history.visited((node.type, node.key))
        if node is not None and node.type in (ENTITY, CONTACT):
            self.settings.remember_selection(f"{node.type}:{node.key}")  # written when idle

    def show_page(self, page: Page) -> bool:
        """Select a page of the history again: an entity, a contact, a folder or the queue."""
        kind, key = page
        if kind == CONTACT:
            return self.select_contact(key)
        if kind == GROUP:
            return self.select_folder(key)
        if kind in (REVIEW, REVIEW_ARTICLE):
            return self.select_review(key or None)
        return self.select_entity(key)

    def show_node(self, node: TreeNode | None, later: bool = False) -> None:
        """Show a node on the right: its page, or the review of an imported article."""
        if node is not None and node.type in (REVIEW, REVIEW_ARTICLE):
            from parkdesk.ui.review_panel import ReviewPanel

            if self.review_panel is None:
                self.review_panel = ReviewPanel(self)
                self.right.addWidget(self.review_panel)
            key = node.key if node.type == REVIEW_ARTICLE else None
            panel = self.review_panel
            if self.right.currentWidget() is panel and panel.item is not None and (
                    key is None or key == panel.article_id):
                panel.refresh()
            else:
                panel.show_article(key)
            self.right.setCurrentWidget(panel)
            return
        self.right.setCurrentWidget(self.detail)
        self.detail.show_node(node, later=later)

    def select_review(self, article_id: str | None = None, show: bool = True) -> bool:
        """Select the review queue ("To review") or one imported article in it."""
        root = self.model.find_child(QModelIndex(), REVIEW, "")
        if not root.isValid():
            return False
        index = self.model.find_child(root, REVIEW_ARTICLE, article_id) if article_id else root
        if not index.isValid():
            index = root
        self._quiet_select = not show
        try:
            return self._select_index(index)
        finally:
            self._quiet_select = False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if article_import.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = article_import.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            article_import.import_files(self, files)

    def _select_index(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree_view.expand(parent)
            parent = parent.parent()
        self.tree_view.setCurrentIndex(index)
        self.tree_view.scrollTo(index)
        return True

    def select_entity(self, entity_id: str) -> bool:
        """Select an entity in the tree, opening the folders on its path."""
        return self._select_index(self.model.index_of_path(self.tree.path_to(entity_id)))

    def select_contact(self, contact_id: str) -> bool:
        """Select a contact under its park's (or the zone's) Contacts folder."""
        contact = self.directory.contact(contact_id)
        if contact is None:
            return False
        owner = self.directory.entity(contact.owner_id)
        holder = owner
        if owner is not None and owner.kind == ORGANISATION and owner.parent_id:
            holder = self.directory.entity(owner.parent_id)
        if holder is None or holder.kind not in (ZONE, PARK, PLACE):
            return self.select_entity(contact.owner_id)
        group = TreeNode(GROUP, f"{holder.id}/contacts", "", "")
        parent = self.model.index_of_path([*self.tree.path_to(holder.id), group])
        index = self.model.find_child(parent, CONTACT, contact_id) if parent.isValid() else parent
        return self._select_index(index) or self.select_entity(contact.owner_id)

    def select_folder(self, key: str) -> bool:
        """Select a folder (`park-nanhai/people`) under its park, the zone or a place."""
        parent_id = key.rsplit("/", 1)[0]
        folder = TreeNode(GROUP, key, "", "")
        return self._select_index(self.model.index_of_path([*self.tree.path_to(parent_id), folder]))

    def _on_tree_activated(self, index: QModelIndex) -> None:
        """Enter on "To review" or an article in it: the keys go to its findings."""
        node = self.model.node(index)
        if node is not None and node.type in (REVIEW, REVIEW_ARTICLE) and self.review_panel:
            self.review_panel.findings.setFocus()

    def _on_result_activated(self, entity_id: str) -> None:
        self._focus_tree_if(self.select_entity(entity_id))

    def _focus_tree_if(self, selected: bool) -> None:
        if selected:
            self.tree_view.setFocus()

    def _fit_results(self) -> None:
        """Give the results list the room its hits need (at most half the column)."""
        if not self._results_watched:
            self._results_watched = True
            self.navigation.watch(self.search.view.viewport())
        total = sum(self.left_splitter.sizes())
        if self.search.isVisible() and total > 0:
            wanted = max(min(self.search.preferred_height(), total // 2),
                         self.search.minimumSizeHint().height())
            self.left_splitter.setSizes([wanted, total - wanted])

    # -- actions ------------------------------------------------------------------------------

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
                      self.tr("Copied “{text}”").format(text=field.selectedText()))
            return
        node = self.current_node()
        if node is None:
            self.statusBar().showMessage(self.tr("Nothing selected to copy"), STATUS_MS)
        elif node.type == CONTACT:
            contact = self.directory.contact(node.key)
            if contact:
                contact_actions.copy_number(self.directory, contact)
        else:
            name = self.directory.name_of(node.key) if node.type == ENTITY else node.label
            copy_text(name, self.tr("Copied the name “{name}”").format(name=name))

    def copy_park_contacts(self) -> None:
        """Copy all contacts of the selected item's park (or the zone) as text."""
        entity_id = self.selected_entity_id()
        owner = contact_actions.contacts_owner(self.directory, entity_id) if entity_id else None
        if owner is None or not self.directory.contacts(owner, include_children=True):
            self.statusBar().showMessage(self.tr("No contacts to copy here"), STATUS_MS)
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
        edit_actions.extend_tree_menu(self, menu, node)
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
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), text,
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
                if DatabaseErrorDialog.ask(exc, self, self.tr("Cancel")) != OPEN_ANOTHER:
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
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=directory.path), STATUS_MS)
