"""One app session on one database, in its own process: search, tree, detail pane, fact sheets.

Run by `python -m benchmarks` as `python -m benchmarks.session --db FILE --runs N`; prints one
JSON object on its last line. The app is started as parkdesk starts it (launch.start), shown on
the benchmark's display, and driven like a user would: keys typed into the search field, rows
expanded and selected in the tree view. A time ends when the affected widget has painted
(a paint event seen, then the rest of that paint pass, flushed).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.queries import QUERY_KINDS, query_set
from benchmarks.stats import median_of_runs, spread


def _keep_none_alive(references: int = 20_000_000) -> None:
    """PySide6 6.12 on CPython 3.11 (where None is not immortal) gives back one reference to
    None too many for each call of a Qt method that returns nothing; a benchmark makes millions
    of such calls, which would take None's count to zero and crash. Take spare references."""
    if sys.version_info < (3, 12):
        incref = ctypes.pythonapi.Py_IncRef
        incref.argtypes = [ctypes.py_object]
        for _ in range(references):
            incref(None)


QUIET = 0.25  # seconds without a paint after the result: nothing visible had to change


class PaintProbe:
    """Times an action until one of some widgets has painted because of it."""

    def __init__(self, app, widgets) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.app = app
        self.armed = False
        self.armed_at = 0.0
        self.done_at: float | None = None
        probe = self

        class Filter(QObject):
            def eventFilter(self, obj, event) -> bool:
                if probe.armed and event.type() == QEvent.Type.Paint:
                    probe.armed = False
                    QTimer.singleShot(0, probe._mark)  # after this paint pass
                return False

        self.filter = Filter()
        for w in widgets:
            w.installEventFilter(self.filter)

    def _mark(self) -> None:
        self.done_at = time.perf_counter()

    def arm(self) -> None:
        self.armed = True
        self.armed_at = time.perf_counter()

    def time(self, action: Callable[[], object], armed_by=None, timeout: float = 15.0) -> float:
        """Seconds from starting `action` to the end of the paint it caused (the first paint
        after the `armed_by` signal, when one is given)."""
        self.done_at = None
        self.armed = armed_by is None
        self.armed_at = time.perf_counter()
        if armed_by is not None:
            armed_by.connect(self.arm)
        start = time.perf_counter()
        try:
            action()
            deadline = start + timeout
            while self.done_at is None and time.perf_counter() < deadline:
                self.app.processEvents()
                if self.armed and time.perf_counter() - self.armed_at > QUIET:
                    self.done_at = self.armed_at  # nothing on screen needed to change
        finally:
            self.armed = False
            if armed_by is not None:
                armed_by.disconnect(self.arm)
        if self.done_at is None:
            raise RuntimeError("nothing was painted")
        return self.done_at - start


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait_for_check(app, window, checks: list[str], before: int) -> None:
    """Let the background integrity check of a large file finish before timing anything."""
    if window.directory.fully_checked:
        return
    deadline = time.perf_counter() + 30
    while len(checks) <= before and time.perf_counter() < deadline:
        app.processEvents()


def settle(app, seconds: float = 0.03) -> None:
    """Let pending work (layouts, timers, paints) finish."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def raw_floor(con, text: str) -> float:
    """Seconds for the unranked FTS5 query of the same text: the trigram phone index for
    digits, the word index for words (no tiers, no correction, no rows read)."""
    from parkdesk.core.search.text import digit_runs, fts_query, query_terms, quoted

    runs = digit_runs(text)
    if runs:
        sql, match = ("SELECT rowid FROM phone_fts WHERE phone_fts MATCH ? LIMIT 100",
                      " AND ".join(quoted(r) for r in runs))
    else:
        sql, match = ("SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 100",
                      fts_query(query_terms(text)))
    start = time.perf_counter()
    con.execute(sql, (match,)).fetchall()
    return time.perf_counter() - start


def bench_search(app, window, runs: int) -> dict:
    """Keystroke to results painted, every keystroke of every query; paired with each, the raw
    FTS5 floor and the core search alone."""
    from PySide6.QtTest import QTest

    from parkdesk.core.search.text import query_terms

    panel, field = window.search, window.search.field
    con = window.directory.con
    # The results area only: the field itself repaints on its own schedule (the clear button
    # fades in over several 16 ms animation frames), which is not the results being shown.
    probe = PaintProbe(app, [panel.view.viewport(), panel.status])
    queries = query_set(con)
    per_run: list[dict] = []
    floor_runs: list[dict] = []
    core_runs: list[dict] = []
    kind_runs: list[dict[str, float]] = []
    core_kind_runs: list[dict[str, float]] = []
    floor_kind_runs: list[dict[str, float]] = []
    for _ in range(runs):
        samples, floors, core = [], [], []
        by_kind: dict[str, list[float]] = {k: [] for k in QUERY_KINDS}
        core_by_kind: dict[str, list[float]] = {k: [] for k in QUERY_KINDS}
        floor_by_kind: dict[str, list[float]] = {k: [] for k in QUERY_KINDS}
        for kind, text in queries:
            field.clear()
            settle(app)
            for i, ch in enumerate(text):
                seconds = probe.time(lambda c=ch: QTest.keyClick(field, c),
                                     armed_by=panel.results_changed)
                samples.append(seconds)
                by_kind[kind].append(seconds)
                if query_terms(text[: i + 1]):
                    floors.append(raw_floor(con, text[: i + 1]))
                    floor_by_kind[kind].append(floors[-1])
                    start = time.perf_counter()
                    window.directory.search_result(text[: i + 1], 100)
                    core.append(time.perf_counter() - start)
                    core_by_kind[kind].append(core[-1])
            if field.text() != text:
                raise RuntimeError(f"typed {text!r} but the field says {field.text()!r}")
        per_run.append(spread(samples))
        kind_runs.append({k: spread(v)["p95"] for k, v in by_kind.items() if v})
        core_kind_runs.append({k: spread(v)["p95"] for k, v in core_by_kind.items() if v})
        floor_kind_runs.append({k: spread(v)["p95"] for k, v in floor_by_kind.items() if v})
        floor_runs.append(spread(floors))
        core_runs.append(spread(core))
    field.clear()
    settle(app)
    return {
        "keystrokes": per_run, "floor": floor_runs, "core": core_runs,
        "p95_by_kind": median_of_runs(kind_runs),
        "core_p95_by_kind": median_of_runs(core_kind_runs),
        "floor_p95_by_kind": median_of_runs(floor_kind_runs),
        "queries": [q for _, q in queries],
        "first_hits": {q: [h.name for h in window.directory.search(q, 3)] for _, q in queries},
    }


def _biggest_park(con) -> tuple[str, int]:
    return con.execute(
        "SELECT c.parent_id, sum(c.n) AS n FROM child_counts c JOIN entities e ON e.id = c.parent_id "
        "WHERE e.kind = 'park' AND c.kind IN ('enterprise', 'institution', 'organisation') "
        "GROUP BY c.parent_id ORDER BY n DESC LIMIT 1"
    ).fetchone()


def bench_tree(app, window, db: Path, runs: int, checks: list[str]) -> dict:
    """Expand the biggest park and its "Enterprises & institutions" folder; scroll to its end.

    The folder has all its rows once expanded (tree_model): the scroll is timed from the
    expand, through a scroll to the row at a tenth of the folder, to its last row painted;
    its first tenth is the expand and that first scroll."""
    from PySide6.QtWidgets import QAbstractItemView

    from parkdesk.core.db.directory import Directory
    from parkdesk.core.tree import GROUP

    park_id, children = _biggest_park(window.directory.con)
    view = window.tree_view
    probe = PaintProbe(app, [view.viewport()])
    result: dict[str, list] = {"park": [], "folder": [], "scroll": []}
    for _ in range(runs):
        before = len(checks)
        window.set_directory(Directory.open(db))  # a fresh tree: nothing loaded yet
        wait_for_check(app, window, checks, before)
        settle(app)
        model = window.model
        park = model.index_of_path(window.tree.path_to(park_id))
        result["park"].append(probe.time(lambda p=park: view.expand(p)))
        folder = model.find_child(park, GROUP, f"{park_id}/organisations")
        view.scrollTo(folder, QAbstractItemView.ScrollHint.PositionAtTop)
        settle(app)
        start, cpu = time.perf_counter(), time.process_time()
        result["folder"].append(probe.time(lambda f=folder: view.expand(f)))
        rows = model.rowCount(folder)
        tenth = model.index(rows // 10, 0, folder)
        probe.time(lambda t=tenth: view.scrollTo(t, QAbstractItemView.ScrollHint.PositionAtBottom))
        tenth_s, tenth_cpu = time.perf_counter() - start, time.process_time() - cpu
        probe.time(view.scrollToBottom)
        all_s, all_cpu = time.perf_counter() - start, time.process_time() - cpu
        last = model.index(rows - 1, 0, folder)
        if not view.viewport().rect().contains(view.visualRect(last)):
            raise RuntimeError("the folder's last row is not on screen")
        result["scroll"].append({"all_s": all_s, "all_cpu_s": all_cpu, "rows_all": rows,
                                 "tenth_s": tenth_s, "tenth_cpu_s": tenth_cpu,
                                 "rows_tenth": rows // 10 + 1,
                                 "cached_rows": model.cached_rows()})
    return {"park_id": park_id, "children": children, **result}


def _detail_targets(window) -> dict[str, object]:
    """Model indexes of typical items: a big park, its folder, an enterprise in it, the zone,
    the carrier with most children, a person, a phone number."""
    from parkdesk.core.tree import CONTACT, GROUP

    con, model, tree = window.directory.con, window.model, window.tree
    park_id, _ = _biggest_park(con)
    park = model.index_of_path(tree.path_to(park_id))
    folder = model.find_child(park, GROUP, f"{park_id}/organisations")
    ids = {
        "zone": con.execute("SELECT id FROM entities WHERE kind = 'zone'").fetchone()[0],
        "carrier": con.execute(
            "SELECT c.parent_id FROM child_counts c JOIN entities e ON e.id = c.parent_id "
            "WHERE e.kind = 'project' GROUP BY c.parent_id ORDER BY sum(c.n) DESC LIMIT 1"
        ).fetchone(),
        "person": con.execute("SELECT id FROM entities WHERE kind = 'person' LIMIT 1").fetchone(),
    }
    # An enterprise near the top of the big folder, with a phone number (so a QR code).
    enterprise = next((model.index(r, 0, folder) for r in range(min(model.rowCount(folder), 200))
                       if con.execute("SELECT 1 FROM contacts WHERE owner_id = ? AND kind = 'phone'",
                                      (model.node(model.index(r, 0, folder)).key,)).fetchone()),
                      model.index(0, 0, folder))
    targets = {"park": park, "folder": folder, "enterprise": enterprise}
    for label, row in ids.items():
        entity_id = row[0] if isinstance(row, tuple) else row
        if entity_id:
            targets[label] = model.index_of_path(tree.path_to(entity_id))
    phone = con.execute("SELECT id, owner_id FROM contacts WHERE kind = 'phone' "
                        "AND owner_id = ?", (ids["zone"],)).fetchone()
    zone_contacts = model.find_child(targets["zone"], GROUP, f"{ids['zone']}/contacts")
    if phone is None:
        phone = con.execute("SELECT id FROM contacts WHERE kind = 'phone' AND owner_id IN "
                            "(SELECT id FROM entities WHERE kind = 'organisation') LIMIT 1").fetchone()
    if phone and zone_contacts.isValid():
        targets["phone"] = model.find_child(zone_contacts, CONTACT, phone[0])
    return {k: v for k, v in targets.items() if v.isValid()}


def bench_detail(app, window, runs: int) -> dict:
    """Select an item in the tree until its page (and QR code) is painted in the detail pane;
    paired, run by run, with the floor: the same page's HTML (made beforehand) set and painted
    in the same pane, i.e. the pane's painting without the queries and page building."""
    from benchmarks.paired import paired
    from parkdesk.ui.detail_pages import page_html

    view, pane = window.tree_view, window.detail
    probe = PaintProbe(app, [pane.viewport()])
    targets = _detail_targets(window)
    settle(app)
    for index in targets.values():  # once untimed: the view lays out rows loaded off screen
        view.setCurrentIndex(index)
        settle(app, 0.05)
    out: dict = {}
    for label, index in targets.items():
        html = page_html(window.directory, window.model.node(index))
        # Selected between runs, so that each select is a change of page.
        other = window.model.index(1 if index == window.model.index(0, 0) else 0, 0)

        def select(i=index, o=other) -> float:
            view.setCurrentIndex(o)
            settle(app, 0.01)
            return probe.time(lambda: view.setCurrentIndex(i))

        def floor(h=html) -> float:
            pane.setHtml("")
            settle(app, 0.01)
            return probe.time(lambda: pane.setHtml(h))

        out[label] = paired(select, floor, runs).as_dict()
    return out


def bench_factsheets(directory, runs: int) -> dict:
    """One park's fact sheet to PDF (content built, then written), paired with writing the same
    content built beforehand (the PDF alone); and all six sheets (the zone and five parks)."""
    from benchmarks.paired import paired
    from parkdesk.core.factsheet.content import build_factsheet, find_sheets
    from parkdesk.ui.printing import write_pdf

    park_id, _ = _biggest_park(directory.con)
    every = find_sheets(directory, "all")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sheet.pdf"
        built = build_factsheet(directory, park_id)
        write_pdf([built], out)  # warm up: fonts

        def one() -> float:
            start = time.perf_counter()
            write_pdf([build_factsheet(directory, park_id)], out)
            return time.perf_counter() - start

        def pdf_alone() -> float:
            start = time.perf_counter()
            write_pdf([built], out)
            return time.perf_counter() - start

        result: dict = {"sheets": len(every), "one": paired(one, pdf_alone, runs).as_dict(),
                        "all": []}
        for _ in range(runs):
            start = time.perf_counter()
            write_pdf([build_factsheet(directory, i) for i in every], out)
            result["all"].append(time.perf_counter() - start)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="One benchmark session (see benchmarks/).")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-only", action="store_true", help="type the queries, nothing else")
    parser.add_argument("--no-search", action="store_true",
                        help="no typed queries (the tree, the pane and the sheets alone)")
    parser.add_argument("--no-sheets", action="store_true",
                        help="no fact sheets")
    args = parser.parse_args()
    _keep_none_alive()
    from parkdesk.ui import icons
    from parkdesk.ui.launch import application, start

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        window = start(args.db, Path(tmp) / "settings.ini")
        if window is None:
            print(json.dumps({"error": f"{args.db} did not open"}))
            return 1
        checks: list[str] = []
        window.integrity.finished.connect(checks.append)
        deadline = time.perf_counter() + 20
        while not icons.enabled() and time.perf_counter() < deadline:  # after the first paint
            app.processEvents()
        wait_for_check(app, window, checks, 0)
        settle(app, 0.3)
        rss = {"started": peak_rss_mb()}
        out: dict = {} if args.no_search else {"search": bench_search(app, window, args.runs)}
        if args.search_only:
            window.close()
            print(json.dumps(out))
            return 0
        out["detail"] = bench_detail(app, window, max(5, args.runs * 3))
        rss["searched and browsed"] = peak_rss_mb()
        out["tree"] = bench_tree(app, window, args.db, args.runs, checks)
        rss["scrolled to the end"] = peak_rss_mb()
        if not args.no_sheets:
            out["factsheet"] = bench_factsheets(window.directory, max(3, args.runs))
            rss["fact sheets printed"] = peak_rss_mb()
        out["rss_mb"] = rss
        window.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
