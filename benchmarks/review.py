"""Benchmark (issue 19): reviewing an imported article in the app. Run on demand, never as a test:

    .venv/bin/python -m benchmarks.review [--article FILE] [--runs 15]

A real window over data/parks.db with a user store in a temporary folder (the bundled file is
only read); FILE (default: the longest article of ../shared/articles, with one line added so
that its text is new) is imported, then, in paired interleaved runs:

- open: the article selected in the tree -> its text, highlights and findings, and the whole
  window painted; floor: the same text set as plain text into a bare QTextBrowser and painted.
- Tab: the next pending finding shown (highlight moved, scrolled, detail line) and painted.
- reject (Del) and Ctrl+Z: the key -> the decision saved, the directory shown anew and what
  changed painted (list rows, text, the tree's count, the status bar: Qt's own repaints,
  processed before the clock stops); floor: the store alone (the change committed and the
  layer applied, `UserData.record` + `set_state`), which every change pays in this design.

Targets: open <= 100 ms, each action <= 16 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

from parkdesk.core.userstore import changes as ch  # noqa: E402
from parkdesk.core.userstore.session import open_user_data  # noqa: E402
from parkdesk.paths import DEFAULT_DB  # noqa: E402

SHARED = ROOT.parent / "shared" / "articles"


def _settle(app: QApplication, *widgets: object) -> None:
    """Let queued work run and Qt paint what it marked as changed (its UpdateRequest events
    are processed here); with `widgets`, also paint them whole now (an upper bound)."""
    app.processEvents()
    for widget in widgets:
        widget.repaint()  # type: ignore[attr-defined]
    app.processEvents()


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms (p95 {sorted(values)[int(len(values) * .95) - 1] * 1000:6.1f})"


def _article(path: Path | None, folder: Path) -> Path:
    if path is None:
        path = max(SHARED.glob("*.txt"), key=lambda p: p.stat().st_size)
    copy = folder / f"review-bench-{path.stem}.txt"
    copy.write_text(path.read_text(encoding="utf-8") + "\nContact Us\nTest Office: 0757-81234567\n",
                    encoding="utf-8")
    return copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)

    from benchmarks.factsheet import _guard_none
    from parkdesk.ingest.review_import import Proposer, read_for_review
    from parkdesk.ui.main_window import MainWindow
    from parkdesk.ui.settings import Settings

    _guard_none()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="review-bench-"))
    data = open_user_data(DEFAULT_DB, folder / "userstore.db")
    article, text = read_for_review(_article(args.article, folder), Proposer.of(data.directory))
    data.import_article(article, text)
    words = sum(len(p.split()) for p in article.paragraphs)
    window = MainWindow(data.directory, Settings(folder / "settings.ini"), data)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(20):
        app.processEvents()
    bare = QTextBrowser()
    bare.resize(700, 600)
    bare.show()
    plain = "\n\n".join(article.paragraphs)

    def open_article() -> None:
        window.select_review(article.article_id)
        _settle(app, window)

    def leave() -> None:
        window.select_entity(window.directory.zone().id)
        _settle(app, window)

    def floor_open() -> None:
        bare.setPlainText(plain)
        _settle(app, bare)

    opens, floors = [], []
    leave()
    open_article()
    floor_open()  # warm up: fonts, caches
    for _ in range(args.runs):
        leave()
        start = time.perf_counter()
        open_article()
        opens.append(time.perf_counter() - start)
        bare.clear()
        start = time.perf_counter()
        floor_open()
        floors.append(time.perf_counter() - start)

    open_article()
    panel = window.review_panel
    assert panel is not None
    panel.findings.setFocus()
    tabs, rejects, undos, store_only = [], [], [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        QTest.keyClick(panel.findings, Qt.Key.Key_Tab)
        _settle(app)
        tabs.append(time.perf_counter() - start)

        start = time.perf_counter()
        QTest.keyClick(panel.findings, Qt.Key.Key_Delete)
        _settle(app)
        rejects.append(time.perf_counter() - start)
        start = time.perf_counter()
        window.edit_actions.undo_action.trigger()
        _settle(app)
        undos.append(time.perf_counter() - start)

        f = panel.current_finding()
        assert f is not None
        start = time.perf_counter()
        change = data.record("bench", [ch.decide(f["id"], article.article_id, "rejected")])
        data.set_state(change.seq, ch.UNDONE)
        store_only.append((time.perf_counter() - start) / 2)
    window.edits.directory_changed.emit()
    _settle(app, window)

    ratio = statistics.median(opens) / statistics.median(floors)
    print(f"article: {article.file}, {words:,} words, {len(article.paragraphs)} paragraphs, "
          f"{len(article.findings)} findings; {args.runs} paired runs; "
          f"platform {app.platformName()}")
    print(f"open article            {_ms(opens)}   floor (bare text) {_ms(floors)}   ratio {ratio:.1f}"
          "   target <= 100 ms")
    print(f"Tab (next finding)      {_ms(tabs)}   target <= 16 ms")
    store_median = statistics.median(store_only)
    for label, values in (("reject (Del)", rejects), ("undo (Ctrl+Z)", undos)):
        print(f"{label:<23} {_ms(values)}   floor (store alone) {_ms(store_only)}   ratio "
              f"{statistics.median(values) / store_median:.1f}   target <= 16 ms")
    window.close()
    data.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
