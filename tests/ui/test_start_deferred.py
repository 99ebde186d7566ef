"""What the app's start leaves until its window's first paint still happens, right after it:
the user store's start-up backup (and a failure of it reaches the user)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from parkdesk.core.db import backups as bk
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from parkdesk.ui import launch


def _store_changed_since_its_backup(sample_db: Path, store: Path) -> None:
    data = open_user_data(sample_db, store)
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])  # the day's backup
    data.record("Hide", [ch.hide("entity", "pan")])  # the same day: none
    data.close()
    assert [b.changes for b in bk.backups(store)] == [1]


def test_the_start_backup_is_made_right_after_the_first_paint(
        qtbot, sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "data" / "userstore.db"
    _store_changed_since_its_backup(sample_db, store)
    window = launch.start(sample_db, tmp_path / "s.ini", user_store=store)
    assert window is not None
    qtbot.addWidget(window)
    assert [b.changes for b in bk.backups(store)] == [1]  # not before the window is on screen
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        pass
    assert sorted(b.changes for b in bk.backups(store)) == [1, 2]  # (same second: any order)


def test_a_start_backup_that_fails_is_said_to_the_user(
        qtbot, sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "data" / "userstore.db"
    _store_changed_since_its_backup(sample_db, store)
    folder = bk.backup_folder(store)
    shutil.rmtree(folder)
    folder.write_text("not a folder")  # the backup cannot be written
    window = launch.start(sample_db, tmp_path / "s.ini", user_store=store)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "storeMessagesBox") is not None,
                    timeout=10_000)
    box = window.findChild(QMessageBox, "storeMessagesBox")
    assert "No backup was made" in box.text()
    assert window.user_data.editable  # the store itself is open and usable
