"""The main window's selection: which tree row is current and what the right side shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QModelIndex,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
)

from parkdesk.core.db.directory import Directory
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
from parkdesk.ui.detail_pane import DetailPane
from parkdesk.ui.integrity import IntegrityCheck
from parkdesk.ui.navigation import NavigationActions, Page, PaneHistory
from parkdesk.ui.search_panel import SearchPanel
from parkdesk.ui.settings import Settings
from parkdesk.ui.tree_model import DirectoryTreeModel
from parkdesk.ui.user_edits import UserEdits
from parkdesk.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from parkdesk.ui.main_window import MainWindow
    from parkdesk.ui.review_panel import ReviewPanel


STATUS_MS = 10_000  # how long a status-bar message stays


class WindowSelection(QMainWindow):
    """The main window's selection: which tree row is current and what the right side shows."""


    # Made by MainWindow.__init__ and WindowViews._build_views; declared here for the mixins.
    directory: Directory
    user_data: UserData
    edits: UserEdits
    settings: Settings
    tree: DirectoryTree
    review_panel: ReviewPanel | None
    history: PaneHistory
    model: DirectoryTreeModel
    tree_view: QTreeView
    search: SearchPanel
    detail: DetailPane
    left_splitter: QSplitter
    main_splitter: QSplitter
    right: QStackedWidget
    db_label: QLabel
    navigation: NavigationActions
    window_actions: WindowActions
    integrity: IntegrityCheck
    zoom_steps: int
    _quiet_select: bool
    _results_watched: bool
    _shown: bool
    _page_later: bool
    first_painted: SignalInstance

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
                self.review_panel = ReviewPanel(cast("MainWindow", self))
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
