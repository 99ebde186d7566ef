"""`parkdesk synth` against its floor (issue 17: 1M enterprises in ≤ 120 s, ≤ 1 GB), paired.

    .venv/bin/python -m benchmarks.synth --size 100k [--rounds 3] [--before DIR]

Each round runs, one after the other in a rotating order and each in a process of its own:
`parkdesk synth --enterprises N` into a new file; the floor; and, with `--before DIR`, the
synth of another source tree (a checkout of an older commit, run with PYTHONPATH=DIR), so that
before and after are paired too. Wall time, CPU time (user + system) and the process's peak RSS
(os.wait4) are recorded; ratios are per round, then min / median / max.

The floor is what writing the same file's rows costs with nothing computed: the same schema,
its indexes and triggers dropped, the same PRAGMAs, one transaction, and for every table synth
fills (records, search rows, phone keys, words, typos; not the full-text indexes' own tables)
the same number of rows, made by a generator of constant tuples (a counter in the first column,
for the keys), inserted by sqlite3's executemany. Results go to benchmarks/results/synth-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bigdb import parse_size, size_label
from benchmarks.paired import Spread, interleaved, pair_of

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
TARGET_WALL_S, TARGET_RSS_MB, TARGET_SIZE = 120.0, 1024.0, 1_000_000


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT
         ) -> dict[str, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=cwd)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(args)} failed: {err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def synth(enterprises: int, out: Path, source: Path | None = None) -> dict[str, float]:
    """`parkdesk synth` of this tree (or of the tree at `source`) into `out`."""
    out.unlink(missing_ok=True)
    env = dict(os.environ)
    if source is not None:  # (run from there too: `-m` puts the working folder first)
        env["PYTHONPATH"] = str(source)
    try:
        return _run([sys.executable, "-m", "parkdesk", "synth", "--enterprises", str(enterprises),
                     "-o", str(out)], env, source or ROOT)
    finally:
        out.unlink(missing_ok=True)


def row_counts(db: Path) -> dict[str, int]:
    """Rows per ordinary table of a synth file (not sqlite's, the migrations', FTS5's own)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        fts = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
        tables = [name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*' "
            "AND name NOT GLOB '_sqlite*' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
            if not any(name.startswith(f + "_") for f in fts)]
        return {t: con.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    finally:
        con.close()


def write_floor(counts: dict[str, int], out: Path) -> None:
    """The floor itself (run in a child process by `floor`)."""
    from sqlite_utils import Database

    from parkdesk.core.db.schema import create_schema

    out.unlink(missing_ok=True)
    con = sqlite3.connect(out, isolation_level=None)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -131072",
                   "temp_store = FILE"):
        con.execute(f"PRAGMA {pragma}")
    create_schema(Database(con))
    for kind, name in con.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND tbl_name NOT GLOB '_sqlite*'").fetchall():
        con.execute(f"DROP {kind.upper()} [{name}]")
    con.execute("BEGIN")
    for table, n in counts.items():
        width = len(con.execute(f"PRAGMA table_info([{table}])").fetchall())
        rest = ("x",) * (width - 1)
        marks = ", ".join("?" * width)
        con.executemany(f"INSERT INTO [{table}] VALUES ({marks})",
                        ((i, *rest) for i in range(1, n + 1)))
    con.execute("COMMIT")
    con.close()


def floor(counts_file: Path, out: Path) -> dict[str, float]:
    try:
        return _run([sys.executable, "-m", "benchmarks.synth", "--floor", str(counts_file),
                     "-o", str(out)])
    finally:
        out.unlink(missing_ok=True)


def measure(enterprises: int, rounds: int, before: Path | None, folder: Path) -> dict:
    """Paired, interleaved rounds of synth, the floor and (with `before`) the older synth."""
    probe = folder / "probe.db"
    subprocess.run([sys.executable, "-m", "parkdesk", "synth", "--enterprises", str(enterprises),
                    "-o", str(probe)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    counts = row_counts(probe)
    probe.unlink()
    counts_file = folder / "counts.json"
    counts_file.write_text(json.dumps(counts))
    measures = {"synth": lambda: synth(enterprises, folder / "synth.db"),
                "floor": lambda: floor(counts_file, folder / "floor.db")}
    if before is not None:
        measures["before"] = lambda: synth(enterprises, folder / "before.db", before)
    samples = interleaved(measures, rounds, warmup=False)
    result: dict = {"enterprises": enterprises, "rounds": rounds, "rows": counts,
                    "samples": samples}
    for name, s in samples.items():
        result[name] = {m: Spread.of([x[m] for x in s]).as_dict() for m in ("wall", "cpu", "rss_mb")}
    for other in [m for m in measures if m != "synth"]:
        p = pair_of(samples["synth"], samples[other])
        result[f"synth/{other}"] = {m: p.ratio(m).as_dict() for m in ("wall", "cpu")}
    return result


def _report(r: dict) -> str:
    lines = [f"parkdesk synth, {r['enterprises']:,} enterprises, {r['rounds']} round(s) "
             "(min / median / max)"]
    for name in ("synth", "before", "floor"):
        if name in r:
            f = r[name]
            lines.append(f"  {name:7} wall {_s(f['wall'])} s   CPU {_s(f['cpu'])} s   "
                         f"peak RSS {_s(f['rss_mb'], 0)} MB")
    for key in [k for k in r if k.startswith("synth/")]:
        lines.append(f"  {key:13} wall {_s(r[key]['wall'], 2)}   CPU {_s(r[key]['cpu'], 2)}")
    if r["enterprises"] == TARGET_SIZE:
        ok = r["synth"]["wall"]["median"] <= TARGET_WALL_S and \
            r["synth"]["rss_mb"]["max"] <= TARGET_RSS_MB
        lines.append(f"  target ≤ {TARGET_WALL_S:.0f} s and ≤ {TARGET_RSS_MB:.0f} MB: "
                     f"{'met' if ok else 'NOT met'}")
    return "\n".join(lines)


def _s(spread: dict, digits: int = 1) -> str:
    return " / ".join(f"{spread[k]:.{digits}f}" for k in ("min", "median", "max"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=parse_size, default=parse_size("100k"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="also run the synth of the source tree in DIR (PYTHONPATH=DIR)")
    parser.add_argument("--dir", type=Path, help="where the files go (default: a temp folder)")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)  # (the floor's child)
    parser.add_argument("-o", "--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        write_floor(json.loads(args.floor.read_text()), args.output)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="synth-bench-", dir=args.dir))
    try:
        result = measure(args.size, args.rounds, args.before, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(_report(result))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"synth-{size_label(args.size)}.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
