"""Cold start to the first painted window, a new process per run: parkdesk against two floors.

Each round starts every kind once, in an order rotated round by round (benchmarks.paired
.interleaved): the bare window, the same-widgets window, parkdesk on each database. A ratio
is taken within each round (parkdesk / floor), then the median of the rounds' ratios; wall
time (spawn to first paint) and CPU time (the child's user + system at first paint) both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.paired import Paired, interleaved, pair_of

CHILD = Path(__file__).with_name("startup_child.py")
FLOORS = ("bare", "widgets")


def one_start(what: str, db: Path | None, env: dict[str, str]) -> dict[str, float]:
    """Wall seconds from spawning the process to its first painted window, its CPU seconds to
    then, and its peak RSS (MB)."""
    began = time.monotonic()
    done = subprocess.run([sys.executable, str(CHILD), what, str(db or "-")],
                          env=env, capture_output=True, text=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {}
    if done.returncode != 0 or not result.get("painted"):
        raise RuntimeError(f"start-up run failed ({what} {db}): {result} {done.stderr[-1500:]}")
    return {"wall": result["painted"] - began, "cpu": result["cpu"],
            "rss_mb": result["rss_kb"] / 1024}


def measure(databases: dict[str, Path], env: dict[str, str], rounds: int
            ) -> dict[str, list[dict[str, float]]]:
    """Start-up samples per kind ("bare", "widgets", one per database label), round by round."""
    kinds = {
        "bare": lambda: one_start("bare", None, env),
        "widgets": lambda: one_start("widgets", None, env),
        **{label: (lambda db=db: one_start("app", db, env)) for label, db in databases.items()},
    }
    return interleaved(kinds, rounds)


def ratios(samples: dict[str, list[dict[str, float]]], label: str) -> dict[str, Paired]:
    """parkdesk on `label` paired with each floor."""
    return {floor: pair_of(samples[label], samples[floor]) for floor in FLOORS}
