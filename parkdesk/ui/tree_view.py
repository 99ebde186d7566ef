"""The tree view: a QTreeView that keeps loading a big folder as the user scrolls through it.

QTreeView asks a model for more rows (`fetchMore`) only when the very last row of the whole
tree comes into view. A folder of 25,000 enterprises in the middle of the tree would stop at
its first page; this view asks whenever the last loaded row of any folder is on screen.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPoint, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTreeView, QWidget


@runtime_checkable
class PagedModel(Protocol):
    """A model whose pages grow as the user scrolls on (tree_model.DirectoryTreeModel)."""

    def next_page_size(self, parent: QModelIndex) -> int: ...
    def fetch_rows(self, parent: QModelIndex, count: int) -> None: ...


class LazyTreeView(QTreeView):
    """A tree view over a lazily fetched model (see tree_model.DirectoryTreeModel)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.fetch_visible)
        # Set when the current row changed (and the view scrolled to it): the next check loads
        # one page, not a growing one (see fetch_visible).
        self._one_page = False
        self.verticalScrollBar().valueChanged.connect(self._schedule)
        self.expanded.connect(self._schedule)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.rowsInserted.connect(self._schedule)
            model.modelReset.connect(self._schedule)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        self._one_page = True
        super().currentChanged(current, previous)

    def _schedule(self, *_args: object) -> None:
        """Check the rows on screen once the current event is handled (and laid out)."""
        self._check.start()

    def fetch_visible(self) -> bool:
        """Fetch the next page of a folder whose last loaded row is on screen; True if one was.

        Pages grow (doubling what is loaded) while the user scrolls through a folder. When the
        end of a folder comes on screen because a row near it was selected (the person just
        below a folder of 250,000 enterprises), one page is loaded: it takes that end off
        screen. (Growing pages there doubled the folder at every such click: 55 ms, then
        twice that, for what looked like showing a person's page.)"""
        one_page, self._one_page = self._one_page, False
        model = self.model()
        if model is None:
            return False
        self.executeDelayedItemsLayout()  # rows just inserted have no place on screen yet
        index = self.indexAt(QPoint(1, 1))
        # The viewport's height without scroll bars, from the view itself: the first call of
        # viewport() makes PySide build Python types for all of QtWidgets (~10 ms), which
        # this check, run before the window's first paint, need not wait for.
        bottom = self.maximumViewportSize().height()
        while index.isValid() and 0 <= self.visualRect(index).top() < bottom:
            parent = index.parent()
            if index.row() == model.rowCount(parent) - 1 and model.canFetchMore(parent):
                if isinstance(model, PagedModel) and not one_page:
                    model.fetch_rows(parent, model.next_page_size(parent))
                else:
                    model.fetchMore(parent)
                return True  # rowsInserted checks again
            index = self.indexBelow(index)
        return False
