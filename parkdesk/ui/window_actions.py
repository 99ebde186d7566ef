"""The main window's actions, menus and toolbar: every command once, each with a shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from parkdesk.ui.enum_properties import set_enum

if TYPE_CHECKING:
    from parkdesk.ui.main_window import MainWindow


def build(window: MainWindow) -> None:
    """Give the window its actions, menus and toolbar."""
    build_actions(window)
    build_menus(window)
    build_toolbar(window)


def make_action(window: MainWindow, text: str, slot, shortcut, icon: str = "", tip: str = "") -> QAction:
    """An action of the window (its shortcut works anywhere in the window, Qt's default), with
    its shortcut in its tooltip and its icon name kept for later."""
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    else:  # (setShortcut(QKeySequence(text)) would look at overloads taking Qt's enums: see
        action.setShortcuts([QKeySequence.fromString(shortcut)])  # enum_properties)
    action.setToolTip(f"{tip or text.rstrip('…')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setStatusTip(tip or text.rstrip("…"))
    action.setData(icon)
    action.triggered.connect(slot)
    window.addAction(action)
    return action

def build_actions(window: MainWindow) -> None:
    """Every action, each with a shortcut."""
    K = QKeySequence.StandardKey  # noqa: N806
    window.open_action = make_action(window, "&Open Database…", window.choose_database, K.Open, "open")
    window.export_action = make_action(window, "&Export…", window.export_directory, "Ctrl+E", "export",
                                      "Export the directory as JSON, vCard or CSV")
    window.print_action = make_action(window, "&Print Fact Sheet…", window.print_fact_sheet, K.Print,
                                     "print", "Print the selected park's fact sheet")
    window.pdf_action = make_action(window, "Export Fact Sheet as P&DF…", window.export_fact_sheet_pdf,
                                   "Ctrl+Shift+E", "pdf", "Save the fact sheet as a PDF file")
    window.print_all_action = make_action(window,
        "Print &All Parks…", window.print_all_fact_sheets, "Ctrl+Shift+P", "",
        "Preview and print the zone's and every park's fact sheet")
    window.pdf_all_action = make_action(window,
        "Export All Parks as PD&F…", window.export_all_fact_sheets_pdf, "Ctrl+Alt+E", "",
        "Save the zone's and every park's fact sheet as one PDF")
    window.quit_action = make_action(window, "&Quit", window.close, "Ctrl+Q", "quit")
    window.copy_action = make_action(window, "&Copy", window.copy, K.Copy, "copy",
                                    "Copy the selected number or text")
    window.copy_contacts_action = make_action(window,
        "Copy All &Contacts of This Park", window.copy_park_contacts, "Ctrl+Shift+C", "",
        "Copy every phone number of the selected park as text")
    window.find_action = make_action(window, "&Find", window.focus_search, K.Find, "find",
                                    "Search the directory")
    window.tree_action = make_action(window, "Go to &Tree", window.tree_view.setFocus, "Ctrl+L", "",
                                    "Move the keyboard focus to the tree")
    window.collapse_action = make_action(window, "Co&llapse Tree", window.collapse_tree, "Ctrl+Shift+L",
                                        "collapse")
    window.zoom_in_action = make_action(window, "&Larger Text", lambda: window.zoom_text(1), K.ZoomIn,
                                       "zoom-in")
    window.zoom_out_action = make_action(window, "&Smaller Text", lambda: window.zoom_text(-1),
                                        K.ZoomOut, "zoom-out")
    window.zoom_reset_action = make_action(window, "&Normal Text Size", lambda: window.zoom_text(0),
                                          "Ctrl+0")
    window.about_action = make_action(window, "&About parkdesk", window.show_about, "F1", "about")

def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Help."""
    bar = window.menuBar()
    menu = bar.addMenu("&File")
    menu.addActions([window.open_action, window.export_action])
    menu.addSeparator()
    menu.addActions([window.print_action, window.pdf_action])
    menu.addActions([window.print_all_action, window.pdf_all_action])
    menu.addSeparator()
    menu.addAction(window.quit_action)
    menu = bar.addMenu("&Edit")
    menu.addActions([window.copy_action, window.copy_contacts_action])
    menu.addSeparator()
    menu.addAction(window.find_action)
    window.view_menu = bar.addMenu("&View")
    window.view_menu.addActions([window.tree_action, window.collapse_action])
    window.view_menu.addSeparator()
    window.view_menu.addActions([window.zoom_in_action, window.zoom_out_action,
                               window.zoom_reset_action])
    menu = bar.addMenu("&Help")
    menu.addAction(window.about_action)

def build_toolbar(window: MainWindow) -> None:
    """The common actions, with text beside their icons."""
    bar = window.addToolBar("Main toolbar")
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    set_enum(bar, "toolButtonStyle", "ToolButtonTextBesideIcon")
    bar.addActions([window.find_action, window.copy_action])
    bar.addSeparator()
    bar.addActions([window.print_action, window.pdf_action, window.export_action])
    bar.addSeparator()
    bar.addAction(window.open_action)
    toggle = bar.toggleViewAction()
    toggle.setText("Show &Toolbar")
    toggle.setShortcuts([QKeySequence.fromString("Ctrl+Shift+T")])
    window.view_menu.addSeparator()
    window.view_menu.addAction(toggle)
    window.toolbar = bar
