"""The last selection is remembered without a settings write per select: kept in memory, written
when the user pauses, at sync() and when the window closes."""

from __future__ import annotations

from pathlib import Path

from parkdesk.core.db.directory import Directory
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings


def _stored(path: Path) -> str:
    return Settings(path).last_selected()  # a second reader: what QSettings holds, not our memory


def test_a_select_is_kept_at_once_and_written_when_the_user_pauses(
        qtbot, window: MainWindow, settings_path: Path) -> None:
    window.settings.sync()
    assert window.select_entity("andao")
    assert window.settings.last_selected() == "entity:andao"  # the window knows it at once
    assert window.settings.selection_pending()
    assert _stored(settings_path) != "entity:andao"  # no write in the select itself
    qtbot.waitUntil(lambda: not window.settings.selection_pending(), timeout=10_000)
    assert _stored(settings_path) == "entity:andao"


def test_quick_selects_write_only_the_last(qtbot, window: MainWindow, settings_path: Path) -> None:
    assert window.select_entity("andao")
    assert window.select_contact("c-committee-2")
    assert window.select_entity("lighthouse")
    qtbot.waitUntil(lambda: not window.settings.selection_pending(), timeout=10_000)
    assert _stored(settings_path) == "entity:lighthouse"


def test_sync_writes_a_kept_selection(window: MainWindow, settings_path: Path) -> None:
    assert window.select_contact("c-committee-2")
    window.settings.sync()
    assert not window.settings.selection_pending()
    assert _stored(settings_path) == "contact:c-committee-2"


def test_a_kept_selection_is_restored_after_closing(qtbot, sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(first)
    assert first.select_entity("andao")
    assert first.settings.selection_pending()
    first.close()
    second = MainWindow(Directory.open(sample_db), Settings(path))
    qtbot.addWidget(second)
    assert second.current_node().key == "andao"


def test_an_explicit_set_replaces_a_kept_selection(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.remember_selection("entity:andao")
    settings.set_last_selected("entity:lighthouse")
    assert not settings.selection_pending()
    settings.sync()
    assert _stored(tmp_path / "s.ini") == "entity:lighthouse"
