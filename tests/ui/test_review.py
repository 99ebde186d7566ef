"""Reviewing imported articles in the app: import a text file and a saved page, decide their
findings with the keyboard, undo, restart; the results in the tree, search and sources."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from parkdesk.core.userstore.session import open_user_data
from parkdesk.ui import article_import
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.review_dialogs import AttachDialog, NewRecordDialog
from parkdesk.ui.settings import Settings
from tests.core.userstore_helpers import sha256
from tests.ui.conftest import _when_shown

OK = QDialogButtonBox.StandardButton.Ok

# Our own short articles about the sample directory's records (tests/sample_data.py).
NOTE = """Shunde Park welcomes a robotics maker

2025-03-14

Kestrel Motion Systems Co., Ltd. signed an agreement with Shunde Park on March 10, investing 1.2 billion yuan in a new plant.

The Beacon Innovation Centre will host the company's research team of 80 engineers.

Visitors can call the park office at 0757-26363972.
"""
PAGE = """<html><head><title>Nanhai Park opens a test lab</title>
<meta property="article:published_time" content="2025-04-02"></head>
<body><nav>Home | News</nav><article><h1>Nanhai Park opens a test lab</h1>
<p>Nanhai Park opened the Harbour Materials Testing Laboratory on April 1, a project of 300 million yuan.</p>
<p>The Management Committee said the laboratory covers 12,000 square meters.</p></article>
<footer>Copyright 2025</footer></body></html>
"""


def write_articles(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    note, page = folder / "note.txt", folder / "page.html"
    note.write_text(NOTE, encoding="utf-8")
    page.write_text(PAGE, encoding="utf-8")
    return note, page


def _window(qtbot, db: Path, store: Path, settings: Path) -> MainWindow:
    data = open_user_data(db, store)
    w = MainWindow(data.directory, Settings(settings), data)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.detail.page_pending)
    return w


def _import(qtbot, w: MainWindow, paths: list[Path]) -> None:
    article_import.import_files(w, paths)
    qtbot.waitUntil(lambda: w.last_import is not None and not w.last_import.running, timeout=20_000)


def _answer(kind: type, fill) -> None:
    def act(dialog) -> None:
        fill(dialog)
        dialog.buttons.button(OK).click()
    _when_shown(kind, act, 10.0)


def _current(w: MainWindow) -> dict:
    assert w.review_panel is not None
    f = w.review_panel.current_finding()
    assert f is not None
    return f


def _go_to(qtbot, w: MainWindow, text: str) -> dict:
    """Tab through the pending findings to the one with this text."""
    for _ in range(20):
        if _current(w)["text"] == text:
            return _current(w)
        qtbot.keyClick(w.review_panel.findings, Qt.Key.Key_Tab)
    raise AssertionError(f"{text!r} is not pending")


def _tree_labels(w: MainWindow) -> list[str]:
    return [w.model.index(r, 0).data() for r in range(w.model.rowCount())]


def test_import_review_undo_restart(qtbot, sample_db: Path, tmp_path: Path,
                                    settings_path: Path) -> None:
    bundled = sha256(sample_db)
    store = tmp_path / "user" / "userstore.db"
    note, page = write_articles(tmp_path / "articles")
    w = _window(qtbot, sample_db, store, settings_path)

    _import(qtbot, w, [note, page])
    assert "To review (13)" in _tree_labels(w)
    panel = w.review_panel
    assert panel is not None and panel.article_id == "note"
    assert panel.findings.hasFocus()
    assert "Kestrel Motion Systems" in panel.text.toPlainText()
    assert panel.findings.count() == 7

    # Enter on a finding with a proposed record accepts the link.
    shunde = _go_to(qtbot, w, "Shunde Park")
    qtbot.keyClick(panel.findings, Qt.Key.Key_Return)
    decided = w.directory.layer.decisions[shunde["id"]]
    assert (decided.decision, decided.record_id) == ("attached", "park-shunde")
    assert _current(w)["text"] == "March 10"  # on to the next pending finding

    # F: attach the amount to a record found by search, with its metric.
    _go_to(qtbot, w, "1.2 billion yuan")

    def pick_andao(dialog: AttachDialog) -> None:
        qtbot.keyClicks(dialog.search, "Andao")
        assert dialog.chosen() == "andao"
        dialog.metric_field.setText("Investment")
    _answer(AttachDialog, pick_andao)
    qtbot.keyClick(panel.findings, Qt.Key.Key_F)
    figures = w.directory.figures("andao")
    assert [(f.metric, f.value_text) for f in figures] == [("Investment", "1.2 billion yuan")]

    # Del rejects.
    engineers = _go_to(qtbot, w, "80 engineers")
    qtbot.keyClick(panel.findings, Qt.Key.Key_Delete)
    assert w.directory.layer.decisions[engineers["id"]].decision == "rejected"

    # N: a name as a new record, in the park its paragraph is about.
    _go_to(qtbot, w, "Kestrel Motion Systems Co., Ltd.")

    def as_enterprise(dialog: NewRecordDialog) -> None:
        assert dialog.place.currentData() == "park-shunde"
        dialog.kind.setCurrentIndex(dialog.kind.findData("enterprise"))
    _answer(NewRecordDialog, as_enterprise)
    qtbot.keyClick(panel.findings, Qt.Key.Key_N)
    kestrel = [e for e in w.directory.children("park-shunde") if e.name.startswith("Kestrel")]
    assert len(kestrel) == 1

    # The second article: accept all its proposals at once.
    assert w.select_review("page")
    assert panel.article_id == "page"
    panel.findings.setFocus()
    qtbot.keyClick(panel.findings, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(panel.item.pending) == 1  # only the laboratory, which has no proposal
    assert [f.metric for f in w.directory.figures("park-nanhai")] == ["Date (opened)", "Investment"]

    # Undo twice: all the proposals of the second article, then the new record.
    w.edit_actions.undo_action.trigger()
    assert len(panel.item.pending) == 6
    assert w.directory.figures("park-nanhai") == []
    w.edit_actions.undo_action.trigger()
    assert w.directory.entity(kestrel[0].id) is None
    queue = [(i.article_id, [f["id"] for f in i.pending]) for i in w.user_data.queue()]
    assert "To review (10)" in _tree_labels(w)

    # Restart: the same queue.
    w.close()
    w = _window(qtbot, sample_db, store, settings_path)
    assert [(i.article_id, [f["id"] for f in i.pending]) for i in w.user_data.queue()] == queue
    assert "To review (10)" in _tree_labels(w)
    assert w.select_review("note")
    assert w.review_panel.findings.count() == 7

    # What was accepted is in the tree and search, cited into the user's article.
    assert w.select_entity("andao")
    page_text = w.detail.toPlainText()
    assert "Investment" in page_text and "1.2 billion yuan" in page_text
    assert "reviewed by you" in page_text
    assert "Shunde Park welcomes a robotics maker" in page_text  # the Sources section
    assert w.select_entity("park-shunde")
    assert "Reviewed by you from an imported article" in w.detail.toPlainText()
    sources = w.directory.sources("entity", "park-shunde")
    assert [(s.article.title, s.citation.quote) for s in sources if s.article.id == "note"] == [
        ("Shunde Park welcomes a robotics maker", "Shunde Park")]
    hits = w.directory.search("Shunde")
    assert "park-shunde" in [h.entity_id for h in hits]

    # Re-importing the same text is a no-op that says so.
    changes = w.user_data.store.count()
    _import(qtbot, w, [note])
    assert w.user_data.store.count() == changes
    assert "already in your directory" in w.statusBar().currentMessage()
    assert sha256(sample_db) == bundled


def test_accepted_new_record_in_tree_and_search_with_citation(qtbot, sample_db: Path,
                                                              tmp_path: Path,
                                                              settings_path: Path) -> None:
    store = tmp_path / "userstore.db"
    note, _page = write_articles(tmp_path / "articles")
    w = _window(qtbot, sample_db, store, settings_path)
    _import(qtbot, w, [note])
    _go_to(qtbot, w, "Kestrel Motion Systems Co., Ltd.")
    _answer(NewRecordDialog, lambda dialog: None)
    qtbot.keyClick(w.review_panel.findings, Qt.Key.Key_Return)  # no proposal: a new record
    hit = w.directory.search("Kestrel")[0]
    assert hit.name == "Kestrel Motion Systems Co., Ltd."
    assert w.select_entity(hit.entity_id)
    text = w.detail.toPlainText()
    assert "Entered by you" in text and "Reviewed by you" in text
    assert "Shunde Park welcomes a robotics maker" in text


def test_import_cancelled_imports_nothing(qtbot, sample_db: Path, tmp_path: Path,
                                          settings_path: Path) -> None:
    from parkdesk.ingest.review_import import ReadArticles

    w = _window(qtbot, sample_db, tmp_path / "userstore.db", settings_path)
    messages = article_import.finish_import(w, ReadArticles(cancelled=True))
    assert messages == ["Import cancelled; nothing was imported."]
    assert w.user_data.store.count() == 0


def test_background_work_stops_when_cancel_is_pressed(qtbot, window: MainWindow) -> None:
    from parkdesk.ui.background import BackgroundOp

    results: list[int] = []

    def work() -> int:
        steps = 0
        while op.task.step(steps, 1000, f"step {steps}") and steps < 20_000:
            steps += 1
            time.sleep(0.001)  # (the worker's pace, not the test's)
        return steps

    op: BackgroundOp[int] = BackgroundOp(parent=window, work=work, success=results.append)
    op.with_progress("Working…", cancellable=True).run_in_background()
    dialog = op._progress
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0)
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not op.running, timeout=10_000)
    assert results and results[0] < 20_000


def test_article_files_dropped_on_the_window_are_imported(qtbot, sample_db: Path, tmp_path: Path,
                                                          settings_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    note, _page = write_articles(tmp_path / "articles")
    other = tmp_path / "articles" / "photo.png"
    other.write_bytes(b"\x89PNG")
    w = _window(qtbot, sample_db, tmp_path / "userstore.db", settings_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (note, other)])
    assert article_import.dropped_files(mime) == [note]
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    qtbot.waitUntil(lambda: w.last_import is not None and not w.last_import.running, timeout=20_000)
    assert [i.article_id for i in w.user_data.queue()] == ["note"]
    assert "To review (7)" in _tree_labels(w)


def test_enter_on_the_article_in_the_tree_moves_the_keys_to_its_findings(
        qtbot, sample_db: Path, tmp_path: Path, settings_path: Path) -> None:
    note, _page = write_articles(tmp_path / "articles")
    w = _window(qtbot, sample_db, tmp_path / "userstore.db", settings_path)
    _import(qtbot, w, [note])
    w.tree_view.setFocus()
    assert w.select_review("note")
    qtbot.keyClick(w.tree_view, Qt.Key.Key_Return)
    assert w.review_panel.findings.hasFocus()
