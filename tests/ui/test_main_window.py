"""The window: menus and shortcuts, settings kept across runs, About, other features' hooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QSplitter

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.ui import icons
from parkdesk.ui.enum_properties import set_enum
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.sample_data import sample_bundle
from tests.ui.conftest import answer_file_dialog, answer_next_dialog


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def _menu(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_menus_hold_the_expected_actions(window: MainWindow) -> None:
    assert _menu_titles(window) == ["File", "Edit", "View", "Help"]
    assert _menu(window, "File") == ["Open Database…", "Import Articles…", "Export…",
                                     "Publish to Address Book…", "Print Fact Sheet…",
                                     "Export Fact Sheet as PDF…", "Print All Parks…",
                                     "Export All Parks as PDF…", "Restore from Backup…", "Quit"]
    assert _menu(window, "Edit") == ["Undo", "Redo", "Copy", "Copy All Contacts of This Park",
                                     "Find", "Edit Record…", "Add to Directory…", "Add Contact…",
                                     "Note…", "Mark Figures Outdated…", "Hide", "History…"]
    assert "About parkdesk" in _menu(window, "Help")
    assert "Show Toolbar" in _menu(window, "View")


def test_every_menu_action_has_a_shortcut(window: MainWindow) -> None:
    shortcuts = []
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue  # a submenu (View › Language) opens by its & letter
            assert not action.shortcut().isEmpty(), action.text()
            shortcuts.append(action.shortcut().toString())
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert window.window_actions.find.shortcut().toString() == "Ctrl+F"
    assert window.window_actions.print.shortcut().toString() == "Ctrl+P"
    assert window.window_actions.copy.shortcut().toString() == "Ctrl+C"


def test_toolbar_offers_the_common_actions(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in window.toolbar.actions() if not a.isSeparator()]
    for expected in ("Find", "Copy", "Print Fact Sheet…", "Export…", "Open Database…"):
        assert expected in texts


def test_the_window_is_built_with_the_intended_enum_values(window: MainWindow) -> None:
    # (set by name on the start-up path: see enum_properties)
    assert window.left_splitter.orientation() == Qt.Orientation.Vertical
    assert window.main_splitter.orientation() == Qt.Orientation.Horizontal
    assert window.tree_view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert window.db_label.textFormat() == Qt.TextFormat.PlainText
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.window_actions.export.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert window.window_actions.export.shortcut().toString() == "Ctrl+E"
    assert window.window_actions.export.toolTip() == "Export the directory as JSON, vCard or CSV (Ctrl+E)"


def test_an_unknown_enum_key_is_an_error(qtbot) -> None:
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    with pytest.raises(ValueError, match="no value named Sideways"):
        set_enum(splitter, "orientation", "Sideways")
    with pytest.raises(ValueError, match="no enum property"):
        set_enum(splitter, "colour", "Vertical")


def test_icons_load_after_the_window_is_shown(window: MainWindow, qtbot) -> None:
    qtbot.waitUntil(icons.enabled)
    qtbot.waitUntil(lambda: not window.window_actions.find.icon().isNull())
    assert not window.windowIcon().isNull()
    assert not icons.app_icon().isNull()


def test_the_app_icon_comes_right_after_the_first_paint(qtbot, sample_db, tmp_path) -> None:
    QApplication.setWindowIcon(QIcon())  # as in a new process
    window = MainWindow(Directory.open(sample_db), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert window.windowIcon().isNull()
    window.show()
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())
    assert not QApplication.windowIcon().isNull()  # dialogs have it too


def test_settings_are_restored_in_the_next_window(qtbot, sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 520)  # the offscreen screen is 800x600
    first.main_splitter.setSizes([250, 470])
    sizes = first.main_splitter.sizes()
    assert first.select_entity("lighthouse")
    first.zoom_text(2)
    first.close()
    assert path.exists()

    second = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(720, 520)
    assert second.main_splitter.sizes() == sizes
    assert second.current_node().key == "lighthouse"
    qtbot.waitUntil(lambda: "Lighthouse Innovation Centre" in second.detail.toPlainText())
    assert second.zoom_steps == 2


def test_the_restored_selections_page_follows_the_first_paint(qtbot, sample_db, tmp_path) -> None:
    path = tmp_path / "settings.ini"
    Settings(path).set_last_selected("entity:lighthouse")
    window = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(window)
    # Selected at once (fact sheets and copying use it), but the page is not made yet: the
    # window is painted first with a blank pane.
    assert window.current_node().key == "lighthouse"
    assert window.selected_entity_id() == "lighthouse"
    assert window.detail.page_pending and window.detail.toPlainText() == ""
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.detail.page_pending)
    assert "Lighthouse Innovation Centre" in window.detail.toPlainText()


def test_choosing_another_item_before_the_first_paint_shows_its_page_at_once(
        qtbot, sample_db, tmp_path) -> None:
    window = MainWindow(Directory.open(sample_db), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.detail.page_pending  # the zone's page waits for the first paint
    assert window.select_entity("andao")
    assert not window.detail.page_pending
    assert "Andao Test Devices Co., Ltd." in window.detail.toPlainText()


def test_a_selected_contact_is_restored_too(qtbot, sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(first)
    assert first.select_contact("c-committee-2")
    first.close()
    second = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(second)
    assert second.current_node().key == "c-committee-2"


def test_a_vanished_selection_falls_back_to_the_zone(qtbot, sample_db, tmp_path) -> None:
    path = tmp_path / "settings.ini"
    Settings(path).set_last_selected("entity:gone")
    window = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(window)
    assert window.current_node().key == "zone"


def test_geometry_is_kept_per_qt_version(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.qsettings.setValue("window/geometry-qt0.1", b"old")
    assert settings.geometry() is None


def test_about_shows_version_build_date_and_article_count(window: MainWindow) -> None:
    answers = answer_next_dialog()
    window.window_actions.about.trigger()
    text = answers[0]["text"]
    assert "parkdesk 0." in text
    assert "Built: 2026-01-01T00:00:00" in text
    assert "Source articles: 2" in text


def test_selected_entity_id_for_fact_sheets(window: MainWindow) -> None:
    window.select_entity("park-shunde")
    assert window.selected_entity_id() == "park-shunde"
    window.select_contact("c-committee-1")
    assert window.selected_entity_id() == "committee"
    window.tree_view.setCurrentIndex(window.tree_view.currentIndex().parent())
    assert window.selected_entity_id() == "zone"


def test_open_database_switches_to_the_new_file(window: MainWindow, tmp_path: Path) -> None:
    bundle = sample_bundle()
    bundle.entities[0].name = "Another Zone"
    other = tmp_path / "other.db"
    write_bundle(bundle, other, {"built_at": "2026-02-02"})
    answer_file_dialog(other)
    window.choose_database()
    assert window.directory.path == other
    assert window.model.index(0, 0).data() == "Another Zone"
    assert window.windowTitle() == "parkdesk — other.db"
    window.search.field.setText("another")
    window.search.run_search()
    assert [h.entity_id for h in window.search.hits()] == ["zone"]


def test_text_zoom_has_limits(window: MainWindow) -> None:
    for _ in range(20):
        window.window_actions.zoom_in.trigger()
    assert window.zoom_steps == 8
    window.window_actions.zoom_reset.trigger()
    assert window.zoom_steps == 0


def test_every_action_is_reachable_by_keyboard(window: MainWindow) -> None:
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator()
               and a.parent() is window]
    assert actions
    for action in actions:
        assert not action.shortcut().isEmpty(), action.text()
