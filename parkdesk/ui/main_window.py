"""The main window: search and tree on the left, the detail pane on the right; menus, settings.

`MainWindow` builds and wires the parts; their code is in the classes it stacks on:
`WindowSelection` (ui/window_selection.py) < `WindowCommands` (window_commands.py) <
`WindowViews` (window_views.py) < `WindowState` (window_state.py) < `MainWindow`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from parkdesk.core.db.directory import Directory
from parkdesk.core.tree import DirectoryTree
from parkdesk.core.userstore.session import UserData
from parkdesk.ui import article_import, edit_actions
from parkdesk.ui.clipboard import notifier
from parkdesk.ui.integrity import IntegrityCheck
from parkdesk.ui.navigation import NavigationActions, PaneHistory
from parkdesk.ui.output_commands import OutputCommands
from parkdesk.ui.settings import Settings
from parkdesk.ui.user_edits import UserEdits
from parkdesk.ui.window_actions import WindowActions
from parkdesk.ui.window_state import WindowState
from parkdesk.ui.window_views import MIN_TREE_HEIGHT

if TYPE_CHECKING:

    from parkdesk.ui.review_panel import ReviewPanel


__all__ = ["MIN_TREE_HEIGHT", "MainWindow"]


class MainWindow(WindowState):
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if article_import.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = article_import.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            article_import.import_files(self, files)

