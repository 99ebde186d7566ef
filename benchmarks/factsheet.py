"""Benchmark: time to write one park's fact-sheet PDF and the all-parks PDF (median of runs).

Run on demand, never as a test:
    .venv/bin/python benchmarks/factsheet.py [--db data/parks.db] [--park nanhai] [--runs 7]

"in-process" times the work the app does for File › Export (content, layout, PDF) with Qt
already running; "command" times the whole `parkdesk factsheet` process, start-up included.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from parkdesk.core.db.directory import Directory  # noqa: E402
from parkdesk.core.factsheet.content import build_factsheet, find_sheets  # noqa: E402
from parkdesk.paths import DEFAULT_DB  # noqa: E402
from parkdesk.ui.printing import write_pdf  # noqa: E402


def _guard_none(references: int = 1_000_000) -> None:
    """Work around PySide6 6.12 on CPython 3.11 (where None is not immortal): each call of a
    Qt method that returns nothing drops a reference to None, so thousands of repeated runs
    take None's count to zero and abort the process, at the latest when it exits. References
    taken here are never given back."""
    if sys.version_info < (3, 12):
        incref = ctypes.pythonapi.Py_IncRef
        incref.argtypes = [ctypes.py_object]
        for _ in range(references):
            incref(None)


def _times(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm up: fonts, caches
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        result.append(time.perf_counter() - start)
    return result


def _report(label: str, times: list[float]) -> None:
    print(f"{label:<34} median {statistics.median(times) * 1000:8.1f} ms"
          f"   min {min(times) * 1000:8.1f}   max {max(times) * 1000:8.1f}   ({len(times)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--park", default="nanhai")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    _guard_none()
    app = QApplication.instance() or QApplication(["bench"])  # noqa: F841 (kept alive)
    directory = Directory.open(args.db)
    park_ids = find_sheets(directory, args.park)
    all_ids = find_sheets(directory, "all")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sheet.pdf"

        def one_park() -> int:
            return write_pdf([build_factsheet(directory, i) for i in park_ids], out)

        def all_parks() -> int:
            return write_pdf([build_factsheet(directory, i) for i in all_ids], out)

        print(f"database {args.db} · park {args.park!r} · "
              f"{one_park()} page(s) for the park, {all_parks()} for all parks")
        _report("one park, in-process", _times(one_park, args.runs))
        _report("all parks, in-process", _times(all_parks, args.runs))

        def command(name: str) -> Callable[[], object]:
            cmd = [sys.executable, "-m", "parkdesk", "factsheet", name, "-o", str(out),
                   "--db", str(args.db)]
            return lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)

        _report("one park, `parkdesk factsheet`", _times(command(args.park), max(3, args.runs // 2)))
        _report("all parks, `parkdesk factsheet`", _times(command("all"), max(3, args.runs // 2)))
    directory.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
