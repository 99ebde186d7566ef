"""One cold start, in its own process: a bare PySide6 window or parkdesk's, until first painted.

Run by benchmarks.startup as `python startup_child.py bare|widgets|app DB SETTINGS`. Prints one
JSON line: the CLOCK_MONOTONIC time when the first paint of the window had finished, the CPU
time and the peak RSS so far. The app path is parkdesk's own launch(): display check,
QApplication, open the database, build and show the main window. The two floors import no
parkdesk code: "bare" is QApplication and a shown, empty QMainWindow; "widgets" is a plain
window with the widgets parkdesk's window shows at start (search field, tree, splitters, a
text pane with a page of rich text, menus, a toolbar, a status bar), filled with a few rows.
"""

import json
import os
import resource
import sys
import time

# BENCH_PROFILE=FILE: a cProfile of this start, from here to the first paint, written to FILE
# (e.g. `BENCH_PROFILE=/tmp/start.prof python benchmarks/startup_child.py app data/parks.db -`).
PROFILE = os.environ.get("BENCH_PROFILE")
if PROFILE:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()


def same_widgets():
    """A plain PySide6 window with the widgets of parkdesk's at start, and no parkdesk code."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QLabel,
        QLineEdit,
        QMainWindow,
        QSplitter,
        QTextBrowser,
        QTreeView,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    for title in ("File", "Edit", "View", "Help"):
        menu = window.menuBar().addMenu(title)
        for n in range(4):
            menu.addAction(f"{title} action {n + 1}")
    toolbar = window.addToolBar("Main")
    for title in ("Back", "Forward", "Copy", "Fact sheet", "Export"):
        toolbar.addAction(title)
    field = QLineEdit()
    field.setPlaceholderText("Search names, people, phone numbers")
    field.setClearButtonEnabled(True)
    model = QStandardItemModel(window)
    zone = QStandardItem("Foshan National High-tech Industrial Development Zone")
    for n in range(5):
        park = QStandardItem(f"Park {n + 1}")
        park.appendRow(QStandardItem("Enterprises & institutions"))
        zone.appendRow(park)
    model.appendRow(zone)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    tree.expand(model.index(0, 0))
    tree.setCurrentIndex(model.index(0, 0))
    left_splitter = QSplitter()
    left_splitter.setOrientation(left_splitter.orientation().Vertical)
    left_splitter.addWidget(QWidget())
    left_splitter.addWidget(tree)
    left = QWidget()
    layout = QVBoxLayout(left)
    layout.setContentsMargins(6, 6, 0, 6)
    layout.addWidget(field)
    layout.addWidget(left_splitter)
    detail = QTextBrowser()
    detail.setHtml("<h2>Foshan National High-tech Industrial Development Zone</h2>"
                   "<p>Zone · Foshan, Guangdong</p><p>One zone with five parks.</p>"
                   "<table><tr><td>Parks</td><td>5</td></tr><tr><td>Enterprises</td>"
                   "<td>1,000</td></tr></table>")
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(detail)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([420, 780])
    window.setCentralWidget(splitter)
    window.statusBar().addPermanentWidget(QLabel("parks.db"))
    window.setWindowTitle("Foshan High-tech Zone directory")
    return window


def main() -> int:
    what, db, settings = sys.argv[1:4]
    if what in ("bare", "widgets"):
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        show = QMainWindow if what == "bare" else same_widgets
    else:
        from parkdesk.ui.launch import application, display_problem, start

        problem = display_problem()
        if problem:
            print(json.dumps({"error": problem}))
            return 1
        app = application()
    from PySide6.QtCore import QEvent, QObject, QTimer

    done: dict[str, float] = {}

    def finish() -> None:
        done["painted"] = time.monotonic()
        if PROFILE:
            profiler.disable()
            profiler.dump_stats(PROFILE)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        done["rss_kb"] = usage.ru_maxrss
        done["cpu"] = usage.ru_utime + usage.ru_stime
        app.quit()

    def check() -> None:
        if "painted" in done:
            return
        if "paints" in done:
            finish()
        else:
            QTimer.singleShot(0, check)

    class FirstPaint(QObject):
        """Notes the window's paint events; its first expose schedules the check.

        It watches the shown window and its QWindow only. (An application-wide filter, as this
        was, runs Python for every event of every object: ~1,000 events in parkdesk's start,
        ~50 in the bare window's, and PySide makes a Python type, enums and all, for each class
        it hands to Python: it added ~27 ms to the bare window and ~16 ms to parkdesk.)
        Installed last, it sees the expose before the window's own filters, so `check` is
        queued before anything the app itself defers to "after the first paint", and it runs
        once this expose has been handled: widgets painted and the result flushed to the screen.
        """

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Paint:
                done["paints"] = done.get("paints", 0) + 1
            elif kind == QEvent.Type.Expose and "exposed" not in done and obj.isWindowType():
                done["exposed"] = 1.0
                QTimer.singleShot(0, check)
            return False

    watcher = FirstPaint()
    if what in ("bare", "widgets"):
        window = show()
        window.resize(1200, 780)
        window.show()
    else:
        window = start(db, settings)
        if window is None:
            print(json.dumps({"error": "the database did not open"}))
            return 1
    # The window was shown, but its expose is an event still to come (the event loop runs next).
    window.installEventFilter(watcher)
    window.windowHandle().installEventFilter(watcher)
    QTimer.singleShot(20_000, app.quit)  # never hang the benchmark
    app.exec()
    print(json.dumps({k: done.get(k) for k in ("painted", "rss_kb", "cpu")}))
    return 0 if "painted" in done else 1


if __name__ == "__main__":
    sys.exit(main())
