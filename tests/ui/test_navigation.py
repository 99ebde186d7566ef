"""Back and Forward over the pane's pages: keys, the mouse's buttons, the toolbar, the menu."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolBar

from parkdesk.ui.main_window import MainWindow


def _showing(window: MainWindow) -> str | None:
    return window.detail.entity_id()


def _visit(window: MainWindow, qtbot, *ids: str) -> None:
    for entity_id in ids:
        assert window.select_entity(entity_id)
        qtbot.waitUntil(lambda e=entity_id: window.current_node().key == e)


def test_alt_left_and_alt_right_go_back_and_forward(window: MainWindow, qtbot) -> None:
    _visit(window, qtbot, "park-shunde", "lighthouse", "andao")
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_node().key == "lighthouse")
    qtbot.keyClick(window.tree_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")
    assert "Shunde Park" in window.detail.toPlainText()
    qtbot.keyClick(window.detail, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_node().key == "lighthouse")
    assert window.navigation.forward.isEnabled()


def test_a_new_page_clears_the_way_forward(window: MainWindow, qtbot) -> None:
    _visit(window, qtbot, "park-shunde", "lighthouse")
    window.navigation.back.trigger()
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")
    assert window.navigation.forward.isEnabled()
    _visit(window, qtbot, "andao")
    assert not window.navigation.forward.isEnabled()
    assert window.navigation.back.isEnabled()


def test_following_a_link_can_be_undone_with_back(window: MainWindow, qtbot) -> None:
    _visit(window, qtbot, "lighthouse")
    window.detail.entity_link_activated.emit("park-shunde")  # a link in the page
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")
    window.navigation.back.trigger()
    qtbot.waitUntil(lambda: window.current_node().key == "lighthouse")


def _mouse(widget, button: Qt.MouseButton) -> None:
    pos = QPointF(5, 5)
    event = QMouseEvent(QMouseEvent.Type.MouseButtonPress, pos, widget.mapToGlobal(pos), button,
                        button, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_the_mouse_back_and_forward_buttons(window: MainWindow, qtbot) -> None:
    _visit(window, qtbot, "park-shunde", "andao")
    _mouse(window.detail.viewport(), Qt.MouseButton.BackButton)
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")
    _mouse(window.tree_view.viewport(), Qt.MouseButton.ForwardButton)
    qtbot.waitUntil(lambda: window.current_node().key == "andao")
    window.search.field.setText("park")
    window.search.run_search()
    qtbot.waitUntil(lambda: window.search.view.isVisible())
    _mouse(window.search.view.viewport(), Qt.MouseButton.BackButton)
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")


def test_the_toolbar_and_view_menu_hold_back_and_forward(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "mainToolbar")
    assert bar.actions()[:2] == [window.navigation.back, window.navigation.forward]
    view = window.window_actions.view_menu
    assert window.navigation.back in view.actions()
    assert not window.navigation.back.isEnabled() or window.history.can_go_back()


def test_back_skips_a_page_that_is_gone(window: MainWindow, qtbot) -> None:
    _visit(window, qtbot, "park-shunde", "andao")
    window.history._back.append(("entity", "no-such-record"))  # as if deleted since
    window.navigation.back.trigger()
    qtbot.waitUntil(lambda: window.current_node().key == "park-shunde")
