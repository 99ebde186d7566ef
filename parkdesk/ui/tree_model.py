"""The directory tree as a Qt item model: a thin adapter over core.tree.DirectoryTree.

Children are fetched lazily, a page at a time (`canFetchMore`/`fetchMore`), so opening a
folder of tens of thousands of items costs one page of rows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Signal

from parkdesk.core.errors import DatabaseError
from parkdesk.core.records import kind_label
from parkdesk.core.tree import CONTACT, GROUP, REVIEW, REVIEW_ARTICLE, DirectoryTree, TreeNode
from parkdesk.ui import icons
from parkdesk.ui.tooltips import plain_tooltip

PAGE_SIZE = 200


def page_after(loaded: int, page_size: int = PAGE_SIZE) -> int:
    """How many rows to fetch next while scrolling through a folder (or looking for a row in
    it) with `loaded` rows: as many as are loaded (200, 200, 400, 800…). QTreeView lays out
    every loaded row again after each fetch, calling the model's index() for each; pages that
    double keep that to about twice the rows in all, so scrolling to the end of 250,000 rows
    is linear. (Pages capped at 5,000 made it 50 fetches each laying out everything: 6.6
    million index() calls, 24 s.) Qt's own calls of fetchMore load one page."""
    return max(page_size, loaded)

# Qt.ItemDataRole values as plain ints: the view asks data() for rows before the window's first
# paint, which need not wait for PySide's Qt namespace (see enum_properties). Checked in the tests.
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
TOOLTIP_ROLE = 3
NODE_ROLE = 0x0100 + 1  # UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class _Item:
    """One loaded row: its node, where it sits, and the children loaded so far."""

    __slots__ = ("children", "node", "parent", "row", "total")

    def __init__(self, node: TreeNode | None, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children: list[_Item] = []
        self.total: int | None = None  # number of children, asked for once


class DirectoryTreeModel(QAbstractItemModel):
    """Zone, parks, folders and items, loaded on demand from a DirectoryTree.

    A read that fails (the file locked by another program) leaves the folder as it was, to be
    loaded when asked again, and reports the sentence through `read_failed`.
    """

    read_failed = Signal(str)

    def __init__(
        self, tree: DirectoryTree, parent: QObject | None = None, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._tree = tree
        self._root = self._make_root()

    def _make_root(self) -> _Item:
        root = _Item(None, None, 0)
        root.children = [_Item(n, root, i) for i, n in enumerate(self._tree.roots())]
        root.total = len(root.children)
        return root

    def set_tree(self, tree: DirectoryTree) -> None:
        """Show another directory."""
        self.beginResetModel()
        self._tree = tree
        self._root = self._make_root()
        self.endResetModel()

    # -- helpers -----------------------------------------------------------------------------

    def _item(self, index: Index) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def _total(self, item: _Item) -> int:
        if item.total is None:
            try:
                item.total = self._tree.child_count(item.node) if item.node else 0
            except DatabaseError as exc:
                self.read_failed.emit(exc.problem)
                return 0  # not kept: counted again next time
        return item.total

    def node(self, index: Index) -> TreeNode | None:
        """The core node shown at `index`."""
        return self._item(index).node if index.isValid() else None

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        item = self._item(parent)
        if column != 0 or not 0 <= row < len(item.children):
            return QModelIndex()
        return self.createIndex(row, 0, item.children[row])

    def parent(self, index: Index | None = None) -> QModelIndex | QObject | None:  # type: ignore[override]
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._item(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        return self._total(self._item(parent)) > 0

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        item = self._item(parent)
        return len(item.children) < self._total(item)

    def fetchMore(self, parent: Index) -> None:
        self.fetch_rows(parent, self.page_size)

    def next_page_size(self, parent: Index) -> int:
        """How many rows to fetch next when going through a folder: more as more are loaded."""
        return page_after(len(self._item(parent).children), self.page_size)

    def fetch_rows(self, parent: Index, count: int) -> None:
        """Load up to `count` more children of `parent`."""
        item = self._item(parent)
        if item.node is None or not self.canFetchMore(parent):
            return
        first = len(item.children)
        try:
            nodes = self._tree.children(item.node, first, count)
        except DatabaseError as exc:
            self.read_failed.emit(exc.problem)
            return
        if not nodes:
            item.total = first  # the count was an overestimate; stop asking
            return
        self.beginInsertRows(parent, first, first + len(nodes) - 1)
        item.children.extend(_Item(n, item, first + i) for i, n in enumerate(nodes))
        self.endInsertRows()

    # flags(): QAbstractItemModel's own (enabled and selectable; none for the root), in C++.

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        node = self._item(index).node if index.isValid() else None
        if node is None:
            return None
        if node.type in (REVIEW, REVIEW_ARTICLE) and role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self._review_text(node, role == TOOLTIP_ROLE)
        if role == DISPLAY_ROLE:
            if node.type == GROUP:
                return f"{node.label} ({node.count or 0:,})"
            return node.label
        if role == DECORATION_ROLE:
            return icons.icon(node.icon) if icons.enabled() else None
        if role == TOOLTIP_ROLE:
            if node.type == GROUP:
                return self.tr("{count} {folder}").format(count=f"{node.count or 0:,}",
                                                          folder=node.label.lower())
            if node.type == CONTACT:
                return self.tr("Contact: press Ctrl+C to copy the number")
            kind = kind_label(node.icon)
            return plain_tooltip(f"{node.label}\n{kind}")
        if role == NODE_ROLE:
            return node
        return None

    def _review_text(self, node: TreeNode, tooltip: bool) -> str:
        n = node.count or 0
        if node.type == REVIEW:
            if tooltip:
                return self.tr("%n finding(s) of your imported articles to accept, attach or "
                               "reject", "", n)
            return self.tr("To review (%n)", "", n)
        if tooltip:
            return plain_tooltip(self.tr("%1\n%n finding(s) to review", "", n).replace("%1", node.label))
        return f"{node.label} ({n:,})"

    def update_review_counts(self) -> bool:
        """Show the review queue's counts anew, the rest of the tree as it is; False when the
        queue's rows themselves changed (the caller then shows the whole tree anew)."""
        roots = self._tree.roots()
        old = [item.node for item in self._root.children]
        if [(n.type, n.key) for n in roots] != [(n.type, n.key) for n in old if n is not None]:
            return False
        for item, node in zip(self._root.children, roots, strict=True):
            if item.node is None or item.node.type != REVIEW:
                continue
            children = self._tree.children(node) if item.children else []
            if [(c.type, c.key) for c in children] != [
                    (c.node.type, c.node.key) for c in item.children if c.node is not None]:
                return False
            item.node = node
            index = self.createIndex(item.row, 0, item)
            self.dataChanged.emit(index, index)
            for child, child_node in zip(item.children, children, strict=True):
                child.node = child_node
                child_index = self.createIndex(child.row, 0, child)
                self.dataChanged.emit(child_index, child_index)
        return True

    # -- finding rows ----------------------------------------------------------------------

    def find_child(self, parent: Index, node_type: str, key: str) -> QModelIndex:
        """The child of `parent` with this node type and key, fetching pages until found."""
        item = self._item(parent)
        checked = 0
        while True:
            for child in item.children[checked:]:
                node = child.node
                if node is not None and node.type == node_type and node.key == key:
                    return self.createIndex(child.row, 0, child)
            checked = len(item.children)
            if not self.canFetchMore(parent):
                return QModelIndex()
            self.fetch_rows(parent, self.next_page_size(parent))
            if len(item.children) == checked:
                return QModelIndex()

    def index_of_path(self, path: list[TreeNode]) -> QModelIndex:
        """The row of the last node of a root-to-node path (from DirectoryTree.path_to)."""
        index = QModelIndex()
        for node in path:
            index = self.find_child(index, node.type, node.key)
            if not index.isValid():
                return QModelIndex()
        return index
