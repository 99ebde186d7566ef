"""The main window's views and layout: search field and results, tree, detail pane."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parkdesk.ui import focus_frame, icons
from parkdesk.ui.detail_pane import DetailPane
from parkdesk.ui.enum_properties import set_enum
from parkdesk.ui.search_panel import SearchPanel
from parkdesk.ui.tree_model import DirectoryTreeModel
from parkdesk.ui.window_commands import WindowCommands
from parkdesk.ui.window_selection import STATUS_MS

# The smallest usable areas: the tree shows a few rows, names a few words, the pane a column.
MIN_COLUMN_WIDTH = 220
MIN_TREE_HEIGHT = 120
MIN_DETAIL_WIDTH = 300


class WindowViews(WindowCommands):
    """The main window's views and layout: search field and results, tree, detail pane."""

    def _build_views(self) -> None:
        self.model = DirectoryTreeModel(self.tree, self)
        self.tree_view = QTreeView()
        self.tree_view.setObjectName("tree")
        self.tree_view.setAccessibleName(QCoreApplication.translate("MainWindow", "Directory tree"))
        self.tree_view.setAccessibleDescription(QCoreApplication.translate(
            "MainWindow",
            "The zone, its parks and their folders; arrow keys move, Right opens a folder, "
            "Ctrl+C copies the selected number or name"))
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setUniformRowHeights(True)  # a folder of 254,000 rows: no per-row sizes
        set_enum(self.tree_view, "textElideMode", "ElideMiddle")  # full names in the tooltips
        self.tree_view.setMinimumSize(MIN_COLUMN_WIDTH, MIN_TREE_HEIGHT)
        self.tree_view.setModel(self.model)
        focus_frame.install(self.tree_view)
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
        focus_frame.install(self.detail)
        self.detail.setAccessibleName(QCoreApplication.translate("MainWindow", "Details"))
        self.detail.setAccessibleDescription(QCoreApplication.translate(
            "MainWindow",
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
