"""The directory tree as a Qt item model: a thin adapter over core.tree.DirectoryTree.

A folder has all its rows at once: its row count is the number of children stored at build
time (within the user's layer), and a row's node is read, in pages, only when something asks
for its data, into a bounded cache of pages, so memory does not grow with the rows scrolled
past. The rows are the empty child slots of a QStandardItem: Qt's C++ answers index(),
parent() and hasChildren() for them. QTreeView asks each row of an opened folder for those
(and again at every relayout); over Python methods that was ~5 µs a row, 1.3 s for a folder
of 254,000 enterprises, where C++ takes ~40 ms. Only rows that have children of their own get
an item (made when their folder is first laid out, `canFetchMore`), with their own empty rows.
"""

from __future__ import annotations

from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from parkdesk.core.errors import DatabaseError
from parkdesk.core.records import kind_label
from parkdesk.core.tree import CONTACT, GROUP, REVIEW, REVIEW_ARTICLE, DirectoryTree, TreeNode
from parkdesk.ui import icons
from parkdesk.ui.tooltips import plain_tooltip

PAGE_SIZE = 200  # rows read at a time
CACHED_PAGES = 16  # pages of big folders kept (a screen shows one or two of each folder)

# Qt.ItemDataRole values as plain ints: the view asks data() for rows before the window's first
# paint, which need not wait for PySide's Qt namespace (see enum_properties). Checked in the tests.
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
TOOLTIP_ROLE = 3
NODE_ROLE = 0x0100 + 1  # UserRole + 1
# The roles answered; the delegate asks each painted row for eight or more.
_ROLES = frozenset((DISPLAY_ROLE, DECORATION_ROLE, TOOLTIP_ROLE, NODE_ROLE))

Index = QModelIndex | QPersistentModelIndex


class _Folder:
    """A row that has children: its item, whose empty child slots are its rows, and what is
    known of them. `nodes` holds all of a small folder's rows; a big one's are in pages."""

    __slots__ = ("item", "node", "nodes", "parent", "ready", "row", "subfolders", "total")

    def __init__(self, item: QStandardItem | None, parent: _Folder | None, row: int, total: int,
                 node: TreeNode | None = None) -> None:
        self.item = item  # None: the model's invisible root item (see _make_root)
        self.parent = parent
        self.row = row
        self.total = total
        self.node = node  # read when first needed (from the parent's page)
        self.nodes: list[TreeNode] | None = None
        self.ready = False  # items made for the rows that have children
        self.subfolders: dict[int, _Folder] = {}


def _address(item: QStandardItem) -> int:
    """The item's C++ address: the internalId of the indexes of its rows."""
    return int(shiboken6.getCppPointer(item)[0])


class DirectoryTreeModel(QStandardItemModel):
    """Zone, parks, folders and items of a DirectoryTree, read on demand.

    A read that fails (the file locked by another program) leaves the rows empty, to be read
    when asked again, and reports the sentence through `read_failed`.
    """

    read_failed = Signal(str)

    def __init__(self, tree: DirectoryTree, parent: QObject | None = None,
                 page_size: int = PAGE_SIZE, cached_pages: int = CACHED_PAGES) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.cached_pages = cached_pages
        self._tree = tree
        self._folders: dict[int, _Folder] = {}  # by the address of the folder's item
        self._pages: OrderedDict[tuple[int, int], list[TreeNode]] = OrderedDict()
        self._make_root()

    def _make_root(self) -> None:
        # The root item is made by Qt and deleted by clear(): no Python wrapper of it is kept,
        # or shiboken would hand that stale wrapper out for the next object at its address.
        item = self.invisibleRootItem()
        roots = self._tree.roots()
        self._root = _Folder(None, None, 0, len(roots))
        self._root.nodes = roots
        self._folders[_address(item)] = self._root
        item.setColumnCount(1)
        item.setRowCount(len(roots))
        self._prepare(self._root)

    def set_tree(self, tree: DirectoryTree) -> None:
        """Show another directory."""
        self._tree = tree
        self._folders.clear()
        self._pages.clear()
        # Drop every wrapper of the old items before Qt deletes them (and the root item).
        self._root = _Folder(None, None, 0, 0)
        self.clear()  # a model reset
        self._make_root()

    # -- folders and pages -------------------------------------------------------------------

    def _folder_of(self, index: Index) -> _Folder | None:
        """The folder whose rows are the children of `index` (None: a row without children)."""
        if not index.isValid():
            return self._root
        folder = self._folders.get(index.internalId())
        return folder.subfolders.get(index.row()) if folder is not None else None

    def _node_of(self, folder: _Folder) -> TreeNode | None:
        if folder.node is None and folder.parent is not None:
            folder.node = self._node_at(folder.parent, folder.row)
        return folder.node

    def _prepare(self, folder: _Folder) -> None:
        """Give the rows of `folder` that have children an item with that many empty rows."""
        if folder.ready:
            return
        node = self._node_of(folder)
        try:
            if folder.nodes is None and folder.total <= self.page_size and node is not None:
                folder.nodes = self._tree.children(node)
            if node is None or folder.nodes is not None:
                counts = {row: self._tree.child_count(child)
                          for row, child in enumerate(folder.nodes or [])}
                rows = {row: n for row, n in counts.items() if n}
            else:
                rows = self._tree.child_rows(node)
        except DatabaseError as exc:
            self.read_failed.emit(exc.problem)
            return
        was_blocked = self.blockSignals(True)  # no row changes: the slots become items
        try:
            for row, n in rows.items():
                if row >= folder.total or row in folder.subfolders:
                    continue
                child = QStandardItem()
                child.setColumnCount(1)
                child.setRowCount(n)
                parent = self.invisibleRootItem() if folder.item is None else folder.item
                parent.setChild(row, 0, child)
                sub = _Folder(child, folder, row, n)
                folder.subfolders[row] = sub
                self._folders[_address(child)] = sub
        finally:
            self.blockSignals(was_blocked)
        folder.ready = True

    def _node_at(self, folder: _Folder, row: int) -> TreeNode | None:
        """The node of one row, from the folder's list or its page (read if not cached)."""
        if folder.nodes is not None:
            return folder.nodes[row] if 0 <= row < len(folder.nodes) else None
        page = row // self.page_size
        key = (id(folder), page)
        nodes = self._pages.get(key)
        if nodes is None:
            node = self._node_of(folder)
            if node is None:
                return None
            try:
                nodes = self._tree.children(node, page * self.page_size, self.page_size)
            except DatabaseError as exc:
                self.read_failed.emit(exc.problem)
                return None
            self._pages[key] = nodes
            if len(self._pages) > self.cached_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        offset = row - page * self.page_size
        return nodes[offset] if offset < len(nodes) else None

    def cached_rows(self) -> int:
        """How many rows of big folders are held in the cache of pages (for tests)."""
        return sum(len(nodes) for nodes in self._pages.values())

    def node(self, index: Index) -> TreeNode | None:
        """The core node shown at `index`."""
        if not index.isValid():
            return None
        folder = self._folders.get(index.internalId())
        return self._node_at(folder, index.row()) if folder is not None else None

    # -- QAbstractItemModel ------------------------------------------------------------------
    # index(), parent(), rowCount(), hasChildren() and flags() are QStandardItemModel's, in C++.

    def canFetchMore(self, parent: Index) -> bool:
        """Qt asks before laying out a folder's rows: the moment to make their items."""
        folder = self._folder_of(parent)
        if folder is not None:
            self._prepare(folder)
        return False

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        if role not in _ROLES:  # font, colours, alignment...: Qt's defaults
            return None
        node = self.node(index)
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
        root = self._root
        roots = self._tree.roots()
        if [(n.type, n.key) for n in roots] != [(n.type, n.key) for n in root.nodes or []]:
            return False
        for row, node in enumerate(roots):
            if node.type != REVIEW:
                continue
            sub = root.subfolders.get(row)
            children = self._tree.children(node)
            if sub is not None:
                old = sub.nodes
                if len(children) != sub.total or (old is not None and [
                        (c.type, c.key) for c in children] != [(c.type, c.key) for c in old]):
                    return False
                sub.node, sub.nodes = node, children
                if children:
                    first = self.index(0, 0, self.index(row, 0))
                    self.dataChanged.emit(first, first.siblingAtRow(len(children) - 1))
            elif children:
                return False
            assert root.nodes is not None
            root.nodes[row] = node
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        return True

    # -- finding rows ----------------------------------------------------------------------

    def find_child(self, parent: Index, node_type: str, key: str) -> QModelIndex:
        """The child of `parent` with this node type and key: its row number is a query, not a
        walk through the folder's rows."""
        folder = self._folder_of(parent)
        if folder is None:
            return QModelIndex()
        self._prepare(folder)
        node = self._node_of(folder)
        if folder.nodes is not None or node is None:
            row = next((r for r, child in enumerate(folder.nodes or [])
                        if child.type == node_type and child.key == key), None)
        else:
            try:
                row = self._tree.row_of(node, node_type, key)
            except DatabaseError as exc:
                self.read_failed.emit(exc.problem)
                return QModelIndex()
        if row is None or row >= folder.total:
            return QModelIndex()
        return self.index(row, 0, parent)

    def index_of_path(self, path: list[TreeNode]) -> QModelIndex:
        """The row of the last node of a root-to-node path (from DirectoryTree.path_to)."""
        index = QModelIndex()
        for node in path:
            index = self.find_child(index, node.type, node.key)
            if not index.isValid():
                return QModelIndex()
        return index
