"""View › Compare Parks over the bundled directory: the five parks side by side, "not
published" for empty cells, CSV export, a printable (PDF) comparison."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from parkdesk.core.compare import NOT_PUBLISHED
from parkdesk.core.db.directory import Directory
from parkdesk.ui.compare_view import CompareDialog
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.ui.conftest import answer_file_dialog

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "parks.db"
PARKS = ["Chancheng Park", "Gaoming Park", "Nanhai Park", "Sanshui Park", "Shunde Park"]


@pytest.fixture
def bundled_window(qtbot, tmp_path: Path) -> MainWindow:
    copy = tmp_path / "parks.db"
    shutil.copy(BUNDLED, copy)
    w = MainWindow(Directory.open(copy), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dialog(window: MainWindow, qtbot) -> CompareDialog:
    window.window_actions.compare.trigger()
    qtbot.waitUntil(lambda: window.findChild(CompareDialog) is not None)
    dialog = window.findChild(CompareDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _cell(dialog: CompareDialog, label: str, park: str) -> str:
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.verticalHeaderItem(r).text() == label)
    column = PARKS.index(park)
    return table.item(row, column).text()


def test_compare_parks_is_in_the_view_menu(bundled_window) -> None:
    assert bundled_window.window_actions.compare in bundled_window.window_actions.view_menu.actions()


def test_the_parks_side_by_side(bundled_window, qtbot) -> None:
    dialog = _dialog(bundled_window, qtbot)
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == PARKS
    assert _cell(dialog, "Phone", "Shunde Park") == "0757 2636 3972"
    assert _cell(dialog, "Number of projects and carriers", "Nanhai Park") == "2"
    assert _cell(dialog, "Address", "Gaoming Park") == NOT_PUBLISHED
    projects = [table.item(table.rowCount() - 1, c).text() for c in range(5)]
    assert "over 1.65 billion yuan (expected)" in projects[PARKS.index("Sanshui Park")]
    assert projects[PARKS.index("Chancheng Park")] == NOT_PUBLISHED
    empty = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(5)]
    assert "" not in empty  # no blank cell: "not published"


def test_the_comparison_exports_as_csv(bundled_window, qtbot, tmp_path: Path) -> None:
    dialog = _dialog(bundled_window, qtbot)
    out = tmp_path / "parks.csv"
    answer_file_dialog(out)
    dialog.csv_button.click()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Section", "Row", *PARKS]
    phone = next(r for r in rows if r[1] == "Phone")
    assert phone[2:] == ["0757 8221 0575", "0757 8888 1609", "0757 8631 6675",
                         "0757 8738 8225", "0757 2636 3972"]
    assert all(cell for row in rows for cell in row)


def test_the_comparison_prints(bundled_window, qtbot, tmp_path: Path) -> None:
    dialog = _dialog(bundled_window, qtbot)
    out = tmp_path / "compare.pdf"
    dialog.write_pdf(out)
    reader = PdfReader(out)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (*PARKS, "0757 8631 6675", NOT_PUBLISHED, "The parks compared"):
        assert expected in text
    QApplication.processEvents()
