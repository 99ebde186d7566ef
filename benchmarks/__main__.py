"""`python -m benchmarks` (`make bench`): the figures of issue 6, printed as a table and saved as JSON.

    .venv/bin/python -m benchmarks [--runs 7] [--session-runs 3] [--enterprises 100000]

1. benchmarks/results/big.db: `parkdesk synth` output, made (~30 s) when missing or older than
   the code that writes it.
2. A display: the X server in DISPLAY, else a private Xvfb started for the run, else offscreen.
3. Cold starts, one process each, interleaved: a bare PySide6 window (QApplication and a shown
   QMainWindow), parkdesk on data/parks.db, parkdesk on big.db. Python byte code is cached
   (in benchmarks/results/pycache) for both, as for any installed app.
4. A session per database in its own process (benchmarks/session.py): typing queries, the tree,
   the detail pane, fact sheets, peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from benchmarks import report, startup
from benchmarks.display import Display
from benchmarks.stats import median, table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SMALL_DB = ROOT / "data" / "parks.db"
# big.db is made again when any of these is newer than it.
WRITERS = ("parkdesk/core/db/migrations.py", "parkdesk/core/db/store.py",
           "parkdesk/core/db/search_index.py", "parkdesk/core/search/text.py",
           "parkdesk/core/search/typos.py", "parkdesk/core/db/schema.py",
           "parkdesk/ingest/synth.py", "parkdesk/ingest/synth_names.py")


def ensure_big_db(path: Path, enterprises: int, seed: int) -> str:
    """Make the synthetic database unless an up-to-date one is there; says which."""
    wanted = f"{enterprises} enterprises, seed {seed}"
    if path.exists():
        from parkdesk.core.db.directory import Directory
        from parkdesk.core.errors import DatabaseError

        newest = max((ROOT / w).stat().st_mtime for w in WRITERS)
        try:
            directory = Directory.open(path)
            fresh = directory.meta().get("synthetic") == wanted
            directory.close()
        except (DatabaseError, sqlite3.DatabaseError):
            fresh = False
        if fresh and path.stat().st_mtime > newest:
            return f"{path.name}: reused ({wanted})"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parkdesk", "synth", "--enterprises", str(enterprises),
                    "--seed", str(seed), "-o", str(path)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return f"{path.name}: made ({wanted}) in {time.perf_counter() - started:.0f} s"


def child_env(display: Display) -> dict[str, str]:
    env = dict(display.env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(RESULTS / "pycache")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_session(db: Path, env: dict[str, str], runs: int, search_only: bool = False) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.session", "--db", str(db), "--runs", str(runs),
         *(["--search-only"] if search_only else [])],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"session on {db.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def versions() -> str:
    import PySide6

    return (f"Python {platform.python_version()} · PySide6 {PySide6.__version__} · "
            f"SQLite {sqlite3.sqlite_version} · {os.cpu_count()} CPUs · "
            f"load average {os.getloadavg()[0]:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each kind (default 7)")
    parser.add_argument("--session-runs", type=int, default=3,
                        help="repetitions inside each session (default 3)")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-db", type=Path, metavar="PATH",
                        help="where the synthetic database is cached (default: "
                             "benchmarks/results/big.db; big-N.db for other sizes than 100,000)")
    parser.add_argument("--search-only", action="store_true",
                        help="only typing in the search field and the relevance table "
                             "(no cold starts, tree, detail pane or fact sheets)")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    default_name = "big.db" if args.enterprises == 100_000 else f"big-{args.enterprises}.db"
    big = args.big_db or RESULTS / default_name
    print(ensure_big_db(big, args.enterprises, args.seed), flush=True)
    databases = {"parks.db": SMALL_DB, "big.db": big}
    display = Display()
    print(f"display: {display.kind}\n{versions()}", flush=True)
    starts: dict = {}
    try:
        env = child_env(display)
        if not args.search_only:
            print(f"cold starts: {args.runs} of each kind…", flush=True)
            starts = startup.measure(databases, env, args.runs)
        sessions = {}
        for label, db in databases.items():
            print(f"session on {label}…", flush=True)
            sessions[label] = run_session(db, env, args.session_runs, args.search_only)
    finally:
        display.close()

    rows, figures = [], {}
    r, figures["relevance"] = report.relevance_rows(databases)
    rows += r
    if not args.search_only:
        r, figures["startup"] = report.startup_rows(starts, list(databases))
        rows += r
    bare_mb = median([s["rss_mb"] for s in starts["bare"]]) if starts else 0.0
    for label in ("big.db", "parks.db"):
        s = sessions[label]
        big_one = label == "big.db"
        f = figures[label] = {}
        r, f["search"] = report.search_rows(label, s["search"], with_kinds=big_one)
        rows += r
        if args.search_only:
            continue
        if big_one:
            r, f["tree"] = report.tree_rows(label, s["tree"])
            rows += r
        r, f["detail"] = report.detail_rows(label, s["detail"])
        rows += r
        r, f["factsheet"] = report.factsheet_rows(label, s["factsheet"])
        rows += r if big_one else r[:1]
        r, f["rss"] = report.rss_rows(label, s["rss_mb"], bare_mb, target=big_one)
        rows += r if big_one else r[:1]
    text = table(rows)
    print()
    print(text)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    document = {
        "when": stamp, "display": display.kind, "versions": versions(), "args": vars(args),
        "figures": figures, "table": text, "startup_samples": starts, "sessions": sessions,
    }
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(document, indent=1, default=str), encoding="utf-8")
    print(f"\nwrote {RESULTS / f'bench-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
