"""File › Export in the background: a progress bar that moves, a Cancel that stops the worker
and leaves no file, and the user's own entries in what the app writes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QPushButton

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.scope import EVERYTHING
from parkdesk.ui.export_dialog import EVERYTHING_CHOICE, ExportChoice, start_export


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, synth_10k: Path,
                                                    tmp_path: Path) -> None:
    window = _window(qtbot)
    directory = Directory.open(synth_10k)
    try:
        total = directory.con.execute("SELECT count(*) FROM entities").fetchone()[0]
        target = tmp_path / "everything.json"
        op = start_export(window, directory, ExportChoice(EVERYTHING_CHOICE, EVERYTHING, "json",
                                                          target))
        qtbot.waitUntil(lambda: op.progress_dialog is not None
                        and op.progress_dialog.value() > 0, timeout=60_000)
        progress = op.progress_dialog
        assert progress is not None and progress.maximum() == total  # real progress, of all
        button = progress.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        with qtbot.waitSignal(op.finished, timeout=60_000):
            button.click()
        assert op.task.cancelled()
        assert list(tmp_path.iterdir()) == []  # no file, no temporary file
        assert window.statusBar().currentMessage() == "Export cancelled; no file written."
    finally:
        directory.close()


def test_the_apps_export_shows_the_users_entries(qtbot, sample_db: Path, tmp_path: Path) -> None:
    from parkdesk.core.userstore import changes as ch
    from parkdesk.core.userstore.session import open_user_data

    data = open_user_data(sample_db, tmp_path / "u.db")
    person = ch.add_entity("person", "Lin Fairmet", "park-shunde")
    data.record("Person", [person])
    data.record("Phone", [ch.add_contact(person["id"], "phone", "Office", "0757-22223333 ext. 808")])
    window = _window(qtbot)
    target = tmp_path / "all.vcf"
    try:
        assert data.store is not None
        op = start_export(window, data.directory,
                          ExportChoice(EVERYTHING_CHOICE, EVERYTHING, "vcard", target),
                          data.store.path)
        with qtbot.waitSignal(op.finished, timeout=60_000):
            pass
    finally:
        data.close()
    text = target.read_text(encoding="utf-8")
    assert "FN:Lin Fairmet" in text and "+86 757 2222 3333 ext. 808" in text
    assert window.statusBar().currentMessage().startswith(f"Exported the whole directory to {target}")
