"""One cold start, in its own process, until the first paint of its window has been flushed.

Run by benchmarks.startup as `python startup_child.py bare|widgets|app DB`. Prints one JSON
line: the CLOCK_MONOTONIC time when the window's first paint had finished, the CPU seconds
and peak RSS so far. All three kinds are started the same way (this script, the same
interpreter and site set-up, the same environment):

- bare: a QApplication and an empty QMainWindow;
- widgets: a plain PySide6 window with the widgets parkdesk's has (menu bar, tool bar, search
  field, results list, tree, splitters, text pane, status bar) and no parkdesk code;
- app: parkdesk's own entry point, `parkdesk --db DB` (cli.main → launch: logging, crash hook,
  single instance, user store, main window), watched from outside.
"""

import json
import os
import resource
import sys
import time

# BENCH_PROFILE=FILE: a cProfile of this start, from here to the end of the first paint, written
# to FILE (`BENCH_PROFILE=/tmp/start.prof python benchmarks/startup_child.py app data/parks.db`).
PROFILE = os.environ.get("BENCH_PROFILE")
if PROFILE:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()

SIZE = (1200, 780)


def _widgets_window():
    """The same-widgets floor: what parkdesk's window is made of, with plain Qt only."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QLabel,
        QLineEdit,
        QListView,
        QMainWindow,
        QSplitter,
        QTextBrowser,
        QTreeView,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    for title in ("File", "Edit", "View", "Go", "Help"):
        menu = window.menuBar().addMenu(title)
        for n in range(6):
            menu.addAction(f"{title} {n}")
    toolbar = window.addToolBar("Main")
    for n in range(6):
        toolbar.addAction(f"Action {n}")
    field = QLineEdit()
    field.setPlaceholderText("Search")
    field.setClearButtonEnabled(True)
    results = QListView()
    model = QStandardItemModel()
    for name in ("Zone", "Chancheng Park", "Nanhai Park", "Shunde Park", "Gaoming Park",
                 "Sanshui Park", "Management Committee"):
        item = QStandardItem(name)
        item.appendRow(QStandardItem("Contacts"))
        model.appendRow(item)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    detail = QTextBrowser()
    detail.setHtml("<h1>Zone</h1><p>Five parks.</p><table><tr><td>Phone</td>"
                   "<td>+86 757 0000 0000</td></tr></table>")
    left_splitter = QSplitter()
    left_splitter.setOrientation(left_splitter.orientation().Vertical)
    left_splitter.addWidget(results)
    left_splitter.addWidget(tree)
    left = QWidget()
    layout = QVBoxLayout(left)
    layout.addWidget(field)
    layout.addWidget(left_splitter)
    main_splitter = QSplitter()
    main_splitter.addWidget(left)
    main_splitter.addWidget(detail)
    window.setCentralWidget(main_splitter)
    window.statusBar().addPermanentWidget(QLabel("parks.db"))
    window.setWindowTitle("Directory")
    return window


def main() -> int:
    what, db = sys.argv[1:3]
    done: dict[str, float] = {}
    watched: list = []

    def watch(window) -> None:
        """Note the end of the window's first paint, then quit (see FirstPaint)."""
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()

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
            """Watches the shown window and its QWindow only (an application-wide filter runs
            Python for every event of every object, which slowed every start, the bare one
            most). Its first expose queues `check`, which runs once that expose has been
            handled: widgets painted and the result flushed."""

            def eventFilter(self, obj, event) -> bool:
                kind = event.type()
                if kind == QEvent.Type.Paint:
                    done["paints"] = done.get("paints", 0) + 1
                elif kind == QEvent.Type.Expose and "exposed" not in done and obj.isWindowType():
                    done["exposed"] = 1.0
                    QTimer.singleShot(0, check)
                return False

        watcher = FirstPaint()
        watched.append(watcher)
        window.installEventFilter(watcher)
        window.windowHandle().installEventFilter(watcher)
        QTimer.singleShot(30_000, app.quit)  # never hang the benchmark

    if what == "app":
        from parkdesk import cli
        from parkdesk.ui import launch

        opened = launch.start

        def start_watched(*args, **kwargs):
            window = opened(*args, **kwargs)
            if window is not None:
                watch(window)
            return window

        launch.start = start_watched  # launch() looks `start` up when it runs
        code = cli.main(["--db", db])
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow() if what == "bare" else _widgets_window()
        window.resize(*SIZE)
        window.show()
        watch(window)
        code = app.exec()
    print(json.dumps({k: done.get(k) for k in ("painted", "rss_kb", "cpu")}))
    return 0 if "painted" in done and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
