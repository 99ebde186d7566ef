"""Tooltips show database text literally: a name that looks like HTML is never rendered as HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import Citation, Entity
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from parkdesk.ui.tooltips import plain_tooltip
from tests.sample_data import sample_bundle

HOSTILE = '<img src="file:///etc/passwd"> <b>Hostile</b> & Co'
TIP = Qt.ItemDataRole.ToolTipRole


def _shown(tip: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like HTML."""
    assert "<img" not in tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_tree_and_search_tooltips_show_names_literally(qtbot, tmp_path: Path) -> None:
    bundle = sample_bundle()
    bundle.entities.append(
        Entity("hostile", "enterprise", HOSTILE, "park-shunde",
               sources=[Citation("a1", 1, 0, 7, "Hostile")])
    )
    path = tmp_path / "hostile.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01"})
    window = MainWindow(Directory.open(path), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.select_entity("hostile")
    tree_tip = window.tree_view.currentIndex().data(TIP)
    assert "&lt;img" in tree_tip
    assert _shown(tree_tip) == f"{HOSTILE}\nEnterprise"
    window.search.field.setText("hostile")
    window.search.run_search()
    search_tip = window.search.model.index(0).data(TIP)
    assert "&lt;img" in search_tip
    assert _shown(search_tip) == f"Enterprise: {HOSTILE}\nShunde Park"


def test_plain_tooltips_keep_ordinary_text() -> None:
    assert _shown(plain_tooltip("Shunde Park\nPark")) == "Shunde Park\nPark"
    assert plain_tooltip("") == ""
