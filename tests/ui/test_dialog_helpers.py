"""The test helpers that answer dialogs: they answer theirs, and give up instead of hanging."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from tests.ui.conftest import answer_file_dialog, answer_next_dialog


def test_a_message_box_is_answered_and_recorded(qtbot) -> None:
    seen = answer_next_dialog("&No")
    reply = QMessageBox.question(None, "Replace file?", "Replace it?")
    assert reply == QMessageBox.StandardButton.No
    assert seen[0]["title"] == "Replace file?" and seen[0]["text"] == "Replace it?"


def test_a_dialog_that_never_comes_fails_the_test(qtbot) -> None:
    with qtbot.captureExceptions() as exceptions:
        seen = answer_next_dialog(timeout_s=0.2)
        qtbot.waitUntil(lambda: bool(exceptions), timeout=5000)
    assert seen == []
    assert str(exceptions[0][1]) == "no QMessageBox appeared within 0.2 s"


def test_another_dialog_in_the_way_is_closed_when_it_gives_up(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    with qtbot.captureExceptions() as exceptions:
        files = answer_file_dialog(None, timeout_s=0.2)
        result = dialog.exec()  # no file dialog comes: without the bound this waits for ever
    assert result == QDialog.DialogCode.Rejected and files == []
    assert str(exceptions[0][1]) == "no QFileDialog appeared within 0.2 s"
