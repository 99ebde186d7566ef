"""Accessibility: every control of the main window has a name and a description a screen reader
announces; tooltips show no & mnemonics; the keyboard reaches every part with a visible focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)

from parkdesk.ui.main_window import MainWindow

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QTextEdit, QComboBox, QTabBar)


def _spoken(widget: QWidget, what: QAccessible.Text) -> str:
    """What assistive technology reads for the widget (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(what).strip() if interface is not None else ""


def _interactive(window: QWidget) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu) or widget.window() is not window:
            continue
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
            continue  # Qt's own parts (scroll bar corners...), or hidden (the tree's header)
        if isinstance(widget, INTERACTIVE) or (widget.focusPolicy() != Qt.FocusPolicy.NoFocus \
                and isinstance(widget, QAbstractScrollArea)):
            found.append(widget)
    return found


def test_every_interactive_widget_of_the_main_window_has_a_name(window: MainWindow) -> None:
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in _interactive(window)
               if not _spoken(w, QAccessible.Text.Name)]
    assert not unnamed, f"no accessible name: {unnamed}"


def test_the_main_parts_have_names_and_descriptions(window: MainWindow) -> None:
    parts = [window.search.field, window.tree_view, window.detail, window.search.view,
             window.detail.qr]
    for part in parts:
        assert _spoken(part, QAccessible.Text.Name), part.objectName()
        assert part.accessibleDescription(), part.objectName()


def test_tooltips_carry_no_mnemonic(window: MainWindow) -> None:
    for action in window.findChildren(QAction):
        tip = action.toolTip()
        if action.text() and not action.isSeparator():
            assert "&" not in tip.replace("&&", ""), (action.text(), tip)
    assert window.window_actions.open.toolTip().startswith("Open Database (")


def test_the_keyboard_reaches_the_search_tree_and_pane(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    window.search.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.field)
    seen = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert window.tree_view in seen and window.detail in seen


def _frame_colours(widget) -> tuple:
    """The colours of the outermost two pixel columns at the left edge of a widget."""
    image = widget.grab().toImage()
    middle = image.height() // 2
    return image.pixelColor(0, middle).name(), image.pixelColor(1, middle).name()


def test_the_focus_is_visible(qtbot, window: MainWindow) -> None:
    """The view holding the focus is framed 2 px in the highlight colour, the others 1 px in mid."""
    from PySide6.QtGui import QPalette

    palette = window.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    mid = palette.color(QPalette.ColorRole.Mid).name()
    window.activateWindow()
    views = [window.tree_view, window.detail, window.search.view]
    for focused in views:
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        for view in views:
            outer, inner = _frame_colours(view)
            if view is focused:
                assert (outer, inner) == (highlight, highlight), view.objectName()
            else:
                assert outer == mid and inner != mid, view.objectName()
    field = window.search.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert _frame_colours(field)[0] == highlight
    assert _frame_colours(window.tree_view)[0] == mid


def test_no_style_sheet_over_the_views(window: MainWindow) -> None:
    """Only the search field has a style sheet: one on the window or a view would put every
    paint of the tree through Qt's slower style-sheet style."""
    from PySide6.QtWidgets import QApplication

    assert not QApplication.instance().styleSheet()
    for widget in (window, window.centralWidget(), window.tree_view, window.detail,
                   window.search, window.search.view):
        assert not widget.styleSheet(), widget.objectName() or type(widget).__name__


def test_every_control_of_the_export_dialog_has_a_name(qtbot, window: MainWindow) -> None:
    from parkdesk.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.directory, "park-shunde", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in _interactive(dialog)
               if not _spoken(w, QAccessible.Text.Name)]
    assert not unnamed, f"no accessible name: {unnamed}"
