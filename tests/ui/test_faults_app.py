"""Faults in the app: a database in a folder the user cannot enter gets the error dialog at
start; a database another program locks never raises, and the pane stays with the selection."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex

from parkdesk.core.db.connect import UI_BUSY_TIMEOUT
from parkdesk.core.db.directory import Directory
from parkdesk.ui.detail_pane import RETRY_HREF
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.other_programs import as_plain_user, locked_by_another_program, shut

# The app started on a database, its first dialog answered "Quit" and described as JSON.
_START_APP = """
import json, sys
from tests.ui.conftest import answer_next_dialog
from parkdesk.ui import launch
launch.application()
answers = answer_next_dialog("Quit")
code = launch.launch(sys.argv[1])
print(json.dumps({"code": code, "answers": answers}))
"""


def test_the_app_at_start_in_a_folder_the_user_cannot_enter(sample_db: Path,
                                                             tmp_path: Path) -> None:
    folder = tmp_path / "private"
    folder.mkdir()
    shutil.copy(sample_db, folder / "parks.db")
    shut(folder)
    run = as_plain_user([sys.executable, "-c", _START_APP, str(folder / "parks.db")])
    assert "Traceback" not in run.stderr, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    [dialog] = result["answers"]
    assert "permission" in dialog["text"]
    assert "Ask for access, or choose another database." in dialog["informative"]


def _window(qtbot, db: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(Directory.open(db, timeout=UI_BUSY_TIMEOUT), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.detail.page_pending)
    return window


def _row(window: MainWindow, label: str, parent: QModelIndex) -> QModelIndex:
    model = window.model
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        node = model.node(index)
        if node is not None and node.label == label:
            return index
    raise AssertionError(f"no row {label!r}")


def test_the_app_waits_only_briefly_for_a_lock(sample_db: Path) -> None:
    directory = Directory.open(sample_db, timeout=UI_BUSY_TIMEOUT)
    try:
        waits_ms = directory.con.execute("PRAGMA busy_timeout").fetchone()[0]
    finally:
        directory.close()
    assert waits_ms == int(UI_BUSY_TIMEOUT * 1000) and waits_ms <= 200


def test_a_click_while_locked_says_so_and_the_pane_stays_with_the_selection(
    qtbot, sample_db: Path, tmp_path: Path,
) -> None:
    window = _window(qtbot, sample_db, tmp_path)
    zone = window.model.index(0, 0)
    window.tree_view.expand(zone)
    shunde = _row(window, "Shunde Park", zone)
    with locked_by_another_program(sample_db):
        window.tree_view.setCurrentIndex(shunde)  # raises nothing (pytest-qt would fail us)
        assert window.current_node() is not None and window.current_node().label == "Shunde Park"
        text = window.detail.toPlainText()
        assert "is locked by another program; try again" in text
        assert "Try again" in text
        assert "locked by another program" in window.statusBar().currentMessage()
        window.search.field.setText("Andao")
        window.search.run_search()
        assert "locked by another program" in window.search.status.text()
    window.detail.activate_link(RETRY_HREF)  # the lock is gone: the page of the selection
    assert "Shunde Park" in window.detail.toPlainText()
    assert "locked" not in window.detail.toPlainText()
