"""The window's shortcut actions exist, enabled and on the window, when it is shown and before
its first paint's follow-up work: a guard for building parts of the window later (issue 17)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from parkdesk.core.db.directory import Directory
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings


def _shown_not_painted(qtbot, sample_db: Path, tmp_path: Path) -> tuple[MainWindow, list[int]]:
    window = MainWindow(Directory.open(sample_db), Settings(tmp_path / "parkdesk.ini"))
    qtbot.addWidget(window)
    painted: list[int] = []
    window.first_painted.connect(lambda: painted.append(1))
    window.show()
    qtbot.waitExposed(window)  # key events reach a shortcut once the window is on screen
    return window, painted


def test_shortcut_actions_are_on_the_window_when_it_is_shown(qtbot, sample_db, tmp_path) -> None:
    window, painted = _shown_not_painted(qtbot, sample_db, tmp_path)
    assert not painted
    on_window = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    on_menus = {a.shortcut().toString() for a in window.findChildren(type(window.window_actions.print))
                if not a.shortcut().isEmpty() and a.isEnabled()}
    shortcuts = on_window | on_menus
    for key in ("Ctrl+F", "Ctrl+P", "Alt+Left"):
        assert QKeySequence(key).toString() in shortcuts, key
    assert window.window_actions.print.isEnabled()

