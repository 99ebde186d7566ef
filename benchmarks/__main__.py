"""`python -m benchmarks` (`make bench`): the figures of issues 6 and 17, printed as a table and saved as JSON.

    .venv/bin/python -m benchmarks [--size 100k|1M] [--runs 7] [--session-runs 3]
    make bench SIZE=1M

1. The synthetic directory of that many enterprises: `parkdesk synth` output cached in the user
   cache dir (benchmarks/synthetic.py), made again when its generator version, the schema or
   the index writer changes. Making it is itself a figure (wall, CPU, peak RSS).
2. A display: the X server in DISPLAY, else a private Xvfb started for the run, else offscreen.
3. Cold starts, one process each, in rounds with the order rotated: a bare PySide6 window, a
   plain window with the same widgets (no parkdesk code), parkdesk on data/parks.db, parkdesk
   on the synthetic file. Each ratio is taken per round, then the median of the ratios.
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
from datetime import datetime
from pathlib import Path

from benchmarks import report, startup, synthetic
from benchmarks.display import Display
from benchmarks.stats import median, table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SMALL_DB = ROOT / "data" / "parks.db"


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
        raise RuntimeError(f"session on {db.name} failed (exit {done.returncode}):\n"
                           f"{done.stderr[-3000:]}{done.stdout[-1000:]}")
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
    parser.add_argument("--size", default="100k",
                        help="enterprises in the synthetic directory: 100k (default), 1M, 250000…")
    parser.add_argument("--enterprises", type=int, help=argparse.SUPPRESS)  # the old spelling
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-db", type=Path, metavar="PATH",
                        help="where the synthetic database is cached (default: "
                             "synth-SIZE.db in the user cache dir's benchmarks folder)")
    parser.add_argument("--search-only", action="store_true",
                        help="only typing in the search field and the relevance table "
                             "(no cold starts, tree, detail pane or fact sheets)")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    enterprises = args.enterprises or synthetic.parse_size(args.size)
    big = args.big_db or synthetic.default_path(enterprises)
    print(f"synthetic directory {big}…", flush=True)
    made = synthetic.ensure(big, enterprises, args.seed)
    big_label = f"synth {synthetic.size_label(enterprises)}"
    databases = {"parks.db": SMALL_DB, big_label: big}
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

    rows, figures = report.synth_rows(made), {"synth": made}
    r, figures["relevance"] = report.relevance_rows(databases)
    rows += r
    if not args.search_only:
        r, figures["startup"] = report.startup_rows(starts, list(databases))
        rows += r
    bare_mb = median([s["rss_mb"] for s in starts["bare"]]) if starts else 0.0
    for label in (big_label, "parks.db"):
        s = sessions[label]
        big_one = label == big_label
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
