"""Editing in the app: dialogs, one undo stack over the user store, History, backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from parkdesk.core.db import backups as bk
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from parkdesk.ui.edit_dialogs import (
    AddRecordDialog,
    ContactDialog,
    EditRecordDialog,
    NoteDialog,
    OutdatedFiguresDialog,
)
from parkdesk.ui.history_view import RestoreBackupDialog
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.core.userstore_helpers import fingerprint, sha256
from tests.ui.conftest import _when_shown

OK = QDialogButtonBox.StandardButton.Ok


def _window(qtbot, db: Path, store: Path, settings_path: Path) -> MainWindow:
    data = open_user_data(db, store)
    w = MainWindow(data.directory, Settings(settings_path), data)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.detail.page_pending)
    return w


def _fill(kind: type, fill) -> list:
    """Answer the next `kind` dialog: `fill(dialog)`, then OK; returns the errors it showed."""
    errors: list = []

    def act(dialog) -> None:
        fill(dialog)
        dialog.buttons.button(OK).click()
        if dialog.isVisible():  # refused: note the sentence, then cancel
            errors.append(dialog.error.text())
            dialog.reject()

    _when_shown(kind, act, 10.0)
    return errors


def _phone(dialog: ContactDialog, number: str = "0757 8631 6675") -> None:
    dialog.value.setText(number)


def _person(qtbot):
    def fill(dialog: AddRecordDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
        qtbot.keyClicks(dialog.name, "Lin Fairmet")
        dialog.title.setText("Sales Manager")
        dialog.org.setCurrentIndex(dialog.org.findData("andao"))
    return fill


def test_edit_add_note_hide_undo_redo_and_restart(qtbot, sample_db: Path, tmp_path: Path,
                                                  settings_path: Path) -> None:
    store = tmp_path / "user" / "userstore.db"
    bundled = sha256(sample_db)
    w = _window(qtbot, sample_db, store, settings_path)
    start = fingerprint(w.directory)

    assert w.select_contact("c-shunde")
    _fill(ContactDialog, _phone)
    w.edit_actions.edit_record_action.trigger()
    assert w.directory.contact("c-shunde").national == "0757 8631 6675"
    page = w.detail.toPlainText()
    assert "0757 8631 6675 — entered by you" in page
    assert "In the article: 0757 2636 3972" in page  # the article's value stays, cited

    assert w.select_entity("park-shunde")
    _fill(AddRecordDialog, _person(qtbot))
    w.edit_actions.add_record_action.trigger()
    person = w.current_node()
    assert person is not None and person.label == "Lin Fairmet"
    assert "Entered by you" in w.detail.toPlainText()
    assert "Sales Manager" in w.detail.toPlainText()
    assert [h.name for h in w.directory.search("Fairmet")][0] == "Lin Fairmet"

    assert w.select_entity("andao")
    _fill(NoteDialog, lambda d: d.text.setPlainText("Met them at the spring fair."))
    w.edit_actions.note_action.trigger()
    assert "Met them at the spring fair." in w.detail.toPlainText()

    assert w.select_entity("pan")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.tree_view.setFocus()
    qtbot.keyClick(w.tree_view, Qt.Key.Key_Delete)  # Delete in the tree hides
    assert w.directory.entity("pan") is None
    assert w.tree.path_to("pan") == []

    assert w.edit_actions.undo_action.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Undo)
    for _ in range(3):
        w.edit_actions.undo_action.trigger()
    assert w.directory.entity("pan") is not None
    assert w.directory.search("Fairmet") == []
    assert w.directory.contact("c-shunde").national == "0757 8631 6675"
    for _ in range(2):
        w.edit_actions.redo_action.trigger()
    assert w.directory.search("Fairmet") != []
    assert w.directory.layer.note("entity", "andao") is not None
    assert w.directory.entity("pan") is not None  # the hide stays undone
    shown = fingerprint(w.directory)
    assert shown != start
    w.close()

    again = _window(qtbot, sample_db, store, settings_path)  # a restart finds it all
    assert fingerprint(again.directory) == shown
    states = [c.state for c in again.user_data.changes()]
    assert states == [ch.ACTIVE, ch.ACTIVE, ch.ACTIVE, ch.UNDONE]
    again.close()
    assert sha256(sample_db) == bundled


def test_an_invalid_number_is_refused_in_the_dialog(qtbot, sample_db: Path, tmp_path: Path,
                                                    settings_path: Path) -> None:
    w = _window(qtbot, sample_db, tmp_path / "u.db", settings_path)
    assert w.select_entity("andao")
    errors = _fill(ContactDialog, lambda d: _phone(d, "0757-12"))
    w.edit_actions.add_contact_action.trigger()
    assert errors and "is not a valid phone number" in errors[0]
    assert w.user_data.changes() == []


def test_editing_a_name_shows_the_articles_name_under_it(qtbot, sample_db: Path, tmp_path: Path,
                                                         settings_path: Path) -> None:
    w = _window(qtbot, sample_db, tmp_path / "u.db", settings_path)
    assert w.select_entity("andao")

    def rename(d: EditRecordDialog) -> None:
        d.name.setText("Andao Devices")
        d.park.setCurrentIndex(d.park.findData("park-nanhai"))

    _fill(EditRecordDialog, rename)
    w.edit_actions.edit_record_action.trigger()
    page = w.detail.toPlainText()
    assert page.startswith("Enterprise\nAndao Devices")
    assert "In the articles: Andao Test Devices Co., Ltd." in page
    assert w.directory.park_of("andao").id == "park-nanhai"
    assert [n.key for n in w.tree.path_to("andao")][:3] == ["zone", "park-nanhai",
                                                             "park-nanhai/organisations"]
    assert w.user_data.changes()[0].summary == "Edited Andao Test Devices Co., Ltd.: name, park"


def test_outdated_figures_are_marked_not_removed(qtbot, sample_db: Path, tmp_path: Path,
                                                 settings_path: Path) -> None:
    w = _window(qtbot, sample_db, tmp_path / "u.db", settings_path)
    assert w.select_entity("lighthouse")
    _fill(OutdatedFiguresDialog, lambda d: d.list.item(0).setCheckState(Qt.CheckState.Checked))
    w.edit_actions.outdated_action.trigger()
    page = w.detail.toPlainText()
    assert "530 million yuan" in page and "outdated — marked by you" in page


def test_history_reverts_any_change_across_restarts(qtbot, sample_db: Path, tmp_path: Path,
                                                    settings_path: Path) -> None:
    store = tmp_path / "u.db"
    data = open_user_data(sample_db, store)
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    data.record("Describe", [ch.set_field("andao", "description", "Makes test devices.")])
    data.close()
    w = _window(qtbot, sample_db, store, settings_path)
    w.edit_actions.history_action.trigger()
    history = w.edit_actions.history_dialog
    qtbot.waitExposed(history)
    assert [history.list.topLevelItem(i).text(1) for i in range(2)] == ["Describe", "Rename"]
    history.list.setCurrentItem(history.list.topLevelItem(1))  # the older one
    history.revert_button.click()
    assert w.directory.entity("andao").name == "Andao Test Devices Co., Ltd."
    assert w.directory.entity("andao").description == "Makes test devices."
    assert history.list.topLevelItem(1).text(2).startswith("reverted")
    w.edit_actions.undo_action.trigger()  # reverting is undoable too
    assert w.directory.entity("andao").name == "Andao One"
    history.list.setCurrentItem(history.list.topLevelItem(1))
    history.revert_button.click()
    w.close()
    again = _window(qtbot, sample_db, store, settings_path)
    assert again.directory.entity("andao").name == "Andao Test Devices Co., Ltd."
    again.close()


def test_restore_from_backup(qtbot, sample_db: Path, tmp_path: Path, settings_path: Path) -> None:
    store = tmp_path / "u.db"
    w = _window(qtbot, sample_db, store, settings_path)
    w.edits.make("Rename", [ch.set_field("andao", "name", "Andao One")])  # the day's backup
    w.edits.make("Hide", [ch.hide("entity", "pan")])
    assert len(bk.backups(store)) == 1

    def pick_oldest(dialog: RestoreBackupDialog) -> None:
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        dialog.restore_button.click()

    _when_shown(RestoreBackupDialog, pick_oldest, 10.0)
    w.edit_actions.restore_action.trigger()
    assert w.directory.entity("pan") is not None
    assert w.directory.entity("andao").name == "Andao One"
    assert len(bk.backups(store)) == 2  # what was there was backed up first
    assert not w.edit_actions.undo_action.isEnabled()


def test_a_store_that_cannot_be_written_leaves_editing_off(qtbot, sample_db: Path, tmp_path: Path,
                                                           settings_path: Path) -> None:
    store = tmp_path / "u.db"
    data = open_user_data(sample_db, store)
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    data.close()
    data = open_user_data(sample_db, store, read_only=True)
    w = MainWindow(data.directory, Settings(settings_path), data)
    qtbot.addWidget(w)
    assert w.directory.entity("andao").name == "Andao One"  # the changes are shown
    assert not w.edit_actions.edit_record_action.isEnabled() and not w.edit_actions.hide_action.isEnabled()
    assert "cannot be saved" in w.edit_actions.edit_record_action.toolTip()


def test_a_refused_save_says_so_and_changes_nothing(qtbot, sample_db: Path, tmp_path: Path,
                                                    settings_path: Path) -> None:
    from tests.ui.conftest import answer_next_dialog

    w = _window(qtbot, sample_db, tmp_path / "u.db", settings_path)
    con = w.user_data.store.con
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    shown = fingerprint(w.directory)
    seen = answer_next_dialog("OK")
    assert w.edits.make("Long note", [ch.set_note("entity", "zone", "x" * 19000)]) is None
    qtbot.waitUntil(lambda: bool(seen))
    assert "Your change was not saved: the disk holding" in seen[0]["text"]
    assert fingerprint(w.directory) == shown
    assert not w.edit_actions.undo_action.isEnabled()
