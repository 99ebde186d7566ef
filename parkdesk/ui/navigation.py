"""Back and Forward over the pages the detail pane has shown, like a web browser's.

`PaneHistory` records each page the tree selects (an entity, a folder or a contact) and goes
back or forward by asking the window to select it again. Alt+Left / Alt+Right, the mouse's
back and forward buttons (over the tree, the results and the pane) and the toolbar's arrows drive it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

# A page: (node type, key), as core.tree's TreeNode names it.
Page = tuple[str, str]
MAX_PAGES = 200


class PaneHistory(QObject):
    """The pages shown, the current one, and the way back and forward."""

    changed = Signal()  # the current page moved, or a new one was visited

    def __init__(self, show: Callable[[Page], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show  # selects a page again; False when it is gone
        self._back: list[Page] = []
        self._forward: list[Page] = []
        self.current: Page | None = None
        self._moving = False

    def visited(self, page: Page) -> None:
        """A page was shown (the user clicked it, searched or followed a link)."""
        if self._moving or page == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[:-MAX_PAGES]
        self._forward.clear()
        self.current = page
        self.changed.emit()

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> bool:
        """Show the page before; pages no longer in the directory are skipped."""
        return self._move(self._back, self._forward)

    def forward(self) -> bool:
        """Show the page after the current one."""
        return self._move(self._forward, self._back)

    def _move(self, source: list[Page], other: list[Page]) -> bool:
        while source:
            page = source.pop()
            self._moving = True
            try:
                shown = self._show(page)
            finally:
                self._moving = False
            if shown:
                if self.current is not None:
                    other.append(self.current)
                self.current = page
                self.changed.emit()
                return True
        self.changed.emit()
        return False

    def clear(self) -> None:
        """Forget every page (another database was opened)."""
        self._back.clear()
        self._forward.clear()
        self.current = None
        self.changed.emit()


class NavigationActions(QObject):
    """The Back and Forward actions of a window, and its mouse's back and forward buttons."""

    def __init__(self, window: QMainWindow, history: PaneHistory) -> None:
        super().__init__(window)
        self.window = window
        self.history = history
        self.back = self._action(QCoreApplication.translate("Navigation", "&Back"), QKeySequence.StandardKey.Back,
                                 "Alt+Left", "back", QCoreApplication.translate("Navigation", "Show the previous page"),
                                 history.back)
        self.forward = self._action(QCoreApplication.translate("Navigation", "&Forward"),
                                    QKeySequence.StandardKey.Forward, "Alt+Right", "forward",
                                    QCoreApplication.translate("Navigation", "Show the next page"), history.forward)
        history.changed.connect(self._update)
        self._update()
        window.installEventFilter(self)

    def watch(self, *widgets: QWidget) -> None:
        """Take the mouse's back and forward buttons pressed on these widgets too (a view's
        viewport takes its mouse presses; the window never sees them)."""
        for widget in widgets:
            widget.installEventFilter(self)

    def _action(self, text: str, key: QKeySequence.StandardKey, fallback: str, icon: str,
                tip: str, slot: Callable[[], bool]) -> QAction:
        action = QAction(text, self.window)
        keys = QKeySequence.keyBindings(key) or [QKeySequence.fromString(fallback)]
        if QKeySequence.fromString(fallback) not in keys:
            keys.append(QKeySequence.fromString(fallback))
        action.setShortcuts(keys)
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({native})")
        action.setStatusTip(tip)
        action.setData(icon)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _update(self) -> None:
        self.back.setEnabled(self.history.can_go_back())
        self.forward.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons, pressed on the window or a watched widget."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            from PySide6.QtCore import Qt

            if event.button() == Qt.MouseButton.BackButton:
                self.history.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.history.forward()
                return True
        return super().eventFilter(watched, event)
