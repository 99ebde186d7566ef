"""The main window's actions, menus and toolbar: every command once, each with a shortcut.

`WindowActions(window, commands, outputs)` makes the actions; the window holds the result. The
commands are any objects with the slots of `WindowCommands` (the main window itself) and
`OutputCommands` (ui.output_commands), so this module never imports the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from parkdesk.ui.enum_properties import set_enum

if TYPE_CHECKING:  # (for annotations only)
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow, QWidget


class WindowCommands(Protocol):
    """What the actions call: the main window's commands."""

    @property
    def tree_view(self) -> QWidget: ...
    def choose_database(self) -> None: ...
    def close(self) -> bool: ...
    def copy(self) -> None: ...
    def copy_park_contacts(self) -> None: ...
    def focus_search(self) -> None: ...
    def collapse_tree(self) -> None: ...
    def zoom_text(self, steps: int, relative: bool = True) -> None: ...
    def show_about(self) -> None: ...
    def set_language(self, code: str) -> None: ...


class OutputCommands(Protocol):
    """What the printing, exporting, publishing and comparing actions call (ui.output_commands)."""

    def export_directory(self) -> None: ...
    def publish_to_address_book(self) -> None: ...
    def print_fact_sheet(self) -> None: ...
    def export_fact_sheet_pdf(self) -> None: ...
    def print_all_fact_sheets(self) -> None: ...
    def export_all_fact_sheets_pdf(self) -> None: ...
    def compare_parks(self) -> None: ...


def without_mnemonic(text: str) -> str:
    """A menu text as a tooltip says it: no `&` mnemonic marker, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def make_action(window: QMainWindow, text: str, slot: Callable[[], object],
                shortcut: QKeySequence.StandardKey | str, icon: str = "", tip: str = "") -> QAction:
    """An action of the window (its shortcut works anywhere in the window, Qt's default), with
    its shortcut in its tooltip and its icon name kept for later."""
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    else:  # (setShortcut(QKeySequence(text)) would look at overloads taking Qt's enums: see
        action.setShortcuts([QKeySequence.fromString(shortcut)])  # enum_properties)
    plain = tip or without_mnemonic(text)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)
    action.setStatusTip(plain)
    action.setData(icon)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


class WindowActions:
    """Every action of the main window, each with a shortcut.

    A plain class, not a dataclass: making a 16-field dataclass runs generated code (~2 ms)
    on the start-up path.
    """

    open: QAction
    export: QAction
    publish: QAction
    print: QAction
    pdf: QAction
    print_all: QAction
    pdf_all: QAction
    quit: QAction
    copy: QAction
    copy_contacts: QAction
    find: QAction
    tree: QAction
    collapse: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    about: QAction
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    compare: QAction

    def __init__(self, window: QMainWindow, commands: WindowCommands,
                 outputs: OutputCommands) -> None:
        """The actions, added to `window` (so their shortcuts work there), calling `commands`
        and `outputs`."""
        K = QKeySequence.StandardKey  # noqa: N806
        c = self.commands = commands
        o = outputs
        self.open = make_action(window, QCoreApplication.translate("WindowActions", "&Open Database…"), c.choose_database, K.Open, "open")
        self.export = make_action(window, QCoreApplication.translate("WindowActions", "&Export…"), o.export_directory, "Ctrl+E", "export",
                                  QCoreApplication.translate("WindowActions", "Export the directory as JSON, vCard or CSV"))
        self.publish = make_action(
            window, QCoreApplication.translate("WindowActions", "P&ublish to Address Book…"),
            o.publish_to_address_book, "Ctrl+Shift+B", "",
            QCoreApplication.translate("WindowActions", "Put every contact on a CardDAV address "
                                       "book that phones subscribe to"))
        self.print = make_action(window, QCoreApplication.translate("WindowActions", "&Print Fact Sheet…"), o.print_fact_sheet, K.Print,
                                 "print", QCoreApplication.translate("WindowActions", "Print the selected park's fact sheet"))
        self.pdf = make_action(window, QCoreApplication.translate("WindowActions", "Export Fact Sheet as P&DF…"), o.export_fact_sheet_pdf,
                               "Ctrl+Shift+E", "pdf", QCoreApplication.translate("WindowActions", "Save the fact sheet as a PDF file"))
        self.print_all = make_action(window,
            QCoreApplication.translate("WindowActions", "Print &All Parks…"), o.print_all_fact_sheets, "Ctrl+Shift+P", "",
            QCoreApplication.translate("WindowActions", "Preview and print the zone's and every park's fact sheet"))
        self.pdf_all = make_action(window,
            QCoreApplication.translate("WindowActions", "Export All Parks as PD&F…"), o.export_all_fact_sheets_pdf, "Ctrl+Alt+E", "",
            QCoreApplication.translate("WindowActions", "Save the zone's and every park's fact sheet as one PDF"))
        self.quit = make_action(window, QCoreApplication.translate("WindowActions", "&Quit"), c.close, "Ctrl+Q", "quit")
        self.copy = make_action(window, QCoreApplication.translate("WindowActions", "&Copy"), c.copy, K.Copy, "copy",
                                QCoreApplication.translate("WindowActions", "Copy the selected number or text"))
        self.copy_contacts = make_action(window,
            QCoreApplication.translate("WindowActions", "Copy All &Contacts of This Park"), c.copy_park_contacts, "Ctrl+Shift+C", "",
            QCoreApplication.translate("WindowActions", "Copy every phone number of the selected park as text"))
        self.find = make_action(window, QCoreApplication.translate("WindowActions", "&Find"), c.focus_search, K.Find, "find",
                                QCoreApplication.translate("WindowActions", "Search the directory"))
        self.tree = make_action(window, QCoreApplication.translate("WindowActions", "Go to &Tree"), c.tree_view.setFocus, "Ctrl+L", "",
                                QCoreApplication.translate("WindowActions", "Move the keyboard focus to the tree"))
        self.collapse = make_action(window, QCoreApplication.translate("WindowActions", "Co&llapse Tree"), c.collapse_tree, "Ctrl+Shift+L",
                                    "collapse")
        self.zoom_in = make_action(window, QCoreApplication.translate("WindowActions", "&Larger Text"), lambda: c.zoom_text(1), K.ZoomIn,
                                   "zoom-in")
        self.zoom_out = make_action(window, QCoreApplication.translate("WindowActions", "&Smaller Text"), lambda: c.zoom_text(-1), K.ZoomOut,
                                    "zoom-out")
        self.zoom_reset = make_action(window, QCoreApplication.translate("WindowActions", "&Normal Text Size"), lambda: c.zoom_text(0),
                                      "Ctrl+0")
        self.about = make_action(window, QCoreApplication.translate("WindowActions", "&About parkdesk"), c.show_about, "F1", "about")
        self.compare = make_action(window, QCoreApplication.translate("WindowActions", "Co&mpare Parks"),
                                   o.compare_parks, "Ctrl+Shift+K", "compare",
                                   QCoreApplication.translate("WindowActions", "The parks side by side"))

    def install(self, window: QMainWindow) -> QToolBar:
        """Give `window` its menus and toolbar; returns the toolbar."""
        view_menu = self._add_menus(window)
        return self._add_toolbar(window, view_menu)

    def _add_menus(self, window: QMainWindow) -> QMenu:
        """File, Edit, View and Help; returns View, which the toolbar's toggle joins."""
        bar = window.menuBar()
        menu = self.file_menu = bar.addMenu(QCoreApplication.translate("WindowActions", "&File"))
        menu.addActions([self.open, self.export, self.publish])
        menu.addSeparator()
        menu.addActions([self.print, self.pdf])
        menu.addActions([self.print_all, self.pdf_all])
        menu.addSeparator()
        menu.addAction(self.quit)
        menu = self.edit_menu = bar.addMenu(QCoreApplication.translate("WindowActions", "&Edit"))
        menu.addActions([self.copy, self.copy_contacts])
        menu.addSeparator()
        menu.addAction(self.find)
        view_menu = self.view_menu = bar.addMenu(
            QCoreApplication.translate("WindowActions", "&View"))
        view_menu.addActions([self.tree, self.collapse])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view_menu.addSeparator()
        view_menu.addAction(self.compare)
        view_menu.addSeparator()
        self._add_language_menu(window, view_menu)
        menu = bar.addMenu(QCoreApplication.translate("WindowActions", "&Help"))
        menu.addAction(self.about)
        return view_menu

    def _add_language_menu(self, window: QMainWindow, view_menu: QMenu) -> None:
        """View › Language: each language named in itself, the one in use checked."""
        from PySide6.QtGui import QActionGroup

        from parkdesk.ui import language

        menu = view_menu.addMenu(QCoreApplication.translate("WindowActions", "&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(window)
        self.languages: dict[str, QAction] = {}
        for code, name in language.LANGUAGES.items():
            action = QAction(name, group)
            action.setCheckable(True)
            action.setChecked(code == language.current)
            action.setData("")
            action.triggered.connect(lambda _checked=False, code=code: self.commands.set_language(code))
            menu.addAction(action)
            self.languages[code] = action

    def add_navigation(self, window: QMainWindow, back: QAction, forward: QAction) -> None:
        """Back and Forward: first on the toolbar, and in the View menu."""
        bar = window.findChild(QToolBar, "mainToolbar")
        if bar is not None:
            first = bar.actions()[0] if bar.actions() else None
            bar.insertActions(first, [back, forward])  # type: ignore[arg-type]
            if first is not None:
                bar.insertSeparator(first)
        self.view_menu.insertActions(self.tree, [back, forward])
        self.view_menu.insertSeparator(self.tree)

    def _add_toolbar(self, window: QMainWindow, view_menu: QMenu) -> QToolBar:
        """The common actions, with text beside their icons."""
        bar = window.addToolBar(QCoreApplication.translate("WindowActions", "Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        set_enum(bar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        bar.addActions([self.find, self.copy])
        bar.addSeparator()
        bar.addActions([self.print, self.pdf, self.export])
        bar.addSeparator()
        bar.addAction(self.open)
        toggle = bar.toggleViewAction()
        toggle.setText(QCoreApplication.translate("WindowActions", "Show &Toolbar"))
        toggle.setShortcuts([QKeySequence.fromString("Ctrl+Shift+T")])
        view_menu.addSeparator()
        view_menu.addAction(toggle)
        return bar
