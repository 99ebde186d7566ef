"""Export benchmarks (issue 13): every format against its floor, paired and interleaved.

    .venv/bin/python -m benchmarks.exports --db /tmp/exports-100k.db [--rounds 3]
    .venv/bin/python -m benchmarks.exports --enterprises 1000000 --db /tmp/exports-1m.db --rounds 1

The database is `parkdesk synth --enterprises N` output, made when missing (slow at 1M: make
it once, nice'd, and keep it). Each round runs, for every format, the floor and the export
one after the other, in alternating order, each in a process of its own, writing to a file in
the same folder; wall time, CPU time (user + system: the machine is shared) and the
process's peak RSS (os.wait4) are recorded. The floor is
`sqlite3 -csv` dumping the rows an export reads (entities, aliases, contacts, citations,
figures, roles, relations) into a file: what reading the same rows costs with no Python at all.
The ratio of each pair is taken, and the median over rounds printed; targets at 1M: ≤ 3× the
floor, peak RSS ≤ 150 MB. Results go to benchmarks/results/exports-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
FORMATS = (("json", "3.0"), ("csv", "3.0"), ("vcard", "3.0"), ("vcard", "4.0"),
           ("google-csv", "3.0"), ("outlook-csv", "3.0"))
FLOOR_SQL = "; ".join(f"SELECT * FROM {t}" for t in (
    "entities", "aliases", "contacts", "citations", "figures", "roles", "relations"))
TARGET_RATIO, TARGET_RSS_MB = 3.0, 150


def _run(args: list[str], stdout: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one process."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def floor(db: Path, out: Path) -> tuple[float, float, float]:
    return _run(["sqlite3", "-csv", str(db), FLOOR_SQL], stdout=out)


def export(db: Path, fmt: str, version: str, out: Path) -> tuple[float, float, float]:
    parkdesk = str(Path(sys.executable).with_name("parkdesk"))
    return _run([parkdesk, "export", "--db", str(db), "--without-user-data", "--format", fmt,
                 "--vcard-version", version, "-o", str(out)])


def ensure_db(db: Path, enterprises: int) -> None:
    if db.exists():
        return
    parkdesk = str(Path(sys.executable).with_name("parkdesk"))
    subprocess.run(["nice", "-n", "10", parkdesk, "synth", "--enterprises", str(enterprises),
                    "-o", str(db)], check=True)


def measure(db: Path, rounds: int, formats: tuple[tuple[str, str], ...] = FORMATS) -> dict:
    """Paired, interleaved runs; the medians per format."""
    folder = Path(tempfile.mkdtemp(prefix="exports-bench-", dir=db.parent))
    samples: dict[str, list[dict]] = {}
    try:
        for r in range(rounds):
            for fmt, version in formats:
                name = fmt if fmt != "vcard" else f"vcard {version}"
                pair: dict = {}
                order = ("floor", "export") if r % 2 == 0 else ("export", "floor")
                for which in order:
                    target = folder / f"{which}.out"
                    wall, cpu, rss = (floor(db, target) if which == "floor"
                                      else export(db, fmt, version, target))
                    pair[which] = {"s": wall, "cpu_s": cpu, "rss_mb": rss,
                                   "bytes": target.stat().st_size}
                    target.unlink()
                pair["ratio"] = pair["export"]["s"] / pair["floor"]["s"]
                pair["cpu_ratio"] = pair["export"]["cpu_s"] / max(pair["floor"]["cpu_s"], 1e-3)
                samples.setdefault(name, []).append(pair)
                print(f"  round {r + 1} {name}: {pair['export']['s']:.2f} s vs floor "
                      f"{pair['floor']['s']:.2f} s ({pair['ratio']:.1f}x; CPU {pair['cpu_ratio']:.1f}x), "
                      f"{pair['export']['rss_mb']:.0f} MB", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {name: {
        "export_s": median(p["export"]["s"] for p in pairs),
        "floor_s": median(p["floor"]["s"] for p in pairs),
        "ratio": median(p["ratio"] for p in pairs),
        "export_cpu_s": median(p["export"]["cpu_s"] for p in pairs),
        "floor_cpu_s": median(p["floor"]["cpu_s"] for p in pairs),
        "cpu_ratio": median(p["cpu_ratio"] for p in pairs),
        "rss_mb": max(p["export"]["rss_mb"] for p in pairs),
        "floor_rss_mb": max(p["floor"]["rss_mb"] for p in pairs),
        "bytes": pairs[0]["export"]["bytes"],
        "runs": len(pairs),
    } for name, pairs in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.exports")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", default=None, help="e.g. json,csv (default: all)")
    args = parser.parse_args(argv)
    db = args.db or RESULTS / f"exports-{args.enterprises}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    ensure_db(db, args.enterprises)
    formats = FORMATS
    if args.formats:
        wanted = set(args.formats.split(","))
        formats = tuple(f for f in FORMATS if f[0] in wanted)
    figures = measure(db, args.rounds, formats)
    print(f"\n{db.name}: median of {args.rounds} paired round(s)")
    print(f"{'format':<12} {'export s':>9} {'floor s':>8} {'ratio':>6} {'CPU ratio':>9} "
          f"{'peak MB':>8}  target")
    for name, f in figures.items():
        ok = f["ratio"] <= TARGET_RATIO and f["rss_mb"] <= TARGET_RSS_MB
        print(f"{name:<12} {f['export_s']:>9.2f} {f['floor_s']:>8.2f} {f['ratio']:>6.1f} "
              f"{f['cpu_ratio']:>9.1f} {f['rss_mb']:>8.0f}  {'met' if ok else 'missed'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"exports-{db.stem}.json"
    out.write_text(json.dumps({"db": str(db), "rounds": args.rounds, "figures": figures},
                              indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
