"""Fact sheets in the app: Ctrl+P previews the selected park, File › Export writes its PDF."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QLabel

from parkdesk.ui import printing
from parkdesk.ui.printing import (
    NO_PRINTER,
    FactSheetPreview,
    export_all_pdf,
    export_pdf,
    print_preview,
    print_preview_all,
)
from tests.ui.conftest import answer_file_dialog, answer_next_dialog


def when_preview_opens(check: Callable[[FactSheetPreview], None]) -> list[dict]:
    """Arrange for the next preview dialog to be checked, then closed; returns what was seen.

    A timer looks for the dialog once its own event loop runs, so nothing blocks or sleeps.
    """
    seen: list[dict] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FactSheetPreview) or not dialog.isVisible():
            QTimer.singleShot(10, look)
            return
        preview = dialog.findChild(QPrintPreviewWidget)
        seen.append({"title": dialog.windowTitle(), "pages": preview.pageCount(),
                     "sheets": [s.title for s in dialog.sheets]})
        try:
            check(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def test_ctrl_p_previews_the_selected_park(qtbot, window) -> None:
    assert window.select_entity("lighthouse")  # a project in Shunde Park
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    notes: list[str] = []

    def check(dialog: FactSheetPreview) -> None:
        note = dialog.findChild(QLabel, "no_printer_note")
        if not dialog.has_printer:
            notes.append(note.text())
            assert note.isVisible()

    seen = when_preview_opens(check)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen == [{"title": "Fact sheet preview — Shunde Park", "pages": 1,
                     "sheets": ["Shunde Park"]}]
    if not printing.printers_available():
        assert notes == [NO_PRINTER]
    assert window.isVisible()  # the app goes on


def test_the_preview_switches_to_all_parks(qtbot, directory) -> None:
    counts: list[int] = []

    def check(dialog: FactSheetPreview) -> None:
        preview = dialog.findChild(QPrintPreviewWidget)
        dialog.all_parks_action.trigger()
        counts.append(preview.pageCount())
        assert dialog.windowTitle() == "Fact sheet preview — All parks"
        dialog.all_parks_action.trigger()
        counts.append(preview.pageCount())

    seen = when_preview_opens(check)
    print_preview(None, directory, "park-gaoming")
    assert seen[0]["sheets"] == ["Gaoming Park"]
    assert counts == [6, 1]


def test_all_parks_preview(qtbot, directory) -> None:
    seen = when_preview_opens(lambda dialog: None)
    print_preview_all(None, directory)
    assert seen[0]["sheets"] == ["Test High-tech Zone", "Chancheng Park", "Gaoming Park",
                                 "Nanhai Park", "Sanshui Park", "Shunde Park"]
    assert seen[0]["pages"] == 6


def test_export_from_the_menu_asks_for_a_file(qtbot, window, tmp_path: Path) -> None:
    assert window.select_entity("andao")
    target = tmp_path / "andao-sheet.pdf"
    titles = answer_file_dialog(target)
    window.window_actions.pdf.trigger()
    assert titles == ["Export fact sheet as PDF"]
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Saved {target}")
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert " ".join(reader.pages[0].extract_text().split()).startswith("Shunde Park Shunde")


def test_a_cancelled_export_writes_nothing(qtbot, directory, tmp_path: Path) -> None:
    answer_file_dialog(None)
    assert export_pdf(None, directory, "zone") is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_export_error_is_a_message_and_the_app_goes_on(qtbot, window, tmp_path) -> None:
    boxes = answer_next_dialog()
    target = tmp_path / "no such folder" / "zone.pdf"
    op = export_pdf(window, window.directory, None, target)
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert len(boxes) == 1
    assert "does not exist" in boxes[0]["text"]
    assert not target.parent.exists()
    assert window.isVisible()


def test_export_all_parks(qtbot, directory, tmp_path: Path) -> None:
    target = tmp_path / "all.pdf"
    threads: list[str] = []
    original = printing.write_pdf

    def spy(sheets, path):
        threads.append(threading.current_thread().name)
        return original(sheets, path)

    printing.write_pdf = spy
    try:
        op = export_all_pdf(None, directory, target)
        assert op is not None and op.running  # the call returns before the file is written
        with qtbot.waitSignal(op.finished, timeout=30_000):
            pass
    finally:
        printing.write_pdf = original
    assert threads and threads[0] != threading.main_thread().name  # painted off the UI thread
    pages = PdfReader(target).pages
    assert len(pages) == 6
    assert " ".join(pages[5].extract_text().split()).startswith("Shunde Park Shunde")


def test_file_menu_prints_all_parks(qtbot, window) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.window_actions.print_all in file_menu.actions()
    assert window.window_actions.pdf_all in file_menu.actions()
    seen = when_preview_opens(lambda dialog: None)
    window.window_actions.print_all.trigger()
    assert seen[0]["sheets"][0] == "Test High-tech Zone"
    assert len(seen[0]["sheets"]) == 6


def test_file_menu_exports_all_parks(qtbot, window, tmp_path: Path) -> None:
    target = tmp_path / "all.pdf"
    answer_file_dialog(target)
    window.window_actions.pdf_all.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Saved {target}",
                    timeout=30_000)
    assert len(PdfReader(target).pages) == 6


def test_a_saved_sheet_holds_the_users_own_entries(qtbot, sample_db: Path, tmp_path: Path) -> None:
    """File › Export Fact Sheet as PDF works on the directory as the user sees it, like the
    preview: a person the user added under Shunde Park is on the saved sheet."""
    from parkdesk.core.userstore import changes as ch
    from parkdesk.core.userstore.session import open_user_data

    data = open_user_data(sample_db, tmp_path / "u.db")
    person = ch.add_entity("person", "Lin Fairmet", "park-shunde")
    data.record("Person", [person])
    target = tmp_path / "shunde.pdf"
    try:
        assert data.store is not None
        op = export_pdf(None, data.directory, "park-shunde", target, user_store=data.store.path)
        assert op is not None
        with qtbot.waitSignal(op.finished, timeout=60_000):
            pass
    finally:
        data.close()
    words = " ".join(page.extract_text() for page in PdfReader(target).pages).split()
    assert "Fairmet" in words, words
