"""`python -m benchmarks [--size 1M]` (`make bench [SIZE=1M]`): every figure with its floor and
its paired ratio, printed as a table and saved as JSON.

1. The synthetic directory of `--size` enterprises (default 100k), cached in the user cache
   folder and made again when `parkdesk.ingest.synth.SYNTH_VERSION` changes (benchmarks/bigdb.py);
   when it is made, the synth's own wall, CPU and peak RSS are reported.
2. A display: the X server in DISPLAY, else a private Xvfb started for the run, else offscreen.
3. Cold starts, one process each, in rounds (order rotated each round): a bare window, a plain
   window with the same widgets, parkdesk on data/parks.db and on the synthetic file. Ratios
   per round, then min/median/max of the rounds' ratios; wall and CPU.
4. A session on each database in its own process (benchmarks/session.py): typing queries, the
   detail pane, the biggest folder scrolled to its end, fact sheets, peak memory; each timing
   paired with its floor run by run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from benchmarks import bigdb, report, startup
from benchmarks.display import Display
from benchmarks.stats import table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SMALL_DB = ROOT / "data" / "parks.db"


def child_env(display: Display, home: Path) -> dict[str, str]:
    """The children's environment: the display, byte code cached (as for an installed app),
    and user folders of the benchmark's own (never the user's settings or store)."""
    env = dict(display.env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(RESULTS / "pycache")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def run_session(db: Path, env: dict[str, str], runs: int, search_only: bool = False,
                no_sheets: bool = False) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.session", "--db", str(db), "--runs", str(runs),
         *(["--search-only"] if search_only else []), *(["--no-sheets"] if no_sheets else [])],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=bigdb.parse_size, default=bigdb.parse_size("100k"),
                        help="enterprises in the synthetic directory: 20000, 100k, 1M "
                             "(default 100k)")
    parser.add_argument("--rounds", type=int, default=9,
                        help="cold-start rounds, each kind once per round (default 9)")
    parser.add_argument("--session-runs", type=int, default=3,
                        help="repetitions (pairs) inside each session (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-db", type=Path, metavar="PATH",
                        help="the synthetic file (default: cached in the user cache folder)")
    parser.add_argument("--only", choices=("startup", "session", "synth"),
                        help="one part only")
    parser.add_argument("--no-sheets", action="store_true",
                        help="sessions print no fact sheets on the synthetic file")
    parser.add_argument("--search-only", action="store_true",
                        help="sessions type the queries only (no tree, pane, sheets)")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="where the JSON goes (default benchmarks/results)")
    args = parser.parse_args(argv)
    args.results.mkdir(parents=True, exist_ok=True)
    label = f"synth {bigdb.size_label(args.size)}"
    print(f"synthetic directory: {args.size:,} enterprises…", flush=True)
    big, made = bigdb.ensure(args.size, args.seed, args.big_db)
    print(f"  {big} ({'made' if made['made'] else 'cached'})", flush=True)
    databases = {"parks.db": SMALL_DB, label: big}
    rows, figures = report.synth_rows(args.size, made)
    starts: dict = {}
    sessions: dict = {}
    display = Display()
    print(f"display: {display.kind}\n{versions()}", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="parkdesk-bench-") as home:
            env = child_env(display, Path(home))
            if args.only in (None, "startup"):
                print(f"cold starts: {args.rounds} rounds of {2 + len(databases)} kinds…",
                      flush=True)
                starts = startup.measure(databases, env, args.rounds)
            if args.only in (None, "session"):
                for name, db in databases.items():
                    print(f"session on {name}…", flush=True)
                    sessions[name] = run_session(db, env, args.session_runs, args.search_only,
                                                 args.no_sheets and name != "parks.db")
    finally:
        display.close()
    if starts:
        r, figures["startup"] = report.startup_rows(starts, list(databases))
        rows += r
    bare_mb = report.bare_rss(starts)
    for name, s in sessions.items():
        r, figures[name] = report.session_rows(name, s, bare_mb, big_one=name != "parks.db")
        rows += r
    text = table(rows)
    print()
    print(text)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    document = {
        "when": stamp, "display": display.kind, "versions": versions(),
        "args": {k: str(v) for k, v in vars(args).items()}, "figures": figures,
        "table": text, "startup_samples": starts, "sessions": sessions,
    }
    for name in (f"bench-{stamp}.json", "latest.json"):
        (args.results / name).write_text(json.dumps(document, indent=1, default=str),
                                         encoding="utf-8")
    print(f"\nwrote {args.results / f'bench-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
